import logging

_logger = logging.getLogger(__name__)

OLD = "format_datetime(complaint.sla_deadline, tz=object.leader_id.tz, dt_format='short')"
NEW = "object._leader_datetime(complaint.sla_deadline)"


def migrate(cr, version):
    """The SLA digest gives deadlines as the leader reads dates in the back office (Solar Hijri in
    Persian when staff read that calendar): its template is data that updates leave alone, so its
    expression is replaced in every language, keeping the translations and any other edit."""
    cr.execute(
        """
        UPDATE mail_template t
           SET body_html = replace(t.body_html::text, %s, %s)::jsonb
          FROM ir_model_data d
         WHERE d.model = 'mail.template' AND d.res_id = t.id
           AND d.module = 'complaint_management' AND d.name = 'mail_template_complaint_sla_digest'
           AND strpos(t.body_html::text, %s) > 0
    """,
        [OLD, NEW, OLD],
    )
    if cr.rowcount:
        _logger.info("The SLA digest gives deadlines as the leader reads dates")
    else:
        _logger.warning(
            "The SLA digest template does not hold %s (edited, or deleted): left as is. "
            "For deadlines as the leader reads dates (Solar Hijri in Persian), write %s instead.",
            OLD,
            NEW,
        )
