from datetime import timedelta

from odoo import api, fields, models

from .complaint_complaint import STAFF

# what decides which SLA policies apply to a complaint, and its deadlines
SLA_FIELDS = {"team_id", "category_id", "severity", "channel", "partner_id", "date_received"}
SLA_AT_RISK_HOURS = 24


class ComplaintComplaint(models.Model):
    """The service level of complaints: the deadlines their SLA targets promise the customer, the
    next of them, and whether one was missed or is at risk. The targets themselves are SLA
    statuses (complaint.sla.status), kept in step with the complaint by every create and write."""

    _inherit = "complaint.complaint"  # pylint: disable=consider-merging-classes-inherited

    date_response_promised = fields.Datetime(
        string="Response Promised By",
        compute="_compute_promised_dates",
        compute_sudo=True,
        help="When the customer was promised an acknowledgement: the earliest deadline of its SLA targets.",
    )
    date_resolution_promised = fields.Datetime(
        string="Resolution Promised By",
        compute="_compute_promised_dates",
        compute_sudo=True,
        help="When the customer was promised a resolution: the earliest deadline of its SLA targets.",
    )
    sla_status_ids = fields.One2many("complaint.sla.status", "complaint_id", string="SLA Statuses", groups=STAFF)
    sla_deadline = fields.Datetime(
        string="Next SLA Deadline",
        compute="_compute_sla_deadline",
        store=True,
        index=True,
        groups=STAFF,
        help="The earliest deadline of the SLA targets not reached yet (none while paused).",
    )
    sla_missed = fields.Boolean(
        compute="_compute_sla_deadline",
        store=True,
        groups=STAFF,
        export_string_translation=False,
        help="A target was reached after its deadline.",
    )
    sla_failed = fields.Boolean(
        string="SLA Failed", compute="_compute_sla_flags", search="_search_sla_failed", groups=STAFF
    )
    sla_at_risk = fields.Boolean(
        string="SLA at Risk",
        compute="_compute_sla_flags",
        search="_search_sla_at_risk",
        groups=STAFF,
        help=f"A target not reached yet is due within {SLA_AT_RISK_HOURS} hours.",
    )

    @api.depends("sla_status_ids.deadline")
    def _compute_promised_dates(self):
        """The deadlines of the complaint's SLA targets (its team's standard promise, or the policies
        that replace it), the earliest of each kind: what the card, the form, the portal and the
        acknowledgement all show."""
        for complaint in self:
            # sudo: only the deadlines of the complaint's own SLA targets, which customers are promised
            deadlines = {
                target: [
                    sla.deadline for sla in complaint.sudo().sla_status_ids if sla.target == target and sla.deadline
                ]
                for target in ("acknowledge", "resolve")
            }
            complaint.date_response_promised = min(deadlines["acknowledge"], default=False)
            complaint.date_resolution_promised = min(deadlines["resolve"], default=False)

    @api.depends("sla_status_ids.deadline", "sla_status_ids.reached_date")
    def _compute_sla_deadline(self):
        """The next deadline of the targets not reached yet, and whether one was reached late."""
        for complaint in self:
            deadlines = [sla.deadline for sla in complaint.sla_status_ids if sla.deadline and not sla.reached_date]
            complaint.sla_deadline = min(deadlines, default=False)
            complaint.sla_missed = any(
                sla.reached_date and sla.deadline and sla.reached_date > sla.deadline
                for sla in complaint.sla_status_ids
            )

    @api.depends("sla_deadline", "sla_missed")
    def _compute_sla_flags(self):
        """Failed: a target reached late, or one still open past its deadline (the next deadline
        passed). Both parts are stored on the complaint, so the filter reads its table only."""
        now = fields.Datetime.now()
        for complaint in self:
            complaint.sla_failed = complaint.sla_missed or bool(complaint.sla_deadline) and complaint.sla_deadline < now
            complaint.sla_at_risk = bool(complaint.sla_deadline) and (
                now <= complaint.sla_deadline <= now + timedelta(hours=SLA_AT_RISK_HOURS)
            )

    def _search_sla_failed(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Unsupported search on SLA Failed."))
        now = fields.Datetime.now()
        if (operator == "=") == value:
            return ["|", ("sla_missed", "=", True), ("sla_deadline", "<", now)]
        return [("sla_missed", "!=", True), "|", ("sla_deadline", "=", False), ("sla_deadline", ">=", now)]

    def _search_sla_at_risk(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise NotImplementedError(self.env._("Unsupported search on SLA at Risk."))
        now = fields.Datetime.now()
        domain = [("sla_deadline", ">=", now), ("sla_deadline", "<=", now + timedelta(hours=SLA_AT_RISK_HOURS))]
        return domain if (operator == "=") == value else ["!", "&", *domain]

    def _sla_follow(self, vals):
        """Keep the SLA statuses in step with a write of `vals`."""
        # sudo: SLA statuses are kept by the system; complaint users only read them
        SlaStatus = self.env["complaint.sla.status"].sudo()
        if SLA_FIELDS.intersection(vals):
            SlaStatus._sync(self.sudo())
        elif {"stage_id", "date_acknowledged", "date_resolved"}.intersection(vals):
            self.sudo().sla_status_ids._follow_complaints(fields.Datetime.now())
