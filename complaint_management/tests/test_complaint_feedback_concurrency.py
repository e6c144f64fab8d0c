import threading

from psycopg2.errors import SerializationFailure

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CommittedCase

ANSWER = {"solved": "yes", "handling_rating": 4, "recommend": "8"}


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintFeedbackConcurrency(CommittedCase):
    """The same feedback form sent twice at once (a double click, two tabs): one answer is saved."""

    def _committed_request(self):
        with self._cursor() as cr:
            env = self._env(cr)
            partner = env["res.partner"].create({"name": "Double Clicker", "email": "double@example.com"})
            complaint = env["complaint.complaint"].create({"subject": "Two answers", "partner_id": partner.id})
            feedback = env["complaint.feedback"]._request_for(complaint)
            token, ids = feedback.access_token, (complaint.id, partner.id)
            cr.commit()  # pylint: disable=invalid-commit
        self.addCleanup(self._remove, *ids)
        return token

    def _remove(self, complaint_id, partner_id):
        with self._cursor() as cr:
            env = self._env(cr)
            env["complaint.complaint"].browse(complaint_id).unlink()
            env["res.partner"].browse(partner_id).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def test_two_answers_at_once_save_one(self):
        token = self._committed_request()
        first_locked, second_tried = threading.Event(), threading.Event()
        outcomes, errors = {}, []

        def answer(name, rating, before, after):
            try:
                if before:
                    before.wait(30)
                with self._cursor() as cr:
                    feedback = self._env(cr)["complaint.feedback"]._find(token)
                    if after is first_locked:
                        feedback._lock()
                        feedback._answer(dict(ANSWER, rating=rating))
                        after.set()
                        second_tried.wait(2)  # the second one is waiting for the lock meanwhile
                        cr.commit()  # pylint: disable=invalid-commit
                        outcomes[name] = "saved"
                        return
                    after.set()
                    try:
                        with mute_logger("odoo.sql_db"):
                            feedback._lock()
                    except SerializationFailure:
                        outcomes[name] = "retried"  # Odoo retries the request, which then finds it answered
                        return
                    outcomes[name] = "answered already" if feedback.state == "done" else "open"
            except Exception as error:  # noqa: BLE001 - reported by the test below
                errors.append(error)
                after.set()

        threads = [
            threading.Thread(target=answer, args=("first", 5, None, first_locked)),
            threading.Thread(target=answer, args=("second", 1, first_locked, second_tried)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        self.assertFalse(errors)
        self.assertEqual(outcomes["first"], "saved")
        self.assertIn(outcomes["second"], ("retried", "answered already"), "the second never sees it open")
        with self._cursor() as cr:
            feedback = self._env(cr)["complaint.feedback"]._find(token)
            self.assertEqual((feedback.state, feedback.rating), ("done", 5))
