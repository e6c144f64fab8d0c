"""One-line texts typed by customers: names, subjects, addresses."""

import unicodedata

# Unicode's Bidi_Control characters: embeddings, overrides, isolates and marks. In a name they
# reorder what lists and emails show ('moc.elpmaxe' read backwards); Persian needs none of them.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def single_line(text):
    """`text` on one line: line breaks, tabs and other control characters become spaces, bidi
    controls are dropped, and runs of spaces collapse. A line break kept in a name would start a
    new header line in every email to that contact. Letters of every script, the zero-width
    non-joiner of Persian words included, are kept."""
    if not text:
        return text
    text = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text if char not in BIDI_CONTROLS)
    return " ".join(text.split())
