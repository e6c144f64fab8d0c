"""SLA escalation and follow-up cron benchmark: their cost grows with the due work, not with the
open complaints.

Run with `make bench` (BENCH=sla for this one). It creates the database `complaints_bench_sla`
(SLA_BENCH_DB) with the addon and no demo data, bulk-loads 100 000 open complaints of a team whose
SLA policy (16 working hours to resolve, levels at 75 % and 100 %) gives each a resolution target
by SQL, then times the escalation cron: with nothing due, and with 2 000 complaints due, run as
Odoo's cron runner does (batches of 200, a commit after each, until nothing is left). The follow-up
cron is timed the same way, with nothing due and with 2 000 feedback requests due (emails rendered
and queued, batches of 100). Never run by CI.
"""

import os
import sys
import time
from contextlib import closing

sys.path.insert(0, os.environ["ODOO_SRC"])

from database import new_database  # noqa: E402
from table import print_table  # noqa: E402

import odoo  # noqa: E402
from odoo import sql_db  # noqa: E402

DB = os.environ.get("SLA_BENCH_DB", "complaints_bench_sla")
OPEN, DUE = 100_000, 2_000


def measure(fn):
    queries = sql_db.sql_counter
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000, sql_db.sql_counter - queries


def fill(env):
    """100 000 open complaints with a resolution target due in the future, by SQL."""
    team = env["complaint.team"].create({"name": "Bench team", "leader_id": env.ref("base.user_admin").id})
    policy = env["complaint.sla.policy"].create({"name": "Bench policy", "team_id": team.id, "resolve_hours": 16})
    env["complaint.sla.escalation"].create(
        [
            {"policy_id": policy.id, "target": "resolve", "percent": 75},
            {
                "policy_id": policy.id,
                "target": "resolve",
                "percent": 100,
                "notify_leader": True,
                "raise_priority": True,
            },
        ]
    )
    cr = env.cr
    cr.execute(
        """
        INSERT INTO complaint_complaint (
            name, subject, stage_id, is_closed, company_id, priority, severity, channel, kanban_state,
            team_id, partner_name, date_received, date_last_stage_update, active, acknowledgement_pending,
            is_repeat, create_uid, write_uid, create_date, write_date)
        SELECT 'BENCH/' || g, 'Bulk complaint ' || g, %(stage)s, false, %(company)s, '0', 'normal', 'phone',
               'normal', %(team)s, 'Bulk customer', now() - interval '1 hour', now(), true, false, false,
               1, 1, now(), now()
          FROM generate_series(1, %(open)s) g
    """,
        {
            "stage": env.ref("complaint_management.complaint_stage_new").id,
            "company": env.company.id,
            "team": team.id,
            "open": OPEN,
        },
    )
    cr.execute(
        """
        INSERT INTO complaint_sla_status (complaint_id, policy_id, target, deadline, next_escalation_date,
                                          paused_hours, create_uid, write_uid, create_date, write_date)
        SELECT id, %(policy)s, 'resolve', now() + interval '3 days', now() + interval '2 days', 0,
               1, 1, now(), now()
          FROM complaint_complaint WHERE team_id = %(team)s
    """,
        {"policy": policy.id, "team": team.id},
    )
    cr.execute("UPDATE complaint_complaint SET sla_deadline = now() + interval '3 days' WHERE team_id = %s", [team.id])
    cr.commit()
    with closing(sql_db.db_connect(DB).cursor()) as vacuum_cr:
        vacuum_cr._cnx.autocommit = True
        vacuum_cr.execute("VACUUM ANALYZE complaint_complaint")
        vacuum_cr.execute("VACUUM ANALYZE complaint_sla_status")
    return team


