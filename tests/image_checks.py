"""Checks that an exported picture has real content (not a blank or a stray frame)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

SVG_NS = "{http://www.w3.org/2000/svg}"


def assert_png_has_content(data: bytes) -> None:
    from PySide6.QtGui import QImage

    image = QImage.fromData(data, "PNG")
    assert not image.isNull() and image.width() > 100 and image.height() > 100
    colors = {
        image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    assert len(colors) > 10  # curves, axes, text: not one flat colour


def assert_svg_has_content(data: bytes) -> None:
    root = ET.fromstring(data)  # parses as XML
    assert root.tag == SVG_NS + "svg"
    tags = [el.tag for el in root.iter()]
    assert tags.count(SVG_NS + "polyline") + tags.count(SVG_NS + "path") >= 3
    _, _, width, height = (float(v) for v in root.get("viewBox").split())
    for rect in root.iter(SVG_NS + "rect"):  # pyqtgraph #2018: no stray background rect
        w, h = rect.get("width", ""), rect.get("height", "")
        assert "%" not in w + h
        assert not (float(w) >= width and float(h) >= height), rect.attrib
