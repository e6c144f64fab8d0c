import copy
import json
import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintStatistics(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.partner = cls.env["res.partner"].create({"name": "Zohreh Private", "email": "zohreh.private@example.com"})
        cls.category = cls.env["complaint.category"].create({"name": "Stats cold food"})
        now = fields.Datetime.now()
        cls.complaint = cls.env["complaint.complaint"].create(
            {
                "subject": "Secret subject of the soup",
                "partner_id": cls.partner.id,
                "category_id": cls.category.id,
                "date_received": now - timedelta(hours=30),
            }
        )
        cls.complaint.stage_id = cls.env.ref("complaint_management.complaint_stage_resolved")
        # the most frequent topic of the year
        cls.env["complaint.complaint"].create(
            [
                {"subject": f"Cold again {n}", "partner_id": cls.partner.id, "category_id": cls.category.id}
                for n in range(20)
            ]
        )

    def test_off_unless_published(self):
        self.assertEqual(self.url_open("/complaints/statistics").status_code, 404)

    def test_figures_without_personal_data(self):
        self.env.company.complaint_public_statistics = True
        response = self.url_open("/complaints/statistics")
        self.assertEqual(response.status_code, 200)
        page = response.text
        self.assertIn("Stats cold food", page, "the main topics are shown")
        for private in ("Zohreh", "zohreh.private@example.com", self.complaint.name, "Secret subject"):
            self.assertNotIn(private, page)
        self.assertNotIn(self.complaint.user_id.name or "no assignee", page)
        self.assertIn("Last 90 days", page, "it opens on the default period")
        statistics = self.env["complaint.report"]._public_statistics()
        self.assertGreaterEqual(statistics["period"]["received"], 21)
        self.assertGreaterEqual(statistics["period"]["resolved"], 1)
        latest = statistics["months"][-1]
        self.assertGreaterEqual(latest["received"], 20, "the complaints of today are in the latest month")
        self.assertGreaterEqual(latest["resolved"], 1)

    def test_figures_published_for_the_day_in_each_language(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        company = self.env.company
        company.partner_id.tz = "Asia/Tehran"
        cron = self.env.ref("complaint_management.ir_cron_complaint_public_statistics")
        Trigger = self.env["ir.cron.trigger"]
        triggers = Trigger.search([("cron_id", "=", cron.id)])
        company.complaint_public_statistics = True
        self.assertTrue(Trigger.search([("cron_id", "=", cron.id)]) - triggers, "published without waiting")

        self.env["res.company"]._cron_publish_complaint_statistics()
        Report = self.env["complaint.report"]
        today = Report._public_statistics_day(company).isoformat()
        published = company._published_complaint_statistics()
        self.assertEqual(published["day"], today)
        self.assertGreaterEqual(published["figures"]["en_US"]["period"]["received"], 21)
        self.assertRegex(published["figures"]["fa_IR"]["months"][-1]["month"], "^[^0-9۰-۹]+ [۰-۹]+$")

        # an integration that reads the company whole by XML-RPC gets them too (as text: no nulls)
        admin = self.env.ref("base.user_admin")
        [read] = self.xmlrpc_object.execute(self.env.cr.dbname, admin.id, "admin", "res.company", "read", company.ids)
        self.assertEqual(json.loads(read["complaint_public_statistics_json"])["day"], today)

        # the page shows what was published, not figures worked out for each visitor
        planted = copy.deepcopy(published)
        planted["figures"]["en_US"]["categories"] = [{"name": "Published topic", "count": 7}]
        company.complaint_public_statistics_json = json.dumps(planted)
        self.assertIn("Published topic", self.url_open("/complaints/statistics").text)
        self.env["res.company"]._cron_publish_complaint_statistics()
        self.assertEqual(company._published_complaint_statistics(), planted, "worked out once a day")

        # yesterday's figures are not shown, and the next run replaces them
        company.complaint_public_statistics_json = json.dumps(dict(planted, day="2000-01-01"))
        self.assertNotIn("Published topic", self.url_open("/complaints/statistics").text)
        self.env["res.company"]._cron_publish_complaint_statistics()
        self.assertEqual(company._published_complaint_statistics()["day"], today)

    def test_persian_page_writes_persian_numbers(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env["ir.module.module"]._load_module_terms(["complaint_management"], ["fa_IR"])
        self.env.company.complaint_public_statistics = True
        formats = self.env["complaint.report"].with_context(lang="fa_IR")._public_number_formats()
        self.assertEqual(formats["number"](21), "۲۱")
        self.assertEqual(formats["percent"](70.4), "۷۰٪")
        self.assertEqual(formats["hours"](29.6), "۳۰ ساعت")
        self.opener.cookies.set("frontend_lang", "fa_IR")
        page = self.url_open("/complaints/statistics").text
        received = re.search(r"<dd[^>]*>([^<]*)</dd>", page).group(1)
        self.assertRegex(received, "^[۰-۹]+$", "the count in Persian digits")
        self.assertNotIn(" h<", page)
        title = re.search(r'<h2 class="h5 mt-4">([^<]*)</h2>', page).group(1)
        self.assertIn("۹۰", title, "the period's days too")
        self.assertIn('<ol class="o_complaint_ranking">', page, "the topics ranked in Persian digits (its style)")
