"""Core speed benchmark: complaint creation and the kanban's first load.

Run with `make bench` (or scripts/bench.sh): it creates the database `complaints_bench`
(BENCH_DB) with the addon and no demo data, then prints one table. Never run by CI.

Rows (the kanban first, on bulk-loaded complaints, then creation through the ORM):
- kanban first load at 1 000 / 10 000 / 100 000 complaints: what the web client asks for when
  it opens Complaints (web_read_group by stage, the progress bar, one web_search_read per
  unfolded column), as the admin user with the action's default "Open" filter, after a
  VACUUM ANALYZE of the bulk-loaded table (as autovacuum leaves a live one);
- create, batch of 1 000: one `create()` call, as an import or the email gateway does, and the
  acknowledgement cron that later mails those 1 000 customers;
- create, one by one (200): one `create()` per complaint, first all in one transaction (the
  caches stay warm), then with a commit after each, as web form requests do (each starts with
  cold caches), without and with the commit's own round trip.
Every create row includes the flush and the pre-commit hooks (mail tracking).
"""

import os
import sys
import time
from contextlib import closing

sys.path.insert(0, os.environ["ODOO_SRC"])

from database import new_database  # noqa: E402
from kanban import COMPLAINT_CARD, first_load  # noqa: E402
from table import print_table  # noqa: E402

import odoo  # noqa: E402
from odoo import sql_db  # noqa: E402

DB = os.environ.get("BENCH_DB", "complaints_bench")
KANBAN_SIZES = (1_000, 10_000, 100_000)


def measure(fn):
    queries = sql_db.sql_counter
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000, sql_db.sql_counter - queries


def make_customers_and_team(env):
    customers = env["res.partner"].create(
        [{"name": f"Bench customer {i}", "email": f"customer{i}@bench.example.com"} for i in range(20)]
    )
    staff = env.ref("base.user_admin") | env["res.users"].create(
        [
            {
                "name": f"Bench agent {i}",
                "login": f"bench_agent_{i}",
                "groups_id": [(4, env.ref("complaint_management.group_complaint_user").id)],
            }
            for i in range(3)
        ]
    )
    team = env["complaint.team"].create(
        {"name": "Bench team", "assignment_method": "round_robin", "member_ids": [(6, 0, staff.ids)]}
    )
    tags = env["complaint.tag"].create([{"name": f"Bench tag {i}"} for i in range(5)])
    env.cr.commit()
    return customers, staff, team, tags


def bench_create(env, rows, customers, team):
    """Times create() up to the end of its transaction's work: flush and pre-commit hooks
    (mail tracking) included, the commit's own round trip shown apart."""
    Complaint = env["complaint.complaint"].with_user(env.ref("base.user_admin"))

    def vals(i):
        return {
            "subject": f"Bench complaint {i}",
            "partner_id": customers[i % len(customers)].id,
            "team_id": team.id,
            "description": "<p>Arrived broken.</p>",
            "channel": "web",
        }

    def per_complaint(label, ms, queries, n):
        rows.append((label, f"{ms / n:.2f} ms/complaint", f"{queries / n:.1f}/complaint"))

    n = 1000
    ms, queries = measure(lambda: (Complaint.create([vals(i) for i in range(n)]), env.cr.flush()))
    env.cr.commit()
    per_complaint("create, batch of 1 000", ms, queries, n)
    ms, queries = measure(lambda: (Complaint.sudo()._cron_send_acknowledgements(batch_size=n), env.cr.flush()))
    env.cr.commit()
    per_complaint("acknowledgement cron, batch of 1 000", ms, queries, n)

    n = 200
    total_ms = total_q = 0
    for i in range(n):
        ms, queries = measure(lambda i=i: (Complaint.create(vals(i)), env.cr.flush()))
        total_ms += ms
        total_q += queries
    env.cr.commit()
    per_complaint("create, one by one (200), one transaction", total_ms, total_q, n)

    create_ms = create_q = commit_ms = 0
    for i in range(n):
        ms, queries = measure(lambda i=i: (Complaint.create(vals(i)), env.cr.flush()))
        create_ms += ms
        create_q += queries
        ms, _queries = measure(env.cr.commit)
        commit_ms += ms
    per_complaint("create, one by one (200), cold, before commit", create_ms, create_q, n)
    per_complaint("create, one by one (200), cold, with commit", create_ms + commit_ms, create_q, n)


