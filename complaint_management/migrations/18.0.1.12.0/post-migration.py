import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    """The monthly report's scheduled action runs on teams (complaint.team), no longer on the
    report's request: its record, kept from updates once installed, is moved here."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("complaint_management.ir_cron_complaint_monthly_report", raise_if_not_found=False)
    if not cron:
        _logger.warning("The monthly report action is missing: nothing to move")
        return
    cron.model_id = env["ir.model"]._get_id("complaint.team")
    _logger.info("The monthly report action runs on the teams")
