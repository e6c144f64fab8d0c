import logging

_logger = logging.getLogger(__name__)

OLD = "format_datetime(object.date_response_promised, tz=object.partner_id.tz, dt_format='medium')"
NEW = "object._customer_date(object.date_response_promised, with_time=True)"


def migrate(cr, version):
    """The acknowledgement gives the answer date as the customer reads dates (Solar Hijri in
    Persian): its template is data that updates leave alone, so its expression is replaced in
    every language, keeping the translations and any other edit."""
    cr.execute(
        """
        UPDATE mail_template t
           SET body_html = replace(t.body_html::text, %s, %s)::jsonb
          FROM ir_model_data d
         WHERE d.model = 'mail.template' AND d.res_id = t.id
           AND d.module = 'complaint_management' AND d.name = 'mail_template_complaint_acknowledgement'
           AND strpos(t.body_html::text, %s) > 0
    """,
        [OLD, NEW, OLD],
    )
    if cr.rowcount:
        _logger.info("The acknowledgement gives the answer date as the customer reads dates")
    else:
        _logger.warning(
            "The acknowledgement template does not hold %s (edited, or deleted): left as is. "
            "For dates as the customer reads them (Solar Hijri in Persian), write %s instead.",
            OLD,
            NEW,
        )
