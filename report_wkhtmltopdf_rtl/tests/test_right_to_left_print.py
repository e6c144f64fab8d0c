from odoo.tests import TransactionCase, tagged

from .common import misprinted

PARAGRAPH = (
    "پس از بررسی، پذیرفتیم که کالا هنگام حمل آسیب دیده است. مبلغ فاکتور تا پایان هفته به حساب شما"
    " بازگردانده می‌شود و سفارش S00012 نیز دوباره با بسته‌بندی محکم‌تر ارسال خواهد شد."
)


@tagged("report_wkhtmltopdf_rtl", "post_install", "-at_install")
class TestRightToLeftPrint(TransactionCase):
    """Any right-to-left page printed by the server's wkhtmltopdf: Debian's build (without patched
    Qt) draws a Persian paragraph as one line past both margins unless the page is rewritten."""

    def _print(self, body):
        page = f"<!DOCTYPE html><html><head><meta charset='utf-8'/></head>{body}</html>"
        return self.env["ir.actions.report"]._run_wkhtmltopdf([page])

    def test_persian_page_within_its_margins_without_overlaps(self):
        pdf = self._print(f"<body dir='rtl'><h2>فاکتور INV/2026/0001</h2><p>{PARAGRAPH} {PARAGRAPH}</p></body>")
        glyphs, outside, overlapping = misprinted(pdf, self.env["ir.actions.report"].get_paperformat())
        self.assertGreater(len(glyphs), 200, "the page's text is in the PDF")
        self.assertFalse(outside, "glyphs drawn past a margin")
        self.assertFalse(overlapping, "glyphs drawn over one another")
