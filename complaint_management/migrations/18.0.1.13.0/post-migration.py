import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)

OLD_PARAM = "complaint_management.staff_solar_hijri"
NEW_PARAM = "web_date_solar_hijri.back_office"


def migrate(cr, version):
    """Staff's Solar Hijri dates are set by web_date_solar_hijri (General Settings > Languages): the
    complaint setting's value moves to its parameter."""
    params = api.Environment(cr, SUPERUSER_ID, {})["ir.config_parameter"]
    old = params.search([("key", "=", OLD_PARAM)])
    if not old:
        _logger.info("Staff read Gregorian dates: nothing to move")
        return
    params.set_param(NEW_PARAM, old.value)
    old.unlink()
    _logger.info("Staff's Solar Hijri dates are now set in General Settings > Languages")
