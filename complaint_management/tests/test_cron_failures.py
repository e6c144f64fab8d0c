from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import ComplaintCommon

LOGGER = "odoo.addons.complaint_management.tools.cron_batches"


@tagged("complaint_management", "post_install", "-at_install")
class TestCronFailures(ComplaintCommon):
    """A record that breaks a scheduled action (here, whose reader's language is one an import
    wrote to the database and that exists nowhere) is logged, left for a later run and reported
    once; the rest of the batch is done and the action itself does not fail, so Odoo does not
    switch it off."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_a.leader_id = cls.user_a3
        cls.Complaint = cls.env["complaint.complaint"]
        cls.customers = cls.env["res.partner"].create(
            [{"name": f"Customer {name}", "email": f"{name}@example.com"} for name in ("kian", "lale", "mina")]
        )

    def _break_language(self, partner):
        self.env.cr.execute("UPDATE res_partner SET lang = 'xx_XX' WHERE id = %s", [partner.id])
        self.env.invalidate_all()

    def _complaints(self, **values):
        return self.Complaint.create(
            [
                {
                    "subject": f"Complaint of {customer.name}",
                    "team_id": self.team_a.id,
                    "partner_id": customer.id,
                    **values,
                }
                for customer in self.customers
            ]
        )

    def _failure_notes(self, record):
        return self.env["mail.message"].search(
            [("model", "=", record._name), ("res_id", "=", record.id), ("subject", "like", "A scheduled action failed")]
        )

    def _run(self, cron):
        with self.assertLogs(LOGGER, level="ERROR") as logs:
            cron()
        return logs

    def _emails(self, complaint, subject):
        return self.env["mail.mail"].search(
            [("model", "=", complaint._name), ("res_id", "=", complaint.id), ("subject", "ilike", subject)]
        )

    def test_acknowledgement(self):
        complaints = self._complaints()
        good, bad = complaints[0] | complaints[2], complaints[1]
        self._break_language(bad.partner_id)
        logs = self._run(self.Complaint._cron_send_acknowledgements)
        self.assertIn(repr(bad), "\n".join(logs.output))
        self.assertFalse(good.filtered("acknowledgement_pending"))
        for complaint in good:
            self.assertEqual(len(self._emails(complaint, "received")), 1)
        self.assertTrue(bad.acknowledgement_pending, "left for a later run")
        self.assertFalse(self._emails(bad, "received"))
        note = self._failure_notes(bad)
        self.assertEqual(note.subject, "A scheduled action failed: the acknowledgement")
        self.assertEqual(note.partner_ids, self.user_a3.partner_id, "the team leader is told")
        self.assertTrue(note.subtype_id.internal, "a note: the customer does not see it")

        self._run(self.Complaint._cron_send_acknowledgements)
        self.assertEqual(len(self._failure_notes(bad)), 1, "told once")
        self.assertTrue(bad.acknowledgement_pending)

    def test_reported_in_the_leaders_language(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.user_a3.lang = "fa_IR"
        complaints = self._complaints()
        self._break_language(complaints[1].partner_id)
        self._run(self.Complaint._cron_send_acknowledgements)
        note = self.env["mail.message"].search(
            [
                ("model", "=", "complaint.complaint"),
                ("res_id", "=", complaints[1].id),
                ("partner_ids", "in", self.user_a3.partner_id.ids),
            ]
        )
        self.assertEqual(note.subject, "یک اقدام زمان‌بندی‌شده انجام نشد: اعلام وصول")

    def test_feedback_request(self):
        complaints = self._complaints(acknowledgement_pending=False)
        complaints.stage_id = self.stage_resolved
        complaints.date_feedback_due = fields.Datetime.now() - timedelta(hours=1)
        complaints.flush_recordset()
        self.env.cr.execute(
            "UPDATE complaint_complaint SET date_followup = date_feedback_due WHERE id = ANY(%s)", [complaints.ids]
        )
        self.env.invalidate_all()
        good, bad = complaints[0] | complaints[2], complaints[1]
        self._break_language(bad.partner_id)
        self._run(self.Complaint._cron_follow_up)
        feedback = self.env["complaint.feedback"].search([("complaint_id", "in", complaints.ids)])
        self.assertEqual(feedback.complaint_id, good)
        self.assertFalse(good.filtered("date_feedback_due"))
        self.assertTrue(bad.date_feedback_due, "left for a later run")
        self.assertEqual(self._failure_notes(bad).subject, "A scheduled action failed: the feedback request")

    def test_escalation(self):
        self.env["complaint.sla.policy"].create(
            {
                "name": "Round the clock",
                "team_id": self.team_a.id,
                "working_hours": False,
                "resolve_hours": 10,
                "escalation_ids": [(0, 0, {"target": "resolve", "percent": 50, "notify_assignee": True})],
            }
        )
        received = fields.Datetime.now() - timedelta(hours=8)
        complaints = self.Complaint.create(
            [
                {
                    "subject": f"Late {user.name}",
                    "team_id": self.team_a.id,
                    "user_id": user.id,
                    "date_received": received,
                }
                for user in (self.user_a1, self.user_a2, self.user_a1)
            ]
        )
        good, bad = complaints[0] | complaints[2], complaints[1]
        self._break_language(self.user_a2.partner_id)
        self._run(self.env["complaint.sla.status"]._cron_escalate)
        now = fields.Datetime.now()
        statuses = complaints.sla_status_ids.filtered(lambda sla: sla.target == "resolve")
        due = statuses.filtered(lambda sla: sla.next_escalation_date and sla.next_escalation_date <= now)
        self.assertEqual(due.complaint_id, bad, "the others escalated and scheduled their next level")
        for complaint in good:
            self.assertTrue(complaint.message_ids.filtered(lambda m: "of the Resolution time used" in (m.body or "")))
        self.assertEqual(self._failure_notes(bad).subject, "A scheduled action failed: the SLA escalation")
        self.assertEqual(self._failure_notes(bad).partner_ids, self.user_a3.partner_id)

    def test_sla_digest(self):
        self.team_b.write({"sla_digest": True, "response_hours": 1})
        self.team_a.write({"sla_digest": True, "response_hours": 1})
        received = fields.Datetime.now() - timedelta(hours=5)
        self.Complaint.create(
            [
                {"subject": "Overdue", "team_id": team.id, "date_received": received}
                for team in (self.team_a, self.team_b)
            ]
        )
        self._break_language(self.team_a.leader_id.partner_id)
        self._run(self.env["complaint.team"]._cron_send_sla_digest)
        teams = self.team_a | self.team_b
        digests = self.env["mail.mail"].search([("model", "=", "complaint.team"), ("res_id", "in", teams.ids)])
        self.assertEqual(digests.mapped("res_id"), self.team_b.ids)
        self.assertFalse(self.team_a.sla_digest_date, "left for a later run")
        note = self._failure_notes(self.team_a)
        self.assertEqual(note.partner_ids, self.env.ref("base.user_admin").partner_id)

    def test_monthly_report(self):
        self._break_language(self.user_b1.partner_id)
        self.team_a.leader_id = self.user_a1
        self._run(self.env["complaint.team"]._cron_mail_monthly_reports)
        self.assertTrue(self.team_a.report_sent_date)
        self.assertFalse(self.team_b.report_sent_date, "left for a later run")
        self.assertTrue(self.env["mail.mail"].search([("recipient_ids", "=", self.user_a1.partner_id.id)]))
        self.assertEqual(
            self._failure_notes(self.team_b).subject, "A scheduled action failed: the monthly complaint report"
        )

    def test_public_statistics(self):
        good, bad = self.env["res.company"].create(
            [{"name": "Open Books Co", "complaint_public_statistics": True}, {"name": "Broken Clock Co"}]
        )
        bad.complaint_public_statistics = True
        self.env.cr.execute("UPDATE res_partner SET tz = 'Nowhere/Unknown' WHERE id = %s", [bad.partner_id.id])
        self.env.invalidate_all()
        self._run(self.env["res.company"]._cron_publish_complaint_statistics)
        self.assertTrue(good._published_complaint_statistics())
        self.assertFalse(bad._published_complaint_statistics(), "left for a later run")
        self._run(self.env["res.company"]._cron_publish_complaint_statistics)
        self.assertEqual(
            self._failure_notes(bad.partner_id).subject,
            "A scheduled action failed: the public complaint statistics",
            "reported once",
        )
