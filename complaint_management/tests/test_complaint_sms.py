from odoo.tests import tagged

from .common import ComplaintCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintSms(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team_a.use_sms = True

    def _sms(self, complaint):
        return self.env["sms.sms"].search(
            [("mail_message_id.res_id", "=", complaint.id), ("mail_message_id.model", "=", "complaint.complaint")]
        )

    def test_acknowledgement_and_status_by_sms(self):
        complaint = self._create_complaint(category_id=self.category_delivery.id, partner_mobile="+98 912 345 6789")
        self.env["complaint.complaint"]._cron_send_acknowledgements()
        sms = self._sms(complaint)
        self.assertEqual(len(sms), 1)
        self.assertEqual(sms.number, "+989123456789")
        self.assertEqual(sms.state, "outgoing", "queued, sent by the SMS queue")
        self.assertIn(complaint.name, sms.body)
        self.assertIn(f"/my/complaints/{complaint.id}?access_token=", sms.body)

        complaint.stage_id = self.stage_progress
        self.assertEqual(len(self._sms(complaint)), 2)
        self.assertIn("In Progress", self._sms(complaint).sorted("id")[-1].body)
        # a stage without an SMS template sends none
        complaint.stage_id = self.stage_closed
        self.assertEqual(len(self._sms(complaint)), 2)

    def test_no_sms_without_mobile_or_when_team_does_not_send(self):
        no_mobile = self._create_complaint(category_id=self.category_delivery.id)
        other_team = self._create_complaint(category_id=self.category_billing.id, partner_mobile="+98 912 345 6789")
        self.env["complaint.complaint"]._cron_send_acknowledgements()
        (no_mobile | other_team).stage_id = self.stage_progress
        self.assertFalse(self._sms(no_mobile) | self._sms(other_team))

    def test_feedback_request_by_sms(self):
        complaint = self._create_complaint(category_id=self.category_delivery.id, partner_mobile="+98 912 345 6789")
        complaint.stage_id = self.stage_resolved
        sent = self._sms(complaint)
        complaint._request_feedback(complaint.date_resolved)
        sms = self._sms(complaint) - sent
        self.assertEqual(len(sms), 1)
        self.assertIn(f"/complaints/feedback/{complaint.feedback_ids.access_token}?channel=sms", sms.body)

    def test_number_typed_in_persian_digits_is_sent_in_international_form(self):
        self.env.company.country_id = self.env.ref("base.ir")
        complaint = self.env["complaint.complaint"].create(
            {"subject": "Wrong colour", "partner_mobile": "۰۹۱۲ ۳۴۵ ۶۷۸۹", "partner_name": "Sara"}
        )
        self.assertEqual(complaint.partner_mobile, "+989123456789")
        complaint.partner_mobile = "0912-345-6789"
        self.assertEqual(complaint.partner_mobile, "+989123456789")
        complaint.partner_mobile = "not a number"
        self.assertEqual(complaint.partner_mobile, "not a number", "kept as typed when it is no number")
