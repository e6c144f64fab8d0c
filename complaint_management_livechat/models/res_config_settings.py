from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_livechat_channel_id = fields.Many2one(related="company_id.complaint_livechat_channel_id", readonly=False)
