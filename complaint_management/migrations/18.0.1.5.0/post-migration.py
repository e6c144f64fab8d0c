import logging

_logger = logging.getLogger(__name__)

OLD_URL = "object.get_base_url() + object.get_portal_url()"
NEW_URL = "object._portal_email_url()"


def migrate(cr, version):
    """Links in emails to the customer prove the address when opened (anonymous complaints wait
    for that before joining a customer's account): the templates are data that updates leave alone,
    so their expression is replaced in every language, keeping the translations and any other edit."""
    cr.execute(
        """
        UPDATE mail_template t
           SET body_html = replace(t.body_html::text, %s, %s)::jsonb
          FROM ir_model_data d
         WHERE d.model = 'mail.template' AND d.res_id = t.id AND d.module = 'complaint_management'
           AND strpos(t.body_html::text, %s) > 0
    """,
        [OLD_URL, NEW_URL, OLD_URL],
    )
    if cr.rowcount:
        _logger.info("%s email templates link to the complaint with a link that proves the address", cr.rowcount)
    else:
        _logger.warning(
            "No email template holds %s (edited, or deleted): links left as they are. For links that "
            "prove the customer's address when opened, write %s instead.",
            OLD_URL,
            NEW_URL,
        )
    # the waiting and not-upheld stages tell the customer too, unless a template was set already
    for stage, template in (
        ("complaint_stage_waiting", "mail_template_complaint_waiting"),
        ("complaint_stage_rejected", "mail_template_complaint_not_upheld"),
    ):
        cr.execute(
            """
            UPDATE complaint_stage s
               SET mail_template_id = t.res_id
              FROM ir_model_data d, ir_model_data t
             WHERE d.module = 'complaint_management' AND d.name = %s AND d.res_id = s.id
               AND t.module = 'complaint_management' AND t.name = %s
               AND s.mail_template_id IS NULL
        """,
            [stage, template],
        )
    # one meaning of "repeat": the same customer on the same topic (it was also "any earlier complaint")
    cr.execute("""SELECT 1 FROM information_schema.columns
                   WHERE table_name = 'complaint_complaint' AND column_name = 'is_repeat_topic'""")
    if cr.fetchone():
        cr.execute("UPDATE complaint_complaint SET is_repeat = COALESCE(is_repeat_topic, FALSE)")
        cr.execute("ALTER TABLE complaint_complaint DROP COLUMN is_repeat_topic")