def make_due(env, team):
    """2 000 of them received a month ago, their deadline passed: both levels are due."""
    env.cr.execute(
        """
        WITH due AS (SELECT id FROM complaint_complaint WHERE team_id = %(team)s ORDER BY id LIMIT %(due)s)
        UPDATE complaint_complaint c SET date_received = now() - interval '30 days' FROM due WHERE c.id = due.id;
        UPDATE complaint_sla_status s SET next_escalation_date = now() - interval '1 minute',
                                          deadline = now() - interval '1 hour'
          FROM complaint_complaint c
         WHERE c.id = s.complaint_id AND c.date_received < now() - interval '29 days';
    """,
        {"team": team.id, "due": DUE},
    )
    env.cr.commit()
    env.invalidate_all()


def make_followups_due(env, team):
    """2 000 others were resolved three days ago: their feedback request is a day late."""
    env.cr.execute(
        """
        WITH due AS (SELECT id FROM complaint_complaint WHERE team_id = %(team)s ORDER BY id DESC LIMIT %(due)s)
        UPDATE complaint_complaint c
           SET partner_email = 'customer' || c.id || '@example.com', date_resolved = now() - interval '3 days',
               date_feedback_due = now() - interval '1 day', date_followup = now() - interval '1 day'
          FROM due WHERE c.id = due.id
    """,
        {"team": team.id, "due": DUE},
    )
    env.cr.commit()
    env.invalidate_all()


def run_like_the_runner(env, model, method, date_field):
    """Call the cron method, committing after each batch, while it leaves work due."""
    Model = env[model]
    calls = 0
    while True:
        getattr(Model, method)()
        env.cr.commit()
        calls += 1
        if not Model.search_count([(date_field, "<=", odoo.fields.Datetime.now())]):
            return calls


def main():
    registry = new_database(DB)
    rows = []
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"mail_notify_force_send": False})
        team = fill(env)
        Sla = env["complaint.sla.status"]
        Sla._cron_escalate()  # warm the registry caches, as a running server has them
        cr.commit()
        env.invalidate_all()
        ms, queries = measure(lambda: (Sla._cron_escalate(), cr.commit()))
        rows.append((f"escalation cron, {OPEN:,} open, nothing due", f"{ms:.1f} ms", f"{queries}"))
        make_due(env, team)
        calls = []
        ms, queries = measure(
            lambda: calls.append(
                run_like_the_runner(env, "complaint.sla.status", "_cron_escalate", "next_escalation_date")
            )
        )
        rows.append(
            (f"escalation cron, {OPEN:,} open, {DUE:,} due ({calls[0]} batches)", f"{ms / 1000:.1f} s", f"{queries}")
        )
        cr.execute(
            "SELECT count(*) FROM mail_message WHERE model = 'complaint.complaint' AND body LIKE %s",
            ["%of the Resolution time used%"],
        )
        rows.append(("escalation notes posted (2 levels x 2 000)", "", f"{cr.fetchone()[0]}"))

        Complaint = env["complaint.complaint"]
        Complaint._cron_follow_up()
        cr.commit()
        ms, queries = measure(lambda: (Complaint._cron_follow_up(), cr.commit()))
        rows.append((f"follow-up cron, {OPEN:,} open, nothing due", f"{ms:.1f} ms", f"{queries}"))
        make_followups_due(env, team)
        calls = []
        ms, queries = measure(
            lambda: calls.append(run_like_the_runner(env, "complaint.complaint", "_cron_follow_up", "date_followup"))
        )
        rows.append(
            (
                f"follow-up cron, {OPEN:,} open, {DUE:,} feedback requests due ({calls[0]} batches)",
                f"{ms / 1000:.1f} s",
                f"{queries}",
            )
        )
        cr.execute(
            """SELECT count(*) FROM mail_mail m JOIN mail_message g ON g.id = m.mail_message_id
                       WHERE g.subject LIKE %s""",
            ["How did we handle%"],
        )
        rows.append(("feedback request emails queued", "", f"{cr.fetchone()[0]}"))
    print_table(rows)


if __name__ == "__main__":
    main()
