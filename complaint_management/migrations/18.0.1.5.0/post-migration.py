def migrate(cr, version):
    """Links in emails to the customer prove the address when opened (anonymous complaints wait
    for that before joining a customer's account): the templates are data that updates leave alone,
    so their expression is replaced in every language, keeping the translations and any other edit."""
    cr.execute("""
        UPDATE mail_template t
           SET body_html = replace(t.body_html::text, %s, %s)::jsonb
          FROM ir_model_data d
         WHERE d.model = 'mail.template' AND d.res_id = t.id AND d.module = 'complaint_management'
    """, ["object.get_base_url() + object.get_portal_url()", "object._portal_email_url()"])
