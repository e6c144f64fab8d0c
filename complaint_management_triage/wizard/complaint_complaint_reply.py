from odoo import api, models

from ..tools.text_normaliser import complaint_text


class ComplaintComplaintReply(models.TransientModel):
    _inherit = "complaint.complaint.reply"

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
