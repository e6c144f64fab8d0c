from odoo import api, fields, models


class SmsTracker(models.Model):
    _inherit = "sms.tracker"

    gateway_id = fields.Many2one("sms.gateway", ondelete="set null", index="btree_not_null")
    gateway_message_id = fields.Char(help="The gateway's id of the SMS, which its delivery reports quote.")

    _sql_constraints = [
        (
            "gateway_message_unique",
            "UNIQUE(gateway_id, gateway_message_id)",
            "A gateway's message id names one SMS.",
        ),
    ]

    @api.model
    def _update_from_gateway_reports(self, gateway, states):
        """Applies what ``gateway`` reported of its messages: ``{message id: state}``, the state
        "delivered", "pending" or a delivery error of Odoo ("not_delivered", "not_allowed"…)."""
        if not states:
            return
        trackers = self.search([("gateway_id", "=", gateway.id), ("gateway_message_id", "in", list(states))])
        for state, state_trackers in trackers.grouped(lambda tracker: states[tracker.gateway_message_id]).items():
            if state == "delivered":
                state_trackers._action_update_from_sms_state("sent")
            elif state != "pending":
                state_trackers._action_update_from_provider_error(state)
        trackers.mail_notification_id.mail_message_id._notify_message_notification_update()
