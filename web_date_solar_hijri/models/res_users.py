from odoo import models

from ..tools.solar_hijri_dates import uses_solar_hijri

# Settings > General Settings > Languages: users who work in Persian read the back office's dates in
# the Solar Hijri calendar
BACK_OFFICE_PARAM = "web_date_solar_hijri.back_office"


class ResUsers(models.Model):
    _inherit = "res.users"

    def _reads_solar_hijri_dates(self):
        """Whether this user reads and types the back office's dates in the Solar Hijri calendar: an
        internal user who works in Persian, where Settings > General Settings > Languages says so."""
        self.ensure_one()
        # sudo: reading a configuration parameter
        return bool(
            uses_solar_hijri(self.lang)
            and self._is_internal()
            and self.env["ir.config_parameter"].sudo().get_param(BACK_OFFICE_PARAM)
        )
