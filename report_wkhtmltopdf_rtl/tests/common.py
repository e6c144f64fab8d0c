import io

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer

POINTS_PER_MM = 72 / 25.4


def first_page_glyphs(pdf):
    """(page width in points, [glyph, ...]) of the first page of `pdf`: its visible glyphs."""
    page = next(extract_pages(io.BytesIO(pdf)))
    glyphs, boxes = [], [page]
    while boxes:
        box = boxes.pop()
        if isinstance(box, LTChar) and box.width > 0.5 and box.get_text().strip():
            glyphs.append(box)
        elif isinstance(box, LTContainer):
            boxes.extend(box)
    return page.width, glyphs


def misprinted(pdf, paperformat):
    """(glyphs on the first page of `pdf`, those drawn past a margin of `paperformat`, pairs of
    glyphs drawn over one another on a line)."""
    width, glyphs = first_page_glyphs(pdf)
    left, right = paperformat.margin_left * POINTS_PER_MM, width - paperformat.margin_right * POINTS_PER_MM
    outside = [glyph.get_text() for glyph in glyphs if glyph.x0 < left - 1 or glyph.x1 > right + 1]
    lines = {}
    for glyph in glyphs:  # by baseline
        lines.setdefault(round(glyph.matrix[5]), []).append(glyph)
    overlapping = []
    for line in lines.values():
        line.sort(key=lambda glyph: glyph.x0)
        overlapping += [
            (before.get_text(), after.get_text())
            for before, after in zip(line, line[1:], strict=False)
            if before.x1 - after.x0 > 0.3 * min(before.width, after.width)
        ]
    return glyphs, outside, overlapping
