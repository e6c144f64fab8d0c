from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        info = super().session_info()
        info["solar_hijri_dates"] = self.env.user._reads_solar_hijri_dates()
        return info
