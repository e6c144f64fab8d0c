from lxml import html

from odoo.tests import BaseCase, tagged

from ..tools import is_right_to_left, isolate_right_to_left_words, with_header_and_footer


@tagged("report_wkhtmltopdf_rtl", "post_install", "-at_install")
class TestUnpatchedQtPage(BaseCase):
    """The page handed to a wkhtmltopdf without its patched Qt."""

    def test_right_to_left_pages(self):
        """The pages the fix is for: laid out right to left, or holding right-to-left text."""
        self.assertTrue(is_right_to_left("<html><body dir='rtl'><p>Invoice INV/2026/0001</p></body></html>"))
        self.assertTrue(is_right_to_left("<html><body><p>Dear علی رضایی,</p></body></html>"))
        self.assertFalse(is_right_to_left("<html><body><p dir='ltr'>Invoice INV/2026/0001</p></body></html>"))

    def test_each_word_in_its_own_block_other_direction_isolated(self):
        page = isolate_right_to_left_words(
            "<html><body dir='rtl'><p>سفارش Acme Ltd, order S12 در «خانهٔ» ما. <b>English only.</b></p>"
            "<p dir='ltr'>Dear علی رضایی (شرکت آلفا), thanks.</p></body></html>"
        )
        persian, english = html.fromstring(page).findall(".//p")
        self.assertEqual(
            [span.text for span in persian.iter("span") if span.text],
            ["سفارش", "Acme", "Ltd,", "order", "S12", "در", "«", "خانهٔ", "»", "ما", ".", "English", "only", "."],
        )
        isolate = persian.find("span[@dir='ltr']")
        self.assertEqual(isolate.text_content(), "Acme Ltd, order S12", "the Latin run kept in order, in one isolate")
        self.assertEqual(
            persian.find("b/span[@dir='ltr']").text_content(),
            "English only",
            "a Latin text in a right-to-left paragraph is isolated too",
        )
        self.assertEqual(persian.text_content(), "سفارش Acme Ltd, order S12 در «خانهٔ» ما. English only.")
        self.assertEqual(english.text, "Dear ", "a left-to-right paragraph keeps its own words as they are")
        self.assertEqual(
            english.find("span[@dir='rtl']").text_content(),
            "علی رضایی (شرکت آلفا)",
            "a right-to-left run with the bracket it opens and closes",
        )
        self.assertEqual(english.text_content(), "Dear علی رضایی (شرکت آلفا), thanks.")

    def test_zero_width_non_joiner_splits_the_word_into_blocks(self):
        """That WebKit joins the letters around a zero-width non-joiner (بسته‌بندی drawn بستهبندی):
        each side is a block of its own, on one line."""
        page = isolate_right_to_left_words("<html><body dir='rtl'><p>بسته‌بندی محکم</p></body></html>")
        paragraph = html.fromstring(page).find(".//p")
        word = paragraph.find("span")
        self.assertEqual([block.text for block in word.findall("span")], ["بسته\u200c", "بندی"])
        self.assertIn("nowrap", word.get("style"))
        self.assertEqual(paragraph.text_content(), "بسته‌بندی محکم")

    def test_left_to_right_line_keeps_its_leading_number(self):
        """An English address in a Persian letter: "12 Main Street", not "Main Street 12"."""
        page = isolate_right_to_left_words(
            "<html><body dir='rtl'><address><span>12 Main Street<br/>Tehran</span></address>"
            "<p dir='ltr'>12 Main Street</p></body></html>"
        )
        address, english = html.fromstring(page).findall(".//address/span") + html.fromstring(page).findall(".//p")
        self.assertEqual(address.find("span[@dir='ltr']").text_content(), "12 Main Street")
        self.assertEqual(address.text_content(), "12 Main StreetTehran")
        self.assertEqual(english.text, "12 Main Street", "a left-to-right paragraph is left alone")

    def test_header_and_footer_of_each_page_without_page_numbers(self):
        margin = "<html><body><div id='minimal_layout_report_{}s'>{}</div></body></html>"
        header = margin.format("header", "<div class='header'>Company A</div><div class='header'>Company B</div>")
        footer = margin.format(
            "footer",
            "<div class='footer'><div>Phone A</div><div>Page <span class='page'/></div>"
            "<div class='position-fixed top-0'>wave</div></div>"
            "<div class='footer'><div>Phone B</div></div>",
        )
        page = with_header_and_footer("<html><body><div class='article'>Text</div></body></html>", header, footer, 1)
        body = html.fromstring(page).find("body")
        self.assertEqual([div.get("class") for div in body], ["header", "article", "footer"])
        self.assertEqual(body.text_content(), "Company BTextPhone B", "the second page's own letterhead")
        first = html.fromstring(
            with_header_and_footer("<html><body><div class='article'>Text</div></body></html>", header, footer, 0)
        ).find("body")
        self.assertEqual(first.text_content(), "Company ATextPhone A", "no page number, nothing pinned to an edge")
