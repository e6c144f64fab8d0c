from odoo.exceptions import AccessError, ValidationError
from odoo.fields import Datetime
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from ..models.sms_sms import RETRY_DELAYS
from .common import GatewayCase, closed_port_url


@tagged("post_install", "-at_install")
class TestSmsGateway(GatewayCase):
    def run_queue_later(self):
        """The queue's scheduled run once every waiting SMS is due."""
        self.env["sms.sms"].sudo().search([("state", "=", "outgoing")]).gateway_next_try = Datetime.now()
        self.env["sms.sms"].sudo()._process_queue()

    # ------------------------------------------------------------
    # SENDING
    # ------------------------------------------------------------

    def test_kavenegar_sends_the_text_to_the_national_number(self):
        self.use_gateway(self.kavenegar)
        notification = self.text_customer()
        self.assertEqual(
            [(m["number"], m["text"]) for m in self.stand_in.delivered],
            [("09123456789", "Your complaint CMP-7 is resolved.")],
        )
        self.assertEqual(notification.notification_status, "pending")
        self.assertEqual(notification.sms_tracker_ids.gateway_id, self.kavenegar)
        self.assertEqual(notification.sms_tracker_ids.gateway_message_id, self.stand_in.delivered[0]["message_id"])
        sms = self.sms_of(notification)
        self.assertEqual((sms.state, sms.to_delete), ("pending", True))

    def test_every_form_of_a_number_reaches_the_same_phone(self):
        self.use_gateway(self.kavenegar)
        for typed in ("+989123456789", "00989123456789", "0912 345 6789", "۰۹۱۲-۳۴۵-۶۷۸۹"):
            self.customer.mobile = typed
            self.text_customer()
        self.assertEqual({m["number"] for m in self.stand_in.delivered}, {"09123456789"})
        self.assertEqual(len(self.stand_in.delivered), 4)

    def test_generic_gateway_posts_json_with_our_reference(self):
        self.use_gateway(self.generic)
        notification = self.text_customer()
        (message,) = self.stand_in.delivered
        self.assertEqual(message["number"], "+989123456789")
        self.assertEqual(message["reference"], notification.sms_tracker_ids.sms_uuid)
        self.assertEqual(notification.sms_tracker_ids.gateway_message_id, f"g-{message['message_id']}")
        self.assertEqual(notification.notification_status, "pending")

    def test_sms_ir_sends_text_and_fetches_delivery_reports(self):
        self.use_gateway(self.sms_ir)
        notification = self.text_customer()
        (message,) = self.stand_in.delivered
        self.assertEqual((message["number"], message["text"]), ("09123456789", "Your complaint CMP-7 is resolved."))
        self.env["sms.gateway"]._cron_fetch_delivery_reports()
        self.assertEqual(notification.notification_status, "pending", "still on its way: nothing changes")
        self.stand_in.delivery_states[message["message_id"]] = 1
        self.env["sms.gateway"]._cron_fetch_delivery_reports()
        self.assertEqual(notification.notification_status, "sent")

    def test_a_company_without_gateway_sends_through_iap_unchanged(self):
        notification = self.text_customer()
        self.assertEqual(self.stand_in.requests, 0)
        # Odoo IAP is out of reach during tests: its own failure, as without this addon
        self.assertEqual((notification.notification_status, notification.failure_type), ("exception", "sms_server"))

    def test_the_gateway_is_the_company_of_the_record(self):
        self.use_gateway(self.kavenegar)
        other_company = self.env["res.company"].create({"name": "Other Shop"})
        self.customer.company_id = other_company
        notification = self.text_customer()
        self.assertEqual(self.stand_in.requests, 0, "the other company has no gateway: Odoo IAP")
        self.assertEqual(notification.failure_type, "sms_server")

    # ------------------------------------------------------------
    # TEMPLATES
    # ------------------------------------------------------------

    def map_template(self, gateway, provider_template, parameters):
        return self.env["sms.gateway.template"].create(
            {
                "gateway_id": gateway.id,
                "sms_template_id": self.template.id,
                "provider_template": provider_template,
                "parameter_ids": [(0, 0, {"name": name, "value": value}) for name, value in parameters.items()],
            }
        )

    def test_kavenegar_sends_a_mapped_template_as_lookup_with_tokens(self):
        self.use_gateway(self.kavenegar)
        self.map_template(self.kavenegar, "complaint-ack", {"token": "{{ object.ref }}", "token2": "{{ object.name }}"})
        message = self.customer._message_sms_with_template(template=self.template, partner_ids=self.customer.ids)
        (sent,) = self.stand_in.delivered
        self.assertEqual(sent["template"], "complaint-ack")
        # token2 holds no space at Kavenegar: the name is joined by a zero-width non-joiner
        self.assertEqual(sent["tokens"], {"token": "CMP-7", "token2": "Sara\u200cAhmadi"})
        self.assertEqual(message.notification_ids.notification_status, "pending")

    def test_a_template_the_gateway_lacks_goes_as_text(self):
        self.use_gateway(self.kavenegar)
        self.map_template(self.kavenegar, "no-such-template", {"token": "{{ object.ref }}"})
        self.customer._message_sms_with_template(template=self.template, partner_ids=self.customer.ids)
        (sent,) = self.stand_in.delivered
        self.assertIsNone(sent["template"])
        self.assertEqual(sent["text"], "Dear Sara Ahmadi, we received your complaint CMP-7.")

    def test_sms_ir_sends_a_mapped_template_as_verify(self):
        self.use_gateway(self.sms_ir)
        self.map_template(self.sms_ir, "200100", {"CODE": "{{ object.ref }}"})
        self.customer._message_sms_with_template(template=self.template, partner_ids=self.customer.ids)
        (sent,) = self.stand_in.delivered
        self.assertEqual((str(sent["template"]), sent["tokens"]), ("200100", {"CODE": "CMP-7"}))

    # ------------------------------------------------------------
    # ERRORS
    # ------------------------------------------------------------

    def assertFailed(self, notification, failure_type, reason_part=""):
        self.assertEqual((notification.notification_status, notification.failure_type), ("exception", failure_type))
        self.assertIn(reason_part, notification.failure_reason or "")
        self.assertEqual(self.sms_of(notification).state, "error")

    def test_refusals_map_to_odoo_failure_types(self):
        self.use_gateway(self.kavenegar)
        self.stand_in.credit = 0
        self.assertFailed(self.text_customer(), "sms_credit", "Kavenegar 418")
        self.kavenegar.api_key = "wrong"
        self.assertFailed(self.text_customer(), "sms_acc", "Kavenegar 403")
        self.use_gateway(self.sms_ir)
        self.stand_in.credit = 0
        self.assertFailed(self.text_customer(), "sms_credit", "sms.ir 102")
        self.assertEqual(self.stand_in.delivered, [])

    def test_a_number_that_is_none_fails_before_the_gateway(self):
        self.use_gateway(self.kavenegar)
        self.customer.mobile = "12345"
        self.assertFailed(self.text_customer(), "sms_number_format")
        self.use_gateway(self.sms_ir)
        self.customer.mobile = "+447911123456"
        self.assertFailed(self.text_customer(), "sms_country_not_supported")
        self.assertEqual(self.stand_in.requests, 0)

    def test_a_gateway_that_is_down_keeps_the_sms_waiting_then_sends_it(self):
        self.use_gateway(self.kavenegar)
        self.kavenegar.api_url = closed_port_url()
        notification = self.text_customer()
        sms = self.sms_of(notification)
        self.assertEqual((sms.state, sms.gateway_try_count), ("outgoing", 1))
        self.assertIn("unreachable", sms.gateway_failure_reason)
        self.assertEqual(notification.notification_status, "ready", "shown as waiting, not failed")
        self.kavenegar.api_url = self.stand_in.url
        self.run_queue_later()
        self.assertEqual(len(self.stand_in.delivered), 1)
        self.assertEqual(notification.notification_status, "pending")

    def test_a_busy_gateway_is_tried_again_then_given_up(self):
        self.use_gateway(self.sms_ir)
        self.stand_in.mode = "busy"
        notification = self.text_customer()
        for _try in RETRY_DELAYS:
            self.assertEqual(notification.notification_status, "ready")
            self.run_queue_later()
        self.assertEqual(self.stand_in.requests, len(RETRY_DELAYS) + 1)
        self.assertFailed(notification, "sms_server", "HTTP 503")

    def test_an_sms_kavenegar_took_late_is_not_delivered_twice(self):
        self.use_gateway(self.kavenegar)
        self.stand_in.mode, self.stand_in.slow_seconds = "slow", 1.5
        notification = self.text_customer()
        self.assertEqual(self.sms_of(notification).state, "outgoing", "asked again later, with the same localid")
        self.stand_in.mode = "ok"
        self.run_queue_later()
        self.assertEqual(len(self.stand_in.delivered), 1)
        self.assertEqual(notification.notification_status, "pending")

    def test_an_sms_sms_ir_took_late_is_not_sent_again(self):
        self.use_gateway(self.sms_ir)
        self.stand_in.mode, self.stand_in.slow_seconds = "slow", 1.5
        notification = self.text_customer()
        self.assertFailed(notification, "sms_server", "may have been sent")
        self.run_queue_later()
        self.assertEqual(self.stand_in.requests, 1)
        self.assertEqual(len(self.stand_in.delivered), 1)

    def test_a_server_error_page_of_a_gateway_without_replay_guard_fails(self):
        self.use_gateway(self.generic)
        self.stand_in.mode = "broken"
        self.assertFailed(self.text_customer(), "sms_server", "HTTP 500")

    def test_retry_by_hand_gives_the_tries_back(self):
        self.use_gateway(self.sms_ir)
        self.stand_in.mode = "busy"
        notification = self.text_customer()
        for _try in RETRY_DELAYS:
            self.run_queue_later()
        sms = self.sms_of(notification)
        self.assertEqual(sms.state, "error")
        self.stand_in.mode = "ok"
        sms.resend_failed()
        self.assertEqual(len(self.stand_in.delivered), 1)
        self.assertEqual(notification.notification_status, "pending")

    def test_a_gateway_knows_the_address_of_its_provider(self):
        gateway = self.env["sms.gateway"].create({"name": "Kavenegar", "provider": "kavenegar", "api_key": "k"})
        self.assertEqual(gateway.api_url, "https://api.kavenegar.com")
        gateway.provider = "sms_ir"
        self.assertEqual(gateway.api_url, "https://api.sms.ir")
        with self.assertRaises(ValidationError):
            self.env["sms.gateway"].create({"name": "Generic", "provider": "http"})
        with self.assertRaises(ValidationError):
            self.env["sms.gateway"].create({"name": "Local", "provider": "http", "api_url": "file:///etc/passwd"})

    # ------------------------------------------------------------
    # SECURITY
    # ------------------------------------------------------------

    def test_only_system_administrators_read_the_credentials(self):
        self.use_gateway(self.kavenegar)
        for groups in ("base.group_user", "base.group_user,base.group_erp_manager"):
            user = mail_new_test_user(self.env, login=f"u{len(groups)}", groups=groups)
            with self.subTest(groups=groups):
                with self.assertRaises(AccessError):
                    self.kavenegar.with_user(user).read(["api_key"])
                with self.assertRaises(AccessError):
                    self.env.company.with_user(user).read(["sms_gateway_id"])
        self.assertEqual(self.kavenegar.with_user(self.env.ref("base.user_admin")).api_key, "kavenegar-key")

    def test_an_employee_texting_a_customer_uses_the_gateway(self):
        self.use_gateway(self.kavenegar)
        user = mail_new_test_user(self.env, login="agent", groups="base.group_user,base.group_partner_manager")
        self.customer.with_user(user)._message_sms("Hello", partner_ids=self.customer.ids)
        self.assertEqual(len(self.stand_in.delivered), 1)
