"""Dates as people read them: in Persian, the Solar Hijri (Jalali) calendar with Persian month names
and digits; in other languages, Odoo's own formats of that language. For pages, emails and reports
rendered on the server."""

import datetime

import jdatetime
import pytz
from dateutil.relativedelta import relativedelta

from odoo.tools import format_date, format_datetime

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
PERSIAN_MONTHS = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)


def uses_solar_hijri(lang_code):
    """Whether readers of `lang_code` (e.g. 'fa_IR') read dates in the Solar Hijri calendar."""
    return (lang_code or "").split("_")[0] == "fa"


def local_datetime(value, tz):
    """UTC datetime `value` (naive, as Odoo stores it) in time zone `tz` (UTC when none or unknown)."""
    try:
        zone = pytz.timezone(tz or "UTC")
    except pytz.UnknownTimeZoneError:
        zone = pytz.utc
    return pytz.utc.localize(value).astimezone(zone)


def solar_hijri_date(value):
    """A Gregorian date as a Solar Hijri date in Persian, e.g. 2026-03-21 -> '۱ فروردین ۱۴۰۵'."""
    day = jdatetime.date.fromgregorian(date=value)
    return f"{day.day} {PERSIAN_MONTHS[day.month - 1]} {day.year}".translate(PERSIAN_DIGITS)


def solar_hijri_month(value):
    """The Solar Hijri month and year holding Gregorian date `value`, e.g. 'فروردین ۱۴۰۵'."""
    day = jdatetime.date.fromgregorian(date=value)
    return f"{PERSIAN_MONTHS[day.month - 1]} {day.year}".translate(PERSIAN_DIGITS)


def solar_hijri_numeric(value):
    """A local datetime as a sortable Solar Hijri date and time in Persian digits, e.g.
    '۱۴۰۵/۰۱/۰۱ ۱۰:۳۰' (for spreadsheet cells)."""
    day = jdatetime.date.fromgregorian(date=value.date())
    return f"{day.year:04d}/{day.month:02d}/{day.day:02d} {value:%H:%M}".translate(PERSIAN_DIGITS)


def reader_date(env, value, lang_code, tz=None):
    """`value` (a date, or a UTC datetime seen from time zone `tz`) as a date for a reader of
    `lang_code`; empty for no value."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime):
        value = local_datetime(value, tz).date()
    if uses_solar_hijri(lang_code):
        return solar_hijri_date(value)
    return format_date(env, value, lang_code=lang_code)


def reader_datetime(env, value, lang_code, tz=None, dt_format="medium"):
    """UTC datetime `value` as a date and time in time zone `tz` for a reader of `lang_code`
    (other languages: Babel's `dt_format`, or the language's own formats when False)."""
    if not value:
        return ""
    if uses_solar_hijri(lang_code):
        local = local_datetime(value, tz)
        return f"{solar_hijri_date(local.date())}، {local:%H:%M}".translate(PERSIAN_DIGITS)
    return format_datetime(env, value, tz=tz or "UTC", dt_format=dt_format, lang_code=lang_code)


def month_starts(last, solar_hijri=False, first=None, count=None):
    """The first days (Gregorian dates) of calendar months up to the one holding date `last`,
    oldest first: from the month holding date `first`, or the last `count` months. Solar Hijri
    months when `solar_hijri`."""

    def month_start(day):
        if solar_hijri:
            return jdatetime.date.fromgregorian(date=day).replace(day=1).togregorian()
        return day.replace(day=1)

    def previous(start):
        if solar_hijri:
            return month_start(start - datetime.timedelta(days=1))
        return start - relativedelta(months=1)

    starts = [month_start(last)]
    while (count and len(starts) < count) or (first and starts[-1] > first):
        starts.append(previous(starts[-1]))
    return starts[::-1]


def month_label(env, start, lang_code):
    """A month's name and year for a reader of `lang_code`, from its first day `start`."""
    if uses_solar_hijri(lang_code):
        return solar_hijri_month(start)
    return format_date(env, start, lang_code=lang_code, date_format="MMMM y")
