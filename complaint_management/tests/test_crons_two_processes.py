import multiprocessing
import os
from datetime import timedelta

import psycopg2

from odoo import fields, sql_db
from odoo.tests import tagged

from .common import CommittedCase

ROUNDS = 6


@tagged("complaint_management", "post_install", "-at_install")
class TestCronsTwoProcesses(CommittedCase):
    """The scheduled actions run in two Odoo processes at once (two servers, or a run started by
    hand during the scheduled one): every acknowledgement, escalation, feedback request and digest
    is sent once, none is lost."""

    def setUp(self):
        super().setUp()
        with self._cursor() as cr:
            env = self._env(cr)
            leader = env["res.users"].create(
                {
                    "name": "Leyla Leader",
                    "login": "cm_two_processes_leader",
                    "email": "leyla@example.com",
                    "groups_id": [(4, env.ref("complaint_management.group_complaint_user").id)],
                }
            )
            team = env["complaint.team"].create(
                {"name": "Two processes", "leader_id": leader.id, "sla_digest": True, "feedback_days": 1}
            )
            policy = env["complaint.sla.policy"].create(
                {"name": "Round the clock", "team_id": team.id, "working_hours": False, "resolve_hours": 10}
            )
            env["complaint.sla.escalation"].create({"policy_id": policy.id, "target": "resolve", "percent": 50})
            customer = env["res.partner"].create({"name": "Kaveh Customer", "email": "kaveh@example.com"})
            complaints = env["complaint.complaint"].create(
                [
                    {
                        "subject": f"Two processes {i}",
                        "team_id": team.id,
                        "partner_id": customer.id,
                        "date_received": fields.Datetime.now() - timedelta(hours=8),
                    }
                    for i in range(24)
                ]
            )
            self.resolved = complaints[:8]
            self.resolved.stage_id = env.ref("complaint_management.complaint_stage_resolved")
            # resolved two days ago: their feedback request is due
            self.resolved.write({"date_feedback_due": fields.Datetime.now() - timedelta(days=1)})
            self.resolved.flush_recordset()
            cr.execute(
                "UPDATE complaint_complaint SET date_followup = date_feedback_due WHERE id = ANY(%s)",
                [self.resolved.ids],
            )
            cr.commit()  # pylint: disable=invalid-commit
            self.ids = {
                "complaints": complaints.ids,
                "resolved": self.resolved.ids,
                "team": team.id,
                "policy": policy.id,
                "leader": leader.id,
                "customer": customer.id,
            }
        self.addCleanup(self._remove)

    def _remove(self):
        with self._cursor() as cr:
            env = self._env(cr)
            complaints = env["complaint.complaint"].browse(self.ids["complaints"])
            env["complaint.feedback"].search([("complaint_id", "in", complaints.ids)]).unlink()
            complaints.unlink()
            env["complaint.team"].browse(self.ids["team"]).unlink()
            env["res.users"].browse(self.ids["leader"]).unlink()
            env["res.partner"].browse(self.ids["customer"]).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _run_crons(self, start, failures):
        """A process of its own (forked): the four crons, as Odoo's runner calls them, in rounds;
        counts the runs that failed on rows the other process changed."""
        sql_db._Pool = None  # the parent's connections are not this process's
        start.wait(30)
        for _round in range(ROUNDS):
            for model, method in (
                ("complaint.complaint", "_cron_send_acknowledgements"),
                ("complaint.sla.status", "_cron_escalate"),
                ("complaint.complaint", "_cron_follow_up"),
                ("complaint.team", "_cron_send_sla_digest"),
            ):
                with self._cursor() as cr:
                    try:
                        getattr(self._env(cr)[model], method)()
                        cr.commit()  # pylint: disable=invalid-commit
                    except psycopg2.errors.SerializationFailure:
                        cr.rollback()  # the other process changed the rows since: the next round sees it
                        with failures.get_lock():
                            failures.value += 1

    def test_two_processes_do_the_work_once(self):
        fork = multiprocessing.get_context("fork")
        start, failures = fork.Event(), fork.Value("i", 0)
        processes = [fork.Process(target=self._child, args=(start, failures)) for _i in range(2)]
        for process in processes:
            process.start()
        start.set()
        for process in processes:
            process.join(120)
        self.assertEqual([process.exitcode for process in processes], [0, 0])
        # each takes the rows the other does not hold: no run is lost to a conflict
        self.assertEqual(failures.value, 0)

        with self._cursor() as cr:
            env = self._env(cr)
            complaints = env["complaint.complaint"].browse(self.ids["complaints"])
            self.assertFalse(complaints.filtered("acknowledgement_pending"), "every complaint acknowledged")
            Message = env["mail.message"]
            for complaint in complaints:
                messages = Message.search([("model", "=", complaint._name), ("res_id", "=", complaint.id)])
                acknowledgements = messages.filtered(lambda m: m.subject and "received" in m.subject.lower())
                self.assertEqual(len(acknowledgements), 1, f"one acknowledgement for {complaint.name}")
                notes = messages.filtered(lambda m: "of the Resolution time used" in (m.body or ""))
                open_complaint = complaint.id not in self.ids["resolved"]
                self.assertEqual(len(notes), 1 if open_complaint else 0, f"escalated once: {complaint.name}")
            feedback = env["complaint.feedback"].search([("complaint_id", "in", complaints.ids)])
            self.assertEqual(
                sorted(feedback.complaint_id.ids),
                sorted(self.ids["resolved"]),
                "one feedback request per resolved complaint",
            )
            digests = Message.search(
                [
                    ("model", "=", "complaint.team"),
                    ("res_id", "=", self.ids["team"]),
                    ("subject", "ilike", "overdue or at risk"),
                ]
            )
            self.assertEqual(len(digests), 1, "one digest for the team")

    def test_customer_held_by_another_run_waits(self):
        """Odoo writes on the customer it emails a portal link to: while another run holds the
        customer, the crons leave their complaints (no waiting, no conflict), then do them."""
        with self._cursor() as other:
            other.execute("SELECT id FROM res_partner WHERE id = %s FOR NO KEY UPDATE", [self.ids["customer"]])
            with self._cursor() as cr:
                cr.execute("SET LOCAL lock_timeout = '5s'")  # a wait for the customer fails here
                env = self._env(cr)
                env["complaint.complaint"]._cron_send_acknowledgements()
                env["complaint.complaint"]._cron_follow_up()
                complaints = env["complaint.complaint"].browse(self.ids["complaints"])
                self.assertEqual(len(complaints.filtered("acknowledgement_pending")), 24)
                self.assertFalse(env["complaint.feedback"].search([("complaint_id", "in", complaints.ids)]))
                cr.commit()  # pylint: disable=invalid-commit
            other.rollback()
        with self._cursor() as cr:
            env = self._env(cr)
            env["complaint.complaint"]._cron_send_acknowledgements()
            env["complaint.complaint"]._cron_follow_up()
            complaints = env["complaint.complaint"].browse(self.ids["complaints"])
            self.assertFalse(complaints.filtered("acknowledgement_pending"))
            feedback = env["complaint.feedback"].search([("complaint_id", "in", complaints.ids)])
            self.assertEqual(sorted(feedback.complaint_id.ids), sorted(self.ids["resolved"]))
            cr.commit()  # pylint: disable=invalid-commit

    def _child(self, start, failures):
        try:
            self._run_crons(start, failures)
        except BaseException:  # noqa: BLE001 - the parent sees the exit code
            import traceback  # noqa: PLC0415

            traceback.print_exc()
            os._exit(1)
        os._exit(0)
