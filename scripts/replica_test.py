"""The customer pages on a real read replica (run by scripts/test_replica.sh, which starts a
PostgreSQL primary and a standby streaming from it).

Installs complaint_management on the primary, then serves it as in production (HTTP workers)
with Odoo's --db_replica_host on the standby. Odoo runs a route declared read-only on the
replica; a route that wrote there would fail ("cannot execute ... in a read-only transaction")
and Odoo would run it again on the primary, logging a warning and marking the request "ro->rw".
Every request's log line says which: the pages that only read must say "ro", the forms that
write "rw". Prints "replica: N passed, N failed".
"""

import os
import re
import subprocess
import sys
import time
import unittest

import psycopg2
import requests

ODOO_SRC = os.environ["ODOO_SRC"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRIMARY_PORT = int(os.environ["REPLICA_PGPORT"])
STANDBY_PORT = int(os.environ["STANDBY_PGPORT"])
HTTP_PORT = int(os.environ["REPLICA_HTTP_PORT"])
WORK_DIR = os.environ["REPLICA_LOG_DIR"]
DB = "complaints_replica"
URL = f"http://127.0.0.1:{HTTP_PORT}"
SERVER_LOG = os.path.join(WORK_DIR, "odoo.log")
ODOO_ARGS = [
    f"--addons-path={os.environ['ODOO_ADDONS_PATH']}",
    "--db_host=127.0.0.1",
    f"--db_port={PRIMARY_PORT}",
    "--db_user=odoo",
    f"--data-dir={WORK_DIR}",
    f"--database={DB}",
    "--db-filter=^complaints_replica$",
]
HIDDEN_INPUT = re.compile(r'name="(csrf_token|form_stamp)"\s+value="([^"]+)"')
# the form refuses what comes back faster than a person fills it in
FORM_SECONDS = 3.2


def odoo_bin(*args, **kwargs):
    return subprocess.Popen([sys.executable, f"{ODOO_SRC}/odoo-bin", *ODOO_ARGS, *args], **kwargs)


def query(port, sql, params=()):
    with (
        psycopg2.connect(
            host="127.0.0.1", port=port, user="odoo", dbname=DB, application_name="replica_test"
        ) as connection,
        connection.cursor() as cr,
    ):
        cr.execute(sql, params)
        return cr.fetchall()


def wait_for(condition, what, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what}: not after {seconds} s")
        time.sleep(0.2)


def seed():
    """What the customer pages show, committed on the primary: a portal customer's open complaint
    with a file, a resolved one with its decision letter and feedback request, public statistics."""
    sys.path.insert(0, ODOO_SRC)
    import odoo  # noqa: PLC0415 - Odoo's source is found at run time
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config(ODOO_ARGS, setup_logging=True)
    with Registry(DB).cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        env.company.complaint_public_statistics = True
        user = (
            env["res.users"]
            .with_context(no_reset_password=True)
            .create(
                {
                    "name": "Roya Reader",
                    "login": "replica_portal",
                    "password": "replica_portal",
                    "email": "roya@example.com",
                    "groups_id": [(6, 0, env.ref("base.group_portal").ids)],
                }
            )
        )
        Complaint = env["complaint.complaint"]
        complaint = Complaint.create(
            {
                "subject": "Replica: the blender stopped",
                "partner_id": user.partner_id.id,
                "description": "It stopped after a week.",
            }
        )
        attachment = env["ir.attachment"].create(
            {"name": "receipt.txt", "raw": b"receipt 1234", "res_model": complaint._name, "res_id": complaint.id}
        )
        resolved = Complaint.create(
            {"subject": "Replica: a late delivery", "partner_id": user.partner_id.id, "resolution_type": "rejected"}
        )
        resolved.stage_id = env.ref("complaint_management.complaint_stage_resolved")
        feedback = env["complaint.feedback"]._request_for(resolved)
        env["res.users"].with_context(no_reset_password=True).create(
            {
                "name": "Mina Manager",
                "login": "replica_manager",
                "password": "replica_manager",
                "groups_id": [
                    (6, 0, [env.ref("base.group_user").id, env.ref("complaint_management.group_complaint_manager").id])
                ],
            }
        )
        return {
            "complaint": complaint.id,
            "complaint_token": complaint._portal_ensure_token(),
            "resolved": resolved.id,
            "resolved_token": resolved._portal_ensure_token(),
            "attachment": attachment.id,
            "attachment_token": attachment.generate_access_token()[0],
            "feedback_token": feedback.access_token,
        }


class TestReplica(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        install = odoo_bin(
            "--init=complaint_management",
            "--without-demo=all",
            "--stop-after-init",
            "--log-level=warn",
            "--max-cron-threads=0",
        )
        if install.wait():
            raise RuntimeError(f"complaint_management could not be installed (exit {install.returncode})")
        cls.records = seed()
        cls.server = odoo_bin(
            "--workers=2",
            "--max-cron-threads=0",
            f"--http-port={HTTP_PORT}",
            "--db_replica_host=127.0.0.1",
            f"--db_replica_port={STANDBY_PORT}",
            f"--logfile={SERVER_LOG}",
            "--log-level=info",
        )
        cls.addClassCleanup(cls.server.wait, 30)
        cls.addClassCleanup(cls.server.terminate)
        wait_for(cls._serving, "Odoo serving")
        wait_for(
            lambda: query(STANDBY_PORT, "SELECT 1 FROM complaint_complaint WHERE id = %s", [cls.records["resolved"]]),
            "the seeded complaints on the standby",
        )

    @staticmethod
    def _serving():
        try:
            return requests.get(f"{URL}/web/health", timeout=2).status_code == 200
        except requests.RequestException:  # not listening yet, or a worker still loading the registry
            return False

    def _request(self, session, method, path, mode, status=200, **kwargs):
        """`method` `path`, checked to answer `status` from a cursor in `mode` ("ro": the replica,
        "rw": the primary), as the request's log line says; returns the response."""
        start = os.path.getsize(SERVER_LOG)
        response = session.request(method, f"{URL}{path}", allow_redirects=False, timeout=60, **kwargs)
        self.assertEqual(response.status_code, status, f"{method} {path}")
        line = re.compile(rf'"{method} {re.escape(path)} HTTP/1\.1" {status} .* (ro|rw|ro->rw)$', re.MULTILINE)

        def logged():
            with open(SERVER_LOG, encoding="utf-8") as log:
                log.seek(start)
                return line.search(log.read())

        wait_for(logged, f"the log line of {method} {path}", seconds=10)
        self.assertEqual(logged().group(1), mode, f"{method} {path}: the cursor it ran on")
        return response

    def _log_in(self, session, login):
        page = self._request(session, "GET", "/web/login", "rw")  # Odoo's page, not read-only
        self._request(
            session,
            "POST",
            "/web/login",
            "rw",
            status=303,
            data={**dict(HIDDEN_INPUT.findall(page.text)), "login": login, "password": login},
        )

    def test_standby_streams_from_the_primary(self):
        self.assertEqual(query(STANDBY_PORT, "SELECT pg_is_in_recovery()"), [(True,)])
        self.assertEqual(query(PRIMARY_PORT, "SELECT state FROM pg_stat_replication"), [("streaming",)])

    def test_customer_pages_run_on_the_replica(self):
        r = self.records
        visitor = requests.Session()
        for path in (
            "/complaints/new",
            "/complaints/track",
            "/complaints/statistics",
            f"/complaints/feedback/{r['feedback_token']}",
            f"/complaints/feedback/{r['feedback_token']}?channel=email&rating=4",
            f"/my/complaints/{r['complaint']}?access_token={r['complaint_token']}",
            f"/my/complaints/{r['resolved']}/letter?access_token={r['resolved_token']}",
            f"/web/content/{r['attachment']}?access_token={r['attachment_token']}",
        ):
            with self.subTest(path=path):
                self._request(visitor, "GET", path, "ro")
        customer = requests.Session()
        self._log_in(customer, "replica_portal")
        for path in (
            "/my/complaints",
            "/my/complaints?sortby=date&filterby=open",
            "/my/complaints/new",
            f"/my/complaints/{r['complaint']}",
            f"/my/complaints/{r['resolved']}/letter",
        ):
            with self.subTest(path=path):
                self._request(customer, "GET", path, "ro")
        counters = self._request(
            customer,
            "POST",
            "/my/counters",
            "ro",
            json={"jsonrpc": "2.0", "method": "call", "params": {"counters": ["complaint_count"]}},
        )
        self.assertEqual(counters.json()["result"], {"complaint_count": 2})
        # the pages were read on the standby: the workers' connections to it
        self.assertTrue(
            query(
                STANDBY_PORT,
                "SELECT 1 FROM pg_stat_activity WHERE datname = %s " "AND application_name LIKE 'odoo-%%'",
                [DB],
            )
        )
        with open(SERVER_LOG, encoding="utf-8") as log:
            self.assertNotIn("retrying with a read/write cursor", log.read())

    def test_filing_writes_on_the_primary(self):
        visitor = requests.Session()
        form = self._request(visitor, "GET", "/complaints/new", "ro")
        time.sleep(FORM_SECONDS)
        sent = self._request(
            visitor,
            "POST",
            "/complaints/new",
            "rw",
            data={
                **dict(HIDDEN_INPUT.findall(form.text)),
                "name": "Vida Visitor",
                "email": "vida@example.com",
                "subject": "Replica: filed on the form",
                "description": "The lid was cracked when it arrived.",
            },
        )
        self.assertIn("o_complaint_thanks", sent.text)
        # streamed to the standby, where its customer then reads it
        wait_for(
            lambda: query(
                STANDBY_PORT, "SELECT 1 FROM complaint_complaint WHERE subject = %s", ["Replica: filed on the form"]
            ),
            "the new complaint on the standby",
            seconds=10,
        )

    def test_report_downloaded_from_the_replica(self):
        """Staff ask for the management report (saved on the primary), and download it from the
        replica at once: its address holds the request."""
        manager = requests.Session()
        self._log_in(manager, "replica_manager")

        def call(model, method, *args):
            response = self._request(
                manager,
                "POST",
                f"/web/dataset/call_kw/{model}/{method}",
                "rw",
                json={
                    "jsonrpc": "2.0",
                    "method": "call",
                    "params": {"model": model, "method": method, "args": list(args), "kwargs": {}},
                },
            )
            return response.json()["result"]

        export_id = call("complaint.report.export", "create", {"date_from": "2026-01-01", "date_to": "2027-12-31"})
        url = call("complaint.report.export", "action_export", [export_id])["url"]
        workbook = self._request(manager, "GET", url, "ro")
        self.assertTrue(workbook.content.startswith(b"PK"), "an xlsx (zip) file")

    def test_new_complaint_shown_from_the_primary(self):
        """The page a portal customer lands on after filing is read on the primary: the standby
        may not have the complaint yet."""
        customer = requests.Session()
        self._log_in(customer, "replica_portal")
        form = self._request(customer, "GET", "/my/complaints/new", "ro")
        sent = self._request(
            customer,
            "POST",
            "/my/complaints/new",
            "rw",
            status=303,
            data={
                **dict(HIDDEN_INPUT.findall(form.text)),
                "subject": "Replica: filed on the portal",
                "description": "The handle came off.",
            },
        )
        page = self._request(customer, "GET", sent.headers["Location"].removeprefix(URL), "rw")
        self.assertIn("Replica: filed on the portal", page.text)


if __name__ == "__main__":
    result = unittest.main(exit=False, verbosity=2).result
    failed = len(result.failures) + len(result.errors) + len(result.skipped)
    # a failing setUpClass is an error of no test run
    print(f"replica: {max(result.testsRun - failed, 0)} passed, {failed} failed")
    sys.exit(1 if failed or not result.testsRun else 0)
