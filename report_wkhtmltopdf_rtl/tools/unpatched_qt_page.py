"""Pages that wkhtmltopdf built on an unpatched Qt (Debian's package) prints right.

That build prints no header or footer, so they go into the page itself. It finds no
line break inside a run of Persian or Arabic text, so a paragraph is drawn as one line past both
margins; and it misplaces the pieces of a line that mixes directions (a word and its full stop, a
Persian sentence with a Latin code), which then overlap. Both go away when every word and every
mark around it is its own inline block: the blocks wrap like words and each holds one direction.
Blocks are laid out in the direction of their paragraph, so a run of the other direction (a
tracking code or an English subject in a Persian letter, a Persian name in an English one) is put
in an isolate of its own direction, whose blocks keep their order and still wrap.
"""

import re
import unicodedata

from lxml import etree, html

STRONG = {"ltr": {"L"}, "rtl": {"R", "AL"}}
OPPOSITE = {"ltr": "rtl", "rtl": "ltr"}
NUMBERS = {"EN", "AN"}
BRACKETS = {"(": ")", "[": "]", "{": "}", "«": "»"}
JOINED = {"NSM", "BN"}  # marks and joiners belong to the letter they follow (the hamza of «خانهٔ»)
SKIPPED_TAGS = {"script", "style", "title", "textarea"}
BLOCK_STYLE = "display: inline-block; white-space: nowrap;"
WORD_STYLE = "white-space: nowrap;"
# an isolate, not an embedding: with one, that WebKit orders the lines after a wrapped run backwards;
# it knows isolation under its prefixed name only
EMBEDDING_STYLE = "unicode-bidi: -webkit-isolate;"
WORD = re.compile(r"\S+")
ZWNJ = "\u200c"  # the zero-width non-joiner of Persian words: «بسته‌بندی», «می‌شود»


def _bidi(char):
    return unicodedata.bidirectional(char)


def _has_right_to_left(text):
    return any(_bidi(char) in STRONG["rtl"] for char in text)


def _misplaced(text, direction):
    """Whether that WebKit misplaces pieces of `text` in a paragraph of `direction`: right-to-left
    words anywhere; left-to-right ones in a right-to-left paragraph (the number of "12 Main Street"
    in a Persian letter's address is drawn after the street)."""
    return _has_right_to_left(text) or (direction == "rtl" and any(_bidi(char) in STRONG["ltr"] for char in text))


def _direction(element):
    """The direction of the text of `element`: its own dir, or its nearest ancestor's."""
    for node in (element, *element.iterancestors()):
        if node.get("dir") in OPPOSITE:
            return node.get("dir")
    return "ltr"


def _runs(text, direction):
    """(start, end) of each run of `text` in `direction`: from one of its letters to the last of
    its letters, digits or marks before a letter of the other direction."""
    own, other = STRONG[direction], STRONG[OPPOSITE[direction]]
    runs, start, end = [], None, None
    for index, char in enumerate(text):
        kind = _bidi(char)
        if kind in other:
            if start is not None:
                runs.append((start, end))
            start = None
        elif kind in own:
            start = index if start is None else start
            end = index + 1
        elif kind in NUMBERS | JOINED and start is not None:
            end = index + 1
    if start is not None:
        runs.append((start, end))
    head = text[: runs[0][0]] if runs else ""
    if direction == "ltr" and any(_bidi(char) in NUMBERS for char in head) and not _has_right_to_left(head):
        # a left-to-right line that starts with a number keeps it: "12 Main Street"
        runs[0] = (len(head) - len(head.lstrip()), runs[0][1])
    return [(start, _closed(text, start, end)) for start, end in runs]


def _closed(text, start, end):
    """The end of the run `text[start:end]` past the brackets that close those it opens."""
    for opening, closing in BRACKETS.items():
        while (
            end < len(text)
            and text[end] == closing
            and text.count(opening, start, end) > text.count(closing, start, end)
        ):
            end += 1
    return end


def _split_word(word):
    """A word as [marks before, core, marks after], dropping empty parts: marks around a word (a
    full stop, quotes, brackets) take the paragraph's direction, its core keeps its own."""
    core = [i for i, char in enumerate(word) if _bidi(char) in STRONG["ltr"] | STRONG["rtl"] | NUMBERS]
    if not core:
        return [word]
    first, last = core[0], core[-1] + 1
    while last < len(word) and _bidi(word[last]) in JOINED:
        last += 1
    return [part for part in (word[:first], word[first:last], word[last:]) if part]


def _block(text):
    span = etree.Element("span", style=BLOCK_STYLE)
    span.text = text
    return span


