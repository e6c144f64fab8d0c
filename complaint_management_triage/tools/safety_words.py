"""Words that tell of harm to a person (fire, burns, injury, poisoning, electric shock, gas),
in English and Persian, as the triage reads them (normalised text): a complaint that has one is
critical, whatever the model says."""

import re

SAFETY_WORDS = re.compile(
    r"\b("
    r"fire|caught fire|on fire|flames?|burn(?:s|ed|t|ing)?|scald(?:ed)?|injur(?:y|ies|ed)|hurt|bleed(?:ing)?|"
    r"poison(?:ed|ing|ous)?|food poisoning|electric shock|electrocuted|shocked me|explo(?:de|ded|sion)|"
    r"smoke|smoking|gas leak|smell(?:s|ed)? of gas|hospital(?:ised|ized)?|choking|allergic reaction"
    r"|آتش\w*|شعله\w*|سوخت\w*|سوزاند\w*|مسموم\w*|مسمومیت|برقگرفت\w*|برق گرفت\w*|شوک|انفجار|منفجر\w*|"
    r"دود|دودزا|نشت گاز|بوی گاز|گازگرفتگی|زخمی\w*|آسیب دید\w*|مجروح\w*|بیمارستان\w*|خفگی|حساسیت شدید"
    r")\b"
)


def safety_word(text):
    """The first word of harm in ``text`` (normalised), or None."""
    match = SAFETY_WORDS.search(text or "")
    return match.group(0) if match else None
