"""Side by side with the OCA peer: the same work on our complaints and on the peer's tickets.

Run with `make bench` (BENCH=peer for this one). The peer, helpdesk_mgmt and helpdesk_mgmt_sla
18.0 (their versions pinned in scripts/bench.sh), is installed from the package registry into
bench/out/ at run time, never committed; both are installed in the database `complaints_bench_peer`
(PEER_BENCH_DB), no demo data, so both run on the same Odoo, PostgreSQL and process. Never run by CI.

Data, by SQL for both, at 10 000 then 100 000 records: 70 % open (new, in progress, waiting),
80 % in a team under an SLA policy (working hours of the company's calendar, 8 h to acknowledge
and 40 h to resolve for ours, 40 h to Done for the peer, paused while waiting); received over the
last 60 days, so some are late. Each row runs ours and the peer's in turn, three rounds, and shows
the median of each; the peer's rows are measured as its own users would do the same work.
"""

import os
import statistics
import sys
import time
from contextlib import closing

sys.path.insert(0, os.environ["ODOO_SRC"])

from database import odoo_args  # noqa: E402
from kanban import COMPLAINT_CARD, first_load  # noqa: E402

import odoo  # noqa: E402
from odoo import sql_db  # noqa: E402
from odoo.modules.registry import Registry  # noqa: E402

DB = os.environ.get("PEER_BENCH_DB", "complaints_bench_peer")
PEER_ADDONS = os.environ["PEER_ADDONS"]
SIZES = (10_000, 100_000)
ROUNDS = 3
STAGE_WRITE = 1_000
STATUS_READ = 5_000
DUE = 2_000

# the peer's card, what its kanban shows of ours
PEER_CARD = {
    "color": {},
    "number": {},
    "name": {},
    "priority": {},
    "kanban_state": {},
    "partner_id": {"fields": {"display_name": {}}},
    "tag_ids": {"fields": {"display_name": {}, "color": {}}},
    "activity_ids": {"fields": {}},
    "activity_state": {},
    "activity_exception_decoration": {},
    "activity_exception_icon": {},
    "activity_summary": {},
    "activity_type_icon": {},
    "activity_type_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "stage_id": {"fields": {"display_name": {}}},
    "sla_deadline": {},
}


def new_database():
    odoo.tools.config.parse_config([*odoo_args(PEER_ADDONS), "--log-level=warn", "--without-demo=all"])
    odoo.service.db._create_empty_database(DB)
    odoo.tools.config["init"] = {"complaint_management": 1, "helpdesk_mgmt_sla": 1}
    return Registry.new(DB, update_module=True)


def measure(fn):
    queries = sql_db.sql_counter
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000, sql_db.sql_counter - queries


def vacuum_analyze(dbname, *tables):
    """What autovacuum does to a live table after a bulk load (VACUUM needs its own connection)."""
    with closing(sql_db.db_connect(dbname).cursor()) as cr:
        cr._cnx.autocommit = True
        for table in tables:
            cr.execute(f"VACUUM ANALYZE {table}")


