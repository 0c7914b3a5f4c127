"""Refresh the Korean translation: lupdate over the GUI's sources, then lrelease.

    python tools/update_translations.py          # update the .ts, then build the .qm
    python tools/update_translations.py --check  # exit 1 if the .ts lacks or leaves
                                                 # unfinished any string the code uses

``pyside6-lupdate`` finds ``self.tr("...")``, ``QCoreApplication.translate("Ctx",
"...")`` and the ``QT_TRANSLATE_NOOP`` markers in ``gui/**/*.py`` and ``main.py``, and
merges them into ``gui/translations/autodiff_tutor_ko.ts``: translations already made
are kept, new strings arrive as ``type="unfinished"``, strings no longer used are
dropped. Translate those in Qt Linguist (or any editor), then run this again to compile
``autodiff_tutor_ko.qm``, which the app loads.

lupdate cannot see through a helper such as ``def _tr(text): return
QCoreApplication.translate("SessionController", text)``: it only reads literal
arguments. So this script also finds such helpers (a function whose body returns
``translate("<context>", <its parameter>)``) and every call of them with a literal
string, and hands those to lupdate as ``QT_TRANSLATE_NOOP`` markers on the same lines.
The same goes for the sentences of ``tutor/``, which cannot use Qt: every
``Message("template", ...)`` with a literal template becomes a marker in the context
``Message``.
"""

from __future__ import annotations

import argparse
import ast
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "gui" / "translations"
TS_FILE = TRANSLATIONS / "autodiff_tutor_ko.ts"
QM_FILE = TRANSLATIONS / "autodiff_tutor_ko.qm"
HELPER_DIR = "tr-helper-strings"


def sources() -> list[Path]:
    """The files whose strings are translated: gui/**/*.py, tutor/**/*.py (its
    ``Message("...")`` templates) and main.py."""
    files = sorted((ROOT / "gui").rglob("*.py")) + sorted((ROOT / "tutor").rglob("*.py"))
    main = ROOT / "main.py"
    if main.exists():
        files.append(main)
    return files


def tool(name: str) -> str | None:
    """Path of a Qt tool (``pyside6-lupdate``), next to Python or on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    return shutil.which(name)


# -- helpers such as _tr("...") ---------------------------------------------------------


def _translate_helpers(tree: ast.Module) -> dict[str, str]:
    """Module-level functions ``f(text)`` that return ``X.translate("<ctx>", text)``."""
    helpers = {}
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef) or not node.args.args:
            continue
        param = node.args.args[0].arg
        for stmt in node.body:
            if not isinstance(stmt, ast.Return) or not isinstance(stmt.value, ast.Call):
                continue
            call = stmt.value
            func = call.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if (
                name == "translate"
                and len(call.args) >= 2
                and isinstance(call.args[0], ast.Constant)
                and isinstance(call.args[0].value, str)
                and isinstance(call.args[1], ast.Name)
                and call.args[1].id == param
            ):
                helpers[node.name] = call.args[0].value
    return helpers


# tutor/ cannot call Qt: its sentences are ``Message("template", ...)`` objects, which the
# window translates in this context (gui/i18n.py, tr_message).
MESSAGE_CLASS, MESSAGE_CONTEXT = "Message", "Message"


def helper_markers(path: Path) -> str | None:
    """A file with a ``QT_TRANSLATE_NOOP`` on the line of every literal helper call
    and of every ``Message("...")`` template."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    helpers = _translate_helpers(tree)
    helpers[MESSAGE_CLASS] = MESSAGE_CONTEXT
    lines: dict[int, list[str]] = {}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in helpers
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            context = helpers[node.func.id]
            marker = f"QT_TRANSLATE_NOOP({context!r}, {node.args[0].value!r})"
            lines.setdefault(node.lineno, []).append(marker)
    if not lines:
        return None
    out = [""] * max(lines)
    for lineno, markers in lines.items():
        out[lineno - 1] = "; ".join(markers)
    return "\n".join(out) + "\n"


# -- running the tools ------------------------------------------------------------------------


