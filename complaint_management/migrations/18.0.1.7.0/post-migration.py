import logging

from odoo import SUPERUSER_ID, api

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    """A paused SLA clock now keeps the hours it has left, planned from the moment it restarts:
    give the clocks paused before this version theirs, what they had used being counted from the
    receipt to the pause, less the hours already paused."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    paused = env["complaint.sla.status"].search([("paused_since", "!=", False), ("reached_date", "=", False)])
    clocks = paused._work_clocks(lambda sla: (sla.complaint_id.date_received, sla.paused_since))
    for sla in paused:
        used = clocks[sla.policy_id].hours_between(sla.complaint_id.date_received, sla.paused_since)
        sla.remaining_hours = max(sla._target_hours() + sla.paused_hours - used, 0)
    _logger.info("%s paused SLA clocks keep the hours they have left", len(paused))
