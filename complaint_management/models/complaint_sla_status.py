from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models, tools
from odoo.tools import SQL

from ..tools.cron_batches import claim, isolate_failures, wake
from ..tools.work_clock import WorkClock
from .complaint_sla_policy import SLA_TARGETS, TARGETS

PLANNING_SPAN = timedelta(days=14)
SLA_STATUSES = [("ongoing", "Ongoing"), ("met", "Met"), ("failed", "Failed")]


class ComplaintSlaStatus(models.Model):
    """One target (acknowledgement or resolution) of one SLA policy on one complaint.

    The clock counts the policy's hours from receipt; time spent in the policy's pause stages is
    added back: deadline = receipt + target hours + paused hours, on the policy's clock."""

    _name = "complaint.sla.status"
    _description = "Complaint SLA Status"
    _order = "deadline, id"
    _rec_name = "policy_id"

    complaint_id = fields.Many2one("complaint.complaint", required=True, index=True, ondelete="cascade")
    policy_id = fields.Many2one("complaint.sla.policy", required=True, index=True, ondelete="cascade")
    target = fields.Selection(SLA_TARGETS, required=True)
    deadline = fields.Datetime(index=True, help="Empty while the clock is paused.")
    reached_date = fields.Datetime(string="Reached On")
    paused_since = fields.Datetime()
    paused_hours = fields.Float(help="Hours of the policy's clock spent paused, added to the target.")
    remaining_hours = fields.Float(
        help="Hours of the target's time left when its clock stopped: planned from the restart."
    )
    escalation_ids = fields.Many2many("complaint.sla.escalation", string="Escalations Done", readonly=True, copy=False)
    next_escalation_date = fields.Datetime(
        index=True, readonly=True, copy=False, help="When the next escalation level of this target fires."
    )
    status = fields.Selection(SLA_STATUSES, compute="_compute_status", search="_search_status")
    exceeded_hours = fields.Float(compute="_compute_exceeded_hours", help="Hours past the deadline (policy's clock).")

    _sql_constraints = [
        (
            "complaint_policy_target_uniq",
            "unique (complaint_id, policy_id, target)",
            "A complaint has one status per SLA policy and target.",
        ),
    ]

    def init(self):
        # what "failed" reads (see _failed_condition): the targets reached late, the open ones by deadline
        tools.create_index(
            self.env.cr,
            "complaint_sla_status_reached_late_index",
            self._table,
            ["complaint_id"],
            where="reached_date > deadline",
        )
        tools.create_index(
            self.env.cr,
            "complaint_sla_status_open_deadline_index",
            self._table,
            ["deadline", "complaint_id"],
            where="reached_date IS NULL",
        )

    @api.model
    def _failed_condition(self, now):
        """SQL: a target failed, reached after its deadline or still open past it (each side
        answered by an index of its own, see init)."""
        return SQL("(reached_date > deadline OR (reached_date IS NULL AND deadline < %s))", now)

    @api.depends("deadline", "reached_date")
    def _compute_status(self):
        now = fields.Datetime.now()
        for sla in self:
            end = sla.reached_date or now
            late = bool(sla.deadline) and end > sla.deadline
            sla.status = "failed" if late else ("met" if sla.reached_date else "ongoing")

    @api.depends("deadline", "reached_date")
    def _compute_exceeded_hours(self):
        # apart from the status: reading a status (SLA Failed on a list) counts no working hours
        now = fields.Datetime.now()
        clocks = self._work_clocks(lambda sla: (sla.deadline, sla.reached_date or now))
        for sla in self:
            # 0 when on time or without a deadline
            sla.exceeded_hours = clocks[sla.policy_id].hours_between(sla.deadline, sla.reached_date or now)

    def _search_status(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise NotImplementedError(self.env._("Unsupported search on the SLA status."))
        values = {value} if operator in ("=", "!=") else set(value)
        conditions = {
            "met": SQL("reached_date IS NOT NULL AND (deadline IS NULL OR reached_date <= deadline)"),
            "failed": self._failed_condition(fields.Datetime.now()),
            "ongoing": SQL("reached_date IS NULL AND (deadline IS NULL OR deadline >= %s)", fields.Datetime.now()),
        }
        chosen = [conditions[key] for key in values if key in conditions] or [SQL("FALSE")]
        self.flush_model(["deadline", "reached_date"])
        # a subquery of the search's own query: no ids go through Python
        matching = SQL(
            "(SELECT id FROM complaint_sla_status WHERE %s)",
            SQL(" OR ").join(SQL("(%s)", condition) for condition in chosen),
        )
        return [("id", "not in" if operator in ("!=", "not in") else "in", matching)]

    # ------------------------------------------------------------
    # CLOCK
    # ------------------------------------------------------------
    # Every method below plans a whole batch of statuses on clocks (see WorkClock) that compute
    # each calendar's work intervals once for the batch.

    def _work_clocks(self, span):
        """{policy: its WorkClock} for these statuses' policies, each knowing the work intervals
        over the moments `span(sla)` gives (see _policy_clocks)."""
        return self._policy_clocks((sla.policy_id, span(sla)) for sla in self)

    @api.model
    def _policy_clocks(self, pairs):
        """{policy: its WorkClock}, one clock per calendar, each knowing the work intervals over the
        moments given with its policies in `pairs` (policy, moments), and two weeks after them (the
        time to plan targets in)."""
        clocks, moments = {}, defaultdict(list)
        policies = self.env["complaint.sla.policy"]
        for policy, policy_moments in pairs:
            calendar = policy._calendar()
            clocks.setdefault(calendar, WorkClock(calendar))
            moments[calendar] += [moment for moment in policy_moments if moment]
            policies |= policy
        for calendar, known in moments.items():
            if known:
                clocks[calendar].cover(min(known), max(known) + PLANNING_SPAN)
        return {policy: clocks[policy._calendar()] for policy in policies}

    def _target_hours(self):
        self.ensure_one()
        return self.policy_id[TARGETS[self.target]]

    def _plan_deadlines(self, clocks):
        """Plan the deadline of running targets from the receipt: target hours and hours paused."""
        for sla in self.filtered(lambda s: not s.paused_since):
            start, hours = sla.complaint_id.date_received, sla._target_hours() + sla.paused_hours
            sla.deadline = clocks[sla.policy_id].add_hours(start, hours)

    def _description_target(self):
        self.ensure_one()
        return dict(self._fields["target"]._description_selection(self.env))[self.target]

    def _level_time(self, level, clock):
        """When `level` fires on this running target (see _level_moment)."""
        return self._level_moment(clock, self.deadline, self._target_hours(), level.percent)

    @api.model
    def _level_moment(self, clock, deadline, target_hours, percent):
        """When a level fires at `percent` of a target's time used: when the rest of that time is
        left before the deadline."""
        left = target_hours * (100 - percent) / 100
        if left < 0:  # a level past the deadline
            return clock.add_hours(deadline, -left)
        return clock.moment_left(deadline, left)

    def _pending_levels(self):
        self.ensure_one()
        return self.policy_id.escalation_ids.filtered(lambda level: level.target == self.target) - self.escalation_ids

    def _schedule_escalation(self, clocks):
        """Set when the next escalation level fires (none once reached or while paused)."""
        for sla in self:
            running = sla.deadline and not sla.reached_date and not sla.paused_since
            levels = sla._pending_levels() if running else []
            next_date = min((sla._level_time(level, clocks[sla.policy_id]) for level in levels), default=False)
            if sla.next_escalation_date != next_date:
                sla.next_escalation_date = next_date

    def _escalate(self, now):
        """Fire the levels that are due on these statuses, each once, level by level for all of
        them; hand-overs to another team come last."""
        clocks = self._work_clocks(lambda sla: (sla.complaint_id.date_received, sla.deadline))
        due = defaultdict(list)  # level: statuses it fires on
        for sla in self.filtered("deadline"):
            for level in sla._pending_levels():
                if sla._level_time(level, clocks[sla.policy_id]) <= now:
                    due[level].append(sla.id)
        told = defaultdict(list)  # partner: [(complaint, note)] to tell them of, once for the batch
        for level in sorted(due, key=lambda level: (bool(level.escalation_team_id), level.percent)):
            slas = self.browse(due[level])
            slas.escalation_ids = [Command.link(level.id)]
            level._fire(slas, told)
        self.env["complaint.sla.escalation"]._notify_people(told)

    @api.model
    def _cron_escalate(self, batch_size=200):
        """Fire the escalation levels that are due, a batch at a time, claimed (see claim): two
        workers never fire the same level."""
        now = fields.Datetime.now()
        slas = claim(self, [("next_escalation_date", "<=", now)], batch_size, "next_escalation_date, id")
        claimed = len(slas)

        def escalate(slas):
            slas._escalate(now)
            slas = slas.exists()
            slas._schedule_escalation(slas._work_clocks(lambda sla: (sla.complaint_id.date_received, sla.deadline)))

        isolate_failures(
            slas,
            escalate,
            lambda env: env._("the SLA escalation"),
            lambda sla: self.env["complaint.complaint"]._failure_reported_on(sla.complaint_id),
        )
        done = len(slas.exists())
        remaining = self.search_count([("next_escalation_date", "<=", now)]) if claimed == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        self._arm_escalation_cron()

    @api.model
    def _arm_escalation_cron(self):
        """Have the escalation cron run when the next level of any complaint is due."""
        self.search([("next_escalation_date", "!=", False)], order="next_escalation_date", limit=1)._arm()

    def _arm(self):
        """Have the escalation cron run when the first of these targets' next levels is due."""
        dates = [date for date in self.mapped("next_escalation_date") if date]
        if dates:
            wake(self.env, "ir_cron_complaint_sla_escalate", min(dates))

    def _update_reached(self):
        """Mark targets reached (or not, after a reopen) from the complaint's dates: acknowledged,
        and resolved or closed."""
        for sla in self:
            complaint = sla.complaint_id
            # a complaint closed without a resolution (not upheld) was decided when it closed
            reached = (
                complaint.date_acknowledged
                if sla.target == "acknowledge"
                else (complaint.date_resolved or complaint.date_closed)
            )
            if sla.reached_date != reached:
                sla.reached_date = reached

    def _update_pause(self, now, clocks):
        """Stop the clock of targets whose complaint is in a pause stage (unless already overdue),
        keeping the hours left; restart the others, planning the hours left from now."""
        for sla in self.filtered(lambda s: not s.reached_date):
            clock = clocks[sla.policy_id]
            # an archived pause stage still pauses the complaints left in it (and is not read for it)
            pause_stages = sla.policy_id.with_context(active_test=False).pause_stage_ids
            paused = sla.complaint_id.stage_id in pause_stages
            if paused and not sla.paused_since and sla.deadline and sla.deadline < now:
                continue  # already failed: waiting for the customer now does not undo it
            if paused and not sla.paused_since:
                sla.write(
                    {"paused_since": now, "remaining_hours": clock.hours_between(now, sla.deadline), "deadline": False}
                )
            elif not paused and sla.paused_since:
                sla.write(
                    {
                        "paused_hours": sla.paused_hours + clock.hours_between(sla.paused_since, now),
                        "paused_since": False,
                        "remaining_hours": 0,
                        "deadline": clock.add_hours(now, sla.remaining_hours),
                    }
                )

    def _follow_complaints(self, now):
        """Keep these statuses in step with their complaints' stage and dates."""
        self._update_reached()
        clocks = self._work_clocks(lambda sla: (sla.paused_since or now, sla.deadline or now))
        self._update_pause(now, clocks)
        self._schedule_escalation(clocks)
        self._arm()

    @api.model
    def _new_status_values(self, new_statuses, clocks):
        """The values of statuses to create, (complaint, policy, target) triples, planned as a
        running clock from the receipt (inserted planned, not planned after: no second write)."""
        values = []
        for complaint, policy, target in new_statuses:
            clock, hours = clocks[policy], policy[TARGETS[target]]
            deadline = clock.add_hours(complaint.date_received, hours)
            levels = policy.escalation_ids.filtered(lambda level, t=target: level.target == t)
            values.append(
                {
                    "complaint_id": complaint.id,
                    "policy_id": policy.id,
                    "target": target,
                    "deadline": deadline,
                    "next_escalation_date": min(
                        (self._level_moment(clock, deadline, hours, level.percent) for level in levels), default=False
                    ),
                }
            )
        return values

    @api.model
    def _sync(self, complaints):
        """Give each complaint one status per applicable policy and target, drop those of policies
        that no longer apply (unless reached), and recompute the open deadlines."""
        now = fields.Datetime.now()
        to_create = []
        stale = self.browse()
        for complaint, policies in self.env["complaint.sla.policy"]._for_complaints(complaints).items():
            wanted = {(policy, target) for policy in policies for target, _hours in policy._targets()}
            existing = {(sla.policy_id, sla.target): sla for sla in complaint.sla_status_ids}
            stale |= self.browse(
                [sla.id for key, sla in existing.items() if key not in wanted and not sla.reached_date]
            )
            to_create += [(complaint, policy, target) for policy, target in wanted - existing.keys()]
        stale.unlink()
        # one clock per calendar for the new statuses and the others
        clocks = self._policy_clocks(
            [
                *((policy, (complaint.date_received, now)) for complaint, policy, _target in to_create),
                *(
                    (sla.policy_id, (sla.complaint_id.date_received, sla.paused_since, now))
                    for sla in complaints.sla_status_ids - stale
                ),
            ]
        )
        new = self.create(self._new_status_values(to_create, clocks))
        slas = complaints.sla_status_ids
        slas._update_reached()
        # the new ones are planned already
        (slas - new).filtered(lambda s: not s.reached_date)._plan_deadlines(clocks)
        slas._update_pause(now, clocks)
        slas._schedule_escalation(clocks)
        slas._arm()
