from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.base.tests.test_ir_cron import CronMixinCase

from .common import ComplaintCommon

FEEDBACK = "How did we handle"
REMINDER = "We are waiting for your reply"
CLOSED_UNANSWERED = "has been closed"


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintFollowup(ComplaintCommon, CronMixinCase):
    """Team A asks for feedback 2 days after the resolution and closes resolved complaints after 7;
    it reminds waiting customers after 3 days and closes after 14. Everything starts on Monday
    2 March 2026 at 10:00."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_a.write({"feedback_days": 2, "auto_close_days": 7, "reminder_days": 3, "waiting_close_days": 14})
        cls.Complaint = cls.env["complaint.complaint"]

    def _run_cron(self, when, **kwargs):
        with freeze_time(when):
            self.Complaint._cron_follow_up(**kwargs)

    def _mails(self, complaint, subject):
        return complaint.message_ids.filtered(lambda m: subject in (m.subject or ""))

    def _complaint_in(self, stage, **values):
        with freeze_time("2026-03-02 10:00:00"):
            complaint = self._create_complaint(category_id=self.category_delivery.id, **values)
            complaint.stage_id = stage
        return complaint

    def test_feedback_requested_on_the_right_day_once(self):
        complaint = self._complaint_in(self.stage_resolved)
        self.assertEqual(complaint.date_feedback_due, datetime(2026, 3, 4, 10, 0))
        self.assertEqual(complaint.date_followup, datetime(2026, 3, 4, 10, 0))

        self._run_cron("2026-03-04 09:59:00")
        self.assertFalse(self._mails(complaint, FEEDBACK), "not the day before, nor an hour early")

        self._run_cron("2026-03-04 10:00:00")
        self._run_cron("2026-03-04 12:00:00")
        self._run_cron("2026-03-05 10:00:00")
        mail = self._mails(complaint, FEEDBACK)
        self.assertEqual(len(mail), 1, "asked once")
        self.assertIn(self.customer, mail.partner_ids | mail.notified_partner_ids)
        request = complaint.feedback_ids
        self.assertEqual(request.state, "requested", "one feedback request")
        for stars in range(1, 6):
            self.assertIn(f"/complaints/feedback/{request.access_token}?channel=email&amp;rating={stars}", mail.body)
        self.assertEqual(complaint.date_feedback_requested, datetime(2026, 3, 4, 10, 0))
        self.assertFalse(complaint.date_feedback_due)
        self.assertEqual(complaint.date_followup, datetime(2026, 3, 9, 10, 0), "the closing comes next")

    def test_feedback_asked_again_after_a_reopen_and_a_new_resolution(self):
        complaint = self._complaint_in(self.stage_resolved)
        self._run_cron("2026-03-04 10:00:00")
        with freeze_time("2026-03-05 10:00:00"):
            complaint.stage_id = self.stage_progress
        self.assertFalse(complaint.date_followup, "reopened: nothing to follow up")
        with freeze_time("2026-03-06 10:00:00"):
            complaint.stage_id = self.stage_resolved
        self._run_cron("2026-03-08 10:00:00")
        self.assertEqual(len(self._mails(complaint, FEEDBACK)), 2)
        self.assertEqual(
            complaint.feedback_ids.sorted("date_requested").mapped("state"),
            ["cancelled", "requested"],
            "a new request after the reopen replaces the first",
        )

    def test_resolution_undone_cancels_its_feedback(self):
        complaint = self._complaint_in(self.stage_resolved)
        self._run_cron("2026-03-04 10:00:00")
        request = complaint.feedback_ids
        with freeze_time("2026-03-05 10:00:00"):
            complaint.stage_id = self.stage_waiting
        self.assertEqual(request.state, "cancelled", "the customer is no longer asked about an undone resolution")
        self.assertEqual(complaint.reopen_count, 1)
        self.assertFalse(complaint.date_feedback_due)

    def test_reclosing_asks_no_second_feedback(self):
        complaint = self._complaint_in(self.stage_resolved)
        self._run_cron("2026-03-04 10:00:00")
        with freeze_time("2026-03-05 10:00:00"):
            complaint.stage_id = self.stage_closed
            complaint.stage_id = self.stage_resolved
        self.assertFalse(complaint.date_feedback_due, "still the same resolution")
        self._run_cron("2026-03-08 10:00:00")
        self.assertEqual(len(self._mails(complaint, FEEDBACK)), 1)

    def test_team_without_closing_stage_closes_nothing_and_says_nothing(self):
        complaint = self._complaint_in(self.stage_waiting)
        self.env["complaint.stage"].search([("is_closed", "=", True)]).active = False
        self._run_cron("2026-03-20 10:00:00")
        self.assertEqual(complaint.stage_id, self.stage_waiting)
        self.assertFalse(self._mails(complaint, CLOSED_UNANSWERED))
        self.assertFalse(complaint.date_followup)

    def test_staff_answer_after_resolution_restarts_the_closing_days(self):
        complaint = self._complaint_in(self.stage_resolved)
        with freeze_time("2026-03-03 10:00:00"):
            complaint.message_post(
                body="Still broken", author_id=self.customer.id, message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.assertFalse(complaint.date_close_due)
        with freeze_time("2026-03-04 10:00:00"):
            complaint.with_user(self.user_a1).message_post(
                body="Please try again now", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.assertEqual(complaint.date_close_due, datetime(2026, 3, 11, 10, 0))

    def test_resolved_complaint_closed_after_days_unless_reopened(self):
        resolved = self._complaint_in(self.stage_resolved)
        reopened = self._complaint_in(self.stage_resolved)
        with freeze_time("2026-03-03 10:00:00"):
            reopened.stage_id = self.stage_progress

        self._run_cron("2026-03-09 09:00:00")
        self.assertEqual(resolved.stage_id, self.stage_resolved, "not before the 7th day")
        self._run_cron("2026-03-09 10:00:00")
        self.assertEqual(resolved.stage_id, self.stage_closed)
        self.assertEqual(resolved.date_closed, datetime(2026, 3, 9, 10, 0))
        self.assertEqual(resolved.date_resolved, datetime(2026, 3, 2, 10, 0), "still counted as resolved")
        self.assertTrue(resolved.message_ids.filtered(lambda m: "Closed automatically" in (m.body or "")))
        self.assertEqual(reopened.stage_id, self.stage_progress)
        self.assertFalse(self._mails(reopened, FEEDBACK), "the reopened complaint asks for no feedback")

    def test_feedback_still_asked_when_closed_before(self):
        self.team_a.auto_close_days = 1
        complaint = self._complaint_in(self.stage_resolved)
        self._run_cron("2026-03-03 10:00:00")
        self.assertEqual(complaint.stage_id, self.stage_closed)
        self._run_cron("2026-03-04 10:00:00")
        self.assertEqual(len(self._mails(complaint, FEEDBACK)), 1)

    def test_customer_reply_keeps_a_resolved_complaint_open(self):
        complaint = self._complaint_in(self.stage_resolved)
        with freeze_time("2026-03-03 10:00:00"):
            complaint.message_post(
                body="It is still broken",
                author_id=self.customer.id,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self._run_cron("2026-03-10 10:00:00")
        self.assertEqual(complaint.stage_id, self.stage_resolved, "staff read the reply before anything closes")

    def test_waiting_customer_reminded_then_closed_with_a_message(self):
        complaint = self._complaint_in(self.stage_waiting)
        self.assertEqual(complaint.date_reminder_due, datetime(2026, 3, 5, 10, 0))
        self.assertEqual(complaint.date_close_due, datetime(2026, 3, 16, 10, 0))

        self._run_cron("2026-03-05 09:00:00")
        self.assertFalse(self._mails(complaint, REMINDER))
        self._run_cron("2026-03-05 10:00:00")
        self._run_cron("2026-03-06 10:00:00")
        reminder = self._mails(complaint, REMINDER)
        self.assertEqual(len(reminder), 1, "reminded once")
        self.assertIn("16", reminder.body, "the reminder gives the closing date")
        self.assertEqual(complaint.date_customer_reminded, datetime(2026, 3, 5, 10, 0))

        self._run_cron("2026-03-16 09:59:00")
        self.assertEqual(complaint.stage_id, self.stage_waiting)
        self._run_cron("2026-03-16 10:00:00")
        self._run_cron("2026-03-17 10:00:00")
        self.assertEqual(complaint.stage_id, self.stage_closed)
        self.assertEqual(len(self._mails(complaint, CLOSED_UNANSWERED)), 1, "told once")
        self.assertEqual(len(self._mails(complaint, REMINDER)), 1)
        self.assertFalse(complaint.date_followup)

    def test_overdue_closing_skips_the_reminder(self):
        complaint = self._complaint_in(self.stage_waiting)
        self._run_cron("2026-03-20 10:00:00")
        self.assertEqual(complaint.stage_id, self.stage_closed)
        self.assertFalse(self._mails(complaint, REMINDER), "no reminder for a complaint closed in the same run")

    def test_stage_no_longer_waiting_is_left_alone(self):
        complaint = self._complaint_in(self.stage_waiting)
        self.stage_waiting.is_waiting = False
        self._run_cron("2026-03-20 10:00:00")
        self.assertEqual(complaint.stage_id, self.stage_waiting)
        self.assertFalse(self._mails(complaint, REMINDER) | self._mails(complaint, CLOSED_UNANSWERED))
        self.assertFalse(complaint.date_followup)

    def test_replies_restart_or_stop_the_waiting_days(self):
        complaint = self._complaint_in(self.stage_waiting)
        with freeze_time("2026-03-04 10:00:00"):
            complaint.with_user(self.user_a1).message_post(
                body="Could you send a photo?", message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.assertEqual(complaint.date_reminder_due, datetime(2026, 3, 7, 10, 0), "staff asked again")
        self.assertEqual(complaint.date_close_due, datetime(2026, 3, 18, 10, 0))
        with freeze_time("2026-03-05 10:00:00"):
            complaint.message_post(
                body="Here it is", author_id=self.customer.id, message_type="comment", subtype_xmlid="mail.mt_comment"
            )
        self.assertFalse(complaint.date_followup, "the customer answered")
        self._run_cron("2026-03-30 10:00:00")
        self.assertEqual(complaint.stage_id, self.stage_waiting)
        self.assertFalse(self._mails(complaint, REMINDER))

    def test_internal_note_changes_nothing(self):
        complaint = self._complaint_in(self.stage_waiting)
        with freeze_time("2026-03-04 10:00:00"):
            complaint.with_user(self.user_a1).message_post(body="Called, no answer", subtype_xmlid="mail.mt_note")
        self.assertEqual(complaint.date_reminder_due, datetime(2026, 3, 5, 10, 0))

    def test_zero_days_turn_a_followup_off(self):
        self.team_a.write({"feedback_days": 0, "auto_close_days": 0, "reminder_days": 0, "waiting_close_days": 0})
        resolved = self._complaint_in(self.stage_resolved)
        waiting = self._complaint_in(self.stage_waiting)
        self.assertFalse(resolved.date_followup)
        self.assertFalse(waiting.date_followup)

    def test_team_change_applies_from_the_next_resolution(self):
        complaint = self._complaint_in(self.stage_resolved)
        self.team_a.feedback_days = 5
        self.assertEqual(
            complaint.date_feedback_due,
            datetime(2026, 3, 4, 10, 0),
            "no flood of requests for complaints resolved long ago when a team turns feedback on",
        )

    def test_batches_report_progress_and_finish(self):
        complaints = (
            self._complaint_in(self.stage_resolved)
            | self._complaint_in(self.stage_resolved)
            | self._complaint_in(self.stage_resolved)
        )
        progress = self.env["ir.cron.progress"].create(
            {"cron_id": self.env.ref("complaint_management.ir_cron_complaint_followup").id}
        )
        cron_env = self.Complaint.with_context(ir_cron_progress_id=progress.id)
        with freeze_time("2026-03-04 10:00:00"):
            cron_env._cron_follow_up(batch_size=2)
            self.assertEqual((progress.done, progress.remaining), (2, 1))
            cron_env._cron_follow_up(batch_size=2)
            self.assertEqual((progress.done, progress.remaining), (1, 0))
            cron_env._cron_follow_up(batch_size=2)
            self.assertEqual(progress.done, 0, "nothing left: each follow-up is marked as done")
        for complaint in complaints:
            self.assertEqual(len(self._mails(complaint, FEEDBACK)), 1)

    def test_cron_armed_at_the_next_followup(self):
        with self.capture_triggers("complaint_management.ir_cron_complaint_followup") as capture:
            complaint = self._complaint_in(self.stage_resolved)
        self.assertEqual(capture.records.mapped("call_at"), [datetime(2026, 3, 4, 10, 0)])
        with self.capture_triggers("complaint_management.ir_cron_complaint_followup") as capture:
            self._run_cron("2026-03-04 10:00:00")
        self.assertEqual(capture.records.call_at, complaint.date_followup)
        self.assertEqual(complaint.date_followup, datetime(2026, 3, 9, 10, 0))

    def test_cron_reads_only_due_rows_through_the_index(self):
        self.env.flush_all()
        self.env.cr.execute("SET LOCAL enable_seqscan = off")
        self.env.cr.execute("""
            EXPLAIN SELECT id FROM complaint_complaint
             WHERE date_followup <= now() AND active ORDER BY date_followup, id LIMIT 100""")
        plan = " ".join(row[0] for row in self.env.cr.fetchall())
        self.assertIn("complaint_complaint__date_followup_index", plan)


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintSlaDigest(ComplaintCommon):
    """Team A (leader Ali) acknowledges within 4 hours round the clock and resolves within 48."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_a.leader_id = cls.user_a1
        cls.env["complaint.sla.policy"].create(
            {
                "name": "Fast",
                "team_id": cls.team_a.id,
                "working_hours": False,
                "acknowledge_hours": 4,
                "resolve_hours": 48,
            }
        )
        cls.Team = cls.env["complaint.team"]

    def _digests(self, team):
        return self.env["mail.mail"].search([("model", "=", "complaint.team"), ("res_id", "=", team.id)])

    def _run_cron(self, when):
        with freeze_time(when):
            self.Team._cron_send_sla_digest()

    def test_daily_digest_to_the_leader_once_a_day(self):
        with freeze_time("2026-03-02 10:00:00"):
            overdue = self._create_complaint(category_id=self.category_delivery.id, subject="Parcel lost")
            later = self._create_complaint(category_id=self.category_delivery.id, subject="Scratched")
            later.date_acknowledged = "2026-03-02 11:00:00"
        # Tuesday 04:00: the first is 14 hours past its acknowledgement; the second resolves Wednesday 10:00
        self._run_cron("2026-03-03 04:00:00")
        self._run_cron("2026-03-03 06:00:00")
        digest = self._digests(self.team_a)
        self.assertEqual(len(digest), 1, "one digest a day")
        self.assertEqual(digest.recipient_ids, self.user_a1.partner_id)
        self.assertIn("Parcel lost", digest.body_html)
        self.assertIn("(overdue)", digest.body_html)
        self.assertNotIn("Scratched", digest.body_html, "due in 30 hours: not at risk yet")

        overdue.stage_id = self.stage_closed
        self._run_cron("2026-03-04 04:00:00")
        digest = self._digests(self.team_a) - digest
        self.assertEqual(len(digest), 1, "the next day's digest")
        self.assertIn("Scratched", digest.body_html)
        self.assertNotIn("Parcel lost", digest.body_html, "closed complaints are left out")

    def test_no_digest_without_leader_risk_or_wish(self):
        self.team_b.write({"response_hours": 0, "resolution_hours": 0})  # team B promises nothing
        with freeze_time("2026-03-02 10:00:00"):
            self._create_complaint(category_id=self.category_billing.id)
            self._create_complaint(category_id=self.category_delivery.id)
        self.team_a.sla_digest = False
        self._run_cron("2026-03-03 04:00:00")
        self.assertFalse(self._digests(self.team_a), "the team turned the digest off")
        self.assertFalse(self._digests(self.team_b), "nothing at risk")

    def test_persian_leader_reads_deadlines_in_solar_hijri_when_staff_do(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.user_a1.write({"lang": "fa_IR", "tz": "Asia/Tehran"})
        deadline = datetime(2026, 3, 2, 14, 0)  # 17:30 in Tehran on 11 Esfand 1404
        self.assertNotIn(
            "۱۴۰۴",
            self.team_a.with_context(lang="fa_IR")._leader_datetime(deadline),
            "Gregorian until staff read Solar Hijri",
        )
        self.env["ir.config_parameter"].set_param("web_date_solar_hijri.back_office", True)
        self.assertEqual(self.team_a._leader_datetime(deadline), "۱۱ اسفند ۱۴۰۴، ۱۷:۳۰")
        with freeze_time("2026-03-02 10:00:00"):
            self._create_complaint(category_id=self.category_delivery.id, subject="Parcel lost")
        self._run_cron("2026-03-03 04:00:00")
        self.assertIn("۱۱ اسفند ۱۴۰۴، ۱۷:۳۰", self._digests(self.team_a).body_html)
