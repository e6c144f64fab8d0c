import io

from lxml import html
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTContainer

from odoo.tests import BaseCase, HttpCase, new_test_user, tagged

from ..report.wkhtmltopdf_unpatched_qt import isolate_right_to_left_words, with_header_and_footer

LETTER = "complaint_management.action_report_complaint_resolution_letter"


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintLetter(HttpCase):
    """The decision letter of a resolved complaint with a compensation of 1 250."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env, login="cm_letter_portal", name="Tara Letter", email="tara@example.com",
            groups="base.group_portal")
        cls.resolved = cls.env.ref("complaint_management.complaint_stage_resolved")
        cls.complaint = cls.env["complaint.complaint"].create({
            "subject": "Sofa delivered torn", "partner_id": cls.portal_user.partner_id.id,
            "resolution_type": "compensation", "compensation_amount": 1250.0, "stage_id": cls.resolved.id,
        })
        cls.Report = cls.env["ir.actions.report"]

    def _html(self):
        return self.Report._render_qweb_html(LETTER, self.complaint.ids)[0].decode()

    def test_amount_in_figures_and_words(self):
        html = self._html()
        self.assertIn("Sofa delivered torn", html)
        self.assertIn("1,250.00", html)
        self.assertIn("One Thousand, Two Hundred And Fifty", html)
        self.assertIn('dir="ltr"', html)

    def test_persian_letter_right_to_left_with_persian_words(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env["ir.module.module"]._load_module_terms(["complaint_management"], ["fa_IR"])
        self.portal_user.partner_id.lang = "fa_IR"
        html = self._html()
        self.assertIn("هزار و دویست و پنجاه دلار", html, "the currency in words in Persian too")
        self.assertNotIn("Dollars", html)
        self.assertIn("Tara Letter گرامی،", html)
        self.assertIn('dir="rtl"', html)

    def test_rendered_to_a_real_pdf(self):
        pdf, kind = self.Report.with_context(force_report_rendering=True)._render_qweb_pdf(LETTER, self.complaint.ids)
        self.assertEqual(kind, "pdf")
        self.assertTrue(pdf.startswith(b"%PDF-"), "wkhtmltopdf rendered it")
        self.assertGreater(len(pdf), 1000)

    def _glyphs(self, pdf):
        """(page width, [glyph, ...]) of the first page of `pdf`: the visible glyphs."""
        page = next(extract_pages(io.BytesIO(pdf)))
        glyphs, boxes = [], [page]
        while boxes:
            box = boxes.pop()
            if isinstance(box, LTChar) and box.width > 0.5 and box.get_text().strip():
                glyphs.append(box)
            elif isinstance(box, LTContainer):
                boxes.extend(box)
        return page.width, glyphs

    def test_persian_pdf_within_its_margins_without_overlaps(self):
        """wkhtmltopdf draws every glyph of a Persian letter between the page's margins and none over
        another: no line runs past a margin, no word of a mixed line is drawn over its neighbour."""
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env["ir.module.module"]._load_module_terms(["complaint_management"], ["fa_IR"])
        self.portal_user.partner_id.lang = "fa_IR"
        self.complaint.write({
            "subject": "مبل پاره به دستم رسید و بستهٔ آن هم خیس بود",
            "resolution": "<p>پس از بررسی، پذیرفتیم که کالا هنگام حمل آسیب دیده است. مبلغ غرامت تا پایان"
                          " هفته به حساب شما واریز می‌شود و سفارش S00012 نیز دوباره با بسته‌بندی محکم‌تر"
                          " ارسال خواهد شد. از شکیبایی شما سپاسگزاریم.</p>",
        })
        pdf = self.Report.with_context(force_report_rendering=True)._render_qweb_pdf(LETTER, self.complaint.ids)[0]
        width, glyphs = self._glyphs(pdf)
        paper = self.Report._get_report(LETTER).get_paperformat()
        left, right = paper.margin_left * 72 / 25.4, width - paper.margin_right * 72 / 25.4
        self.assertGreater(len(glyphs), 300, "the letter's text is in the PDF")
        outside = [glyph.get_text() for glyph in glyphs if glyph.x0 < left - 1 or glyph.x1 > right + 1]
        self.assertFalse(outside, "glyphs drawn past a margin")
        lines = {}
        for glyph in glyphs:  # by baseline
            lines.setdefault(round(glyph.matrix[5]), []).append(glyph)
        overlapping = []
        for line in lines.values():
            line.sort(key=lambda glyph: glyph.x0)
            overlapping += [
                (before.get_text(), after.get_text()) for before, after in zip(line, line[1:], strict=False)
                if before.x1 - after.x0 > 0.3 * min(before.width, after.width)
            ]
        self.assertFalse(overlapping, "glyphs drawn over one another")

    def test_customer_downloads_it_from_the_portal(self):
        url = f"/my/complaints/{self.complaint.id}"
        self.authenticate("cm_letter_portal", "cm_letter_portal")
        self.assertIn(f"{url}/letter", self.url_open(url).text)
        response = self.url_open(f"{url}/letter")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.headers["Content-Type"], "application/pdf")
        self.assertIn("attachment", response.headers["Content-Disposition"])

    def test_no_letter_for_others_or_before_a_decision(self):
        other = new_test_user(self.env, login="cm_letter_other", groups="base.group_portal")
        self.authenticate("cm_letter_other", "cm_letter_other")
        self.assertEqual(self.url_open(f"/my/complaints/{self.complaint.id}/letter").status_code, 404)
        open_complaint = self.env["complaint.complaint"].create({"subject": "Open", "partner_id": other.partner_id.id})
        self.assertEqual(self.url_open(f"/my/complaints/{open_complaint.id}/letter").status_code, 404)

    def test_staff_print_before_a_decision_does_not_crash(self):
        open_complaint = self.env["complaint.complaint"].create({"subject": "Still open"})
        html = self.Report._render_qweb_html(LETTER, open_complaint.ids)[0].decode()
        self.assertIn("Still open", html)


@tagged("complaint_management", "post_install", "-at_install")
class TestUnpatchedQtPage(BaseCase):
    """The page handed to a wkhtmltopdf without its patched Qt."""

    def test_each_word_in_its_own_block_other_direction_isolated(self):
        page = isolate_right_to_left_words(
            "<html><body dir='rtl'><p>سفارش Acme Ltd, order S12 در «خانهٔ» ما. <b>English only.</b></p>"
            "<p dir='ltr'>Dear علی رضایی (شرکت آلفا), thanks.</p></body></html>")
        persian, english = html.fromstring(page).findall(".//p")
        self.assertEqual(
            [span.text for span in persian.iter("span") if span.text],
            ["سفارش", "Acme", "Ltd,", "order", "S12", "در", "«", "خانهٔ", "»", "ما", ".", "English", "only", "."])
        isolate = persian.find("span[@dir='ltr']")
        self.assertEqual(isolate.text_content(), "Acme Ltd, order S12", "the Latin run kept in order, in one isolate")
        self.assertEqual(persian.find("b/span[@dir='ltr']").text_content(), "English only",
                         "a Latin text in a right-to-left paragraph is isolated too")
        self.assertEqual(persian.text_content(), "سفارش Acme Ltd, order S12 در «خانهٔ» ما. English only.")
        self.assertEqual(english.text, "Dear ", "a left-to-right paragraph keeps its own words as they are")
        self.assertEqual(english.find("span[@dir='rtl']").text_content(), "علی رضایی (شرکت آلفا)",
                         "a right-to-left run with the bracket it opens and closes")
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
            "<p dir='ltr'>12 Main Street</p></body></html>")
        address, english = html.fromstring(page).findall(".//address/span") + html.fromstring(page).findall(".//p")
        self.assertEqual(address.find("span[@dir='ltr']").text_content(), "12 Main Street")
        self.assertEqual(address.text_content(), "12 Main StreetTehran")
        self.assertEqual(english.text, "12 Main Street", "a left-to-right paragraph is left alone")

    def test_header_and_footer_of_each_page_without_page_numbers(self):
        margin = "<html><body><div id='minimal_layout_report_{}s'>{}</div></body></html>"
        header = margin.format("header", "<div class='header'>Company A</div><div class='header'>Company B</div>")
        footer = margin.format("footer", "<div class='footer'><div>Phone A</div><div>Page <span class='page'/></div>"
                                         "<div class='position-fixed top-0'>wave</div></div>"
                                         "<div class='footer'><div>Phone B</div></div>")
        page = with_header_and_footer("<html><body><div class='article'>Text</div></body></html>", header, footer, 1)
        body = html.fromstring(page).find("body")
        self.assertEqual([div.get("class") for div in body], ["header", "article", "footer"])
        self.assertEqual(body.text_content(), "Company BTextPhone B", "the second page's own letterhead")
        first = html.fromstring(with_header_and_footer(
            "<html><body><div class='article'>Text</div></body></html>", header, footer, 0)).find("body")
        self.assertEqual(first.text_content(), "Company ATextPhone A", "no page number, nothing pinned to an edge")
