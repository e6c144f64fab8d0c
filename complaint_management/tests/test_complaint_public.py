import re

from odoo.tests import tagged

from .common import ComplaintPortalCommon

FORM = {"name": "Sara Visitor", "email": "sara.visitor@example.com", "subject": "Rude answer",
        "description": "The hotline hung up on me."}


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

    def test_existing_partner_reused_only_with_its_name_and_never_shown(self):
        known = self.env["res.partner"].create({
            "name": "Known Customer", "email": "Known@Example.com", "street": "12 Secret Street"})
        # the email alone is not enough: someone else typing it gets a contact of their own
        guess_response = self._submit(name="Someone Else", email="known@example.com", subject="Guessing")
        self.assertEqual(guess_response.status_code, 200)
        guess = self.env["complaint.complaint"].search([("subject", "=", "Guessing")])
        self.assertNotEqual(guess.partner_id, known)
        self.assertEqual(guess.partner_id.name, "Someone Else")
        # name and email together reuse the contact, which is neither shown nor changed
        response = self._submit(name="known  customer", email="known@example.com", mobile="+98 21 1234 5678")
        complaint = self.env["complaint.complaint"].search([("subject", "=", "Rude answer")])
        self.assertEqual(complaint.partner_id, known)
        self.assertEqual(known.name, "Known Customer")
        self.assertFalse(known.mobile)
        self.assertIn("the email address was not verified", complaint.message_ids.mapped("body")[0])
        for page in (guess_response.text, response.text):
            for secret in ("Known Customer", "Secret Street"):
                self.assertNotIn(secret, page)

    def test_public_form_posted_while_logged_in_is_still_unverified(self):
        known = self.env["res.partner"].create({"name": "Known Customer", "email": "known@example.com"})
        stamp = self._form_tokens("/complaints/new")["form_stamp"]  # served to anyone not logged in
        self.authenticate("cm_portal_a", "cm_portal_a")
        tokens = dict(self._form_tokens("/my/complaints/new"), form_stamp=stamp)
        self.url_open("/complaints/new", data=dict(FORM, **tokens, name="Known Customer", email="known@example.com",
                                                   subject="Impersonated"), allow_redirects=False)
        complaint = self.env["complaint.complaint"].search([("subject", "=", "Impersonated")])
        self.assertEqual(complaint.partner_id, known)
        note = complaint.message_ids.filtered(lambda m: "was not verified" in (m.body or ""))
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
        self.assertFalse(own.message_ids.filtered(lambda m: "was not verified" in (m.body or "")))

    def test_files_field_sent_as_file_is_ignored(self):
        tokens = self._form_tokens("/complaints/new")
        response = self.url_open("/complaints/new", data=dict(FORM, **tokens, subject=""), files={
            "subject": ("subject.txt", b"not text", "text/plain")}, allow_redirects=False)
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

    def test_track_with_code_and_email(self):
        token_url = self.complaint_a.get_portal_url()
        response = self._post_form("/complaints/track", {
            "code": self.complaint_a.name.lower(), "email": "REZA@portal-a.example.com"})
        self.assertEqual(response.status_code, 303)
        self.assertTrue(response.headers["Location"].endswith(token_url))
        page = self.url_open(response.headers["Location"]).text
        self.assertIn("Lamp arrived broken", page)

    def test_track_wrong_code_and_wrong_email_look_alike(self):
        wrong_email = self._post_form("/complaints/track", {
            "code": self.complaint_a.name, "email": "nina@portal-b.example.com"})
        wrong_code = self._post_form("/complaints/track", {
            "code": "CMP/1999/99999", "email": "reza@portal-a.example.com"})
        self.assertEqual(wrong_email.status_code, 400)
        self.assertEqual(wrong_code.status_code, 400)
        error = re.compile(r'<div[^>]*id="complaint_track_error"[^>]*>(.*?)</div>', re.S)
        self.assertIn("We found no complaint with this tracking code", error.search(wrong_email.text).group(1))
        self.assertEqual(error.search(wrong_email.text).group(1), error.search(wrong_code.text).group(1))

    def test_track_rate_limit(self):
        self.env["ir.config_parameter"].set_param("complaint_management.tracking_rate_limit", 3)
        for _i in range(3):
            self._post_form("/complaints/track", {"code": "CMP/1999/00001", "email": "x@example.com"})
        response = self._post_form("/complaints/track", {
            "code": self.complaint_a.name, "email": "reza@portal-a.example.com"})
        self.assertEqual(response.status_code, 429)

    def test_tour_visitor_files_tracks_and_replies(self):
        self.start_tour("/complaints/new", "complaint_public_tour")
        complaint = self.env["complaint.complaint"].search([("subject", "=", "Rude answer on the phone")])
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
