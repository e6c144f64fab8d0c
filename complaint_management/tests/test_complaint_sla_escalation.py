from datetime import datetime

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.base.tests.test_ir_cron import CronMixinCase

from .common import ComplaintSlaCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintSlaEscalation(ComplaintSlaCommon, CronMixinCase):
    """Resolution in 16 working hours from Monday 9:00: 75 % falls on Tuesday 14:00, the deadline on
    Wednesday 9:00."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_a.leader_id = cls.user_a1
        Level = cls.env["complaint.sla.escalation"]
        cls.warning = Level.create({"policy_id": cls.policy.id, "target": "resolve", "percent": 75})
        cls.breach = Level.create(
            {
                "policy_id": cls.policy.id,
                "target": "resolve",
                "percent": 100,
                "notify_assignee": False,
                "notify_leader": True,
                "raise_priority": True,
                "activity_type_id": cls.env.ref("mail.mail_activity_data_todo").id,
            }
        )
        cls.Sla = cls.env["complaint.sla.status"]

    def _escalation_notes(self, complaint):
        return complaint.message_ids.filtered(lambda m: "of the Resolution time used" in (m.body or ""))

    def _run_cron(self, when):
        with freeze_time(when):
            self.Sla._cron_escalate()

    def test_each_level_fires_once(self):
        with freeze_time("2026-03-02 09:00:00"):
            complaint = self._complaint()
        resolve = self._sla(complaint, "resolve")
        self.assertEqual(resolve.next_escalation_date, datetime(2026, 3, 3, 14, 0))

        self._run_cron("2026-03-03 13:00:00")
        self.assertFalse(self._escalation_notes(complaint), "not due yet")

        self._run_cron("2026-03-03 14:30:00")
        self._run_cron("2026-03-03 14:45:00")
        notes = self._escalation_notes(complaint)
        self.assertEqual(len(notes), 1, "the 75 % level fired once")
        self.assertIn("75%", notes.body)
        self.assertEqual(notes.partner_ids, complaint.user_id.partner_id)
        self.assertEqual(resolve.escalation_ids, self.warning)
        self.assertEqual(resolve.next_escalation_date, datetime(2026, 3, 4, 9, 0))
        self.assertEqual(complaint.priority, "0")

        self._run_cron("2026-03-04 10:00:00")
        self._run_cron("2026-03-04 11:00:00")
        self.assertEqual(len(self._escalation_notes(complaint)), 2, "the breach level fired once")
        self.assertEqual(self._escalation_notes(complaint)[0].partner_ids, self.user_a1.partner_id)
        self.assertEqual(complaint.priority, "1", "raised one step, once")
        self.assertEqual(complaint.activity_ids.user_id, self.user_a1)
        self.assertEqual(len(complaint.activity_ids), 1)
        self.assertFalse(resolve.next_escalation_date, "no level left")

    def test_several_levels_due_at_once_fire_in_one_run(self):
        with freeze_time("2026-03-02 09:00:00"):
            complaint = self._complaint()
        self._run_cron("2026-03-05 09:00:00")
        self.assertEqual(len(self._escalation_notes(complaint)), 2)
        # the assignee, here the leader too, is told of both levels in one message, with links
        self.assertEqual(complaint.user_id, self.user_a1)
        told = self.env["mail.message"].search(
            [("message_type", "=", "user_notification"), ("partner_ids", "in", complaint.user_id.partner_id.ids)]
        )
        self.assertEqual(told.mapped("subject"), ["SLA escalations: 2"])
        self.assertEqual(told.body.count(f"/odoo/complaint.complaint/{complaint.id}"), 2)
        self.assertEqual(self._sla(complaint, "resolve").escalation_ids, self.warning | self.breach)

    def test_reached_or_paused_targets_do_not_escalate(self):
        with freeze_time("2026-03-02 09:00:00"):
            resolved = self._complaint()
            waiting = self._complaint()
        with freeze_time("2026-03-02 10:00:00"):
            resolved.stage_id = self.stage_resolved
            waiting.stage_id = self.stage_waiting
        self.assertFalse(self._sla(resolved, "resolve").next_escalation_date)
        self.assertFalse(self._sla(waiting, "resolve").next_escalation_date)
        self._run_cron("2026-03-06 09:00:00")
        self.assertFalse(self._escalation_notes(resolved | waiting))

    def test_hand_over_to_escalation_team(self):
        self.breach.escalation_team_id = self.team_b
        with freeze_time("2026-03-02 09:00:00"):
            complaint = self._complaint()
        self._run_cron("2026-03-04 10:00:00")
        self.assertEqual(complaint.team_id, self.team_b)
        self.assertFalse(complaint.user_id, "team B assigns by hand: the assignee of team A is dropped")
        newest = self._escalation_notes(complaint)[0]  # messages come newest first
        self.assertIn("Handed over to Team B", newest.body)

    def test_complaint_arms_the_cron_at_its_next_level(self):
        cron = self.env.ref("complaint_management.ir_cron_complaint_sla_escalate")
        with freeze_time("2026-03-02 09:00:00"), self.capture_triggers(cron.id) as capture:
            self._complaint()
        self.assertIn(datetime(2026, 3, 3, 14, 0), capture.records.mapped("call_at"))

    def test_deadline_in_the_readers_time_zone_and_language(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env["ir.module.module"]._load_module_terms(["complaint_management"], ["fa_IR"])
        self.user_a1.write({"tz": "Asia/Tehran", "lang": "fa_IR"})
        with freeze_time("2026-03-02 09:00:00"):
            complaint = self._complaint()
        self._run_cron("2026-03-04 10:00:00")
        breach = complaint.message_ids.filtered(lambda m: m.partner_ids == self.user_a1.partner_id)[:1]
        self.assertTrue(breach, "the breach is for the leader")
        self.assertIn("12:30", breach.body, "Wednesday 9:00 UTC is 12:30 in Tehran")
        self.assertNotIn("2026-03-04 09:00:00", breach.body, "not a raw UTC string")
        self.assertNotIn("time used", breach.body, "in the leader's language")
        # the leader is told once for the run, in Persian; the assignee (75 %) in English
        told = self.env["mail.message"].search(
            [("message_type", "=", "user_notification"), ("partner_ids", "in", self.user_a1.partner_id.ids)]
        )
        self.assertEqual(len(told), 1)
        self.assertIn(complaint.name, told.body)
        self.assertIn("12:30", told.body)
        self.assertNotIn("SLA escalations", told.subject)