class Ours:
    name = "ours"

    def __init__(self, env):
        self.env = env
        ref = env.ref
        self.stages = {
            key: ref(f"complaint_management.complaint_stage_{key}").id
            for key in ("new", "in_progress", "waiting", "resolved", "closed")
        }
        self.customers = env["res.partner"].create(
            [{"name": f"Bench customer {i}", "email": f"customer{i}@bench.example.com"} for i in range(50)]
        )
        self.agent = env["res.users"].create(
            {
                "name": "Bench agent",
                "login": "bench_agent",
                "email": "agent@bench.example.com",
                "groups_id": [(4, ref("complaint_management.group_complaint_user").id)],
            }
        )
        others = env["res.users"].create(
            [
                {
                    "name": f"Bench colleague {i}",
                    "login": f"bench_colleague_{i}",
                    "groups_id": [(4, ref("complaint_management.group_complaint_user").id)],
                }
                for i in range(3)
            ]
        )
        self.staff = self.agent | others
        self.team = env["complaint.team"].create(
            {
                "name": "Bench team",
                "leader_id": ref("base.user_admin").id,
                "member_ids": [(6, 0, self.staff.ids)],
                "response_hours": 8,
                "resolution_hours": 40,
            }
        )
        self.policy = self.team.sla_policy_ids.filtered("is_team_standard")
        self.policy.pause_stage_ids = [(6, 0, [self.stages["waiting"]])]
        env["complaint.sla.escalation"].create(
            [
                {"policy_id": self.policy.id, "target": "resolve", "percent": 75},
                {
                    "policy_id": self.policy.id,
                    "target": "resolve",
                    "percent": 100,
                    "notify_leader": True,
                    "raise_priority": True,
                },
            ]
        )
        env.cr.commit()

    def fill_to(self, size):
        cr = self.env.cr
        cr.execute("SELECT coalesce(max(id), 0), count(*) FROM complaint_complaint WHERE name LIKE 'BENCH/%%'")
        last_id, count = cr.fetchone()
        if size <= count:
            return
        s = self.stages
        # stage by g % 10: 0-2 new, 3-4 in progress, 5-6 waiting, 7-8 resolved/closed, 9 closed
        cr.execute(
            """
            INSERT INTO complaint_complaint (
                name, subject, stage_id, is_closed, company_id, priority, severity, channel, kanban_state,
                partner_id, commercial_partner_id, partner_name, partner_email, user_id, team_id,
                date_received, date_acknowledged, date_resolved, date_closed, date_last_stage_update,
                active, acknowledgement_pending, is_repeat, create_uid, write_uid, create_date, write_date)
            SELECT 'BENCH/' || g, 'Bulk complaint ' || g, st, st = ANY(%(closed)s), %(company)s, (g %% 4)::text,
                   'normal', 'phone', 'normal', p, p, 'Bulk customer', 'customer' || g || '@bench.example.com',
                   CASE WHEN g %% 3 = 0 THEN NULL ELSE (%(staff)s::int[])[1 + g %% 4] END,
                   CASE WHEN g %% 5 = 0 THEN NULL ELSE %(team)s END,
                   received, CASE WHEN st <> %(new)s THEN received + interval '2 hours' END,
                   CASE WHEN st = ANY(%(done)s) THEN received + interval '3 days' END,
                   CASE WHEN st = ANY(%(closed)s) THEN received + interval '3 days' END,
                   received, true, false, false, 1, 1, received, received
              FROM generate_series(%(first)s, %(last)s) g,
                   LATERAL (SELECT (%(customers)s::int[])[1 + g %% 50] AS p,
                                   now() - ((g * 7919) %% 86400 || ' minutes')::interval AS received,
                                   (ARRAY[%(new)s, %(new)s, %(new)s, %(progress)s, %(progress)s, %(waiting)s,
                                          %(waiting)s, %(resolved)s, %(closed_stage)s, %(closed_stage)s]
                                   )[1 + g %% 10] AS st) x
        """,
            {
                "first": last_id + 1,
                "last": last_id + size - count,
                "company": self.env.company.id,
                "staff": self.staff.ids,
                "customers": self.customers.ids,
                "team": self.team.id,
                "new": s["new"],
                "progress": s["in_progress"],
                "waiting": s["waiting"],
                "resolved": s["resolved"],
                "closed_stage": s["closed"],
                "closed": [s["closed"]],
                "done": [s["resolved"], s["closed"]],
            },
        )
        columns = self.env["complaint.sla.status"]._fields
        pause_column, pause_value = ("remaining_hours", "40") if "remaining_hours" in columns else ("paused_hours", "0")
        # the targets planned round the clock here (a day is 8 working hours): what they would be
        # matters less than how many are late, which this keeps realistic
        cr.execute(
            f"""
            INSERT INTO complaint_sla_status (
                complaint_id, policy_id, target, deadline, reached_date, paused_since, {pause_column},
                next_escalation_date, create_uid, write_uid, create_date, write_date)
            SELECT c.id, %(policy)s, t.target,
                   CASE WHEN c.stage_id = %(waiting)s AND t.target = 'resolve' THEN NULL
                        ELSE c.date_received + t.span END,
                   CASE WHEN t.target = 'acknowledge' THEN c.date_acknowledged ELSE c.date_resolved END,
                   CASE WHEN c.stage_id = %(waiting)s AND t.target = 'resolve'
                        THEN c.date_received + interval '1 day' END,
                   CASE WHEN c.stage_id = %(waiting)s AND t.target = 'resolve' THEN {pause_value} ELSE 0 END,
                   CASE WHEN t.target = 'resolve' AND c.date_resolved IS NULL AND c.stage_id <> %(waiting)s
                        THEN greatest(c.date_received + interval '3 days 18 hours', now() + interval '1 day') END,
                   1, 1, now(), now()
              FROM complaint_complaint c,
                   (VALUES ('acknowledge', interval '1 day'), ('resolve', interval '5 days')) t(target, span)
             WHERE c.team_id = %(team)s AND c.id > %(last_id)s
        """,
            {"policy": self.policy.id, "waiting": s["waiting"], "team": self.team.id, "last_id": last_id},
        )
        cr.execute(
            """
            UPDATE complaint_complaint c SET sla_deadline = d.deadline
              FROM (SELECT complaint_id, min(deadline) AS deadline FROM complaint_sla_status
                     WHERE reached_date IS NULL GROUP BY complaint_id) d
             WHERE d.complaint_id = c.id AND c.id > %s""",
            [last_id],
        )
        cr.execute(
            """
            UPDATE complaint_complaint SET sla_missed = TRUE
             WHERE id IN (SELECT complaint_id FROM complaint_sla_status WHERE reached_date > deadline)
               AND id > %s""",
            [last_id],
        )
        cr.commit()
        vacuum_analyze(cr.dbname, "complaint_complaint", "complaint_sla_status")
        self.env.invalidate_all()

    def kanban(self, env):
        first_load(
            env["complaint.complaint"].with_user(self.agent).with_context(search_default_open=1),
            [("is_closed", "=", False)],
            COMPLAINT_CARD,
        )

    def failed_count(self, env):
        return env["complaint.complaint"].search_count([("is_closed", "=", False), ("sla_failed", "=", True)])

    def open_ids(self, stage, limit, offset=0):
        self.env.cr.execute(
            """
            SELECT c.id FROM complaint_complaint c WHERE c.stage_id = %s AND c.team_id IS NOT NULL
               AND c.name LIKE 'BENCH/%%' ORDER BY c.id LIMIT %s OFFSET %s""",
            [self.stages[stage], limit, offset],
        )
        return [row[0] for row in self.env.cr.fetchall()]

    def read_statuses(self, env, ids):
        env["complaint.complaint"].browse(ids).read(["sla_deadline", "sla_failed", "sla_at_risk"])

    def stage_write(self, env, ids, stage):
        env["complaint.complaint"].with_user(self.agent).browse(ids).write({"stage_id": self.stages[stage]})

    def vals(self, i):
        return {
            "subject": f"Bench complaint {i}",
            "partner_id": self.customers[i % 50].id,
            "team_id": self.team.id,
            "description": "<p>Arrived broken.</p>",
            "channel": "web",
        }

    def create(self, env, vals_list):
        env["complaint.complaint"].with_user(self.agent).create(vals_list)


