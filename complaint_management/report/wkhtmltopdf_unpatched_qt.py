"""Pages that wkhtmltopdf built on an unpatched Qt (Debian's package) prints right.

That build prints no header or footer, so the letterhead goes into the page itself. It finds no
line break inside a run of Persian or Arabic text, so a paragraph is drawn as one line past both
margins; and it misplaces the pieces of a line that mixes directions (a word and its
full stop, a Persian sentence with a Latin code), which then overlap. Both go away when every Persian
word, every run of left-to-right text and every mark around them is its own inline block: the blocks
wrap like words and each holds a single direction. The blocks are laid out by the paragraph's
direction, so a left-to-right run (a tracking code, a company name) is kept whole, as the Unicode
bidirectional algorithm would keep it.
"""
import re
import unicodedata

from lxml import etree, html

RIGHT_TO_LEFT = {"R", "AL"}
NUMBERS = {"EN", "AN"}
JOINED = {"NSM", "BN"}  # marks and joiners belong to the letter they follow (the hamza of «خانهٔ»)
SKIPPED_TAGS = {"script", "style", "title", "textarea"}
WORD = re.compile(r"\S+")


def _bidi(char):
    return unicodedata.bidirectional(char)


def _has_right_to_left(text):
    return any(_bidi(char) in RIGHT_TO_LEFT for char in text)


def _left_to_right_runs(text):
    """(start, end) of each run a right-to-left paragraph keeps left to right: from a Latin letter to
    the last Latin letter or digit before the next right-to-left letter."""
    runs, start, end = [], None, None
    for index, char in enumerate(text):
        kind = _bidi(char)
        if kind in RIGHT_TO_LEFT:
            if start is not None:
                runs.append((start, end))
            start = None
        elif kind == "L":
            start = index if start is None else start
            end = index + 1
        elif kind in NUMBERS and start is not None:
            end = index + 1
    if start is not None:
        runs.append((start, end))
    return runs


def _split_word(word):
    """A word as [marks before, core, marks after], dropping empty parts: marks around a word (a
    full stop, quotes, brackets) take the paragraph's direction, its core keeps its own."""
    strong = [i for i, char in enumerate(word) if _bidi(char) in RIGHT_TO_LEFT | NUMBERS | {"L"}]
    if strong:
        while strong[-1] + 1 < len(word) and _bidi(word[strong[-1] + 1]) in JOINED:
            strong.append(strong[-1] + 1)
    if not strong:
        return [word]
    first, last = strong[0], strong[-1] + 1
    return [part for part in (word[:first], word[first:last], word[last:]) if part]


def _pieces(text):
    """`text` cut into (piece, is_block): spaces stay text between the blocks."""
    pieces, position = [], 0
    for start, end in _left_to_right_runs(text) + [(len(text), len(text))]:
        for match in WORD.finditer(text, position, start):
            pieces.append((text[position:match.start()], False))
            pieces.extend((part, True) for part in _split_word(match.group()))
            position = match.end()
        pieces.append((text[position:start], False))
        if start < end:
            pieces.append((text[start:end], True))
        position = end
    pieces.append((text[position:], False))
    return [piece for piece in pieces if piece[0]]


def _blocks(text):
    """`text` as (leading text, [span, ...]), each span an inline block followed by its tail."""
    leading, spans = "", []
    for piece, is_block in _pieces(text):
        if is_block:
            span = etree.Element("span", style="display: inline-block; white-space: nowrap;")
            span.text = piece
            spans.append(span)
        elif spans:
            spans[-1].tail = (spans[-1].tail or "") + piece
        else:
            leading += piece
    return leading, spans


def _isolate(element):
    if not isinstance(element.tag, str) or element.tag in SKIPPED_TAGS:
        return
    for child in list(element):
        _isolate(child)
        if child.tail and _has_right_to_left(child.tail):
            child.tail, spans = _blocks(child.tail)
            for offset, span in enumerate(spans, start=1):
                element.insert(element.index(child) + offset, span)
    if element.text and _has_right_to_left(element.text):
        element.text, spans = _blocks(element.text)
        for offset, span in enumerate(spans):
            element.insert(offset, span)


def _body(page):
    root = html.document_fromstring(page)
    return root, root.find("body")


def _page(root):
    return etree.tostring(root, method="html", encoding="unicode", doctype="<!DOCTYPE html>")


def isolate_right_to_left_words(page):
    """The HTML page `page` (str) with every right-to-left word and left-to-right run in its own
    inline block."""
    root, body = _body(page)
    _isolate(body)
    return _page(root)


def _margin_content(part):
    """The header or footer div of the margin page `part`, less its page numbers; None without."""
    content = (_body(part)[1].xpath("//div[contains(concat(' ', @class, ' '), ' header ')"
                                    " or contains(concat(' ', @class, ' '), ' footer ')]") if part else [])
    if not content:
        return None
    for number in content[0].xpath(".//span[@class='page' or @class='topage']/.."):
        number.getparent().remove(number)
    return content[0]


def with_header_and_footer(page, header, footer):
    """The HTML page `page` opening with the content of the header page `header` and closing with
    that of the footer page `footer`, less the page numbers they can only show in a margin."""
    root, body = _body(page)
    if (content := _margin_content(header)) is not None:
        body.insert(0, content)
    if (content := _margin_content(footer)) is not None:
        body.append(content)
    return _page(root)
