"""Reporting benchmark: the analysis, the dashboard and the Excel export over 1 000 000 complaints.

Run with `make bench` (BENCH=reports for this one). It creates the database
`complaints_bench_reports` (REPORTS_BENCH_DB) with the addon and no demo data, fills it by SQL
with 1 000 000 complaints over two years (20 categories, 10 000 customers in 5 countries, six in
ten resolved, some reopened, compensated or rated), then times, as a complaint manager:

- the pivot month x category of the complaint analysis (`read_group` as the pivot view calls it);
- the dashboard (`get_dashboard_data`, 30 days against the 30 before);
- the kanban's first load (columns, progress bars, 40 cards per open column) as the manager;
- the public statistics' figures of one language (`_public_statistics` with none published: what
  the daily action works out per language, and the page before the day's run);
- the escalation cron with nothing due, the open complaints under an SLA policy;
- the Excel export of 100 000 complaints (about two months), with the process's peak memory
  (resident set size) and Python's own peak allocation while writing it.

Never run by CI.
"""

import os
import resource
import sys
import time
import tracemalloc

sys.path.insert(0, os.environ["ODOO_SRC"])

from database import new_database  # noqa: E402
from kanban import COMPLAINT_CARD, first_load  # noqa: E402
from table import print_table  # noqa: E402

import odoo  # noqa: E402
from odoo import sql_db  # noqa: E402

DB = os.environ.get("REPORTS_BENCH_DB", "complaints_bench_reports")
COMPLAINTS, CUSTOMERS, CATEGORIES, EXPORT_ROWS = 1_000_000, 10_000, 20, 100_000


def fill(env):
    cr = env.cr
    team = env["complaint.team"].create({"name": "Bench team"})
    categories = env["complaint.category"].create([{"name": f"Category {n}"} for n in range(CATEGORIES)])
    countries = env["res.country"].search([], limit=5).ids
    cr.execute(
        """
        INSERT INTO res_partner (name, complete_name, active, is_company, country_id, type,
                                 create_date, write_date)
        SELECT 'Customer ' || g, 'Customer ' || g, true, true, (%(countries)s)[1 + g %% 5], 'contact',
               now(), now()
          FROM generate_series(1, %(customers)s) g
    """,
        {"countries": countries, "customers": CUSTOMERS},
    )
    cr.execute("UPDATE res_partner SET commercial_partner_id = id WHERE name LIKE 'Customer %%'")
    cr.execute("SELECT min(id) FROM res_partner WHERE name LIKE 'Customer %%'")
    first_partner = cr.fetchone()[0]
    stages = {
        xmlid: env.ref(f"complaint_management.complaint_stage_{xmlid}").id
        for xmlid in ("new", "in_progress", "resolved", "closed")
    }
    # received over two years up to now; a complaint id g is received (COMPLAINTS - g) * 63 seconds ago
    cr.execute(
        """
        INSERT INTO complaint_complaint (
            name, subject, company_id, priority, severity, channel, kanban_state, active,
            acknowledgement_pending, team_id, category_id, partner_id, commercial_partner_id, partner_name,
            date_received, date_acknowledged, date_resolved, date_closed, stage_id, is_closed,
            staff_reply_count, reopen_count, is_repeat, compensation_amount, feedback_rating,
            date_last_stage_update, create_uid, write_uid, create_date, write_date)
        SELECT 'BENCH/' || g, 'Bulk complaint ' || g, %(company)s, '0', 'normal', 'web', 'normal', true, false,
               %(team)s, (%(categories)s)[1 + g %% %(ncat)s], %(first_partner)s + g %% %(customers)s,
               %(first_partner)s + g %% %(customers)s, 'Customer',
               received, received + interval '2 hours',
               CASE WHEN g %% 10 < 6 THEN received + (g %% 97) * interval '1 hour' END,
               CASE WHEN g %% 10 < 3 THEN received + (g %% 97 + 24) * interval '1 hour' END,
               CASE WHEN g %% 10 < 3 THEN %(closed)s WHEN g %% 10 < 6 THEN %(resolved)s
                    WHEN g %% 10 < 8 THEN %(progress)s ELSE %(new)s END,
               g %% 10 < 3, g %% 3, (g %% 17 = 0)::int, g %% 5 = 0,
               CASE WHEN g %% 13 = 0 THEN 25 ELSE 0 END, CASE WHEN g %% 4 = 0 THEN 1 + g %% 5 ELSE 0 END,
               received, 1, 1, received, received
          FROM (SELECT g, now() - (%(n)s - g) * interval '63 seconds' AS received
                  FROM generate_series(1, %(n)s) g) s
    """,
        {
            "company": env.company.id,
            "team": team.id,
            "categories": categories.ids,
            "ncat": CATEGORIES,
            "first_partner": first_partner,
            "customers": CUSTOMERS,
            "n": COMPLAINTS,
            "closed": stages["closed"],
            "resolved": stages["resolved"],
            "progress": stages["in_progress"],
            "new": stages["new"],
        },
    )
    # the open complaints are under an SLA policy, their next escalation in the future
    policy = env["complaint.sla.policy"].create({"name": "Bench policy", "team_id": team.id, "resolve_hours": 40})
    cr.execute(
        """
        INSERT INTO complaint_sla_status (complaint_id, policy_id, target, deadline, next_escalation_date,
                                          paused_hours, remaining_hours, create_uid, write_uid, create_date, write_date)
        SELECT id, %(policy)s, 'resolve', date_received + interval '5 days',
               greatest(date_received + interval '4 days', now() + interval '1 day'), 0, 0, 1, 1, now(), now()
          FROM complaint_complaint WHERE NOT is_closed AND date_resolved IS NULL
    """,
        {"policy": policy.id},
    )
    cr.commit()
    for table in ("complaint_complaint", "res_partner", "complaint_sla_status"):
        with sql_db.db_connect(DB).cursor() as vacuum_cr:
            vacuum_cr._cnx.autocommit = True
            vacuum_cr.execute(f"VACUUM ANALYZE {table}")