class Peer:
    name = "peer"

    def __init__(self, env):
        self.env = env
        ref = env.ref
        self.stages = {
            key: ref(f"helpdesk_mgmt.helpdesk_ticket_stage_{key}").id
            for key in ("new", "in_progress", "awaiting", "done", "cancelled")
        }
        self.stages["waiting"] = self.stages["awaiting"]
        self.customers = env["res.partner"].create(
            [{"name": f"Peer customer {i}", "email": f"peer{i}@bench.example.com"} for i in range(50)]
        )
        self.agent = env["res.users"].create(
            {
                "name": "Peer agent",
                "login": "peer_agent",
                "email": "peer-agent@bench.example.com",
                "groups_id": [(4, ref("helpdesk_mgmt.group_helpdesk_user_team").id)],
            }
        )
        others = env["res.users"].create(
            [
                {
                    "name": f"Peer colleague {i}",
                    "login": f"peer_colleague_{i}",
                    "groups_id": [(4, ref("helpdesk_mgmt.group_helpdesk_user_team").id)],
                }
                for i in range(3)
            ]
        )
        self.staff = self.agent | others
        self.team = env["helpdesk.ticket.team"].create(
            {"name": "Peer team", "user_ids": [(6, 0, self.staff.ids)], "use_sla": True}
        )
        self.sla = env["helpdesk.sla"].create(
            {
                "name": "Peer SLA",
                "team_ids": [(6, 0, self.team.ids)],
                "hours": 40,
                "stage_id": self.stages["done"],
                "ignore_stage_ids": [(6, 0, [self.stages["awaiting"]])],
            }
        )
        env.cr.commit()

    def fill_to(self, size):
        cr = self.env.cr
        cr.execute("SELECT coalesce(max(id), 0), count(*) FROM helpdesk_ticket")
        last_id, count = cr.fetchone()
        if size <= count:
            return
        s = self.stages
        cr.execute(
            """
            INSERT INTO helpdesk_ticket (
                number, name, description, stage_id, company_id, priority, kanban_state, partner_id,
                commercial_partner_id, partner_name, partner_email, user_id, team_id, unattended,
                last_stage_update, closed_date, active, create_uid, write_uid, create_date, write_date)
            SELECT 'HT' || g, 'Bulk ticket ' || g, '<p>Arrived broken.</p>', st, %(company)s, (g %% 4)::text,
                   'normal', p, p, 'Bulk customer', 'peer' || g || '@bench.example.com',
                   CASE WHEN g %% 3 = 0 THEN NULL ELSE (%(staff)s::int[])[1 + g %% 4] END,
                   CASE WHEN g %% 5 = 0 THEN NULL ELSE %(team)s END, st = %(new)s,
                   received, CASE WHEN st = ANY(%(closed)s) THEN received + interval '3 days' END,
                   true, 1, 1, received, received
              FROM generate_series(%(first)s, %(last)s) g,
                   LATERAL (SELECT (%(customers)s::int[])[1 + g %% 50] AS p,
                                   now() - ((g * 7919) %% 86400 || ' minutes')::interval AS received,
                                   (ARRAY[%(new)s, %(new)s, %(new)s, %(progress)s, %(progress)s, %(waiting)s,
                                          %(waiting)s, %(done)s, %(done)s, %(cancelled)s])[1 + g %% 10] AS st) x
        """,
            {
                "first": last_id + 1,
                "last": last_id + size - count,
                "company": self.env.company.id,
                "staff": self.staff.ids,
                "customers": self.customers.ids,
                "team": self.team.id,
                "new": s["new"],
                "progress": s["in_progress"],
                "waiting": s["awaiting"],
                "done": s["done"],
                "cancelled": s["cancelled"],
                "closed": [s["done"], s["cancelled"]],
            },
        )
        cr.execute(
            """
            INSERT INTO helpdesk_ticket_sla (
                ticket_id, sla_id, deadline, hours, expected_stage_id, consumed_time, last_state_date, state,
                create_uid, write_uid, create_date, write_date)
            SELECT t.id, %(sla)s, t.create_date + interval '5 days', 40, %(done)s,
                   CASE WHEN t.stage_id = %(waiting)s THEN 8 ELSE 0 END,
                   t.create_date,
                   CASE WHEN t.stage_id = %(waiting)s THEN 'on_hold'
                        WHEN t.stage_id IN (%(done)s, %(cancelled)s) THEN 'accomplished'
                        ELSE 'in_progress' END,
                   1, 1, now(), now()
              FROM helpdesk_ticket t WHERE t.team_id = %(team)s AND t.id > %(last_id)s
        """,
            {
                "sla": self.sla.id,
                "done": s["done"],
                "cancelled": s["cancelled"],
                "waiting": s["awaiting"],
                "team": self.team.id,
                "last_id": last_id,
            },
        )
        cr.commit()
        vacuum_analyze(cr.dbname, "helpdesk_ticket", "helpdesk_ticket_sla")
        self.env.invalidate_all()

    def kanban(self, env):
        first_load(env["helpdesk.ticket"].with_user(self.agent), [("closed", "=", False)], PEER_CARD)

    def failed_count(self, env):
        return env["helpdesk.ticket"].search_count([("closed", "=", False), ("sla_expired", "=", True)])

    def open_ids(self, stage, limit, offset=0):
        self.env.cr.execute(
            """
            SELECT id FROM helpdesk_ticket WHERE stage_id = %s AND team_id IS NOT NULL
             ORDER BY id LIMIT %s OFFSET %s""",
            [self.stages[stage], limit, offset],
        )
        return [row[0] for row in self.env.cr.fetchall()]

    def read_statuses(self, env, ids):
        env["helpdesk.ticket"].browse(ids).read(["sla_deadline", "sla_expired"])

    def stage_write(self, env, ids, stage):
        env["helpdesk.ticket"].with_user(self.agent).browse(ids).write({"stage_id": self.stages[stage]})

    def vals(self, i):
        return {
            "name": f"Bench ticket {i}",
            "partner_id": self.customers[i % 50].id,
            "team_id": self.team.id,
            "description": "<p>Arrived broken.</p>",
        }

    def create(self, env, vals_list):
        env["helpdesk.ticket"].with_user(self.agent).create(vals_list)


