def migrate(cr, version):
    """Count the staff replies of complaints filed before replies were counted: public messages
    of internal users sent before the resolution (first-contact resolution needs them)."""
    cr.execute("""
        UPDATE complaint_complaint c
           SET staff_reply_count = replies.count
          FROM (SELECT m.res_id, count(*) AS count
                  FROM mail_message m
                  JOIN complaint_complaint c2 ON c2.id = m.res_id
                 WHERE m.model = 'complaint.complaint'
                   AND m.message_type IN ('comment', 'email')
                   AND m.subtype_id = (SELECT res_id FROM ir_model_data WHERE module = 'mail' AND name = 'mt_comment')
                   AND m.create_date <= coalesce(c2.date_resolved, 'infinity')
                   AND EXISTS (SELECT 1 FROM res_users u WHERE u.partner_id = m.author_id AND NOT u.share)
                 GROUP BY m.res_id) replies
         WHERE replies.res_id = c.id
    """)