def run_lupdate(
    ts_file: Path, files: list[Path] | None = None, target_language: str = "ko"
) -> None:
    """Merge the strings of ``files`` (default: ``sources()``) into ``ts_file``."""
    lupdate = tool("pyside6-lupdate")
    if lupdate is None:
        raise FileNotFoundError("pyside6-lupdate not found (it comes with PySide6-Essentials)")
    files = list(files if files is not None else sources())
    if ts_file.exists():  # keep the language the file names (ko_KR, not ko)
        target_language = ET.parse(ts_file).getroot().get("language") or target_language
    with tempfile.TemporaryDirectory() as tmp:
        marker_root = Path(tmp) / HELPER_DIR
        inputs = [str(f) for f in files]
        for f in files:
            text = helper_markers(f)
            if text is not None:
                marker = marker_root / f.resolve().relative_to(ROOT)
                marker.parent.mkdir(parents=True, exist_ok=True)
                marker.write_text(text, encoding="utf-8")
                inputs.append(str(marker))
        subprocess.run(
            [
                lupdate,
                "-silent",
                "-no-obsolete",
                "-locations",
                "absolute",
                "-source-language",
                "en",
                "-target-language",
                target_language,
                *inputs,
                "-ts",
                str(ts_file),
            ],
            check=True,
        )
    # Markers stand in for the real files: point their locations back at them
    # (only for the committed file; a scratch .ts elsewhere keeps the scratch paths.)
    if ts_file.resolve().parent == TRANSLATIONS:
        text = ts_file.read_text(encoding="utf-8")
        text = re.sub(
            r'filename="[^"]*?/' + HELPER_DIR + r'/gui/([^"]*)"', r'filename="../\1"', text
        )
        text = re.sub(
            r'filename="[^"]*?/' + HELPER_DIR + r'/([^"]*)"', r'filename="../../\1"', text
        )
        ts_file.write_text(text, encoding="utf-8")


def run_lrelease(ts_file: Path = TS_FILE, qm_file: Path = QM_FILE) -> None:
    lrelease = tool("pyside6-lrelease")
    if lrelease is None:
        raise FileNotFoundError("pyside6-lrelease not found (it comes with PySide6-Essentials)")
    subprocess.run([lrelease, "-silent", str(ts_file), "-qm", str(qm_file)], check=True)


# -- reading a .ts ----------------------------------------------------------------------------


def messages(ts_file: Path) -> dict[tuple[str, str], str | None]:
    """``(context, source) -> translation`` of every current message (None: unfinished)."""
    root = ET.parse(ts_file).getroot()
    found: dict[tuple[str, str], str | None] = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            tr = message.find("translation")
            kind = tr.get("type") if tr is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            text = tr.text if tr is not None else None
            finished = kind != "unfinished" and text is not None and text.strip() != ""
            found[(name, source)] = text if finished else None
    return found


def problems(ts_file: Path = TS_FILE) -> list[str]:
    """Strings the code uses that the committed .ts lacks or leaves untranslated."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        language = ET.parse(ts_file).getroot().get("language") if ts_file.exists() else None
        run_lupdate(fresh, target_language=language or language_of(ts_file))
        used = messages(fresh)
    have = messages(ts_file) if ts_file.exists() else {}
    out = []
    for key in sorted(used):
        if key not in have:
            out.append(f"missing from {ts_file.name}: [{key[0]}] {key[1]!r}")
        elif have[key] is None:
            out.append(f"unfinished in {ts_file.name}: [{key[0]}] {key[1]!r}")
    return out


def catalogues() -> list[Path]:
    """Every language's source catalogue: ``gui/translations/autodiff_tutor_<code>.ts``.

    A new language starts as a copy of no file at all: ``--new CODE`` creates it.
    """
    return sorted(TRANSLATIONS.glob("autodiff_tutor_*.ts"))


def language_of(ts_file: Path) -> str:
    return ts_file.stem.removeprefix("autodiff_tutor_")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report missing/unfinished")
    parser.add_argument("--new", metavar="CODE", help="start a catalogue for language CODE")
    args = parser.parse_args(argv)
    if args.new:
        new = TRANSLATIONS / f"autodiff_tutor_{args.new}.ts"
        if new.exists():
            print(f"{new.relative_to(ROOT)} exists already", file=sys.stderr)
            return 1
        run_lupdate(new, target_language=args.new)
    if args.check:
        found = [line for ts in catalogues() for line in problems(ts)]
        for line in found:
            print(line)
        return 1 if found else 0
    TRANSLATIONS.mkdir(parents=True, exist_ok=True)
    for ts in catalogues():
        qm = ts.with_suffix(".qm")
        run_lupdate(ts, target_language=language_of(ts))
        run_lrelease(ts, qm)
        todo = [k for k, v in messages(ts).items() if v is None]
        print(f"{ts.relative_to(ROOT)}: {len(messages(ts))} strings, {len(todo)} unfinished")
        print(f"{qm.relative_to(ROOT)}: built")
    return 0


if __name__ == "__main__":
    sys.exit(main())
