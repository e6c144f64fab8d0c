import logging
from datetime import timedelta

from odoo import api, fields, models

from ..tools.gateway_outcome import ACCEPTED, RETRY

_logger = logging.getLogger(__name__)

# minutes to wait before each new try of an SMS a gateway did not take (down, busy); after the
# last one the SMS fails as a server error
RETRY_DELAYS = (1, 5, 15, 60, 240)


class SmsSms(models.Model):
    _inherit = "sms.sms"

    company_id = fields.Many2one(
        "res.company", default=lambda self: self.env.company, help="Whose gateway sends this SMS."
    )
    sms_template_id = fields.Many2one("sms.template", "SMS Template", ondelete="set null", readonly=True)
    gateway_try_count = fields.Integer("Tries", readonly=True, copy=False)
    gateway_next_try = fields.Datetime("Next Try", readonly=True, copy=False)
    gateway_failure_reason = fields.Char("Gateway Answer", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        template_id = self.env.context.get("sms_gateway_template_id")
        messages = (
            self.env["mail.message"]
            .sudo()
            .browse(vals["mail_message_id"] for vals in vals_list if vals.get("mail_message_id"))
        )
        company_by_message = {message.id: message.record_company_id.id for message in messages}
        for vals in vals_list:
            if template_id:
                vals.setdefault("sms_template_id", template_id)
            if company := company_by_message.get(vals.get("mail_message_id")):
                vals.setdefault("company_id", company)
        return super().create(vals_list)

    def _send(self, unlink_failed=False, unlink_sent=True, raise_exception=False):  # pylint: disable=missing-return
        """The SMS of a company with a gateway go through it; the others through Odoo IAP."""
        for gateway, sms_list in self.grouped(lambda sms: sms.company_id.sudo().sms_gateway_id).items():
            if gateway:
                sms_list._send_through_gateway(gateway, unlink_failed=unlink_failed, unlink_sent=unlink_sent)
            else:
                super(SmsSms, sms_list)._send(
                    unlink_failed=unlink_failed, unlink_sent=unlink_sent, raise_exception=raise_exception
                )

    def _send_through_gateway(self, gateway, unlink_failed=False, unlink_sent=True):
        now = fields.Datetime.now()
        due = self.sudo().filtered(lambda sms: not sms.gateway_next_try or sms.gateway_next_try <= now)
        outcomes = gateway.sudo()._send_sms(due)
        _logger.info(
            "SMS gateway %s: %s SMS: %s",
            gateway.id,
            len(due),
            {sms.id: outcome.state for sms, outcome in outcomes.items()},
        )
        due = due.with_context(sms_skip_msg_notification=True)
        for sms, outcome in outcomes.items():
            if outcome.state == ACCEPTED:
                sms._gateway_accepted(gateway, outcome, unlink_sent)
            elif outcome.state == RETRY and sms.gateway_try_count < len(RETRY_DELAYS):
                sms._gateway_retry_later(outcome, now)
            else:
                sms._gateway_failed(outcome, unlink_failed)
        due.mail_message_id._notify_message_notification_update()

    def _gateway_accepted(self, gateway, outcome, unlink_sent):
        self.sms_tracker_id.write({"gateway_id": gateway.id, "gateway_message_id": outcome.message_id or False})
        self.sms_tracker_id._action_update_from_sms_state("pending")
        self.write(
            {
                "state": "pending",
                "failure_type": False,
                "gateway_failure_reason": False,
                **({"to_delete": True} if unlink_sent else {}),
            }
        )

    def _gateway_retry_later(self, outcome, now):
        """Leaves the SMS in the queue (its notification waiting) and wakes the queue when it is due."""
        next_try = now + timedelta(minutes=RETRY_DELAYS[self.gateway_try_count])
        self.write(
            {
                "gateway_try_count": self.gateway_try_count + 1,
                "gateway_next_try": next_try,
                "gateway_failure_reason": outcome.reason[:250],
            }
        )
        self.env.ref("sms.ir_cron_sms_scheduler_action")._trigger(at=next_try)

    def _gateway_failed(self, outcome, unlink_failed):
        failure_type = outcome.failure_type or "sms_server"
        self.sms_tracker_id._action_update_from_sms_state(
            "error", failure_type=failure_type, failure_reason=outcome.reason or False
        )
        self.write(
            {
                "state": "error",
                "failure_type": failure_type,
                "gateway_failure_reason": (outcome.reason or "")[:250] or False,
                **({"to_delete": True} if unlink_failed else {}),
            }
        )

    def resend_failed(self):
        self.filtered(lambda sms: sms.state == "error").write({"gateway_try_count": 0, "gateway_next_try": False})
        return super().resend_failed()

    def _update_sms_state_and_trackers(self, new_state, failure_type=None):
        """An SMS sent again by hand (Retry) gets its tries back."""
        if new_state == "outgoing":
            self.write({"gateway_try_count": 0, "gateway_next_try": False})
        return super()._update_sms_state_and_trackers(new_state, failure_type=failure_type)
