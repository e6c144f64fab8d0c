from odoo import api, fields, models
from odoo.exceptions import UserError

from .complaint_complaint import CHANNELS, SEVERITIES

SEVERITY_RANK = {key: rank for rank, (key, _label) in enumerate(SEVERITIES)}
SLA_TARGETS = [("acknowledge", "Acknowledgement"), ("resolve", "Resolution")]
# target -> policy field holding its hours
TARGETS = {"acknowledge": "acknowledge_hours", "resolve": "resolve_hours"}
# what a team's standard promise keeps: it covers all the team's complaints, set from the team's form
STANDARD_FIXED_FIELDS = {"team_id", "category_ids", "severity", "channel", "partner_tag_ids", "is_team_standard"}


class ComplaintSlaPolicy(models.Model):
    _name = "complaint.sla.policy"
    _description = "Complaint SLA Policy"
    _order = "sequence, id"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    team_id = fields.Many2one("complaint.team", required=True, index=True, ondelete="cascade", check_company=True)
    company_id = fields.Many2one(related="team_id.company_id", store=True, index=True)

    # the complaints it applies to (an empty filter matches every complaint of the team)
    category_ids = fields.Many2many(
        "complaint.category", string="Categories", help="Also applies to their subcategories."
    )
    severity = fields.Selection(SEVERITIES, string="Minimum Severity")
    channel = fields.Selection(CHANNELS)
    partner_tag_ids = fields.Many2many("res.partner.category", string="Customer Tags")

    # targets
    acknowledge_hours = fields.Float(string="Acknowledge Within (hours)", help="0: no acknowledgement target.")
    resolve_hours = fields.Float(string="Resolve Within (hours)", help="0: no resolution target.")
    working_hours = fields.Boolean(
        string="Working Hours Only",
        default=True,
        help="Count the team's working hours (public holidays excluded); otherwise the clock runs round the clock.",
    )
    pause_stage_ids = fields.Many2many(
        "complaint.stage",
        string="Paused In Stages",
        help="The clock stops while a complaint is in these stages, e.g. waiting for the customer.",
    )

    escalation_ids = fields.One2many("complaint.sla.escalation", "policy_id", string="Escalation Levels")
    is_team_standard = fields.Boolean(
        string="Team's Standard Promise",
        readonly=True,
        copy=False,
        help="The promise set on the team's form: it covers the team's complaints that no other policy covers.",
    )

    _sql_constraints = [
        ("acknowledge_hours_positive", "CHECK (acknowledge_hours >= 0)", "Target hours cannot be negative."),
        ("resolve_hours_positive", "CHECK (resolve_hours >= 0)", "Target hours cannot be negative."),
    ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_policy_values(vals)
        return super().create(vals_list)

    def write(self, vals):
        if (
            self.filtered("is_team_standard")
            and STANDARD_FIXED_FIELDS & vals.keys()
            and not self.env.context.get("complaint_standard_policy")
        ):
            raise UserError(
                self.env._(
                    "A team's standard promise covers all the team's complaints: set its hours on the team's form, "
                    "and add a policy of its own for some of them."
                )
            )
        self._check_policy_values(vals)
        return super().write(vals)

    def _check_policy_values(self, vals):
        """Only the team's form makes a standard promise, and a policy goes to a team the user may
        manage: its company follows the team's (so no company check can catch a move)."""
        if vals.get("is_team_standard") and not self.env.context.get("complaint_standard_policy"):
            raise UserError(self.env._("A team's standard promise is set on the team's form."))
        if vals.get("team_id"):
            self.env["complaint.team"].browse(vals["team_id"]).check_access("write")

    def _name_standard_promise(self, langs):
        """Name these standard policies in `langs`, as the policy lists show them to each reader."""
        names = {lang: self.with_context(lang=lang).env._("Standard promise") for lang in langs}
        for policy in self:
            policy.update_field_translations("name", names)

    # ------------------------------------------------------------
    # BUSINESS
    # ------------------------------------------------------------

    def _applies_to(self, complaint):
        """Whether this policy covers `complaint` (its team's policies only)."""
        self.ensure_one()
        return (
            complaint.team_id == self.team_id
            and (not self.category_ids or self._covers_category(complaint.category_id))
            and (not self.severity or SEVERITY_RANK[complaint.severity] >= SEVERITY_RANK[self.severity])
            and (not self.channel or complaint.channel == self.channel)
            and (not self.partner_tag_ids or bool(complaint.partner_id.category_id & self.partner_tag_ids))
        )

    def _covers_category(self, category):
        """Whether `category` is one of the policy's categories or below one of them."""
        ancestors = {int(node) for node in (category.parent_path or "").split("/") if node}
        return bool(ancestors & set(self.category_ids.ids))

    def _targets(self):
        """(target, hours) pairs this policy sets."""
        self.ensure_one()
        return [(target, self[field]) for target, field in TARGETS.items() if self[field] > 0]

    def _calendar(self):
        self.ensure_one()
        return self.team_id.resource_calendar_id if self.working_hours else self.env["resource.calendar"]

    @api.model
    def _for_complaints(self, complaints):
        """{complaint: policies that apply to it}: those of its team whose filters it matches, else
        the team's standard promise."""
        policies = self.search([("team_id", "in", complaints.team_id.ids)]) if complaints.team_id else self
        applying = {complaint: policies.filtered(lambda p, c=complaint: p._applies_to(c)) for complaint in complaints}
        # the team's standard promise covers what no other policy of the team does
        return {
            complaint: found.filtered(lambda p: not p.is_team_standard) or found
            for complaint, found in applying.items()
        }
