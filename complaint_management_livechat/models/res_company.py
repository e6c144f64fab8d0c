from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    complaint_livechat_channel_id = fields.Many2one(
        "im_livechat.channel",
        string="Live Chat on Complaint Pages",
        help="The live-chat channel whose button shows on the public complaint pages (filing and "
        "tracking); its rules say which chatbot answers there.",
    )
