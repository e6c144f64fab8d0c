from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged, users

from .common import ComplaintAnalysisCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintReport(ComplaintAnalysisCommon):
    """The measures of the hand-built complaints A to D (see ComplaintAnalysisCommon)."""

    def test_stored_inputs(self):
        self.assertEqual((self.a.staff_reply_count, self.b.staff_reply_count, self.c.staff_reply_count), (1, 2, 0))
        # a repeat is on the same topic: C is the same customer's third complaint, on another topic
        self.assertEqual((self.a.is_repeat, self.b.is_repeat, self.c.is_repeat), (False, True, False))
        self.assertEqual(self.c.reopen_count, 1)

    @freeze_time("2026-04-01 00:00:00")
    def test_measures(self):
        [row] = self.Report._read_group(
            [("team_id", "=", self.team_a.id)],
            [],
            [
                "__count",
                "hours_to_acknowledge:avg",
                "hours_to_resolve:avg",
                "fcr:avg",
                "repeat:avg",
                "sla_met:avg",
                "reopened:avg",
                "compensation_amount:sum",
                "csat:avg",
            ],
        )
        count, acknowledge, resolve, fcr, repeat, sla_met, reopened, compensation, csat = row
        self.assertEqual(count, 4)
        self.assertAlmostEqual(acknowledge, 7 / 3, msg="2, 4 and 1 hours; D not acknowledged")
        self.assertAlmostEqual(resolve, 40.0, msg="24, 48 and 48 hours (C's last resolution); D open")
        self.assertAlmostEqual(fcr, 100 / 3, msg="A only: B had two replies, C was reopened")
        self.assertEqual(repeat, 25.0, "B only: C repeats on another topic")
        self.assertEqual(sla_met, 50.0, "A and C in time, B late, D overdue")
        self.assertEqual(reopened, 25.0)
        self.assertEqual(compensation, 30.0)
        self.assertEqual(csat, 50.0, "A rated 5, B rated 2, C and D no feedback")

    def test_month_by_category(self):
        cells = {
            (category, month): count
            for category, month, count in self.Report._read_group(
                [("team_id", "=", self.team_a.id)], ["category_id", "date_received:month"], ["__count"]
            )
        }
        self.assertEqual(
            cells,
            {
                (self.category_delivery, datetime(2026, 3, 1)): 3,
                (self.category_billing, datetime(2026, 3, 1)): 1,
            },
        )

    def test_dimensions(self):
        row = self.Report.browse(self.b.id)
        self.assertEqual(
            (row.partner_id, row.team_id, row.category_id, row.stage_id),
            (self.customer, self.team_a, self.category_delivery, self.stage_resolved),
        )
        self.assertEqual(self.Report.browse(self.d.id).partner_id, self.other_customer)

    def test_users_see_the_complaints_they_work(self):
        self.assertEqual(self.Report.with_user(self.user_a2).search_count([("team_id", "=", self.team_a.id)]), 4)
        self.assertFalse(self.Report.with_user(self.user_b1).search([("team_id", "=", self.team_a.id)]))

    @freeze_time("2026-03-31 00:00:00")
    @users("cm_a2")
    def test_dashboard_figures(self):
        data = self.env["complaint.report"].get_dashboard_data(days=30)
        kpis = {kpi["key"]: kpi for kpi in data["kpis"]}
        self.assertEqual(kpis["fcr"]["value"], 100 / 3)
        self.assertEqual(kpis["repeat"]["value"], 25.0)
        self.assertEqual(kpis["sla_met"]["value"], 50.0)
        self.assertEqual(kpis["csat"]["value"], 50.0)
        self.assertEqual((kpis["mean_hours"]["value"], kpis["median_hours"]["value"]), (40.0, 48.0))
        for key in ("fcr", "csat", "sla_met", "repeat"):
            self.assertIsNone(kpis[key]["previous"], "nothing received in February: no 'previous: 0 %'")
        self.assertEqual(
            self.env["complaint.complaint"].search_count(kpis["open"]["domain"] + [("team_id", "=", self.team_a.id)]),
            1,
            "D only: resolved ones are not open",
        )
        self.assertEqual(
            self.env["complaint.complaint"].search_count(kpis["fcr"]["domain"] + [("team_id", "=", self.team_a.id)]),
            4,
            "the complaints behind the figure",
        )
        march = next(bar for bar in data["trend"] if bar["domain"][0][2].startswith("2026-03-01"))
        self.assertGreaterEqual(march["count"], 4)

    @freeze_time("2026-04-06 12:00:00")
    @users("cm_a2")
    def test_dashboard_opens_on_the_default_period(self):
        data = self.env["complaint.report"].get_dashboard_data()
        self.assertEqual(data["days"], 90)
        kpis = {kpi["key"]: kpi for kpi in data["kpis"]}
        self.assertEqual(kpis["mean_hours"]["value"], 40.0, "March's complaints lie in the last 90 days")

    @users("cm_a1")
    def test_staff_replies_by_email_count_until_the_resolution(self):
        complaint = self._create_complaint(team_id=self.team_a.id)
        complaint.with_env(self.env).message_post(
            body="Answered from my mailbox", message_type="email", subtype_xmlid="mail.mt_comment"
        )
        self.assertEqual(complaint.staff_reply_count, 1)
        complaint.stage_id = self.stage_resolved
        complaint.with_env(self.env).message_post(
            body="Glad it is sorted", message_type="comment", subtype_xmlid="mail.mt_comment"
        )
        self.assertEqual(complaint.staff_reply_count, 1, "a courtesy message after the resolution does not count")

    @users("cm_a2")
    def test_dashboard_months_in_the_users_time_zone(self):
        self.user_a2.tz = "Asia/Tehran"
        with freeze_time("2026-03-31 21:00:00"):  # 1 April, 00:30 in Tehran
            late = self._create_complaint(team_id=self.team_a.id, category_id=self.category_billing.id)
        with freeze_time("2026-04-10 00:00:00"):
            trend = self.env["complaint.report"].with_context(tz=False).get_dashboard_data()["trend"]
        april = trend[-1]
        self.assertEqual(april["count"], 1)
        self.assertEqual(
            self.env["complaint.complaint"].search(april["domain"] + [("team_id", "=", self.team_a.id)]),
            late,
            "the bar opens the complaint it counts",
        )
