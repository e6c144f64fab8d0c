from odoo import fields, models
from odoo.tools import SQL

from ..models.complaint_sla_policy import SLA_TARGETS
from ..models.complaint_sla_status import SLA_STATUSES


class ComplaintSlaReport(models.Model):
    """One row per SLA target of a complaint, its outcome worked out when read: pivot and graph
    of SLA compliance by team, policy, target and month."""

    _name = "complaint.sla.report"
    _description = "SLA Analysis"
    _auto = False
    _order = "date_received desc, id desc"
    _rec_name = "complaint_id"

    complaint_id = fields.Many2one("complaint.complaint", readonly=True)
    policy_id = fields.Many2one("complaint.sla.policy", string="SLA Policy", readonly=True)
    target = fields.Selection(SLA_TARGETS, readonly=True)
    team_id = fields.Many2one("complaint.team", readonly=True)
    user_id = fields.Many2one("res.users", string="Assigned To", readonly=True)
    category_id = fields.Many2one("complaint.category", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    date_received = fields.Datetime(string="Received On", readonly=True)
    deadline = fields.Datetime(readonly=True)
    reached_date = fields.Datetime(string="Reached On", readonly=True)
    status = fields.Selection(SLA_STATUSES, readonly=True)
    compliance = fields.Float(
        string="SLA Compliance (%)",
        aggregator="avg",
        readonly=True,
        help="Share of the targets reached in time among those met or failed (ongoing ones left out).",
    )
    hours_late = fields.Float(
        aggregator="avg",
        readonly=True,
        help="Hours between the deadline and the target's reaching (or now), round the clock; 0 when in time.",
    )

    _depends = {
        "complaint.sla.status": ["complaint_id", "policy_id", "target", "deadline", "reached_date"],
        "complaint.complaint": ["team_id", "user_id", "category_id", "company_id", "date_received", "active"],
    }

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT s.id, s.complaint_id, s.policy_id, s.target, s.deadline, s.reached_date,
                   c.team_id, c.user_id, c.category_id, c.company_id, c.date_received,
                   CASE WHEN s.deadline < coalesce(s.reached_date, %(now)s) THEN 'failed'
                        WHEN s.reached_date IS NOT NULL THEN 'met'
                        ELSE 'ongoing' END AS status,
                   CASE WHEN s.deadline < coalesce(s.reached_date, %(now)s) THEN 0.0
                        WHEN s.reached_date IS NOT NULL THEN 100.0 END AS compliance,
                   CASE WHEN s.deadline < coalesce(s.reached_date, %(now)s)
                        THEN extract(epoch FROM coalesce(s.reached_date, %(now)s) - s.deadline) / 3600.0
                        ELSE 0.0 END AS hours_late
              FROM complaint_sla_status s
              JOIN complaint_complaint c ON c.id = s.complaint_id
             WHERE c.active
        """,
            now=fields.Datetime.now(),
        )
