import threading
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from .common import CommittedCase


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintSlaConcurrency(CommittedCase):
    """Two cron workers in two real, overlapping transactions: the level fires once."""

    def _committed_complaint(self):
        with self._cursor() as cr:
            env = self._env(cr)
            team = env["complaint.team"].create({"name": "Concurrency team"})
            policy = env["complaint.sla.policy"].create(
                {"name": "Round the clock", "team_id": team.id, "working_hours": False, "resolve_hours": 10}
            )
            env["complaint.sla.escalation"].create(
                {"policy_id": policy.id, "target": "resolve", "percent": 50, "notify_assignee": False}
            )
            complaint = env["complaint.complaint"].create(
                {
                    "subject": "Two workers",
                    "team_id": team.id,
                    "date_received": fields.Datetime.now() - timedelta(hours=8),
                }
            )
            cr.commit()  # pylint: disable=invalid-commit
            ids = (complaint.id, policy.id, team.id)
        self.addCleanup(self._remove, *ids)
        return ids[0]

    def _remove(self, complaint_id, policy_id, team_id):
        with self._cursor() as cr:
            env = self._env(cr)
            env["complaint.complaint"].browse(complaint_id).unlink()
            env["complaint.sla.policy"].browse(policy_id).unlink()
            env["complaint.team"].browse(team_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _notes(self, complaint_id):
        with self._cursor() as cr:
            return self._env(cr)["mail.message"].search_count(
                [
                    ("model", "=", "complaint.complaint"),
                    ("res_id", "=", complaint_id),
                    ("body", "ilike", "of the Resolution time used"),
                ]
            )

    def test_two_workers_fire_a_level_once(self):
        complaint_id = self._committed_complaint()
        first_ran, second_ran = threading.Event(), threading.Event()
        errors = []

        def worker(before, after):
            try:
                if before:
                    before.wait(30)
                with self._cursor() as cr:
                    self._env(cr)["complaint.sla.status"]._cron_escalate()
                    after.set()
                    if after is first_ran:
                        second_ran.wait(30)  # hold the first worker's row locks while the second runs
                    cr.commit()  # pylint: disable=invalid-commit
            except Exception as error:  # noqa: BLE001 - reported by the test below
                errors.append(error)
                after.set()

        threads = [
            threading.Thread(target=worker, args=(None, first_ran)),
            threading.Thread(target=worker, args=(first_ran, second_ran)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        self.assertFalse(errors)
        self.assertEqual(self._notes(complaint_id), 1)
