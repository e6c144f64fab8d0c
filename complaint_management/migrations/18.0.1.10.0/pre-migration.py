import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    """Complaints now store whether an SLA target was reached late (the 'SLA Failed' filter reads
    it): filled here in one statement, before Odoo would compute it complaint by complaint."""
    cr.execute("ALTER TABLE complaint_complaint ADD COLUMN IF NOT EXISTS sla_missed boolean")
    cr.execute("""
        UPDATE complaint_complaint SET sla_missed = TRUE
         WHERE id IN (SELECT complaint_id FROM complaint_sla_status WHERE reached_date > deadline)
    """)
    _logger.info("%s complaints had an SLA target reached late", cr.rowcount)
