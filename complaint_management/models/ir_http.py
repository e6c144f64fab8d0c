from odoo import models

from .complaint_portal_params import staff_reads_solar_hijri


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        # the customer pages' scripts (the portal chatter) get our Persian for Odoo's terms too
        return super()._get_translation_frontend_modules_name() + ["complaint_management"]

    def session_info(self):
        info = super().session_info()
        user = self.env.user
        info["complaint_staff_solar_hijri"] = user._is_internal() and staff_reads_solar_hijri(self.env, user)
        return info
