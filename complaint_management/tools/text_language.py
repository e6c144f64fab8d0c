"""The language a customer wrote in, told by its script, for contacts made from what they wrote."""

import unicodedata

PERSIAN_LETTERS = frozenset("پچژگکی")


def written_language(env, text):
    """The installed language `text` is written in when its script tells it (Persian or Arabic,
    written mostly in Arabic letters), else nothing: Latin letters alone do not tell English
    from the other languages written in them."""
    arabic = latin = 0
    for char in text or "":
        if char.isalpha():
            if "ARABIC" in unicodedata.name(char, ""):
                arabic += 1
            elif char.isascii():
                latin += 1
    if arabic <= latin:
        return False
    codes = ("fa_IR", "ar_001") if PERSIAN_LETTERS.intersection(text) else ("ar_001", "fa_IR")
    return next((code for code in codes if env["res.lang"]._get_data(code=code).active), False)
