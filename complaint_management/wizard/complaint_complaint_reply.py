from odoo import api, fields, models


class ComplaintComplaintReply(models.TransientModel):
    """Reply to the customer, starting from a canned response suggested for the complaint's category."""

    _name = "complaint.complaint.reply"
    _description = "Reply to a Complaint"

    complaint_id = fields.Many2one("complaint.complaint", required=True, ondelete="cascade")
    suggested_response_ids = fields.Many2many("complaint.canned.response", compute="_compute_suggested_response_ids")
    response_id = fields.Many2one(
        "complaint.canned.response", string="Canned Response", domain="[('id', 'in', suggested_response_ids)]"
    )
    body = fields.Html(string="Message", sanitize=True)

    @api.depends("complaint_id.category_id")
    def _compute_suggested_response_ids(self):
        for reply in self:
            reply.suggested_response_ids = self.env["complaint.canned.response"]._suggested_for(reply.complaint_id)

    @api.onchange("response_id")
    def _onchange_response_id(self):
        if self.response_id:
            self.body = self.response_id._body_for(self.complaint_id)

    def action_send(self):
        """Send the message to the customer, as a reply in the complaint's chatter."""
        self.ensure_one()
        self.complaint_id._send_reply(self.body)
        return {"type": "ir.actions.act_window_close"}
