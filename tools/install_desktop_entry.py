"""Add Autodiff Tutor to the desktop's application menu, for the current user only.

    python tools/install_desktop_entry.py              # install (or refresh) the entry
    python tools/install_desktop_entry.py --uninstall  # remove what the install wrote

Writes, under ``$XDG_DATA_HOME`` (default ``~/.local/share``):

    applications/<id>.desktop               the menu entry; Exec runs this checkout's
                                            main.py with the Python running this script
    icons/hicolor/<N>x<N>/apps/<id>.png     the icon at 16, 32, 48, 64, 128, 256 px
    icons/hicolor/scalable/apps/<id>.svg    and as SVG
    metainfo/<id>.metainfo.xml              the AppStream description

``<id>`` is the application id, the name of the ``.desktop`` file in packaging/linux/.
Run it with the Python that has the requirements installed (a venv's python, say); run
it again after moving the checkout. Nothing outside those files is touched, and no
administrator rights are needed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "gui" / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def app_id() -> str:
    """The reverse-DNS id: the stem of the one ``.desktop`` file in packaging/linux/."""
    entries = sorted(LINUX.glob("*.desktop"))
    if len(entries) != 1:
        raise SystemExit(f"error: expected one .desktop file in {LINUX}, found {len(entries)}")
    return entries[0].name.removesuffix(".desktop")


def data_home() -> Path:
    """``$XDG_DATA_HOME`` if it is set to an absolute path (the spec ignores a relative
    one), else ``~/.local/share``."""
    value = os.environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def exec_argument(arg: str) -> str:
    """One argument of an Exec line, quoted as the Desktop Entry spec asks.

    Inside double quotes ``"`` `` ` `` ``$`` and ``\\`` take a backslash; ``%`` is
    written ``%%`` (a lone ``%`` starts a field code such as ``%f``).
    """
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in arg.replace("%", "%%"))
    return f'"{escaped}"'


def desktop_value(text: str) -> str:
    """A string value of a desktop file: backslashes doubled, no raw line breaks."""
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def desktop_entry(template: str, python: str, main_py: str) -> str:
    """The committed entry with Exec and TryExec pointing at this checkout."""
    exec_line = f"{exec_argument(python)} {exec_argument(main_py)} %f"
    lines = []
    for line in template.splitlines():
        key = line.split("=", 1)[0].strip()
        if key == "Exec":
            line = f"Exec={desktop_value(exec_line)}"
        elif key == "TryExec":
            line = f"TryExec={desktop_value(python)}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def targets(identifier: str, data: Path) -> dict[Path, Path | None]:
    """{file to write: source to copy (None for the generated desktop entry)}."""
    hicolor = data / "icons" / "hicolor"
    files: dict[Path, Path | None] = {data / "applications" / f"{identifier}.desktop": None}
    for size in ICON_SIZES:
        png = ICONS / f"autodiff-tutor-{size}.png"
        files[hicolor / f"{size}x{size}" / "apps" / f"{identifier}.png"] = png
    files[hicolor / "scalable" / "apps" / f"{identifier}.svg"] = ICONS / "autodiff-tutor.svg"
    metainfo = f"{identifier}.metainfo.xml"
    files[data / "metainfo" / metainfo] = LINUX / metainfo
    return files


def refresh_icon_cache(data: Path) -> None:
    """A user's hicolor folder rarely has an icon cache; if it has one, a stale cache
    would hide the new icon, so rebuild it (when GTK's tool is there)."""
    hicolor = data / "icons" / "hicolor"
    tool = shutil.which("gtk-update-icon-cache")
    if tool and (hicolor / "icon-theme.cache").exists():
        subprocess.run([tool, "--quiet", "--ignore-theme-index", str(hicolor)], check=False)


def install(data: Path) -> list[Path]:
    identifier = app_id()
    template = (LINUX / f"{identifier}.desktop").read_text(encoding="utf-8")
    written = []
    for target, source in targets(identifier, data).items():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        if source is None:
            text = desktop_entry(template, sys.executable, str(ROOT / "main.py"))
            partial.write_text(text, encoding="utf-8")
        else:
            shutil.copyfile(source, partial)
        os.replace(partial, target)  # a menu never sees a half-written entry
        written.append(target)
    refresh_icon_cache(data)
    return written


def uninstall(data: Path) -> list[Path]:
    removed = []
    for target in targets(app_id(), data):
        if target.exists():
            target.unlink()
            removed.append(target)
    refresh_icon_cache(data)
    return removed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--uninstall", action="store_true", help="remove the files an install wrote"
    )
    args = parser.parse_args(argv)
    data = data_home()
    if args.uninstall:
        removed = uninstall(data)
        for path in removed:
            print(f"removed {path}")
        if not removed:
            print(f"nothing to remove under {data}")
        return 0
    for path in install(data):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
