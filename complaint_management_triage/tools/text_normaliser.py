"""Complaint text as the triage model reads it: HTML taken out, Persian written one way (Arabic
yeh and kaf as Persian's, no diacritics or tatweel, the zero-width non-joiner and its spaced and
joined variants as one), Persian and Arabic-Indic digits as Latin ones, lower case, spaces
collapsed, cut at a bounded length."""

import re
import unicodedata

from lxml import etree

from odoo.tools import html2plaintext

# characters the model reads of a complaint (subject and description together): enough for
# any complaint a person writes, and a bound on the cost of a pasted megabyte
MAX_CHARS = 5000

LETTERS = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ك": "ک",
        "ۀ": "ه",
        "ة": "ه",
        "أ": "ا",
        "إ": "ا",
        "ٱ": "ا",
        "۰": "0",
        "۱": "1",
        "۲": "2",
        "۳": "3",
        "۴": "4",
        "۵": "5",
        "۶": "6",
        "۷": "7",
        "۸": "8",
        "۹": "9",
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
        "\u0640": None,  # tatweel
    }
)
DIACRITICS = re.compile(r"[\u064b-\u065f\u0670\u06d6-\u06ed]")
# the zero-width non-joiner, and what stands for it (a space, nothing): "می‌شود", "می شود" and
# "میشود" are one word; so are the plural "ها" and the comparatives written apart
ZWNJ = re.compile(r"[\u200b\u200c\u200d\u200e\u200f\u00ad\u2060\ufeff]")
SPACED_PREFIX = re.compile(r"(?<!\S)(ن?می) (?=\S)")
SPACED_SUFFIX = re.compile(r"(?<=\S) (ها|های|هایی|هایم|هایت|هایش|تر|ترین)(?!\S)")
SPACES = re.compile(r"\s+")
SHOUTED = re.compile(r"\b[A-Z]{3,}\b")


# a whole tag (<p>, </p>, <br/>, <a href="…">), not a "<" in a sentence
TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?|/[a-zA-Z][a-zA-Z0-9]*\s*)>")
ANY_TAG = re.compile(r"<[^<>]*>")
# comments, doctypes and CDATA: never text
DECLARATION = re.compile(r"<!(?:--.*?--|\[CDATA\[.*?\]\]|[^<>]*)>", re.DOTALL)


def plain(text):
    """``text`` without its HTML, if it has some, cut at a bounded length; text that is only
    markup (a comment, a doctype, a lone closing tag) reads as nothing."""
    text = DECLARATION.sub(" ", unicodedata.normalize("NFKC", str(text or "")[: MAX_CHARS * 4]))
    if not TAG.search(text):
        return text
    try:
        return html2plaintext(text)
    except (AttributeError, ValueError, etree.LxmlError):  # a document of no element
        return ANY_TAG.sub(" ", text)


def normalise(text):
    """Plain ``text`` as the model reads it."""
    text = ZWNJ.sub("", str(text or "")[: MAX_CHARS * 4].translate(LETTERS))
    text = DIACRITICS.sub("", text)
    text = SPACES.sub(" ", text).strip().lower()
    text = SPACED_PREFIX.sub(r"\1", text)
    text = SPACED_SUFFIX.sub(r"\1", text)
    return text[:MAX_CHARS]


def loudness(text):
    """Words that keep how loud ``text`` is, which lower case loses: one per word in capitals
    and one per exclamation mark, five of each at most."""
    return " ".join(["xxcaps"] * min(5, len(SHOUTED.findall(text))) + ["xxbang"] * min(5, text.count("!")))


def complaint_text(subject, description):
    """What the model reads of a complaint (``description`` plain or HTML): how loud it is, its
    subject, then its description."""
    text = f"{plain(subject)}\n{plain(description)}"
    return normalise(f"{loudness(text)} {text}")
