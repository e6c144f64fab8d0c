from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.report_wkhtmltopdf_rtl.tests.common import misprinted

LETTER = "complaint_management.action_report_complaint_resolution_letter"


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintLetter(HttpCase):
    """The decision letter of a resolved complaint with a compensation of 1 250."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_user = new_test_user(
            cls.env, login="cm_letter_portal", name="Tara Letter", email="tara@example.com", groups="base.group_portal"
        )
        cls.resolved = cls.env.ref("complaint_management.complaint_stage_resolved")
        cls.complaint = cls.env["complaint.complaint"].create(
            {
                "subject": "Sofa delivered torn",
                "partner_id": cls.portal_user.partner_id.id,
                "resolution_type": "compensation",
                "compensation_amount": 1250.0,
                "stage_id": cls.resolved.id,
            }
        )
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

    def test_persian_pdf_within_its_margins_without_overlaps(self):
        """wkhtmltopdf draws every glyph of a Persian letter between the page's margins and none over
        another: no line runs past a margin, no word of a mixed line is drawn over its neighbour."""
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env["ir.module.module"]._load_module_terms(["complaint_management"], ["fa_IR"])
        self.portal_user.partner_id.lang = "fa_IR"
        self.complaint.write(
            {
                "subject": "مبل پاره به دستم رسید و بستهٔ آن هم خیس بود",
                "resolution": "<p>پس از بررسی، پذیرفتیم که کالا هنگام حمل آسیب دیده است. مبلغ غرامت تا پایان"
                " هفته به حساب شما واریز می‌شود و سفارش S00012 نیز دوباره با بسته‌بندی محکم‌تر"
                " ارسال خواهد شد. از شکیبایی شما سپاسگزاریم.</p>",
            }
        )
        pdf = self.Report.with_context(force_report_rendering=True)._render_qweb_pdf(LETTER, self.complaint.ids)[0]
        glyphs, outside, overlapping = misprinted(pdf, self.Report._get_report(LETTER).get_paperformat())
        self.assertGreater(len(glyphs), 300, "the letter's text is in the PDF")
        self.assertFalse(outside, "glyphs drawn past a margin")
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
