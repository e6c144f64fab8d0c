from odoo import fields, models

from .complaint_complaint import MESSENGER_CHANNELS


class ComplaintReport(models.Model):
    _inherit = "complaint.report"

    # a view of complaints: their own ondelete policy applies
    channel = fields.Selection(
        selection_add=MESSENGER_CHANNELS, ondelete={channel: "set null" for channel, _label in MESSENGER_CHANNELS}
    )
