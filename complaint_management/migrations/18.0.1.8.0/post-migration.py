import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    """The acknowledgement action is now run by the complaints it acknowledges, at once; its
    interval, a minute before, becomes an hourly safety net. An interval someone changed is kept."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    cron = env.ref("complaint_management.ir_cron_complaint_acknowledge", raise_if_not_found=False)
    if not cron:
        _logger.warning("The acknowledgement action is missing: its interval is left to the data")
    elif (cron.interval_number, cron.interval_type) == (1, "minutes"):
        cron.write({"interval_number": 1, "interval_type": "hours"})
        _logger.info("The acknowledgement action runs hourly as a safety net (it was run every minute)")
    else:
        _logger.info(
            "The acknowledgement action keeps its interval, changed since its install: every %s %s",
            cron.interval_number,
            cron.interval_type,
        )
