import re

from odoo.tests import tagged

from .common import ComplaintPortalCommon

FORM = {
    "name": "Sara Visitor",
    "email": "sara.visitor@example.com",
    "subject": "Rude answer",
    "description": "The hotline hung up on me.",
}


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintPublic(ComplaintPortalCommon):
    def _submit(self, **values):
        return self._post_form("/complaints/new", dict(FORM, **values))

    def _count(self):
        return self.env["complaint.complaint"].search_count([])

    def test_file_anonymously(self):
        response = self._submit(mobile="۰۹۱۲ ۳۴۵ ۶۷۸۹")
        self.assertEqual(response.status_code, 200)
        complaint = self.env["complaint.complaint"].search([("subject", "=", "Rude answer")])
        self.assertIn(complaint.name, response.text)
        self.assertEqual(complaint.channel, "web")
        self.assertEqual(complaint.partner_id.email, "sara.visitor@example.com")
        self.assertEqual(complaint.partner_mobile, "0912 345 6789")
        self.assertTrue(complaint.acknowledgement_pending)
        # the acknowledgement carries the code and a link that opens the complaint without login
        self.env["complaint.complaint"]._cron_send_acknowledgements()
        mail = self.env["mail.mail"].search([("model", "=", complaint._name), ("res_id", "=", complaint.id)])
        self.assertIn(complaint.name, mail.body_html)
        self.assertIn(f"/my/complaints/{complaint.id}?access_token={complaint.access_token}", mail.body_html)
        self.assertEqual(mail.recipient_ids.email, "sara.visitor@example.com")

    def _emailed_link(self, complaint, template_xmlid):
        """The complaint's link in the last email from `template_xmlid` (rendered as sent)."""
        template = self.env.ref(template_xmlid)
        subject = template._render_field("subject", complaint.ids)[complaint.id]
        mails = self.env["mail.mail"].search(
            [("model", "=", complaint._name), ("res_id", "=", complaint.id), ("subject", "=", subject)]
        )
        self.assertTrue(mails, "the email was sent")
        url = re.search(r'href="[^"]*(/my/complaints/\d+\?access_token=[^"]+)"', mails[-1].body_html).group(1)
        return url.replace("&amp;", "&")

    def test_customer_email_typed_by_anyone_joins_their_account_once_proven(self):
        customer = self.portal_b.partner_id
        # a visitor who knows the customer's name and email files without logging in
        self._submit(name="Nina Portal", email="NINA@portal-b.example.com", subject="In her name")
        complaint = self.env["complaint.complaint"].search([("subject", "=", "In her name")])
        self.assertNotEqual(complaint.partner_id, customer, "a contact of its own, out of her account")
        self.assertEqual(complaint.partner_id.email, "nina@portal-b.example.com")
        self.assertFalse(complaint.email_verified)
        self.assertIn("with the email address of an existing customer", complaint.message_ids.mapped("body")[0])
        mine = self.env["complaint.complaint"].with_user(self.portal_b).search([])
        self.assertNotIn(complaint, mine, "not in her portal")
        self.authenticate("cm_portal_b", "cm_portal_b")
        self.assertNotIn("In her name", self.url_open("/my/complaints").text)
        self.authenticate(None, None)
        # whoever holds the page's token (a link by SMS, say) writes as the visitor, not as her
        self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": complaint._name,
                "thread_id": complaint.id,
                "token": complaint._portal_ensure_token(),
                "post_data": {"body": "Posted before proving the email", "message_type": "comment"},
            },
        )
        early = complaint.message_ids.filtered(lambda m: "before proving" in (m.body or ""))
        self.assertEqual(early.author_id, complaint.partner_id)
        self.assertNotEqual(early.author_id, customer)
        self.url_open(complaint.get_portal_url())
        self.assertFalse(complaint.email_verified, "the page's token alone proves nothing")
        self.url_open(complaint.get_portal_url() + "&verify=forged")
        self.assertFalse(complaint.email_verified)
        # the link in the acknowledgement, sent to her address, proves it
        self.env["complaint.complaint"]._cron_send_acknowledgements()
        visitor = complaint.partner_id
        link = self._emailed_link(complaint, "complaint_management.mail_template_complaint_acknowledgement")
        self.assertIn("&verify=", link)
        self.assertEqual(self.url_open(link).status_code, 200)
        self.assertTrue(complaint.email_verified)
        self.assertEqual(complaint.partner_id, customer, "now in her account")
        self.assertFalse(visitor.active, "the visitor's contact, used by nothing else, is archived")
        self.assertEqual(early.author_id, visitor, "what was written before stays the visitor's")
        self.assertIn(complaint, self.env["complaint.complaint"].with_user(self.portal_b).search([]))

    def test_staff_opening_the_link_verify_nothing(self):
        self._submit()
        complaint = self.env["complaint.complaint"].search([("subject", "=", "Rude answer")])
        self.authenticate("admin", "admin")
        self.url_open(complaint.get_portal_url(query_string=f"&verify={complaint._portal_email_verification_token()}"))
        self.assertFalse(complaint.email_verified)

    def test_public_form_posted_while_logged_in_is_still_unverified(self):
        known = self.env["res.partner"].create({"name": "Known Customer", "email": "known@example.com"})
        stamp = self._form_tokens("/complaints/new")["form_stamp"]  # served to anyone not logged in
        self.authenticate("cm_portal_a", "cm_portal_a")
        tokens = dict(self._form_tokens("/my/complaints/new"), form_stamp=stamp)
        self.url_open(
            "/complaints/new",
            data=dict(FORM, **tokens, name="Known Customer", email="known@example.com", subject="Impersonated"),
            allow_redirects=False,
        )
        complaint = self.env["complaint.complaint"].search([("subject", "=", "Impersonated")])
        self.assertNotEqual(complaint.partner_id, known)
        self.assertFalse(complaint.email_verified)
        note = complaint.message_ids.filtered(lambda m: "email address of an existing customer" in (m.body or ""))
        self.assertEqual(note.author_id, self.env.ref("base.partner_root"))
        # with their own name and email, nothing is unverified
        self.authenticate(None, None)
        tokens["form_stamp"] = self._form_tokens("/complaints/new")["form_stamp"]
        self.authenticate("cm_portal_a", "cm_portal_a")
        tokens["csrf_token"] = self._form_tokens("/my/complaints/new")["csrf_token"]
        mine = {"name": "Reza Portal", "email": "reza@portal-a.example.com", "subject": "My own"}
        self.url_open("/complaints/new", data=dict(FORM, **tokens, **mine), allow_redirects=False)
        own = self.env["complaint.complaint"].search([("subject", "=", "My own")])
        self.assertEqual(own.partner_id, self.portal_a.partner_id)
        self.assertTrue(own.email_verified)

    def test_files_field_sent_as_file_is_ignored(self):
        tokens = self._form_tokens("/complaints/new")
        response = self.url_open(
            "/complaints/new",
            data=dict(FORM, **tokens, subject=""),
            files={"subject": ("subject.txt", b"not text", "text/plain")},
            allow_redirects=False,
        )
        self.assertEqual(response.status_code, 400)
        self.assertIn("Please give your complaint a subject", response.text)

    def test_invalid_email_refused(self):
        count = self._count()
        response = self._submit(email="not-an-email")
        self.assertEqual(response.status_code, 400)
        self.assertIn("valid email address", response.text)
        self.assertEqual(self._count(), count)

    def test_honeypot_submission_dropped(self):
        count = self._count()
        response = self._submit(website_url="http://spam.example.com")
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("CMP/", response.text)
        self.assertEqual(self._count(), count)

    def test_too_fast_refused(self):
        self.env["ir.config_parameter"].set_param("complaint_management.form_min_seconds", 60)
        count = self._count()
        response = self._submit()
        self.assertEqual(response.status_code, 400)
        self.assertIn("sent very quickly", response.text)
        self.assertEqual(self._count(), count)

    def test_forged_form_stamp_refused(self):
        count = self._count()
        response = self._post_form("/complaints/new", dict(FORM, form_stamp="1.forged"))
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._count(), count)

    def test_nul_characters_and_overlong_email_refused_cleanly(self):
        count = self._count()
        for field, value in {
            "email": "nul\x00@example.com",
            "order_reference": "S\x000001",
            "expectation_note": "a\x00b",
        }.items():
            with self.subTest(field=field):
                self.assertIn(self._submit(**{field: value}).status_code, (200, 400))
        self.assertEqual(self._submit(email="a" * 250 + "@example.com").status_code, 400)
        self.assertEqual(self._count(), count + 3, "the overlong email is refused, the others filed without NUL")
        self.assertTrue(self.env["complaint.complaint"].search([("order_reference", "=", "S0001")]))
        response = self._post_form("/complaints/track", {"code": "CMP\x00/1", "email": "x@example.com"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.url_open("/complaints/feedback/abc%00def").status_code, 404)

    def test_persian_visitor_gets_a_persian_contact_and_emails(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.env["ir.module.module"]._load_module_terms(["complaint_management"], ["fa_IR"])
        self.opener.cookies.set("frontend_lang", "fa_IR")
        self._submit(name="مریم راهی", email="maryam@example.com", subject="کالای آسیب‌دیده")
        complaint = self.env["complaint.complaint"].search([("partner_email", "=", "maryam@example.com")])
        self.assertEqual(complaint.partner_id.lang, "fa_IR")
        self.env["complaint.complaint"]._cron_send_acknowledgements()
        mail = self.env["mail.mail"].search([("model", "=", complaint._name), ("res_id", "=", complaint.id)])
        self.assertIn("دریافت شد", mail.subject)

    def test_form_stamp_files_one_complaint(self):
        tokens = self._form_tokens("/complaints/new")
        self.assertEqual(self.url_open("/complaints/new", data=dict(FORM, **tokens)).status_code, 200)
        count = self._count()
        again = self.url_open("/complaints/new", data=dict(FORM, **tokens, subject="Replayed"))
        self.assertEqual(again.status_code, 400)
        self.assertIn("This form was already sent", again.text)
        self.assertEqual(self._count(), count)
        # two forms served in the same second are two forms
        first, second = self._form_tokens("/complaints/new"), self._form_tokens("/complaints/new")
        self.assertNotEqual(first["form_stamp"], second["form_stamp"])

    def test_rate_limit_per_email_and_ip(self):
        self.env["ir.config_parameter"].set_param("complaint_management.submission_rate_limit", 2)
        self.assertEqual(self._submit().status_code, 200)
        self.assertEqual(self._submit().status_code, 200)
        count = self._count()
        self.assertEqual(self._submit().status_code, 429)
        # the address (all tests come from 127.0.0.1) is now limited too, whatever the email
        self.assertEqual(self._submit(email="another@example.com").status_code, 429)
        self.assertEqual(self._count(), count)

    def test_post_without_csrf_token_refused(self):
        count = self._count()
        response = self.url_open("/complaints/new", data=FORM, allow_redirects=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self._count(), count)

    def test_order_reference_kept_as_typed(self):
        self._submit(order_reference="S-UNKNOWN-1")
        complaint = self.env["complaint.complaint"].search([("subject", "=", "Rude answer")])
        self.assertEqual(complaint.order_reference, "S-UNKNOWN-1")

    def test_track_emails_the_link_to_the_address_on_file(self):
        answers, token = {}, self.complaint_a._portal_ensure_token()
        for case, (code, email) in {
            "match": (self.complaint_a.name.lower(), "Reza <REZA@portal-a.example.com>"),
            "wrong email": (self.complaint_a.name, "nina@portal-b.example.com"),
            "wrong code": ("CMP/1999/99999", "reza@portal-a.example.com"),
        }.items():
            response = self._post_form("/complaints/track", {"code": code, "email": email})
            self.assertEqual(response.status_code, 200, "the page never says whether they matched")
            self.assertNotIn(token, response.text)
            self.assertNotIn("Lamp arrived broken", response.text)
            answers[case] = re.search(r'id="complaint_track_sent"[^>]*>(.*?)</div>', response.text, re.S).group(1)
        self.assertEqual(len(set(answers.values())), 1, "the same answer either way")
        # sent by the scheduled action: the request takes as long whether or not a pair matched
        self.assertTrue(self.complaint_a.access_link_pending)
        self.env["complaint.complaint"]._cron_send_acknowledgements()
        # one email, to the address on file, for the pair that matched
        link = self._emailed_link(self.complaint_a, "complaint_management.mail_template_complaint_access_link")
        Mail = self.env["mail.mail"]
        mail = Mail.search([("res_id", "=", self.complaint_a.id), ("body_html", "ilike", "Open my complaint")])
        self.assertEqual(len(mail), 1)
        self.assertEqual(mail.recipient_ids, self.portal_a.partner_id)
        self.assertIn("Lamp arrived broken", self.url_open(link).text)
        self.assertFalse(
            Mail.search([("res_id", "=", self.complaint_b.id), ("body_html", "ilike", "Open my complaint")])
        )

    def test_track_rate_limit(self):
        self.env["ir.config_parameter"].set_param("complaint_management.tracking_rate_limit", 3)
        for _i in range(3):
            self._post_form("/complaints/track", {"code": "CMP/1999/00001", "email": "x@example.com"})
        response = self._post_form(
            "/complaints/track", {"code": self.complaint_a.name, "email": "reza@portal-a.example.com"}
        )
        self.assertEqual(response.status_code, 429)

    def test_tour_visitor_files_tracks_and_replies(self):
        self.start_tour("/complaints/new", "complaint_public_tour")
        complaint = self.env["complaint.complaint"].search([("subject", "=", "Rude answer on the phone")])
        self.env["complaint.complaint"]._cron_send_acknowledgements()
        link = self._emailed_link(complaint, "complaint_management.mail_template_complaint_access_link")
        self.start_tour(link, "complaint_public_link_tour")
        self.assertTrue(complaint.email_verified, "the emailed link proved the address")
        self.assertEqual(complaint.partner_id.email, "sara.visitor@example.com")
        self.assertEqual(complaint.message_ids.attachment_ids.mapped("name"), ["call-log.png"])
        reply = complaint.message_ids.filtered(lambda m: "10 in the morning" in (m.body or ""))
        self.assertEqual(reply.author_id, complaint.partner_id)

    def test_names_and_subjects_on_one_line_without_bidi_controls(self):
        self._submit(name="Eve\r\nBcc: victim@example.org", subject="Late\r\nBcc: x@example.org \u202egnp.exe")
        complaint = self.env["complaint.complaint"].search([("partner_id.email", "=", FORM["email"])])
        self.assertEqual(complaint.partner_id.name, "Eve Bcc: victim@example.org")
        self.assertEqual(complaint.partner_name, "Eve Bcc: victim@example.org")
        self.assertEqual(complaint.subject, "Late Bcc: x@example.org gnp.exe")
        self.env["complaint.complaint"]._cron_send_acknowledgements()
        mail = self.env["mail.mail"].search([("model", "=", complaint._name), ("res_id", "=", complaint.id)])
        self.assertTrue(mail)
        self.assertNotIn("\n", complaint.partner_id.email_formatted)
        # Persian words keep their zero-width non-joiner; only the override is dropped
        persian = "\u202bمی\u200cخواهم پول\u200cام را پس بگیرم\u202c"
        complaint.write({"subject": persian, "partner_name": "سارا\u200fی\tمهمان"})
        self.assertEqual(complaint.subject, "می\u200cخواهم پول\u200cام را پس بگیرم")
        self.assertEqual(complaint.partner_name, "سارای مهمان")
