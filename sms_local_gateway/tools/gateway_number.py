import phonenumbers

# Persian (U+06F0..) and Arabic-Indic (U+0660..) digits, as customers type them, to Latin ones
LATIN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")

# how a gateway wants the number: "+989121234567", "989121234567", or the national "09121234567"
# for numbers of its own country and "00…" for others
NUMBER_FORMATS = [("e164", "+989121234567"), ("digits", "989121234567"), ("national", "09121234567")]


def gateway_number(number, country_code, number_format, home_only=False):
    """``number`` (``09…``, ``+98…``, ``0098…``, in any digits) as the gateway wants it, or None
    when it is no valid phone number, or when ``home_only`` and it is not of ``country_code``.

    :param str country_code: the gateway's country (ISO code), for numbers without one
    :param str number_format: one of NUMBER_FORMATS
    """
    text = (number or "").translate(LATIN_DIGITS)
    try:
        parsed = phonenumbers.parse(text, (country_code or "").upper() or None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    at_home = phonenumbers.region_code_for_number(parsed) == (country_code or "").upper()
    if home_only and not at_home:
        return None
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    national = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return {
        "e164": e164,
        "digits": e164[1:],
        "national": "".join(char for char in national if char.isdigit()) if at_home else "00" + e164[1:],
    }[number_format]
