from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from .common import ComplaintSlaCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintSlaReport(ComplaintSlaCommon):
    """Read on Monday 6 April 2026 at noon. March: one complaint met both targets, one failed
    both (acknowledged an hour late, not resolved by its deadline); April: one with both ongoing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        with freeze_time("2026-03-02 09:00:00"):
            cls.in_time = cls._create_complaint(category_id=cls.category_late.id)
            cls.late = cls._create_complaint(category_id=cls.category_late.id)
        cls.in_time.date_acknowledged = datetime(2026, 3, 2, 10, 0)
        cls.late.date_acknowledged = datetime(2026, 3, 2, 15, 0)  # due at 14:00 (lunch from 12 to 13)
        with freeze_time("2026-03-03 10:00:00"):
            cls.in_time.stage_id = cls.stage_resolved
        with freeze_time("2026-04-06 09:00:00"):
            cls.ongoing = cls._create_complaint(category_id=cls.category_late.id)
        cls.Report = cls.env["complaint.sla.report"]

    @freeze_time("2026-04-06 12:00:00")
    def test_compliance_by_month_and_status(self):
        by_month = {
            month: (count, compliance)
            for month, count, compliance in self.Report._read_group(
                [("team_id", "=", self.team_a.id)], ["date_received:month"], ["__count", "compliance:avg"]
            )
        }
        self.assertEqual(by_month[datetime(2026, 3, 1)], (4, 50.0))
        self.assertEqual(by_month[datetime(2026, 4, 1)][0], 2)
        self.assertFalse(by_month[datetime(2026, 4, 1)][1], "ongoing targets do not count")

        by_status = dict(self.Report._read_group([("team_id", "=", self.team_a.id)], ["status"], ["__count"]))
        self.assertEqual(by_status, {"met": 2, "failed": 2, "ongoing": 2})

        by_policy = dict(self.Report._read_group([("team_id", "=", self.team_a.id)], ["policy_id"], ["__count"]))
        self.assertEqual(by_policy, {self.policy: 6})

    @freeze_time("2026-04-06 12:00:00")
    def test_rows_match_the_statuses(self):
        for sla in (self.in_time | self.late | self.ongoing).sla_status_ids:
            row = self.Report.browse(sla.id)
            self.assertEqual(row.status, sla.status, f"{sla.complaint_id.name} {sla.target}")
            self.assertEqual(row.team_id, self.team_a)
        ack = self.Report.browse(self._sla(self.late, "acknowledge").id)
        self.assertAlmostEqual(ack.hours_late, 1.0)

    def test_users_see_only_the_rows_of_complaints_they_work(self):
        self.assertEqual(self.Report.with_user(self.user_a2).search_count([]), 6)
        self.assertEqual(self.Report.with_user(self.user_b1).search_count([]), 0)
        self.assertFalse(self.env["complaint.sla.status"].with_user(self.user_b1).search([]))
        their_companies = [("company_id", "in", self.manager.company_ids.ids)]
        self.assertEqual(
            self.Report.with_user(self.manager).search_count([]),
            self.Report.search_count(their_companies),
            "managers see every team's of their companies",
        )