def _word(word, direction):
    """A block for `word`; a right-to-left word with marks around it, or with a zero-width
    non-joiner, as a block for each part, kept on one line (a block holding a word and its full
    stop draws them over each other)."""
    parts = _split_word(word) if direction == "rtl" else [word]
    if direction == "rtl":
        # that WebKit joins the letters on both sides of a zero-width non-joiner: each side is
        # a block of its own (the non-joiner kept at the end of the first, for copy and search)
        parts = [piece for part in parts for piece in re.split(f"(?<={ZWNJ})", part) if piece]
    if len(parts) == 1:
        return _block(word)
    line = etree.Element("span", style=WORD_STYLE)
    line.extend(_block(part) for part in parts)
    return line


def _word_items(text, direction):
    """`text`, in `direction`, as a list of strings (the spaces) and elements (the words)."""
    items, position = [], 0
    for match in WORD.finditer(text):
        items.append(text[position : match.start()])
        items.append(_word(match.group(), direction))
        position = match.end()
    items.append(text[position:])
    return items


def _nodes(items):
    """Strings and elements as (leading text, [element with its tail, ...])."""
    leading, elements = "", []
    for item in items:
        if not isinstance(item, str):
            elements.append(item)
        elif elements:
            elements[-1].tail = (elements[-1].tail or "") + item
        else:
            leading += item
    return leading, elements


def _embedding(text, direction):
    span = etree.Element("span", dir=direction, style=EMBEDDING_STYLE)
    span.text, words = _nodes(_word_items(text, direction))
    span.extend(words)
    return span


def _items(text, direction):
    """`text`, in a paragraph of `direction`, as strings and elements: each run of the other
    direction in an embedding of its own; in a right-to-left paragraph, each word in a block."""
    items, position = [], 0

    def own(part):
        return _word_items(part, direction) if direction == "rtl" else [part]

    for start, end in _runs(text, OPPOSITE[direction]):
        items.extend(own(text[position:start]))
        items.append(_embedding(text[start:end], OPPOSITE[direction]))
        position = end
    items.extend(own(text[position:]))
    return items


def _isolate(element):
    if not isinstance(element.tag, str) or element.tag in SKIPPED_TAGS:
        return
    for child in list(element):
        _isolate(child)
        if child.tail and _misplaced(child.tail, _direction(element)):
            child.tail, elements = _nodes(_items(child.tail, _direction(element)))
            for offset, new in enumerate(elements, start=1):
                element.insert(element.index(child) + offset, new)
    if element.text and _misplaced(element.text, _direction(element)):
        element.text, elements = _nodes(_items(element.text, _direction(element)))
        for offset, new in enumerate(elements):
            element.insert(offset, new)


def _body(page):
    root = html.document_fromstring(page)
    return root, root.find("body")


def _page(root):
    return etree.tostring(root, method="html", encoding="unicode", doctype="<!DOCTYPE html>")


def is_right_to_left(page):
    """Whether the HTML page `page` (str) is laid out right to left or holds right-to-left text:
    the pages that build misprints."""
    body = _body(page)[1]
    return body is not None and (_direction(body) == "rtl" or _has_right_to_left(body.text_content()))


def isolate_right_to_left_words(page):
    """The HTML page `page` (str) with every word of a right-to-left paragraph, and every
    right-to-left word of a left-to-right one, in its own inline block."""
    root, body = _body(page)
    _isolate(body)
    return _page(root)


def _drop(element):
    """Remove `element`, keeping the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _margin_content(part, index):
    """The header or footer div of page `index` in the margin page `part`, less what it can only
    show in a margin (page numbers, pictures pinned to the page's edge); None without one."""
    if not part:
        return None
    margins = _body(part)[1].xpath("//div[@id='minimal_layout_report_headers' or @id='minimal_layout_report_footers']")
    contents = list(margins[0]) if margins else []
    if index >= len(contents):
        return None
    content = contents[index]
    pinned = "contains(concat(' ', @class, ' '), ' position-fixed ') or contains(@class, 'position-absolute')"
    numbers = [
        span if span.getparent() is content else span.getparent()
        for span in content.xpath(".//span[@class='page' or @class='topage']")
    ]
    for element in numbers + content.xpath(f".//*[{pinned}]"):
        _drop(element)
    return content


def with_header_and_footer(page, header, footer, index=0):
    """The HTML page `page`, page `index` of a print, opening with its header from the margin page
    `header` and closing with its footer from the margin page `footer`."""
    root, body = _body(page)
    if (content := _margin_content(header, index)) is not None:
        body.insert(0, content)
    if (content := _margin_content(footer, index)) is not None:
        body.append(content)
    return _page(root)