def fresh(env, fn):
    """Run `fn` with empty caches up to what a commit would run first (flush, mail tracking and
    the emails it sends), rolled back after it."""
    env.invalidate_all()
    env.cr.execute("SAVEPOINT bench")
    try:
        ms, queries = measure(lambda: (fn(), env.flush_all(), env.cr.precommit.run()))
    finally:
        env.cr.execute("ROLLBACK TO SAVEPOINT bench")
        env.cr.precommit.clear()
        env.cr.postcommit.clear()
        env.invalidate_all()
    return ms, queries


class Table:
    def __init__(self):
        self.rows = []

    def add(self, label, results, per=1, unit="ms"):
        """results: {"ours": [(ms, queries)...], "peer": [...]}: medians per record."""
        cells = {}
        for side, runs in results.items():
            ms = statistics.median(run[0] for run in runs) / per
            queries = statistics.median(run[1] for run in runs) / per
            cells[side] = (ms, queries)
        ours = cells["ours"]
        peer = cells.get("peer")

        def show(cell):
            if unit == "s":
                return f"{cell[0] / 1000:.2f} s, {cell[1]:.1f} q"
            return f"{cell[0]:.1f} ms, {cell[1]:.1f} q"

        ratio = f"{ours[0] / peer[0]:.2f}" if peer else ""
        self.rows.append((label, show(ours), show(peer) if peer else "(no counterpart)", ratio))

    def print(self):
        header = ("work", "ours", "peer", "ours / peer")
        widths = [max(len(str(row[i])) for row in [header, *self.rows]) for i in range(4)]
        for index, row in enumerate([header, *self.rows]):
            print(
                " | ".join(
                    str(cell).ljust(widths[i]) if i == 0 else str(cell).rjust(widths[i]) for i, cell in enumerate(row)
                )
            )
            if index == 0:
                print("-|-".join("-" * width for width in widths))


