from odoo import fields, models

from .res_users import BACK_OFFICE_PARAM


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    solar_hijri_back_office = fields.Boolean(
        string="Solar Hijri Dates",
        config_parameter=BACK_OFFICE_PARAM,
        help="Users who work in Persian read and type the back office's dates (lists, kanban cards, "
        "fields, the date picker) in the Solar Hijri calendar.",
    )
