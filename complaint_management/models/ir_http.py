from odoo import models

from ..customer_dates import uses_jalali
from .complaint_portal_params import STAFF_SOLAR_HIJRI


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        info = super().session_info()
        user = self.env.user
        # sudo: reading a configuration parameter
        info["complaint_staff_solar_hijri"] = bool(
            user._is_internal() and uses_jalali(user.lang)
            and self.env["ir.config_parameter"].sudo().get_param(STAFF_SOLAR_HIJRI))
        return info
