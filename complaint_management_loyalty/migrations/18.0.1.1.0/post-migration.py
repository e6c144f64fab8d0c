def migrate(cr, version):
    """The discount code's expiry date is given as the customer reads dates (Solar Hijri in
    Persian): the template is data that updates leave alone, so its expression is replaced in
    every language, keeping the translations and any other edit."""
    cr.execute(
        """
        UPDATE mail_template t
           SET body_html = replace(t.body_html::text, %s, %s)::jsonb
          FROM ir_model_data d
         WHERE d.model = 'mail.template' AND d.res_id = t.id AND d.module = 'complaint_management_loyalty'
    """,
        [
            "format_date(object.sudo().reward_coupon_id.expiration_date)",
            "object._customer_date(object.sudo().reward_coupon_id.expiration_date)",
        ],
    )
