"""Core speed benchmark: complaint creation and the kanban's first load.

Run with `make bench` (or scripts/bench.sh): it creates the database `complaints_bench`
(BENCH_DB) with the addon and no demo data, then prints one table. Never run by CI.

Rows:
- create, batch of 1 000: one `create()` call, as an import or the email gateway does;
- create, one by one (200): one `create()` per complaint, first all in one transaction (the
  caches stay warm), then with a commit after each, as web form requests do (each starts with
  cold caches), reported without and with the commit's own time;
- kanban first load at 1 000 / 10 000 / 100 000 complaints: what the web client asks for when
  it opens Complaints (web_read_group by stage, the progress bar, one web_search_read per
  unfolded column), as the admin user with the action's default "Open" filter, after a
  VACUUM ANALYZE of the bulk-loaded table (as autovacuum leaves a live one).
"""
import os
import sys
import time

import psycopg2

sys.path.insert(0, os.environ["ODOO_SRC"])

import odoo  # noqa: E402
from odoo import sql_db  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DB = os.environ.get("BENCH_DB", "complaints_bench")
KANBAN_SIZES = (1_000, 10_000, 100_000)
KANBAN_SPEC = {
    "color": {}, "is_repeat": {}, "subject": {}, "name": {}, "priority": {}, "severity": {},
    "kanban_state": {}, "partner_id": {"fields": {"display_name": {}}},
    "tag_ids": {"fields": {"display_name": {}, "color": {}}},
    "activity_ids": {"fields": {}}, "activity_state": {}, "activity_exception_decoration": {},
    "activity_exception_icon": {}, "activity_summary": {}, "activity_type_icon": {},
    "activity_type_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}}, "stage_id": {"fields": {"display_name": {}}},
}


def measure(fn):
    queries = sql_db.sql_counter
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000, sql_db.sql_counter - queries


def bench_create(env, rows):
    Complaint = env["complaint.complaint"].with_user(env.ref("base.user_admin"))
    partners = env["res.partner"].search([], limit=20)
    team = env.ref("complaint_management.bench_team", raise_if_not_found=False) or env["complaint.team"].create({
        "name": "Bench team", "assignment_method": "round_robin",
        "member_ids": [(6, 0, env.ref("base.user_admin").ids)]})

    def vals(i):
        return {"subject": f"Bench complaint {i}", "partner_id": partners[i % len(partners)].id,
                "team_id": team.id, "description": "<p>Arrived broken.</p>", "channel": "web"}

    n = 1000
    ms, queries = measure(lambda: (Complaint.create([vals(i) for i in range(n)]), env.flush_all()))
    env.cr.commit()
    rows.append(("create, batch of 1 000", f"{ms / n:.2f} ms/complaint", f"{queries / n:.1f}/complaint"))

    n = 200
    total_ms = total_q = 0
    for i in range(n):
        ms, queries = measure(lambda i=i: (Complaint.create(vals(i)), env.flush_all()))
        total_ms += ms
        total_q += queries
    env.cr.commit()
    rows.append(("create, one by one (200), one transaction",
                 f"{total_ms / n:.2f} ms/complaint", f"{total_q / n:.1f}/complaint"))

    create_ms = commit_ms = total_q = 0
    for i in range(n):
        ms, queries = measure(lambda i=i: (Complaint.create(vals(i)), env.flush_all()))
        create_ms += ms
        total_q += queries
        ms, queries = measure(env.cr.commit)
        commit_ms += ms
        total_q += queries
    rows.append(("create, one by one (200), without commit",
                 f"{create_ms / n:.2f} ms/complaint", f"{total_q / n:.1f}/complaint"))
    rows.append(("create, one by one (200), with commit",
                 f"{(create_ms + commit_ms) / n:.2f} ms/complaint", f"{total_q / n:.1f}/complaint"))


