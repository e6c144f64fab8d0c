import base64

from odoo.tests import TransactionCase, tagged
from odoo.tools import mute_logger

PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32).decode()


def raw_email(
    message_id,
    subject="My washing machine leaks",
    sender="Ramin Sender <ramin@example.net>",
    to="complaints@test.complaints.example.com",
    headers="",
    in_reply_to="",
):
    threading = f"In-Reply-To: {in_reply_to}\nReferences: {in_reply_to}\n" if in_reply_to else ""
    return f"""From: {sender}
To: {to}
Subject: {subject}
Message-Id: {message_id}
Date: Mon, 02 Mar 2026 10:00:00 +0000
{threading}{headers}MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b1"

--b1
Content-Type: text/plain; charset="utf-8"

Water all over the kitchen floor after one wash.

--b1
Content-Type: image/png; name="floor.png"
Content-Disposition: attachment; filename="floor.png"
Content-Transfer-Encoding: base64

{PNG}
--b1--
"""


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintEmail(TransactionCase):
    """Raw RFC 822 emails through Odoo's mail gateway to the alias of team "Appliances"."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        domain = cls.env["mail.alias.domain"].create(
            {"name": "test.complaints.example.com", "bounce_alias": "bounce", "catchall_alias": "catchall"}
        )
        cls.env.company.alias_domain_id = domain
        cls.team = cls.env["complaint.team"].create({"name": "Appliances", "alias_name": "complaints"})
        cls.Complaint = cls.env["complaint.complaint"]
        cls.Thread = cls.env["mail.thread"]

    def _process(self, raw):
        return self.Thread.message_process(False, raw)

    def _complaints(self):
        return self.Complaint.search([("team_id", "=", self.team.id)])

    def test_new_complaint_from_an_unknown_sender(self):
        self.assertEqual(self.team.alias_email, "complaints@test.complaints.example.com")
        self._process(raw_email("<first@example.net>"))
        complaint = self._complaints()
        self.assertEqual(len(complaint), 1)
        self.assertEqual((complaint.subject, complaint.channel), ("My washing machine leaks", "email"))
        self.assertTrue(complaint.name.startswith("CMP/"), "a tracking code, not the subject")
        self.assertIn("Water all over the kitchen floor", complaint.description)
        self.assertEqual((complaint.partner_id.name, complaint.partner_id.email), ("Ramin Sender", "ramin@example.net"))
        first = complaint.message_ids.filtered(lambda m: m.message_id == "<first@example.net>")
        self.assertEqual(first.attachment_ids.mapped("name"), ["floor.png"], "attachments kept")
        self.assertEqual(first.author_id, complaint.partner_id)

        self.Complaint._cron_send_acknowledgements()
        ack = complaint.message_ids.filtered(lambda m: complaint.name in (m.subject or ""))
        self.assertEqual(ack.partner_ids, complaint.partner_id, "the auto-reply gives the tracking code")

    def test_known_sender_is_the_customer(self):
        customer = self.env["res.partner"].create({"name": "Ramin Known", "email": "ramin@example.net"})
        self._process(raw_email("<known@example.net>"))
        self.assertEqual(self._complaints().partner_id, customer)

    def test_reply_threads_into_the_complaint(self):
        self._process(raw_email("<first@example.net>"))
        complaint = self._complaints()
        self._process(
            raw_email("<second@example.net>", subject="Re: My washing machine leaks", in_reply_to="<first@example.net>")
        )
        self.assertEqual(self._complaints(), complaint, "no second complaint")
        self.assertTrue(complaint.message_ids.filtered(lambda m: m.message_id == "<second@example.net>"))

    def test_same_message_id_twice_makes_one_complaint(self):
        self._process(raw_email("<twice@example.net>"))
        self._process(raw_email("<twice@example.net>"))
        self.assertEqual(len(self._complaints()), 1)

    def test_auto_reply_opens_no_complaint(self):
        self._process(raw_email("<ooo@example.net>", subject="Out of office", headers="Auto-Submitted: auto-replied\n"))
        self._process(raw_email("<bulk@example.net>", subject="Newsletter", headers="Precedence: bulk\n"))
        self.assertFalse(self._complaints())

    @mute_logger("odoo.addons.mail.models.mail_thread")
    def test_bounce_opens_no_complaint(self):
        bounce = """From: MAILER-DAEMON@mx.example.net
To: bounce@test.complaints.example.com
Subject: Undelivered Mail Returned to Sender
Message-Id: <bounce-1@mx.example.net>
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="r1"

--r1
Content-Type: text/plain

The mail system could not deliver your message.
--r1--
"""
        self._process(bounce)
        self.assertFalse(self._complaints())

    @mute_logger("odoo.addons.mail.models.mail_thread")
    def test_mail_loop_stopped(self):
        self.env["ir.config_parameter"].set_param("mail.gateway.loop.threshold", 3)
        for n in range(5):
            self._process(raw_email(f"<loop-{n}@example.net>", subject=f"Loop {n}"))
        self.assertEqual(len(self._complaints()), 3, "a sender creating complaints in a loop is stopped")

    def test_control_characters_decoded_from_headers_are_dropped(self):
        # encoded words decode to a line break in the subject, a tab and a right-to-left override in
        # the name (Python's parser already refuses line breaks in an address)
        self._process(
            raw_email(
                "<inject@example.net>",
                sender="=?utf-8?q?Eve=09=E2=80=AEnosaM?= <eve@example.net>",
                subject="=?utf-8?q?Broken=0D=0ABcc=3A_x=40example=2Eorg?=",
            )
        )
        complaint = self._complaints()
        self.assertEqual(complaint.partner_id.name, "Eve nosaM")
        self.assertEqual(complaint.subject, "Broken Bcc: x@example.org")

    def test_new_sender_writing_persian_gets_a_persian_contact(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        raw = raw_email(
            "<persian@example.net>",
            subject="=?utf-8?b?" + base64.b64encode("ماشین لباسشویی نشتی دارد".encode()).decode() + "?=",
            sender="Reza <reza.fa@example.net>",
        )
        self._process(raw.replace("Water all over the kitchen floor after one wash.", "آب همه جای آشپزخانه را گرفت."))
        self.assertEqual(self._complaints().partner_id.lang, "fa_IR")
        # Latin letters tell nothing: the default language
        self._process(raw_email("<english@example.net>", sender="Sam <sam@example.net>"))
        sam = self.env["res.partner"].search([("email", "=", "sam@example.net")])
        self.assertEqual(sam.lang, self.env.lang or "en_US")
