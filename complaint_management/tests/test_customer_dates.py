import io
from datetime import datetime

from freezegun import freeze_time

from odoo.tests import HttpCase, new_test_user, tagged

from .common import ComplaintAnalysisCommon
from .test_complaint_report_export import read_workbook


@tagged("complaint_management", "post_install", "-at_install")
class TestJalaliCustomerFacing(HttpCase):
    """What a Persian customer receives and reads carries Solar Hijri dates."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fa_IR")
        cls.env["ir.module.module"]._load_module_terms(["complaint_management"], ["fa_IR"])
        cls.portal_user = new_test_user(
            cls.env,
            login="cm_jalali",
            name="Shirin Jalali",
            email="shirin@example.com",
            groups="base.group_portal",
            lang="fa_IR",
            tz="Asia/Tehran",
        )
        team = cls.env["complaint.team"].create({"name": "Heating", "resolution_hours": 24})
        team.sla_policy_ids.working_hours = False  # round the clock
        with freeze_time("2026-03-21 06:30:00"):  # 10:00 in Tehran, 1 Farvardin 1405
            cls.complaint = cls.env["complaint.complaint"].create(
                {"subject": "Broken heater", "partner_id": cls.portal_user.partner_id.id, "team_id": team.id}
            )

    def test_portal_page(self):
        self.authenticate("cm_jalali", "cm_jalali")
        page = self.url_open(f"/my/complaints/{self.complaint.id}").text
        self.assertIn("۱ فروردین ۱۴۰۵، ۱۰:۰۰", page, "received")
        self.assertIn("۲ فروردین ۱۴۰۵، ۱۰:۰۰", page, "resolution promised within 24 hours")
        self.assertIn('<html lang="fa-IR" dir="rtl"', page)
        self.assertIn("۱ فروردین ۱۴۰۵", self.url_open("/my/complaints").text)

    def test_public_statistics_by_solar_hijri_month(self):
        self.env.company.complaint_public_statistics = True
        with freeze_time("2026-04-10"):
            page = self.url_open("/fa/complaints/statistics").text
        self.assertIn("فروردین ۱۴۰۵", page)
        self.assertIn('dir="rtl"', page)

    def test_acknowledgement_and_letter(self):
        self.env["complaint.complaint"]._cron_send_acknowledgements()
        mail = self.env["mail.mail"].search([("model", "=", "complaint.complaint"), ("res_id", "=", self.complaint.id)])
        self.assertIn("۲ فروردین ۱۴۰۵، ۱۰:۰۰", mail.body_html)
        self.complaint.write({"resolution_type": "apology", "date_resolved": datetime(2026, 3, 25, 8, 0)})
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("complaint_management.action_report_complaint_resolution_letter", self.complaint.ids)[0]
            .decode()
        )
        self.assertIn("۵ فروردین ۱۴۰۵", html)
        self.assertIn("۱ فروردین ۱۴۰۵", html)
        # printed by staff working in English: still the customer's page, right to left
        self.assertEqual(self.env.user.lang, "en_US")
        self.assertRegex(html, r'<body[^>]*dir="rtl"')
        self.assertIn("report_assets_common.rtl", html)

    def test_feedback_page_declares_the_customers_language(self):
        resolved = self.env.ref("complaint_management.complaint_stage_resolved")
        self.complaint.stage_id = resolved
        token = self.env["complaint.feedback"]._request_for(self.complaint).access_token
        page = self.url_open(f"/complaints/feedback/{token}").text
        self.assertIn('<html lang="fa-IR" dir="rtl"', page, "the page is in its customer's language")

    def test_customer_without_time_zone_reads_the_company_time(self):
        self.env.company.partner_id.tz = "Asia/Tehran"
        partner = self.env["res.partner"].create({"name": "No Zone", "email": "nozone@example.com", "lang": "fa_IR"})
        complaint = self.env["complaint.complaint"].create({"subject": "Zone", "partner_id": partner.id})
        tehran_midnight = datetime(2026, 3, 20, 21, 0)
        self.assertEqual(complaint._customer_date(tehran_midnight, with_time=True), "۱ فروردین ۱۴۰۵، ۰۰:۳۰")


@tagged("complaint_management", "post_install", "-at_install")
class TestJalaliWorkbook(ComplaintAnalysisCommon):
    @freeze_time("2026-04-01 00:00:00")
    def test_persian_workbook(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        export = (
            self.env["complaint.report.export"]
            .with_context(lang="fa_IR")
            .create({"date_from": "2026-03-01", "date_to": "2026-03-31"})
        )
        file = io.BytesIO()
        export._write_xlsx(file)
        sheets = list(read_workbook(file.getvalue())[0].values())
        summary, trend, complaints = sheets[0][0], sheets[1][0], sheets[-1][0]
        self.assertEqual(summary["B2"], "۱۰ اسفند ۱۴۰۴ – ۱۱ فروردین ۱۴۰۵")
        self.assertEqual((trend["A2"], trend["B2"]), ("اسفند ۱۴۰۴", 4), "all four came in Esfand")
        self.assertTrue(complaints["B2"].startswith("۱۴۰۴/۱۲/۱"), complaints["B2"])
        export._mail_to(self.env.user.partner_id, self.env["complaint.team"].create({"name": "Tehran"}))
        mail = self.env["mail.mail"].search(
            [("recipient_ids", "=", self.env.user.partner_id.id)], order="id desc", limit=1
        )
        self.assertIn("۱۰ اسفند ۱۴۰۴ – ۱۱ فروردین ۱۴۰۵", mail.subject, "the mail says the workbook's period")
