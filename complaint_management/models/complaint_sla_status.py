from odoo import api, fields, models
from odoo.tools import SQL

from .complaint_sla_policy import SLA_TARGETS, TARGETS

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
    escalation_ids = fields.Many2many(
        "complaint.sla.escalation", string="Escalations Done", readonly=True, copy=False)
    next_escalation_date = fields.Datetime(
        index=True, readonly=True, copy=False, help="When the next escalation level of this target fires.")
    status = fields.Selection(
        SLA_STATUSES, compute="_compute_status", search="_search_status")
    exceeded_hours = fields.Float(compute="_compute_exceeded_hours", help="Hours past the deadline (policy's clock).")

    _sql_constraints = [
        ("complaint_policy_target_uniq", "unique (complaint_id, policy_id, target)",
         "A complaint has one status per SLA policy and target."),
    ]

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
        for sla in self:
            # 0 when on time or without a deadline
            sla.exceeded_hours = sla.policy_id._hours_between(sla.deadline, sla.reached_date or now)

    def _search_status(self, operator, value):
        if operator not in ("=", "!=", "in", "not in"):
            raise NotImplementedError(self.env._("Unsupported search on the SLA status."))
        values = {value} if operator in ("=", "!=") else set(value)
        conditions = {
            "met": SQL("reached_date IS NOT NULL AND (deadline IS NULL OR reached_date <= deadline)"),
            "failed": SQL("deadline < coalesce(reached_date, %s)", fields.Datetime.now()),
            "ongoing": SQL("reached_date IS NULL AND (deadline IS NULL OR deadline >= %s)", fields.Datetime.now()),
        }
        chosen = [conditions[key] for key in values if key in conditions] or [SQL("FALSE")]
        self.flush_model(["deadline", "reached_date"])
        # a subquery of the search's own query: no ids go through Python
        matching = SQL("(SELECT id FROM complaint_sla_status WHERE %s)", SQL(" OR ").join(
            SQL("(%s)", condition) for condition in chosen))
        return [("id", "not in" if operator in ("!=", "not in") else "in", matching)]

    # ------------------------------------------------------------
    # CLOCK
    # ------------------------------------------------------------

    def _target_hours(self):
        self.ensure_one()
        return self.policy_id[TARGETS[self.target]]

    def _compute_deadline(self):
        for sla in self.filtered(lambda s: not s.paused_since):
            sla.deadline = sla.policy_id._add_hours(
                sla.complaint_id.date_received, sla._target_hours() + sla.paused_hours)

    def _description_target(self):
        self.ensure_one()
        return dict(self._fields["target"]._description_selection(self.env))[self.target]

    def _level_time(self, level):
        """When `level` fires on this target: its share of the target's time used, pauses added."""
        return self.policy_id._add_hours(
            self.complaint_id.date_received, self._target_hours() * level.percent / 100 + self.paused_hours)

    def _pending_levels(self):
        self.ensure_one()
        return self.policy_id.escalation_ids.filtered(lambda level: level.target == self.target) - self.escalation_ids

    def _schedule_escalation(self):
        """Set when the next escalation level fires (none once reached or while paused)."""
        for sla in self:
            levels = sla._pending_levels() if not sla.reached_date and not sla.paused_since else []
            next_date = min((sla._level_time(level) for level in levels), default=False)
            if sla.next_escalation_date != next_date:
                sla.next_escalation_date = next_date

    def _escalate(self, now):
        """Fire the levels that are due, each once; a hand-over to another team comes last."""
        self.ensure_one()
        due = self._pending_levels().filtered(lambda level: self._level_time(level) <= now)
        self.escalation_ids |= due
        complaint = self.complaint_id
        for level in due.sorted(lambda level: (bool(level.escalation_team_id), level.percent)):
            level._fire(complaint, self)

    @api.model
    def _cron_escalate(self, batch_size=200):
        """Fire the escalation levels that are due, a batch at a time. Rows are locked and skipped
        when another worker holds them, so two workers never fire the same level."""
        now = fields.Datetime.now()
        self.flush_model(["next_escalation_date"])
        rows = self.env.execute_query(SQL("""
            SELECT id FROM complaint_sla_status
             WHERE next_escalation_date <= %s
             ORDER BY next_escalation_date, id
             LIMIT %s
               FOR UPDATE SKIP LOCKED""", now, batch_size))
        slas = self.browse([row[0] for row in rows])
        for sla in slas:
            sla._escalate(now)
        slas = slas.exists()
        slas._schedule_escalation()
        done = len(slas)
        remaining = self.search_count([("next_escalation_date", "<=", now)]) if len(rows) == batch_size else 0
        self.env["ir.cron"]._notify_progress(done=done, remaining=remaining)
        self._arm_escalation_cron()

    @api.model
    def _arm_escalation_cron(self):
        """Have the escalation cron run when the next level of any complaint is due."""
        self.search([("next_escalation_date", "!=", False)], order="next_escalation_date", limit=1)._arm()

    def _arm(self):
        """Have the escalation cron run when the first of these targets' next levels is due."""
        dates = [date for date in self.mapped("next_escalation_date") if date]
        cron = self.env.ref("complaint_management.ir_cron_complaint_sla_escalate", raise_if_not_found=False)
        if dates and cron:
            cron._trigger(at=min(dates))

    def _update_reached(self):
        """Mark targets reached (or not, after a reopen) from the complaint's dates: acknowledged,
        and resolved or closed."""
        for sla in self:
            complaint = sla.complaint_id
            # a complaint closed without a resolution (not upheld) was decided when it closed
            reached = complaint.date_acknowledged if sla.target == "acknowledge" else (
                complaint.date_resolved or complaint.date_closed)
            if sla.reached_date != reached:
                sla.reached_date = reached

    def _update_pause(self, now):
        """Stop the clock of targets whose complaint is in a pause stage (unless already overdue),
        restart the others."""
        for sla in self.filtered(lambda s: not s.reached_date):
            paused = sla.complaint_id.stage_id in sla.policy_id.pause_stage_ids
            if paused and not sla.paused_since and sla.deadline and sla.deadline < now:
                continue  # already failed: waiting for the customer now does not undo it
            if paused and not sla.paused_since:
                sla.write({"paused_since": now, "deadline": False})
            elif not paused and sla.paused_since:
                sla.paused_hours += sla.policy_id._hours_between(sla.paused_since, now)
                sla.paused_since = False
                sla._compute_deadline()

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
            stale |= self.browse([
                sla.id for key, sla in existing.items() if key not in wanted and not sla.reached_date])
            to_create += [
                {"complaint_id": complaint.id, "policy_id": policy.id, "target": target}
                for policy, target in wanted - existing.keys()]
        stale.unlink()
        self.create(to_create)
        slas = complaints.sla_status_ids
        slas._update_reached()
        slas.filtered(lambda s: not s.reached_date)._compute_deadline()
        slas._update_pause(now)
        slas._schedule_escalation()
        slas._arm()
