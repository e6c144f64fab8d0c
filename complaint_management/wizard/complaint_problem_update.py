from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import is_html_empty


class ComplaintProblemUpdate(models.TransientModel):
    """One message to the customers of the complaints of a problem: an update, each receiving
    it as a reply on their complaint (by email, portal, chat), or the fix, which becomes their
    complaints' resolution and resolves them."""

    _name = "complaint.problem.update"
    _description = "Update the Customers of a Problem"

    problem_id = fields.Many2one("complaint.problem", required=True, ondelete="cascade")
    complaint_ids = fields.Many2many(
        "complaint.complaint",
        string="To the Customers of",
        domain="[('problem_id', '=', problem_id)]",
        compute="_compute_complaint_ids",
        store=True,
        readonly=False,
    )
    body = fields.Html(string="Message", sanitize=True)
    resolve = fields.Boolean(
        string="This Is the Fix",
        help="The message becomes each complaint's resolution and the complaints move to the resolution stage, "
        "whose email or text message tells each customer.",
    )
    stage_id = fields.Many2one(
        "complaint.stage",
        string="Resolution Stage",
        domain="[('is_resolved', '=', True)]",
        compute="_compute_stage_id",
        store=True,
        readonly=False,
    )

    @api.depends("problem_id")
    def _compute_complaint_ids(self):
        """By default, the problem's open complaints the user may work."""
        for update in self:
            update.complaint_ids = update.problem_id.complaint_ids.filtered(lambda complaint: not complaint.is_closed)

    @api.depends("resolve")
    def _compute_stage_id(self):
        stage = self.env["complaint.stage"].search([("is_resolved", "=", True)], limit=1)
        for update in self:
            update.stage_id = stage if update.resolve else False

    def action_send(self):
        self.ensure_one()
        self.problem_id.check_access("write")
        self.complaint_ids.check_access("write")
        complaints = self.complaint_ids.filtered(lambda complaint: complaint.problem_id == self.problem_id)
        if is_html_empty(self.body):
            raise UserError(self.env._("Write the message to the customers first."))
        if not complaints:
            raise UserError(self.env._("Choose the complaints whose customers get the message."))
        if self.resolve and not self.stage_id.is_resolved:
            raise UserError(self.env._("Choose the resolution stage the resolved complaints move to."))
        if self.resolve:
            complaints.write({"resolution": self.body, "stage_id": self.stage_id.id})
        else:
            for complaint in complaints:
                complaint._send_reply(self.body)
        self.problem_id.message_post(
            body=Markup("<p>%s</p>%s")
            % (
                self.env._("Resolved these complaints (%(count)s) with:", count=len(complaints))
                if self.resolve
                else self.env._("Sent to the customers of these complaints (%(count)s):", count=len(complaints)),
                self.body,
            ),
            subtype_xmlid="mail.mt_note",
        )
        return {"type": "ir.actions.act_window_close"}
