"""The packaging habits of a desktop app: dependencies, icon, desktop entry, metainfo.

``requirements.txt`` (what the README's commands install) and ``pyproject.toml``'s
``[project]`` table (what ``pip install .`` installs) must name the same packages with the
same version ranges: the runtime part of one is ``dependencies`` of the other, the test
part is the ``test`` extra. The desktop entry and the AppStream file in packaging/linux/
name one application id, and ``tools/install_desktop_entry.py`` installs them with the
icons under ``$XDG_DATA_HOME``. Everything here is read from the files; no network.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = {"# Runtime": "runtime", "# Tests": "test"}
LINUX = ROOT / "packaging" / "linux"
INSTALLER = ROOT / "tools" / "install_desktop_entry.py"
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def requirements_txt_sections(text: str) -> dict[str, list[str]]:
    """The requirement lines of each section, a section starting at its heading comment."""
    sections: dict[str, list[str]] = {name: [] for name in SECTIONS.values()}
    current = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line in SECTIONS:
            current = SECTIONS[line]
        elif line and not line.startswith("#"):
            assert current is not None, f"requirements.txt:{number}: {line!r} before a heading"
            sections[current].append(line)
    return sections


def normalised(lines: list[str]) -> dict[str, tuple[str, str]]:
    """{canonical name: (specifier, marker)}, each in a canonical spelling; no duplicates."""
    table: dict[str, tuple[str, str]] = {}
    for line in lines:
        requirement = Requirement(line)
        name = requirement.name.lower().replace("_", "-").replace(".", "-")
        assert name not in table, f"{name} is listed twice"
        specifier = ",".join(sorted(str(spec) for spec in requirement.specifier))
        table[name] = (specifier, str(requirement.marker or ""))
    return table


@pytest.fixture(scope="module")
def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@pytest.fixture(scope="module")
def requirements() -> dict[str, list[str]]:
    return requirements_txt_sections((ROOT / "requirements.txt").read_text(encoding="utf-8"))


def test_the_sections_of_requirements_txt_are_read_line_by_line():
    text = (
        "# Runtime\nnumpy>=1.26,<3\n# why this pin\nPySide6-Essentials>=6.8\n\n# Tests\npytest>=8\n"
    )
    assert requirements_txt_sections(text) == {
        "runtime": ["numpy>=1.26,<3", "PySide6-Essentials>=6.8"],
        "test": ["pytest>=8"],
    }


def test_normalising_ignores_spelling_but_not_versions():
    assert normalised(["PySide6_Essentials<6.11, >=6.8"]) == normalised(
        ["pyside6-essentials>=6.8,<6.11"]
    )
    assert normalised(["numpy>=1.26"]) != normalised(["numpy>=1.25"])


def test_runtime_requirements_are_the_project_dependencies(project, requirements):
    assert requirements["runtime"], "requirements.txt has no runtime section"
    assert normalised(project["dependencies"]) == normalised(requirements["runtime"])


def test_test_requirements_are_the_test_extra(project, requirements):
    assert requirements["test"], "requirements.txt has no test section"
    extra = project["optional-dependencies"]["test"]
    assert normalised(extra) == normalised(requirements["test"])


def test_the_qt_binding_keeps_its_pin(project, requirements):
    # 6.12.0 aborts on CPython 3.11; from 6.11 pyqtgraph's SVG export breaks.
    expected = {"pyside6-essentials": ("<6.11,>=6.8", "")}
    for lines in (project["dependencies"], requirements["runtime"]):
        table = normalised(lines)
        assert {"pyside6-essentials": table["pyside6-essentials"]} == expected


def test_torch_is_not_a_requirement(project, requirements):
    # The benchmarks compare against torch when it is there; the app never needs it.
    lists = [requirements["runtime"], requirements["test"], project["dependencies"]]
    lists += project["optional-dependencies"].values()
    names = {name for lines in lists for name in normalised(lines)}
    assert "numpy" in names and "torch" not in names


def test_the_command_line_entry_point_names_main_py_s_main(project):
    assert project["scripts"] == {"autodiff-tutor": "main:main"}
    import main

    assert callable(main.main)


# -- what pip install . ships ---------------------------------------------------------------


def test_package_data_covers_every_file_the_app_reads_at_run_time():
    # A translation, an icon or a lesson file left out of the wheel would be missing
    # only for people who pip-installed the app: the sources need no such list.
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    package_data = config["tool"]["setuptools"]["package-data"]
    shipped = set()
    for package, patterns in package_data.items():
        folder = ROOT.joinpath(*package.split("."))
        for pattern in patterns:
            shipped.update(path for path in folder.glob(pattern) if path.is_file())
    needed = {
        path
        for top in ("engine", "tutor", "gui")
        for path in (ROOT / top).rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.suffix not in (".py", ".pyc", ".ts")  # .ts: translators' source of the .qm
    }
    assert ROOT / "gui" / "translations" / "autodiff_tutor_ko.qm" in needed
    assert sorted(map(str, needed - shipped)) == []


# -- the icon --------------------------------------------------------------------------------


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (read here, not through Qt)."""
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is no PNG"
    return struct.unpack(">II", data[16:24])


