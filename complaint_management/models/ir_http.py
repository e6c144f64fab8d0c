from odoo import models

from .complaint_portal_params import staff_reads_solar_hijri


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        info = super().session_info()
        user = self.env.user
        info["complaint_staff_solar_hijri"] = user._is_internal() and staff_reads_solar_hijri(self.env, user)
        return info
