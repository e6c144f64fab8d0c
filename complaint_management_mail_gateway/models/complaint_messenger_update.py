from odoo import api, fields, models
from odoo.tools import SQL

KEEP_DAYS = 7


class ComplaintMessengerUpdate(models.Model):
    """The webhook updates a messenger gateway delivered, by their update id: one delivered again
    (a retry of the messenger, a replay) is dropped."""

    _name = "complaint.messenger.update"
    _description = "Messenger Update Received"
    _log_access = False

    gateway_id = fields.Many2one("mail.gateway", required=True, ondelete="cascade")
    update_id = fields.Char(required=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)

    _sql_constraints = [("update_unique", "UNIQUE(gateway_id, update_id)", "An update is received once.")]

    @api.model
    def _claim(self, gateway, update_id):
        """Whether the update ``update_id`` of ``gateway`` is new (and now claimed). A parallel
        delivery of the same update waits for this transaction and then finds it claimed."""
        self.env.cr.execute(
            SQL(
                """INSERT INTO complaint_messenger_update (gateway_id, update_id, date)
                   VALUES (%s, %s, %s) ON CONFLICT DO NOTHING RETURNING id""",
                gateway.id,
                str(update_id),
                fields.Datetime.now(),
            )
        )
        return bool(self.env.cr.fetchone())

    @api.autovacuum
    def _gc_updates(self):
        self.search([("date", "<", fields.Datetime.subtract(fields.Datetime.now(), days=KEEP_DAYS))]).unlink()
