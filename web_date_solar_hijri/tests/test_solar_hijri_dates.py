from datetime import date, datetime

from odoo.tests import TransactionCase, tagged

from ..tools import month_label, month_starts, reader_date, reader_datetime, solar_hijri_date, solar_hijri_numeric


@tagged("web_date_solar_hijri", "post_install", "-at_install")
class TestSolarHijriDates(TransactionCase):
    """Solar Hijri dates for Persian readers, Odoo's formats for others."""

    def test_known_date_pairs(self):
        pairs = {
            date(2026, 3, 21): "۱ فروردین ۱۴۰۵",  # Nowruz 1405
            date(2026, 3, 20): "۲۹ اسفند ۱۴۰۴",
            date(2025, 3, 20): "۳۰ اسفند ۱۴۰۳",  # 1403 is a leap year
            date(2025, 3, 21): "۱ فروردین ۱۴۰۴",
            date(2024, 3, 20): "۱ فروردین ۱۴۰۳",
            date(2026, 11, 24): "۳ آذر ۱۴۰۵",
        }
        for gregorian, solar_hijri in pairs.items():
            with self.subTest(gregorian=gregorian):
                self.assertEqual(solar_hijri_date(gregorian), solar_hijri)

    def test_language_and_time_zone_decide(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        utc = datetime(2026, 3, 20, 21, 0)  # 00:30 on 21 March in Tehran
        self.assertEqual(reader_date(self.env, utc, "fa_IR", "Asia/Tehran"), "۱ فروردین ۱۴۰۵")
        self.assertEqual(reader_datetime(self.env, utc, "fa_IR", "Asia/Tehran"), "۱ فروردین ۱۴۰۵، ۰۰:۳۰")
        self.assertEqual(reader_date(self.env, utc, "en_US", "UTC"), "03/20/2026")
        self.assertEqual(reader_date(self.env, utc, "fa_IR", "Nowhere/Unknown"), "۲۹ اسفند ۱۴۰۴", "UTC")
        self.assertEqual(reader_date(self.env, False, "fa_IR"), "")
        self.assertEqual(reader_datetime(self.env, None, "en_US"), "")
        self.assertEqual(solar_hijri_numeric(datetime(2026, 3, 21, 10, 30)), "۱۴۰۵/۰۱/۰۱ ۱۰:۳۰")

    def test_month_starts_and_labels(self):
        self.assertEqual(
            month_starts(date(2026, 3, 2), first=date(2026, 1, 15)),
            [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)],
        )
        self.assertEqual(
            month_starts(date(2026, 3, 31), solar_hijri=True, first=date(2026, 3, 1)),
            [date(2026, 2, 20), date(2026, 3, 21)],
            "Esfand 1404 and Farvardin 1405",
        )
        for day in (date(2026, 2, 20), date(2026, 10, 22), date(2025, 3, 20), date(2026, 3, 21)):
            with self.subTest(day=day):
                starts = month_starts(day, solar_hijri=True, count=12)
                self.assertEqual(len(starts), 12)
                self.assertLessEqual(starts[-1], day)
                self.assertEqual(
                    len({solar_hijri_date(start).split()[1] for start in starts}),
                    12,
                    "twelve different Solar Hijri months",
                )
        self.assertEqual(month_label(self.env, date(2026, 3, 21), "fa_IR"), "فروردین ۱۴۰۵")
        self.assertEqual(month_label(self.env, date(2026, 3, 1), "en_US"), "March 2026")
