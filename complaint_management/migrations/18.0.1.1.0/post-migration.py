def migrate(cr, version):
    """The shipped stages are noupdate: mark "Waiting for Customer" as waiting on databases
    installed before stages had the flag, so that its customers are reminded."""
    cr.execute("""
        UPDATE complaint_stage SET is_waiting = TRUE
         WHERE id IN (SELECT res_id FROM ir_model_data
                       WHERE module = 'complaint_management' AND name = 'complaint_stage_waiting')
    """)
