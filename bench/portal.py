"""Portal speed benchmark: the first page of /my/complaints over HTTP.

Run with `make bench` (or scripts/bench.sh). It creates the database `complaints_bench_portal`
(PORTAL_BENCH_DB) with the addon and no demo data, bulk-loads 100 000 complaints of which 1 000
belong to one portal customer, serves it with a real Odoo HTTP server (one process, as
`make run`), logs that customer in and times GET /my/complaints: wall time as the client sees
it, and the SQL queries the server logged for the request. Never run by CI.
"""

import os
import re
import statistics
import subprocess
import sys
import time
from contextlib import closing

import requests

sys.path.insert(0, os.environ["ODOO_SRC"])

from database import new_database, odoo_args  # noqa: E402
from table import print_table  # noqa: E402

import odoo  # noqa: E402
from odoo import sql_db  # noqa: E402

DB = os.environ.get("PORTAL_BENCH_DB", "complaints_bench_portal")
PORT = int(os.environ.get("PORTAL_BENCH_PORT", "8269"))
TOTAL, CUSTOMER_SHARE, RUNS = 100_000, 1_000, 30
PAGE_SIZE = 80  # the portal's page size (CustomerPortal._items_per_page)
LOGIN = PASSWORD = "bench_portal"
# werkzeug's access line, as Odoo extends it: ... "GET /my/complaints HTTP/1.1" 200 - <queries> <sql s> <other s>
ACCESS_LINE = re.compile(r'"GET /my/complaints HTTP/1.1" 200 - (\d+) ')


def build_database():
    registry = new_database(DB)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        portal = env["res.users"].create(
            {
                "name": "Bench Portal Customer",
                "login": LOGIN,
                "password": PASSWORD,
                "email": "portal@bench.example.com",
                "groups_id": [(6, 0, env.ref("base.group_portal").ids)],
            }
        )
        others = env["res.partner"].create(
            [{"name": f"Bench customer {i}", "email": f"customer{i}@bench.example.com"} for i in range(99)]
        )
        customers = [portal.partner_id.id] + others.ids
        cr.execute(
            """
            INSERT INTO complaint_complaint (
                name, subject, stage_id, is_closed, company_id, priority, severity, channel, kanban_state,
                partner_id, commercial_partner_id, partner_name, date_received, date_last_stage_update,
                active, acknowledgement_pending, is_repeat, create_uid, write_uid, create_date, write_date)
            SELECT 'BENCH/' || g, 'Bulk complaint ' || g,
                   (%(stages)s::int[])[1 + g %% array_length(%(stages)s::int[], 1)],
                   false, %(company)s, '0', 'normal', 'web', 'normal', p, p, 'Bulk customer',
                   now() - (g || ' minutes')::interval, now(), true, false, false, 1, 1, now(), now()
              FROM generate_series(1, %(total)s) g,
                   LATERAL (SELECT (%(customers)s::int[])[1 + g %% array_length(%(customers)s::int[], 1)] AS p) c
        """,
            {
                "stages": env["complaint.stage"].search([]).ids,
                "company": env.company.id,
                "customers": customers,
                "total": TOTAL,
            },
        )
        cr.execute("""
            UPDATE complaint_complaint c SET is_closed = s.is_closed
              FROM complaint_stage s WHERE s.id = c.stage_id AND c.is_closed IS DISTINCT FROM s.is_closed""")
        cr.execute("SELECT count(*) FROM complaint_complaint WHERE partner_id = %s", [portal.partner_id.id])
        assert cr.fetchone()[0] == CUSTOMER_SHARE
    with closing(sql_db.db_connect(DB).cursor()) as cr:
        cr._cnx.autocommit = True
        cr.execute("VACUUM ANALYZE complaint_complaint")
    sql_db.close_all()


def wait_for_server(session):
    for _i in range(120):
        try:
            if session.get(f"http://127.0.0.1:{PORT}/web/login", timeout=5).status_code == 200:
                return
        except requests.ConnectionError:
            pass
        time.sleep(1)
    raise RuntimeError("the Odoo server did not start")


def main():
    build_database()
    log_path = os.path.join(os.environ["ODOO_DATA_DIR"], "bench_portal.log")
    server = subprocess.Popen(
        [
            sys.executable,
            os.path.join(os.environ["ODOO_SRC"], "odoo-bin"),
            *odoo_args(),
            "-d",
            DB,
            f"--db-filter=^{DB}$",
            f"--http-port={PORT}",
            "--workers=0",
            "--max-cron-threads=0",
            "--log-level=warn",
            "--log-handler=werkzeug:INFO",
            f"--logfile={log_path}",
        ]
    )
    try:
        session = requests.Session()
        wait_for_server(session)
        session.post(
            f"http://127.0.0.1:{PORT}/web/session/authenticate",
            json={"jsonrpc": "2.0", "params": {"db": DB, "login": LOGIN, "password": PASSWORD}},
        ).raise_for_status()
        url = f"http://127.0.0.1:{PORT}/my/complaints"
        for _i in range(5):  # warm: registry caches, assets, templates, as a running server has them
            session.get(url).raise_for_status()
        with open(log_path) as log:
            log.seek(0, os.SEEK_END)
            timings = []
            for _i in range(RUNS):
                start = time.perf_counter()
                response = session.get(url)
                timings.append((time.perf_counter() - start) * 1000)
                response.raise_for_status()
                assert response.text.count("o_complaint_row") == PAGE_SIZE, "a full first page"
            time.sleep(0.5)
            queries = [int(match.group(1)) for match in ACCESS_LINE.finditer(log.read())]
    finally:
        server.terminate()
        server.wait(30)
    rows = [
        (
            "portal list, first page of 80 (customer with 1 000 of 100 000), median",
            f"{statistics.median(timings):.1f} ms",
            f"{statistics.median(queries):.0f}",
        ),
        ("portal list, first page, best", f"{min(timings):.1f} ms", f"{min(queries)}"),
    ]
    print_table(rows, time_width=10, queries_width=11)


if __name__ == "__main__":
    main()