def test_every_icon_size_is_a_png_of_that_size():
    for size in ICON_SIZES:
        assert png_size(ROOT / "gui" / "icons" / f"autodiff-tutor-{size}.png") == (size, size)


def test_the_application_carries_the_icon_at_every_size_and_its_desktop_id():
    # In a fresh interpreter: create_app styles and translates the process-wide app.
    code = (
        "from PySide6.QtCore import QStandardPaths\n"
        "QStandardPaths.setTestModeEnabled(True)\n"
        "from gui.app import create_app\n"
        "app = create_app(['autodiff-tutor'])\n"
        "print(sorted(s.width() for s in app.windowIcon().availableSizes()))\n"
        "print(app.desktopFileName())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    sizes, desktop_id = result.stdout.strip().splitlines()[-2:]
    assert sizes == str(list(ICON_SIZES))
    assert desktop_id == desktop_file().stem


# -- the desktop entry and the AppStream file ----------------------------------------------


def desktop_file() -> Path:
    entries = sorted(LINUX.glob("*.desktop"))
    assert len(entries) == 1, entries
    return entries[0]


def parse_desktop_entry(text: str) -> dict[str, dict[str, str]]:
    """{group: {key: raw value}}, as the Desktop Entry spec lays a file out."""
    groups: dict[str, dict[str, str]] = {}
    group = None
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            group = groups.setdefault(line[1:-1], {})
            continue
        key, sep, value = line.partition("=")
        assert sep and group is not None, f"line {number}: {line!r}"
        assert key.strip() not in group, f"line {number}: {key} twice"
        group[key.strip()] = value.strip()
    return groups


def exec_arguments(value: str) -> list[str]:
    """An Exec value as a launcher reads it (Desktop Entry spec, "The Exec key"): string
    escapes undone, then split at spaces outside double quotes, inside which each of
    ``" ` $ \\`` must follow a backslash; then ``%%`` is a literal ``%``."""
    escapes = {"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}
    text = re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), "\\" + m.group(1)), value)
    args: list[str] = []
    current: list[str] | None = None
    quoted = False
    i = 0
    while i < len(text):
        c = text[i]
        if quoted and c == "\\":
            assert text[i + 1 : i + 2] in tuple('"`$\\'), f"stray backslash in {value!r}"
            current.append(text[i + 1])
            i += 1
        elif quoted and c in "`$":  # a launcher handing Exec to a shell would expand it
            raise AssertionError(f"unescaped {c!r} inside quotes in {value!r}")
        elif c == '"':
            quoted = not quoted
            current = [] if current is None else current
        elif c == " " and not quoted:
            if current is not None:
                args.append("".join(current))
            current = None
        else:
            current = [] if current is None else current
            current.append(c)
        i += 1
    assert not quoted, f"unclosed quote in {value!r}"
    if current is not None:
        args.append("".join(current))
    return [a if re.fullmatch("%[a-zA-Z]", a) else a.replace("%%", "%") for a in args]


APP_ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*){2,}$")


def test_the_desktop_entry_names_the_app_by_its_reverse_dns_id():
    entry = parse_desktop_entry(desktop_file().read_text(encoding="utf-8"))["Desktop Entry"]
    app_id = desktop_file().stem
    assert APP_ID_PATTERN.match(app_id), app_id
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Autodiff Tutor"
    assert entry["Icon"] == app_id
    assert exec_arguments(entry["Exec"]) == ["autodiff-tutor", "%f"]  # pip install's command
    assert "Education" in entry["Categories"].split(";")
    # X11 matches windows to entries by WM_CLASS, whose class Qt takes from the app name.
    assert entry["StartupWMClass"] == "Autodiff Tutor"


def test_the_metainfo_describes_the_same_app():
    app_id = desktop_file().stem
    component = ET.parse(LINUX / f"{app_id}.metainfo.xml").getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == app_id
    assert component.findtext("launchable") == f"{app_id}.desktop"
    assert component.findtext("icon") == app_id
    assert component.findtext("project_license") == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    versions = [r.get("version") for r in component.iter("release")]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert versions[0] == project["version"]


def test_the_window_announces_the_id_of_the_desktop_entry():
    from gui.app import APP_ID

    assert APP_ID == desktop_file().stem


# -- tools/install_desktop_entry.py ------------------------------------------------------------


