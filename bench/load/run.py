"""Load test: a burst as a recall or a viral post brings it, on Odoo with 4 HTTP workers and a
cron worker (as `make run-prod`), 100 000 complaints, and the OCA peer's portal in the same run.

Run with `make bench` (BENCH=load for this one); never run by CI. scripts/bench.sh installs
locust (pinned in bench/load/requirements.txt) into a virtualenv of its own and the peer's
modules from the package registry. Phases, each a headless locust run:

1. the mix: LOAD_USERS people at once (visitors filing, customers following their complaint's
   link, portal customers opening their list and a complaint, staff opening the kanban);
2. the portal alone, ours then the peer's, LOAD_USERS people each (the peer's customers do the
   same on its /my/tickets);
3. filing alone: LOAD_FILERS visitors filing one after the other, each taking LOAD_FORM_SECONDS
   to fill in the form (the anti-spam asks for 3); every complaint is counted in the database
   after, and when the scheduled action has acknowledged it.

Prints throughput and p50 / p95 / p99 per route, with errors.
"""

import csv
import os
import subprocess
import sys
import time
from pathlib import Path

import psycopg2
import requests

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, os.environ["ODOO_SRC"])

from database import odoo_args  # noqa: E402

DB = os.environ.get("LOAD_BENCH_DB", "complaints_bench_load")
PORT = int(os.environ.get("LOAD_BENCH_PORT", "8369"))
GEVENT_PORT = int(os.environ.get("LOAD_BENCH_GEVENT_PORT", "8372"))
SMTP_PORT = int(os.environ.get("LOAD_BENCH_SMTP_PORT", "2526"))
WORKERS = int(os.environ.get("LOAD_WORKERS", "4"))
USERS = int(os.environ.get("LOAD_USERS", "50"))
FILERS = int(os.environ.get("LOAD_FILERS", "200"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
OUT = HERE.parent / "out" / "load"
HOST = f"http://127.0.0.1:{PORT}"


def database():
    return psycopg2.connect(dbname=DB, host=os.environ["PGHOST"], port=os.environ["PGPORT"], user=os.environ["PGUSER"])


def serve():
    """Odoo as in production: WORKERS HTTP workers, one cron worker, behind a proxy."""
    log = open(OUT / "odoo.log", "w")  # noqa: SIM115 - open while the server runs
    outbox = subprocess.Popen(
        [sys.executable, str(HERE.parent.parent / "scripts" / "mail_outbox.py"), str(OUT / "outbox"), str(SMTP_PORT)],
        stdout=log,
        stderr=log,
    )
    server = subprocess.Popen(
        [
            sys.executable,
            os.path.join(os.environ["ODOO_SRC"], "odoo-bin"),
            *odoo_args(os.environ["PEER_ADDONS"]),
            "-d",
            DB,
            f"--db-filter=^{DB}$",
            f"--http-port={PORT}",
            f"--gevent-port={GEVENT_PORT}",
            f"--workers={WORKERS}",
            "--max-cron-threads=1",
            "--proxy-mode",
            "--smtp=127.0.0.1",
            f"--smtp-port={SMTP_PORT}",
            "--log-level=warn",
            "--without-demo=all",
        ],
        stdout=log,
        stderr=log,
    )
    for _i in range(180):
        try:
            if requests.get(f"{HOST}/web/login", timeout=5).status_code == 200:
                break
        except requests.ConnectionError:
            pass
        time.sleep(1)
    else:
        raise RuntimeError(f"Odoo did not start: see {OUT / 'odoo.log'}")
    return outbox, server


def locust(name, users, classes, seconds=SECONDS):
    """One headless locust run; its rows (route, requests, failures, req/s, p50, p95, p99)."""
    prefix = OUT / name
    subprocess.run(
        [
            os.environ["LOCUST"],
            "-f",
            str(HERE / "locustfile.py"),
            "--headless",
            "--only-summary",
            "--host",
            HOST,
            "-u",
            str(users),
            "-r",
            str(max(users // 5, 1)),
            "-t",
            f"{seconds}s",
            "--stop-timeout",
            "30",
            "--csv",
            str(prefix),
            "--loglevel",
            "WARNING",
            *classes,
        ],
        check=False,
        env={**os.environ, "LOAD_FIXTURE": str(OUT / "fixture.json"), "LOAD_ACCEPTED": str(OUT / "accepted.txt")},
    )
    with open(f"{prefix}_stats.csv") as stats:
        return [row for row in csv.DictReader(stats) if row["Name"] != "Aggregated"]


def route_rows(phase, rows):
    return [
        (
            f"{phase}: {row['Type']} {row['Name']}",
            row["Request Count"],
            row["Failure Count"],
            f"{float(row['Requests/s']):.1f}",
            row["50%"],
            row["95%"],
            row["99%"],
        )
        for row in rows
    ]


def accepted(rows):
    return sum(
        int(row["Request Count"]) - int(row["Failure Count"]) for row in rows if row["Name"] == "/complaints/new (send)"
    )


def accepted_subjects():
    with open(OUT / "accepted.txt") as accepted_file:
        return {line.strip() for line in accepted_file if line.strip()}


def print_rows(headers, rows):
    widths = [max(len(str(value)) for value in column) for column in zip(headers, *rows, strict=True)]
    for i, row in enumerate([headers, *rows]):
        print(
            " | ".join(
                f"{value:<{width}}" if j == 0 else f"{value:>{width}}"
                for j, (value, width) in enumerate(zip(row, widths, strict=True))
            )
        )
        if i == 0:
            print("-|-".join("-" * width for width in widths))


def filed(subjects):
    """Of the complaints with these subjects: how many are in the database, how many acknowledged."""
    with database() as cnx, cnx.cursor() as cr:
        cr.execute(
            """SELECT count(*), count(*) FILTER (WHERE NOT acknowledgement_pending)
                        FROM complaint_complaint WHERE subject = ANY(%s)""",
            [list(subjects)],
        )
        return cr.fetchone()


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    fixture = OUT / "fixture.json"
    if not (os.environ.get("LOAD_BENCH_REUSE") and fixture.exists()):
        subprocess.run([sys.executable, str(HERE / "prepare.py"), str(fixture)], check=True)
    (OUT / "accepted.txt").write_text("")
    outbox, server = serve()
    try:
        locust("warm", WORKERS * 2, ["OurCustomer", "OurTracker", "PeerCustomer", "PeerTracker", "Staff"], 20)
        mix = locust("mix", USERS, ["Filer", "OurCustomer", "OurTracker", "Staff"])
        ours = locust("portal_ours", USERS, ["OurCustomer", "OurTracker"])
        peer = locust("portal_peer", USERS, ["PeerCustomer", "PeerTracker"])
        filing = locust("filing", FILERS, ["Filer"])
        rows = [
            *route_rows("mix", mix),
            *route_rows("portal", ours),
            *route_rows("portal", peer),
            *route_rows("filing", filing),
        ]
        subjects = accepted_subjects()
        for _i in range(180):  # the acknowledgements, sent by the cron worker
            count, acknowledged = filed(subjects)
            if acknowledged == count:
                break
            time.sleep(1)
    finally:
        server.terminate()
        server.wait(60)
        outbox.terminate()
    print(f"\n{WORKERS} HTTP workers, 1 cron worker; {USERS} people at once ({FILERS} filing), {SECONDS} s a phase")
    print_rows(("route", "requests", "failures", "req/s", "p50 ms", "p95 ms", "p99 ms"), rows)
    print(
        f"\nfiling alone: {accepted(filing)} complaints accepted in {SECONDS} s ({accepted(filing) / SECONDS:.1f}/s)."
        f" In all phases: {len(subjects)} accepted, {count} of them in the database,"
        f" {acknowledged} acknowledged by the cron worker after"
    )


if __name__ == "__main__":
    main()