def fill_to(env, size):
    """Bulk-insert plain complaints with SQL until the table holds `size` rows."""
    cr = env.cr
    cr.execute("SELECT count(*) FROM complaint_complaint")
    missing = size - cr.fetchone()[0]
    if missing <= 0:
        return
    stages = env["complaint.stage"].search([]).ids
    cr.execute("""
        INSERT INTO complaint_complaint (
            name, subject, stage_id, is_closed, company_id, priority, severity, channel, kanban_state,
            date_received, date_last_stage_update, active, acknowledgement_pending, is_repeat,
            create_uid, write_uid, create_date, write_date)
        SELECT 'BENCH/' || g || '/' || %(start)s, 'Bulk complaint ' || g,
               (%(stages)s::int[])[1 + g %% array_length(%(stages)s::int[], 1)],
               false, %(company)s, (g %% 4)::text, 'normal', 'phone', 'normal',
               now() - (g || ' minutes')::interval, now(), true, false, false, 1, 1, now(), now()
          FROM generate_series(1, %(missing)s) g
    """, {"start": size, "stages": stages, "company": env.company.id, "missing": missing})
    cr.execute("""
        UPDATE complaint_complaint c SET is_closed = s.is_closed
          FROM complaint_stage s WHERE s.id = c.stage_id AND c.is_closed IS DISTINCT FROM s.is_closed""")
    cr.commit()
    vacuum_analyze()
    env.invalidate_all()


def vacuum_analyze():
    """What autovacuum does to a live table after a bulk load (VACUUM needs its own connection)."""
    connection = psycopg2.connect(
        dbname=DB, host=os.environ["PGHOST"], port=os.environ["PGPORT"], user=os.environ["PGUSER"])
    connection.autocommit = True
    with connection.cursor() as cr:
        cr.execute("VACUUM ANALYZE complaint_complaint")
    connection.close()


def kanban_first_load(env):
    Complaint = env["complaint.complaint"].with_context(search_default_open=1)
    domain = [("is_closed", "=", False)]
    groups = Complaint.web_read_group(domain, ["stage_id"], ["stage_id"], limit=80, lazy=True)
    Complaint.read_progress_bar(domain, "stage_id", {
        "field": "kanban_state", "colors": {"done": "success", "blocked": "danger", "normal": "200"}})
    for group in groups["groups"]:
        if group.get("__fold") or not group["stage_id"]:
            continue
        Complaint.web_search_read(
            domain + [("stage_id", "=", group["stage_id"][0])], KANBAN_SPEC, limit=40, count_limit=None)


def bench_kanban(env, rows):
    admin_env = env(user=env.ref("base.user_admin").id)
    for size in KANBAN_SIZES:
        fill_to(env, size)
        kanban_first_load(admin_env)  # warm the registry caches, as a running server has them
        admin_env.invalidate_all()
        best_ms, queries = min(
            (measure(lambda: (kanban_first_load(admin_env), admin_env.invalidate_all())) for _i in range(5)),
            key=lambda result: result[0])
        rows.append((f"kanban first load, {size:,} complaints", f"{best_ms:.1f} ms", f"{queries}"))


def main():
    odoo.tools.config.parse_config([
        f"--addons-path={os.environ['ODOO_SRC']}/addons,{os.environ['ODOO_SRC']}/odoo/addons,{ROOT}",
        f"--db_host={os.environ['PGHOST']}", f"--db_port={os.environ['PGPORT']}",
        f"--db_user={os.environ['PGUSER']}", "--log-level=warn", "--without-demo=all",
    ])
    odoo.service.db._create_empty_database(DB)
    odoo.tools.config["init"] = {"complaint_management": 1}
    registry = Registry.new(DB, update_module=True)
    rows = []
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": False})
        bench_create(env, rows)
        bench_kanban(env, rows)
    width = max(len(row[0]) for row in rows)
    print(f"{'measure':<{width}} | {'wall time':>18} | {'SQL queries':>14}")
    print(f"{'-' * width}-|-{'-' * 18}-|-{'-' * 14}")
    for label, wall, queries in rows:
        print(f"{label:<{width}} | {wall:>18} | {queries:>14}")


if __name__ == "__main__":
    main()
