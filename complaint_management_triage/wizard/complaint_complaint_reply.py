from odoo import api, fields, models
from odoo.tools import html2plaintext, plaintext2html

from ..tools.text_normaliser import complaint_text


class ComplaintComplaintReply(models.TransientModel):
    _inherit = "complaint.complaint.reply"

    triage_assistant = fields.Boolean(related="complaint_id.company_id.triage_assistant")

    @api.model
    def default_get(self, fields_list):
        """The reply starts from the canned response that best fits the complaint (its category
        and its words), filled in, in the customer's language."""
        values = super().default_get(fields_list)
        complaint = self.env["complaint.complaint"].browse(values.get("complaint_id"))
        if complaint and not values.get("response_id") and "response_id" in fields_list:
            lang = complaint.partner_id.lang
            response = self.env["complaint.triage"]._canned_response(
                complaint_text(complaint.subject, complaint.description),
                complaint.category_id,
                complaint.company_id,
                lang,
            )
            if response:
                values["response_id"] = response.id
                values["body"] = response._body_for(complaint)
        return values

    def action_assistant_draft(self):
        """Staff's click: the message becomes the assistant's draft, built on the chosen canned
        response, in the customer's language; it is sent only with Send."""
        self.ensure_one()
        self.complaint_id._check_assistant_access()
        prepared = html2plaintext(self.body or "") if self.body else ""
        self.body = plaintext2html(self.env["complaint.assistant"]._draft(self.complaint_id, prepared))
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
            "name": self.env._("Reply to the Customer"),
        }
