"""Render the application icon's PNG sizes from its SVG, offscreen, with Qt's own renderer.

    python tools/render_icons.py          # write gui/icons/autodiff-tutor-<N>.png
    python tools/render_icons.py --check  # exit 1 if a PNG is missing or has the wrong size

The SVG (``gui/icons/autodiff-tutor.svg``) is the source; the PNGs are committed so the
window and the desktop entry need no SVG support at run time. Run this after editing
the SVG, then look at the 16 px and 256 px renders.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "gui" / "icons"
SVG = ICONS / "autodiff-tutor.svg"
SIZES = (16, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / f"autodiff-tutor-{size}.png"


def render(svg: Path, size: int):
    """The SVG drawn into a transparent size x size image (a QImage)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def check() -> list[str]:
    from PySide6.QtGui import QImage

    problems = []
    for size in SIZES:
        path = png_path(size)
        image = QImage(str(path))
        if image.isNull():
            problems.append(f"{path.relative_to(ROOT)}: missing or unreadable")
        elif (image.width(), image.height()) != (size, size):
            problems.append(f"{path.relative_to(ROOT)}: {image.width()}x{image.height()}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the PNGs")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841
    if args.check:
        problems = check()
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        return 1 if problems else 0
    for size in SIZES:
        path = png_path(size)
        if not render(SVG, size).save(str(path), "PNG"):
            print(f"error: cannot write {path}", file=sys.stderr)
            return 1
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
