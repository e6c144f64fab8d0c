import json

from odoo.tests import HttpCase, tagged

from .common import GatewayCase


@tagged("post_install", "-at_install")
class TestDeliveryReport(GatewayCase, HttpCase):
    def report_path(self, gateway, secret=None):
        return f"/sms_gateway/report/{gateway.id}/{secret or gateway.report_secret}"

    def test_kavenegar_reports_delivery_and_refusal(self):
        self.use_gateway(self.kavenegar)
        delivered, blocked = self.text_customer(), self.text_customer()
        for notification, status in ((delivered, 10), (blocked, 14)):
            message_id = notification.sms_tracker_ids.gateway_message_id
            for _replay in range(2):
                response = self.url_open(
                    self.report_path(self.kavenegar), data={"messageid": message_id, "status": status}
                )
                self.assertEqual((response.status_code, response.text), (200, "OK"))
        self.assertEqual(delivered.notification_status, "sent")
        self.assertEqual((blocked.notification_status, blocked.failure_type), ("bounce", "sms_not_allowed"))

    def test_a_report_on_its_way_changes_nothing(self):
        self.use_gateway(self.kavenegar)
        notification = self.text_customer()
        message_id = notification.sms_tracker_ids.gateway_message_id
        self.url_open(self.report_path(self.kavenegar), data={"messageid": message_id, "status": 4})
        self.assertEqual(notification.notification_status, "pending")

    def test_a_forged_report_is_refused(self):
        self.use_gateway(self.kavenegar)
        notification = self.text_customer()
        message_id = notification.sms_tracker_ids.gateway_message_id
        for path in (
            self.report_path(self.kavenegar, secret="guessed"),
            self.report_path(self.generic),  # another gateway's address cannot report Kavenegar's SMS
            f"/sms_gateway/report/999999/{self.kavenegar.report_secret}",
        ):
            response = self.url_open(path, data={"messageid": message_id, "status": 10, "id": message_id})
            self.assertEqual(response.status_code, 404 if "999999" in path or "guessed" in path else 200)
        self.assertEqual(notification.notification_status, "pending")

    def test_a_new_address_refuses_the_old_one(self):
        self.use_gateway(self.kavenegar)
        notification = self.text_customer()
        old_path = self.report_path(self.kavenegar)
        self.kavenegar.action_new_report_secret()
        message_id = notification.sms_tracker_ids.gateway_message_id
        self.assertEqual(self.url_open(old_path, data={"messageid": message_id, "status": 10}).status_code, 404)
        self.assertEqual(notification.notification_status, "pending")

    def test_generic_gateway_reports_as_json_list_or_query(self):
        self.use_gateway(self.generic)
        first, second = self.text_customer(), self.text_customer()
        reports = [{"id": first.sms_tracker_ids.gateway_message_id, "status": "DELIVERED"}]
        response = self.url_open(
            self.report_path(self.generic), data=json.dumps(reports), headers={"Content-Type": "application/json"}
        )
        self.assertEqual(response.status_code, 200)
        self.assertEqual(first.notification_status, "sent")
        second_id = second.sms_tracker_ids.gateway_message_id
        self.url_open(f"{self.report_path(self.generic)}?id={second_id}&status=undelivered")
        self.assertEqual((second.notification_status, second.failure_type), ("exception", "sms_not_delivered"))

    def test_odd_bodies_are_answered_without_harm(self):
        self.use_gateway(self.generic)
        notification = self.text_customer()
        for body in ("not json", "null", "[1, 2]", '{"id": {"$ne": 1}}'):
            response = self.url_open(
                self.report_path(self.generic), data=body, headers={"Content-Type": "application/json"}
            )
            self.assertEqual(response.status_code, 200)
        self.assertEqual(notification.notification_status, "pending")
