from odoo import api, fields, models
from odoo.exceptions import UserError


class ComplaintStage(models.Model):
    _name = "complaint.stage"
    _description = "Complaint Stage"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)
    fold = fields.Boolean(string="Folded in Kanban")
    is_resolved = fields.Boolean(
        string="Resolution Stage", help="Complaints reaching this stage count as resolved (resolution date set)."
    )
    is_closed = fields.Boolean(
        string="Closing Stage", help="Complaints in this stage are closed (closing date set, no longer open)."
    )
    is_waiting = fields.Boolean(
        string="Waiting for Customer",
        help="Complaints in this stage wait on the customer: they are reminded, then the complaint is closed, "
        "after the team's number of days.",
    )
    team_ids = fields.Many2many(
        "complaint.team",
        "complaint_stage_team_rel",
        "stage_id",
        "team_id",
        string="Teams",
        help="Teams whose kanban shows this stage; leave empty for every team.",
    )
    mail_template_id = fields.Many2one(
        "mail.template",
        string="Email Template",
        domain="[('model', '=', 'complaint.complaint')]",
        help="Email sent to the customer when a complaint reaches this stage.",
    )
    sms_template_id = fields.Many2one(
        "sms.template",
        string="SMS Template",
        domain="[('model', '=', 'complaint.complaint')]",
        help="SMS sent to the customer when a complaint reaches this stage, if the team sends SMS.",
    )
    legend_blocked = fields.Char(string="Red Kanban Label", default=lambda s: s.env._("Blocked"), translate=True)
    legend_done = fields.Char(string="Green Kanban Label", default=lambda s: s.env._("Ready"), translate=True)
    legend_normal = fields.Char(string="Grey Kanban Label", default=lambda s: s.env._("In Progress"), translate=True)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used(self):
        if (
            self.env["complaint.complaint"]
            .with_context(active_test=False)
            .search_count([("stage_id", "in", self.ids)], limit=1)
        ):
            raise UserError(self.env._("This stage still holds complaints: move them or archive the stage instead."))
