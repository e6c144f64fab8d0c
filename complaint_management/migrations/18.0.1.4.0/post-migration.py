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
    """,
        [
            "format_datetime(complaint.sla_deadline, tz=object.leader_id.tz, dt_format='short')",
            "object._leader_datetime(complaint.sla_deadline)",
        ],
    )