def measure(fn, runs=3):
    """Best wall time (ms) of `runs` calls and the SQL queries of one."""
    best, queries = None, 0
    for _i in range(runs):
        before = sql_db.sql_counter
        start = time.perf_counter()
        fn()
        elapsed = (time.perf_counter() - start) * 1000
        queries = sql_db.sql_counter - before
        best = elapsed if best is None else min(best, elapsed)
    return best, queries


def main():
    registry = new_database(DB)
    rows = []
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        fill_start = time.perf_counter()
        fill(env)
        rows.append((f"fill {COMPLAINTS:,} complaints by SQL", f"{time.perf_counter() - fill_start:.1f} s", ""))
        manager = env["res.users"].create(
            {
                "name": "Bench manager",
                "login": "bench_manager",
                "groups_id": [
                    (6, 0, [env.ref("base.group_user").id, env.ref("complaint_management.group_complaint_manager").id])
                ],
            }
        )
        cr.commit()
        menv = env(user=manager.id)
        Report = menv["complaint.report"]
        ms, queries = measure(
            lambda: Report.read_group(
                [], ["__count", "hours_to_resolve:avg"], ["date_received:month", "category_id"], lazy=False
            )
        )
        rows.append((f"pivot month x category, {COMPLAINTS:,} complaints", f"{ms:.0f} ms", f"{queries}"))
        ms, queries = measure(lambda: Report.get_dashboard_data(days=30))
        rows.append(("dashboard, 30 days against the 30 before", f"{ms:.0f} ms", f"{queries}"))
        open_complaints = [("is_closed", "=", False)]
        ms, queries = measure(
            lambda: (first_load(menv["complaint.complaint"], open_complaints, COMPLAINT_CARD), menv.invalidate_all())
        )
        rows.append((f"kanban first load, {COMPLAINTS:,} complaints", f"{ms:.0f} ms", f"{queries}"))

        ms, queries = measure(lambda: env["complaint.report"].sudo()._public_statistics())
        rows.append(("public statistics' figures, one language", f"{ms:.0f} ms", f"{queries}"))
        Sla = env["complaint.sla.status"]
        ms, queries = measure(lambda: (Sla._cron_escalate(), cr.flush()))
        open_count = Sla.search_count([])
        rows.append((f"escalation cron, {open_count:,} open under SLA, nothing due", f"{ms:.0f} ms", f"{queries}"))
        cr.execute(
            "SELECT date_received FROM complaint_complaint ORDER BY date_received DESC OFFSET %s LIMIT 1",
            [EXPORT_ROWS - 1],
        )
        since = cr.fetchone()[0]
        export = menv["complaint.report.export"].create(
            {"date_from": since.date(), "date_to": odoo.fields.Date.today()}
        )
        cr.execute("SELECT count(*) FROM complaint_complaint WHERE date_received >= %s", [since.date()])
        exported = cr.fetchone()[0]
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "complaints_bench_export.xlsx")
        start = time.perf_counter()
        export._write_xlsx(path)
        elapsed = time.perf_counter() - start
        # again, for Python's own allocations: tracing them slows it down a few times
        tracemalloc.start()
        export._write_xlsx(path)
        _current, python_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        size = os.path.getsize(path) / 1024 / 1024
        os.unlink(path)
        rows.append((f"Excel export, {exported:,} complaints ({size:.1f} MB file)", f"{elapsed:.1f} s", ""))
        rows.append(("  peak memory of the process (resident, whole run)", "", f"{rss_after:.0f} MB"))
        rows.append(("  growth of that peak during the export", "", f"{rss_after - rss_before:.0f} MB"))
        rows.append(("  Python's peak allocation during the export", "", f"{python_peak / 1024 / 1024:.0f} MB"))
        cr.rollback()
    print_table(rows, queries_width=16, last_column="queries / memory")


if __name__ == "__main__":
    main()
