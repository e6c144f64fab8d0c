"""Words that tell of harm to a person (fire, burns, injury, poisoning, electric shock, gas),
in English and Persian, as the triage reads them (normalised text): a complaint that has one is
critical, whatever the model says."""

import re

SAFETY_WORDS = re.compile(
    r"\b("
    r"caught fire|on fire|fire broke out|flames?|burn(?:ed|t|ing)?|scald(?:ed)?|injur(?:y|ies|ed)|bleed(?:ing)?|"
    r"poison(?:ed|ing|ous)?|food poisoning|electric(?:al)? shock|electrocuted|shocked me|spark(?:ed|s|ing)|"
    r"explo(?:de|ded|sion)|smoke (?:came|coming|pour\w*)|(?:was|started|began) smoking|full of smoke|"
    r"gas (?:is )?leak\w*|leak\w* gas|smell\w* (?:of|like) gas|hospital(?:ised|ized)?|choking|allergic reaction"
    r"|[آا]تش\w*|شعله\w*|سوخت\w*|سوزاند\w*|مسموم\w*|مسمومیت|برقگرفت\w*|برق گرفت\w*|انفجار|منفجر\w*|"
    r"دود|دودزا|نشت گاز|بوی گاز|گازگرفتگی|زخمی\w*|آسیب دید\w*|مجروح\w*|بیمارستان\w*|خفگی|حساسیت شدید"
    r")\b"
)


def safety_word(text):
    """The first word of harm in ``text`` (normalised), or None."""
    match = SAFETY_WORDS.search(text or "")
    return match.group(0) if match else None