def fill_to(env, size, customers, staff, tags):
    """Bulk-insert complaints with SQL until the table holds `size` rows: customers, assignees
    and stages spread over them, a tag on one in five."""
    cr = env.cr
    cr.execute("SELECT coalesce(max(id), 0), count(*) FROM complaint_complaint")
    last_id, count = cr.fetchone()
    missing = size - count
    if missing <= 0:
        return
    cr.execute(
        """
        INSERT INTO complaint_complaint (
            name, subject, stage_id, is_closed, company_id, priority, severity, channel, kanban_state,
            partner_id, commercial_partner_id, partner_name, user_id, date_received, date_last_stage_update,
            active, acknowledgement_pending, is_repeat, create_uid, write_uid, create_date, write_date)
        SELECT 'BENCH/' || g, 'Bulk complaint ' || g,
               (%(stages)s::int[])[1 + g %% array_length(%(stages)s::int[], 1)],
               false, %(company)s, (g %% 4)::text, 'normal', 'phone',
               (ARRAY['normal', 'normal', 'done', 'blocked'])[1 + g %% 4],
               p, p, 'Bulk customer', (%(staff)s::int[])[1 + g %% array_length(%(staff)s::int[], 1)],
               now() - (g || ' minutes')::interval, now(), true, false, false, 1, 1, now(), now()
          FROM generate_series(%(first)s, %(last)s) g,
               LATERAL (SELECT (%(customers)s::int[])[1 + g %% array_length(%(customers)s::int[], 1)] AS p) c
    """,
        {
            "stages": env["complaint.stage"].search([]).ids,
            "company": env.company.id,
            "staff": staff.ids,
            "customers": customers.ids,
            "first": last_id + 1,
            "last": last_id + missing,
        },
    )
    cr.execute("""
        UPDATE complaint_complaint c SET is_closed = s.is_closed
          FROM complaint_stage s WHERE s.id = c.stage_id AND c.is_closed IS DISTINCT FROM s.is_closed""")
    cr.execute(
        """
        INSERT INTO complaint_complaint_complaint_tag_rel (complaint_complaint_id, complaint_tag_id)
        SELECT id, (%(tags)s::int[])[1 + id %% array_length(%(tags)s::int[], 1)]
          FROM complaint_complaint WHERE id > %(last_id)s AND id %% 5 = 0
    """,
        {"tags": tags.ids, "last_id": last_id},
    )
    cr.commit()
    vacuum_analyze()
    env.invalidate_all()


def vacuum_analyze():
    """What autovacuum does to a live table after a bulk load (VACUUM needs its own connection)."""
    with closing(sql_db.db_connect(DB).cursor()) as cr:
        cr._cnx.autocommit = True
        cr.execute("VACUUM ANALYZE complaint_complaint")


def kanban_first_load(env):
    first_load(
        env["complaint.complaint"].with_context(search_default_open=1), [("is_closed", "=", False)], COMPLAINT_CARD
    )


def bench_kanban(env, rows, customers, staff, tags):
    admin_env = env(user=env.ref("base.user_admin").id)
    for size in KANBAN_SIZES:
        fill_to(env, size, customers, staff, tags)
        kanban_first_load(admin_env)  # warm the registry caches, as a running server has them
        admin_env.invalidate_all()
        best_ms, queries = min(
            (measure(lambda: (kanban_first_load(admin_env), admin_env.invalidate_all())) for _i in range(5)),
            key=lambda result: result[0],
        )
        rows.append((f"kanban first load, {size:,} complaints", f"{best_ms:.1f} ms", f"{queries}"))


def main():
    registry = new_database(DB)
    rows = []
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": False})
        customers, staff, team, tags = make_customers_and_team(env)
        bench_kanban(env, rows, customers, staff, tags)
        bench_create(env, rows, customers, team)
    print_table(rows)


if __name__ == "__main__":
    main()
