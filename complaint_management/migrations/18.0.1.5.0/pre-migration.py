def migrate(cr, version):
    """Intake attempts become one row per key: the day of single attempts kept so far is dropped
    (the limits start afresh), so that the key can be unique."""
    cr.execute("DELETE FROM complaint_intake_attempt")
    cr.execute("DROP INDEX IF EXISTS complaint_intake_attempt__key_index")
