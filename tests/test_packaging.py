"""The packaging of a desktop app: dependencies declared once in spirit, twice in fact.

``requirements.txt`` (what the README's commands install) and ``pyproject.toml``'s
``[project]`` table (what ``pip install .`` installs) must name the same packages with the
same version ranges: the runtime part of one is ``dependencies`` of the other, the test
part is the ``test`` extra. Parsed from the files here, no network.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = {"# Runtime": "runtime", "# Tests": "test"}


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
        "# Runtime\nnumpy>=1.26,<3\n# why this pin\nPySide6-Essentials>=6.8\n"
        "\n# Tests\npytest>=8\n"
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
