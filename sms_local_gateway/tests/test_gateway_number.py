from odoo.tests import BaseCase, tagged

from ..tools import gateway_number


@tagged("post_install", "-at_install")
class TestGatewayNumber(BaseCase):
    def test_iranian_forms_give_one_national_number(self):
        for typed in (
            "09123456789",
            "۰۹۱۲۳۴۵۶۷۸۹",
            "٠٩١٢٣٤٥٦٧٨٩",
            "+989123456789",
            "00989123456789",
            "0912 345 6789",
            "9123456789",
            "+98 (912) 345-6789",
        ):
            with self.subTest(typed=typed):
                self.assertEqual(gateway_number(typed, "IR", "national"), "09123456789")
                self.assertEqual(gateway_number(typed, "IR", "e164"), "+989123456789")
                self.assertEqual(gateway_number(typed, "IR", "digits"), "989123456789")

    def test_foreign_numbers(self):
        self.assertEqual(gateway_number("+447911123456", "IR", "national"), "00447911123456")
        self.assertEqual(gateway_number("+447911123456", "IR", "e164"), "+447911123456")
        self.assertIsNone(gateway_number("+447911123456", "IR", "national", home_only=True))

    def test_no_number(self):
        for typed in ("", False, "12345", "0912", "abc", "09123456789012345"):
            with self.subTest(typed=typed):
                self.assertIsNone(gateway_number(typed, "IR", "national"))
