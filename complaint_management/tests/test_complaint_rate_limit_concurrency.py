import random
import threading
import time

from psycopg2.errors import SerializationFailure

from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import CommittedCase


@tagged("complaint_management", "post_install", "-at_install", "security")
class TestComplaintRateLimitConcurrency(CommittedCase):
    """Twelve submissions from one address at the same instant, each in its own transaction and
    retried on serialization failures as Odoo retries a request: the limit of five holds."""

    def _clean_keys(self, keys):
        with self._cursor() as cr:
            Attempt = self._env(cr)["complaint.intake.attempt"]
            Attempt.search([("key", "in", Attempt._hashed_keys(keys))]).unlink()
            cr.commit()  # pylint: disable=invalid-commit

    def _as_a_request(self, cr, action):
        """Run `action` as Odoo serves a request: retried from scratch, after a random pause, when
        PostgreSQL refuses it as a serialization failure (odoo.service.model.retrying)."""
        for pause in (1, 2, 4, 8, 16):
            try:
                result = action()
                cr.commit()  # pylint: disable=invalid-commit
                return result
            except SerializationFailure:
                cr.rollback()
                time.sleep(random.uniform(0, pause) / 4)
        raise AssertionError("a request failed five times in a row")

    def _in_parallel(self, keys_of_request, count, limit=5):
        for i in range(count):
            self._clean_keys(keys_of_request(i))
            self.addCleanup(self._clean_keys, keys_of_request(i))
        start, results, errors = threading.Barrier(count), [], []

        def post(keys):
            try:
                with self._cursor() as cr:
                    env = self._env(cr)
                    cr.execute("SELECT 1")  # the request's snapshot is taken before it counts
                    start.wait(30)
                    results.append(
                        self._as_a_request(
                            cr, lambda: (env.invalidate_all() or env["complaint.intake.attempt"]._consume(keys, limit))
                        )
                    )
            except Exception as error:  # noqa: BLE001 - reported by the test
                errors.append(error)

        threads = [threading.Thread(target=post, args=(keys_of_request(i),)) for i in range(count)]
        with mute_logger("odoo.sql_db"):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(120)
        self.assertFalse(errors)
        return results

    def test_parallel_submissions_from_one_address(self):
        keys = [("submit-ip", "198.51.100.7"), ("submit-email", "rush@example.com")]
        results = self._in_parallel(lambda i: keys, 12)
        self.assertEqual(results.count(True), 5, "five are filed, the other seven are told to wait")
        self.assertEqual(results.count(False), 7)

    def test_parallel_tracking_with_one_email_written_differently(self):
        spellings = [
            "Eve@Example.com",
            "<eve@example.com>",
            "Eve <eve@example.com>",
            "eve@example.com,",
            " EVE@EXAMPLE.COM ",
        ]
        keys = [[("track-ip", f"203.0.113.{i}"), ("track-email", spellings[i % len(spellings)])] for i in range(10)]
        results = self._in_parallel(lambda i: keys[i], 10)
        self.assertEqual(results.count(True), 5, "one email however it is written, from ten addresses")