def interleave(sides, fn):
    results = {side.name: [] for side in sides}
    for _round in range(ROUNDS):
        for side in sides:
            results[side.name].append(fn(side, _round))
    return results


def main():
    registry = new_database()
    table = Table()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"mail_notify_force_send": False})
        ours, peer = Ours(env), Peer(env)
        sides = (ours, peer)
        for size in SIZES:
            for side in sides:
                side.fill_to(size)
            for side in sides:  # warm the registry caches, as a running server has them
                fresh(env, lambda side=side: side.kanban(env))
            table.add(
                f"kanban first load, {size:,}", interleave(sides, lambda side, _r: fresh(env, lambda: side.kanban(env)))
            )
        size = SIZES[-1]
        table.add(
            f"'SLA failed' filter count over open records, {size:,}",
            interleave(sides, lambda side, _r: fresh(env, lambda: side.failed_count(env))),
        )
        for side in sides:
            side.status_ids = side.open_ids("in_progress", STATUS_READ // 2) + side.open_ids("new", STATUS_READ // 2)
        table.add(
            f"SLA status read for {STATUS_READ:,} open records, {size:,}",
            interleave(sides, lambda side, _r: fresh(env, lambda: side.read_statuses(env, side.status_ids))),
            unit="s",
        )
        for source, target in (("in_progress", "waiting"), ("waiting", "in_progress"), ("new", "in_progress")):
            table.add(
                f"stage write {source} -> {target}, {STAGE_WRITE:,} open SLA records, per record",
                interleave(
                    sides,
                    lambda side, r, s=source, t=target: fresh(
                        env, lambda: side.stage_write(env, side.open_ids(s, STAGE_WRITE, r * STAGE_WRITE), t)
                    ),
                ),
                per=STAGE_WRITE,
            )
        table.add(
            "create, batch of 1 000, per record",
            interleave(
                sides, lambda side, r: fresh(env, lambda: side.create(env, [side.vals(i) for i in range(1000)]))
            ),
            per=1000,
        )

        # as the form's request does: the visitor's language in the context
        web = env(context=dict(env.context, lang="en_US"))

        def one_by_one(side, _round, n=100):
            total_ms = total_q = 0
            for i in range(n):
                web.invalidate_all()
                ms, queries = measure(lambda i=i: (side.create(web, side.vals(i)), web.flush_all(), cr.commit()))
                total_ms += ms
                total_q += queries
            return total_ms, total_q

        table.add("create one by one + COMMIT (web form path), per record", interleave(sides, one_by_one), per=100)
        table.print()


if __name__ == "__main__":
    main()
