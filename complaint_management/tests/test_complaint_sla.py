from datetime import datetime

from freezegun import freeze_time

from odoo import fields
from odoo.tests import tagged

from .common import ComplaintSlaCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintSla(ComplaintSlaCommon):
    @freeze_time("2026-03-06 15:00:00")  # a Friday
    def test_deadlines_skip_nights_and_weekends(self):
        complaint = self._complaint()
        self.assertEqual(self._sla(complaint, "acknowledge").deadline, datetime(2026, 3, 9, 10, 0))
        self.assertEqual(self._sla(complaint, "resolve").deadline, datetime(2026, 3, 10, 15, 0))
        self.assertEqual(complaint.sla_deadline, datetime(2026, 3, 9, 10, 0))
        # the customer is promised the SLA deadlines (portal, acknowledgement)
        self.assertEqual(complaint.date_response_promised, datetime(2026, 3, 9, 10, 0))
        self.assertEqual(complaint.date_resolution_promised, datetime(2026, 3, 10, 15, 0))

    @freeze_time("2026-03-06 15:00:00")
    def test_deadlines_skip_public_holidays(self):
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Public holiday",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 3, 9, 0, 0),
                "date_to": datetime(2026, 3, 9, 23, 59, 59),
            }
        )
        complaint = self._complaint()
        self.assertEqual(self._sla(complaint, "acknowledge").deadline, datetime(2026, 3, 10, 10, 0))

    def test_round_the_clock_policy(self):
        self.policy.working_hours = False
        with freeze_time("2026-03-06 15:00:00"):
            complaint = self._complaint()
        self.assertEqual(self._sla(complaint, "acknowledge").deadline, datetime(2026, 3, 6, 19, 0))
        self.assertEqual(self._sla(complaint, "resolve").deadline, datetime(2026, 3, 7, 7, 0))

    def test_pause_and_resume(self):
        with freeze_time("2026-03-02 09:00:00"):  # a Monday
            complaint = self._complaint()
        resolve = self._sla(complaint, "resolve")
        self.assertEqual(resolve.deadline, datetime(2026, 3, 4, 9, 0))
        with freeze_time("2026-03-02 10:00:00"):
            complaint.stage_id = self.stage_waiting
        self.assertFalse(resolve.deadline, "paused: no deadline")
        self.assertEqual(resolve.remaining_hours, 15, "it keeps the 15 working hours left of 16")
        self.assertFalse(complaint.sla_deadline)
        self.assertEqual(self._sla(complaint, "acknowledge").status, "met", "moving it acknowledged it")
        with freeze_time("2026-03-03 10:00:00"):
            complaint.stage_id = self.stage_progress
        # 8 working hours paused (Monday 10-12 and 13-17, Tuesday 8-10) push the deadline 8 hours
        self.assertEqual(resolve.paused_hours, 8)
        self.assertEqual(resolve.deadline, datetime(2026, 3, 5, 9, 0))
        self.assertEqual(complaint.sla_deadline, datetime(2026, 3, 5, 9, 0))

    def test_resume_plans_the_hours_left_from_now(self):
        with freeze_time("2026-03-02 09:00:00"):  # a Monday
            complaint = self._complaint()
        resolve = self._sla(complaint, "resolve")
        with freeze_time("2026-03-02 10:00:00"):
            complaint.stage_id = self.stage_waiting
        # a holiday declared afterwards for a day the clock was stopped changes nothing left
        self.env["resource.calendar.leaves"].create(
            {
                "name": "Closed",
                "calendar_id": self.calendar.id,
                "date_from": datetime(2026, 3, 2, 13, 0),
                "date_to": datetime(2026, 3, 2, 17, 0),
            }
        )
        with freeze_time("2026-03-03 10:00:00"):
            complaint.stage_id = self.stage_progress
        # 15 hours from Tuesday 10:00: Tuesday 6, Wednesday 8, Thursday 1
        self.assertEqual(resolve.deadline, datetime(2026, 3, 5, 9, 0))
        self.assertEqual(resolve.remaining_hours, 0)
        self.assertEqual(resolve.paused_hours, 4, "Monday 10-12 (the afternoon was off) and Tuesday 8-10")

    def test_overdue_target_stays_failed_when_paused(self):
        with freeze_time("2026-03-02 09:00:00"):
            complaint = self._complaint()
        resolve = self._sla(complaint, "resolve")
        with freeze_time("2026-03-05 10:00:00"):  # resolution was due on Wednesday at 9:00
            self.assertEqual(resolve.status, "failed")
            complaint.stage_id = self.stage_waiting
            self.assertEqual(resolve.status, "failed", "waiting for the customer does not undo a breach")
            self.assertEqual(resolve.deadline, datetime(2026, 3, 4, 9, 0))

    def test_severity_change_recomputes(self):
        urgent = self.env["complaint.sla.policy"].create(
            {
                "name": "High severity",
                "team_id": self.team_a.id,
                "severity": "high",
                "resolve_hours": 4,
            }
        )
        with freeze_time("2026-03-02 09:00:00"):
            complaint = self._complaint(severity="normal")
            self.assertFalse(self._sla(complaint, "resolve", urgent))
            complaint.severity = "critical"
        self.assertEqual(self._sla(complaint, "resolve", urgent).deadline, datetime(2026, 3, 2, 14, 0))
        self.assertEqual(complaint.sla_deadline, datetime(2026, 3, 2, 14, 0), "the earliest open target")
        complaint.severity = "low"
        self.assertFalse(self._sla(complaint, "resolve", urgent), "no longer applies")

    def test_team_and_category_filters(self):
        self.policy.category_ids = self.category_delivery  # a parent: covers its subcategories
        covered = self._complaint()
        self.assertEqual(len(covered.sla_status_ids), 2)
        other_team = self._create_complaint(category_id=self.category_billing.id)
        standard = other_team.team_id._standard_policy()
        self.assertEqual(other_team.sla_status_ids.policy_id, standard, "the other team's standard promise")
        covered.category_id = self.category_billing
        self.assertEqual(covered.sla_status_ids.policy_id, standard, "moved to the other team: its promise")
        other_team.team_id.write({"response_hours": 0, "resolution_hours": 0})
        self.assertFalse(standard.active, "a team that promises nothing has no standard policy")
        self.assertFalse(self._create_complaint(category_id=self.category_billing.id).sla_status_ids)

    def test_not_upheld_is_decided_when_closed(self):
        with freeze_time("2026-03-02 09:00:00"):
            complaint = self._complaint()
        with freeze_time("2026-03-02 10:00:00"):
            complaint.stage_id = self.env.ref("complaint_management.complaint_stage_rejected")
        resolve = self._sla(complaint, "resolve")
        self.assertEqual((resolve.reached_date, resolve.status), (datetime(2026, 3, 2, 10, 0), "met"))
        self.assertFalse(complaint.sla_deadline, "no clock runs on a decided complaint")

    def test_standard_promise_covers_what_no_policy_does(self):
        """One promise per complaint: the team's hours are its standard policy, on its working
        calendar, paused while waiting; a policy that covers a complaint replaces it; the card, the
        form, the portal and the acknowledgement read the same deadlines."""
        standard = self.team_a._standard_policy()
        self.assertRecordValues(
            standard,
            [{"acknowledge_hours": 8.0, "resolve_hours": 40.0, "working_hours": True, "is_team_standard": True}],
        )
        self.assertIn(self.stage_waiting, standard.pause_stage_ids)
        self.policy.category_ids = self.category_billing
        with freeze_time("2026-03-02 09:00:00"):  # a Monday, 9:00 on the team's calendar
            complaint = self._complaint()
        self.assertEqual(complaint.sla_status_ids.policy_id, standard, "no other policy covers it")
        self.assertEqual(complaint.date_response_promised, datetime(2026, 3, 3, 9, 0), "8 working hours")
        self.assertEqual(complaint.date_resolution_promised, datetime(2026, 3, 9, 9, 0), "40 working hours")
        self.assertEqual(complaint.sla_deadline, complaint.date_response_promised, "the card's deadline")
        self.team_a.resolution_hours = 16
        self.assertEqual(standard.resolve_hours, 16, "the team's form edits its standard policy")

    def test_met_and_failed(self):
        with freeze_time("2026-03-02 09:00:00"):
            on_time = self._complaint()
            late = self._complaint()
        with freeze_time("2026-03-02 11:00:00"):
            on_time.stage_id = self.stage_progress
        with freeze_time("2026-03-02 15:30:00"):
            self.assertEqual(self._sla(on_time, "acknowledge").status, "met")
            self.assertEqual(self._sla(late, "acknowledge").status, "failed")
            late_ack = self._sla(late, "acknowledge")
            late_ack.invalidate_recordset(["status", "exceeded_hours"])
            self.assertEqual(late_ack.status, "failed")
            self.assertFalse(
                self.env.cache.contains(late_ack, late_ack._fields["exceeded_hours"]),
                "a status is read without counting the working hours past its deadline",
            )
            self.assertEqual(late_ack.exceeded_hours, 1.5)
            self.assertEqual(self._sla(late, "resolve").status, "ongoing")
            Sla = self.env["complaint.sla.status"]
            slas = (on_time | late).sla_status_ids
            self.assertEqual(
                Sla.search([("id", "in", slas.ids), ("status", "=", "failed")]), self._sla(late, "acknowledge")
            )
            self.assertEqual(
                Sla.search([("id", "in", slas.ids), ("status", "=", "met")]), self._sla(on_time, "acknowledge")
            )
            self.assertEqual(len(Sla.search([("id", "in", slas.ids), ("status", "=", "ongoing")])), 2)
            Complaint = self.env["complaint.complaint"]
            both = [("id", "in", (on_time | late).ids)]
            self.assertEqual(Complaint.search(both + [("sla_failed", "=", True)]), late)
            self.assertEqual(Complaint.search(both + [("sla_failed", "=", False)]), on_time)
            self.assertEqual(
                Sla.search([("id", "in", slas.ids), ("status", "!=", "failed")]), slas - self._sla(late, "acknowledge")
            )
            self.env.flush_all()
            with self.assertQueryCount(1):  # one query, of the complaints' table alone
                failed = Complaint.search([("sla_failed", "=", True)])
            self.assertIn(late, failed)
            self.assertTrue(late.sla_failed)
        with freeze_time("2026-03-03 16:30:00"):
            # on time: resolution due Wednesday 9:00, within a day; late: overdue, so failed, not at risk
            self.assertEqual(Complaint.search(both + [("sla_at_risk", "=", True)]), on_time)
        with freeze_time("2026-03-02 16:00:00"):
            late.stage_id = self.stage_progress
            self.assertEqual(self._sla(late, "acknowledge").status, "failed", "reached after the deadline")
            self.assertEqual(self._sla(late, "acknowledge").exceeded_hours, 2)
            # reached late, it stays failed (stored on the complaint), its next deadline still ahead
            self.assertTrue(late.sla_missed)
            self.assertGreater(late.sla_deadline, fields.Datetime.now())
            self.assertEqual(Complaint.search(both + [("sla_failed", "=", True)]), late)
            self.assertEqual(Complaint.search(both + [("sla_failed", "!=", True)]), on_time)
            self.assertTrue(late.sla_failed)
