from odoo import fields, models

from .complaint_complaint import MESSENGER_CHANNELS


class ComplaintRoutingRule(models.Model):
    _inherit = "complaint.routing.rule"

    channel = fields.Selection(
        selection_add=MESSENGER_CHANNELS, ondelete={channel: "set null" for channel, _label in MESSENGER_CHANNELS}
    )