def run_installer(env_changes: dict[str, str | None], *args: str):
    env = {k: v for k, v in os.environ.items() if k not in env_changes}
    env.update({k: v for k, v in env_changes.items() if v is not None})
    result = subprocess.run(
        [sys.executable, str(INSTALLER), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result


def installed_files(data: Path) -> list[str]:
    return sorted(str(p.relative_to(data)) for p in data.rglob("*") if p.is_file())


def expected_files() -> list[str]:
    app_id = desktop_file().stem
    files = [
        f"applications/{app_id}.desktop",
        f"metainfo/{app_id}.metainfo.xml",
        f"icons/hicolor/scalable/apps/{app_id}.svg",
    ]
    files += [f"icons/hicolor/{n}x{n}/apps/{app_id}.png" for n in ICON_SIZES]
    return sorted(files)


def test_the_installer_writes_entry_icons_and_metainfo_under_xdg_data_home(tmp_path):
    data = tmp_path / "data"
    run_installer({"XDG_DATA_HOME": str(data), "HOME": str(tmp_path / "home")})
    assert installed_files(data) == expected_files()
    assert not (tmp_path / "home").exists()
    app_id = desktop_file().stem
    for n in ICON_SIZES:
        assert png_size(data / f"icons/hicolor/{n}x{n}/apps/{app_id}.png") == (n, n)
    entry = parse_desktop_entry((data / f"applications/{app_id}.desktop").read_text("utf-8"))
    assert entry["Desktop Entry"]["Icon"] == app_id
    assert exec_arguments(entry["Desktop Entry"]["Exec"]) == [
        sys.executable,
        str(ROOT / "main.py"),
        "%f",
    ]
    assert entry["Desktop Entry"]["TryExec"] == sys.executable


def test_the_installed_exec_line_runs_this_checkout(tmp_path):
    run_installer({"XDG_DATA_HOME": str(tmp_path)})
    entry = parse_desktop_entry(
        (tmp_path / f"applications/{desktop_file().stem}.desktop").read_text("utf-8")
    )
    command = exec_arguments(entry["Desktop Entry"]["Exec"])[:-1]  # without %f
    result = subprocess.run(
        [*command, "eval", "x^2*y", "x=3", "y=2"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    # f = x²y, ∂f/∂x = 2xy, ∂f/∂y = x², at (3, 2)
    assert result.stdout.splitlines() == ["f = 18", "df/dx = 12", "df/dy = 9"], result.stderr


def test_the_installer_falls_back_to_local_share_in_home(tmp_path):
    # The XDG spec: unset, empty or relative XDG_DATA_HOME means ~/.local/share.
    for value in (None, "", "relative/data"):
        home = tmp_path / f"home-{value!s}".replace("/", "-")
        run_installer({"XDG_DATA_HOME": value, "HOME": str(home)})
        assert installed_files(home / ".local" / "share") == expected_files()


def test_uninstall_removes_exactly_what_install_wrote(tmp_path):
    data = tmp_path / "data"
    keep = data / "applications" / "someone-else.desktop"
    keep.parent.mkdir(parents=True)
    keep.write_text("[Desktop Entry]\n", encoding="utf-8")
    run_installer({"XDG_DATA_HOME": str(data)})
    run_installer({"XDG_DATA_HOME": str(data)})  # installing twice is a refresh
    assert installed_files(data) == sorted([*expected_files(), "applications/someone-else.desktop"])
    result = run_installer({"XDG_DATA_HOME": str(data)}, "--uninstall")
    assert installed_files(data) == ["applications/someone-else.desktop"]
    assert result.stdout.count("removed ") == len(expected_files())
    again = run_installer({"XDG_DATA_HOME": str(data)}, "--uninstall")
    assert again.stdout.startswith("nothing to remove")


def load_installer():
    spec = importlib.util.spec_from_file_location("install_desktop_entry", INSTALLER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "path",
    [
        "/opt/my apps/python3",
        '/tmp/a"b/python',
        "/tmp/$HOME/`x`/p",
        "/tmp/back\\slash/p",
        "/tmp/100%/python",
        "/tmp/tab\tand;semi&(x)/p",
    ],
)
def test_an_awkward_path_survives_the_exec_line_quoting(path):
    installer = load_installer()
    text = installer.desktop_entry("[Desktop Entry]\nExec=x\nTryExec=x\n", path, path + ".py")
    entry = parse_desktop_entry(text)["Desktop Entry"]
    assert exec_arguments(entry["Exec"]) == [path, path + ".py", "%f"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_the_committed_and_the_installed_entry_pass_desktop_file_validate(tmp_path):
    run_installer({"XDG_DATA_HOME": str(tmp_path)})
    for path in (desktop_file(), tmp_path / "applications" / desktop_file().name):
        result = subprocess.run(
            ["desktop-file-validate", str(path)], capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout
