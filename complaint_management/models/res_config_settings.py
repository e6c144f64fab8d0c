from odoo import fields, models

from .complaint_complaint import DEFAULT_REPEAT_WINDOW_DAYS, REPEAT_WINDOW_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_repeat_window_days = fields.Integer(
        string="Repeat Complaint Window (days)", config_parameter=REPEAT_WINDOW_PARAM,
        default=DEFAULT_REPEAT_WINDOW_DAYS,
        help="A complaint counts as a repeat when the same customer complained within this many days before.")
