from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged, users

from .common import ComplaintPortalCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintPortal(ComplaintPortalCommon):
    def test_list_shows_own_complaints_only(self):
        self.authenticate("cm_portal_a", "cm_portal_a")
        page = self.url_open("/my/complaints").text
        self.assertIn(self.complaint_a.name, page)
        self.assertNotIn(self.complaint_b.name, page)
        found = self.url_open("/my/complaints?search=lamp&filterby=open&sortby=status").text
        self.assertIn(self.complaint_a.name, found)
        none = self.url_open("/my/complaints?search=nothing-like-this").text
        self.assertIn("No complaint matches your search", none)

    def test_record_rule_by_commercial_entity(self):
        Complaint = self.env["complaint.complaint"]
        self.assertEqual(Complaint.with_user(self.portal_a).search([]), self.complaint_a)
        # a colleague at the same customer company sees the company's complaints, not others'
        company = self.env["res.partner"].create({"name": "Reza & Co", "is_company": True})
        self.portal_a.partner_id.parent_id = company
        colleague = self.env["res.users"].create(
            {
                "name": "Colleague",
                "login": "cm_portal_colleague",
                "groups_id": [(6, 0, self.portal_a.groups_id.ids)],
                "partner_id": self.env["res.partner"].create({"name": "Colleague", "parent_id": company.id}).id,
            }
        )
        self.complaint_a.invalidate_recordset()
        self.assertEqual(Complaint.with_user(colleague).search([]), self.complaint_a)
        with self.assertRaises(AccessError):
            self.complaint_b.with_user(colleague).check_access("read")
        with self.assertRaises(AccessError):
            self.complaint_a.with_user(colleague).write({"subject": "Changed"})

    @users("cm_portal_a")
    def test_internal_fields_hidden_from_customers(self):
        complaint = self.complaint_a.with_env(self.env)
        for field in ("root_cause", "compensation_amount", "user_id", "team_id", "severity", "is_repeat", "priority"):
            with self.subTest(field=field), self.assertRaises(AccessError):
                complaint.read([field])
        self.assertEqual(complaint.read(["name", "subject"])[0]["subject"], "Lamp arrived broken")
        # the promised dates shown on their page are computed from the team, which they may not read
        self.assertTrue(complaint.read(["date_response_promised", "date_resolution_promised"]))

    def test_detail_page(self):
        self.authenticate("cm_portal_a", "cm_portal_a")
        response = self.url_open(f"/my/complaints/{self.complaint_a.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Lamp arrived broken", response.text)
        self.assertIn("Expected resolution by", response.text, "the team's standard promise")
        self.assertIn("o_complaint_timeline", response.text)

    def test_other_customer_complaint_is_not_found(self):
        self.authenticate("cm_portal_a", "cm_portal_a")
        response = self.url_open(f"/my/complaints/{self.complaint_b.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Invoice is wrong", response.text)

    def test_access_token(self):
        url = f"/my/complaints/{self.complaint_b.id}"
        self.assertEqual(self.url_open(f"{url}?access_token=wrong", allow_redirects=False).status_code, 404)
        response = self.url_open(f"{url}?access_token={self.complaint_b._portal_ensure_token()}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Invoice is wrong", response.text)
        # another complaint's token opens nothing
        response = self.url_open(
            f"/my/complaints/{self.complaint_a.id}?access_token={self.complaint_b.access_token}", allow_redirects=False
        )
        self.assertEqual(response.status_code, 404)

    def test_token_loads_only_what_the_customer_may_see(self):
        complaint = self.complaint_b
        staff = new_test_user(
            self.env, login="cm_thread_staff", name="Hidden Handler", groups="complaint_management.group_complaint_user"
        )
        complaint.message_subscribe(partner_ids=staff.partner_id.ids)
        complaint.activity_schedule("mail.mail_activity_data_todo", summary="Ask the warehouse", user_id=staff.id)
        complaint.message_post(
            body="Margin is thin here",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
            attachments=[("internal-costs.txt", b"secret")],
        )
        complaint.message_post(
            body="Here is the photo",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
            attachments=[("photo.txt", b"public")],
        )
        request_list = ["activities", "attachments", "followers", "scheduledMessages", "suggestedRecipients"]
        params = {"thread_model": complaint._name, "thread_id": complaint.id, "request_list": request_list}
        data = self.make_jsonrpc_request("/mail/thread/data", dict(params, token=complaint._portal_ensure_token()))
        self.assertEqual([a["name"] for a in data.get("ir.attachment", [])], ["photo.txt"])
        self.assertFalse(data.get("mail.activity"))
        self.assertFalse(data.get("mail.followers"))
        text = str(data)
        for secret in ("Ask the warehouse", "internal-costs", "Hidden Handler"):
            self.assertNotIn(secret, text)
        # staff who may read the complaint still get everything
        self.authenticate("cm_thread_staff", "cm_thread_staff")
        complaint.team_id.member_ids |= staff
        data = self.make_jsonrpc_request("/mail/thread/data", params)
        self.assertEqual(len(data.get("ir.attachment", [])), 2)
        self.assertTrue(data.get("mail.activity"))

    def test_files_added_on_the_page_are_checked_like_the_form(self):
        complaint = self.complaint_b
        token = complaint._portal_ensure_token()

        def upload(name, data):
            return self.url_open(
                "/mail/attachment/upload",
                data={
                    "thread_model": complaint._name,
                    "thread_id": complaint.id,
                    "token": token,
                    "csrf_token": self._form_tokens("/complaints/new")["csrf_token"],
                },
                files={"ufile": (name, data)},
            ).json()

        refused = upload("invoice.pdf.exe", b"MZ\x90\x00" + b"\x00" * 64)
        self.assertIn("cannot be sent", refused["error"])
        self.assertFalse(self.env["ir.attachment"].search([("name", "=", "invoice.pdf.exe")]))
        accepted = upload("inv\u202egnp.png", self.PNG)
        self.assertNotIn("error", accepted)
        self.assertEqual(accepted["data"]["ir.attachment"][0]["name"], "invgnp.png", "no name that reads backwards")

    def test_anonymous_without_token_goes_to_login(self):
        response = self.url_open(f"/my/complaints/{self.complaint_a.id}", allow_redirects=False)
        self.assertEqual(response.status_code, 303)
        self.assertIn("/web/login", response.headers["Location"])

    def test_file_complaint_with_attachment(self):
        self.authenticate("cm_portal_a", "cm_portal_a")
        response = self._post_form(
            "/my/complaints/new",
            {
                "subject": "Chair wobbles",
                "description": "One leg is shorter.",
                "expectation": "repair",
                "contact_channel": "sms",
                "mobile": "+98 912 345 6789",
            },
            files=[
                ("attachments", ("leg.png", self.PNG, "image/png")),
                ("attachments", ("receipt.pdf", b"%PDF-1.4 receipt", "application/pdf")),
            ],
        )
        self.assertEqual(response.status_code, 303)
        complaint = self.env["complaint.complaint"].search([("subject", "=", "Chair wobbles")])
        self.assertEqual(complaint.partner_id, self.portal_a.partner_id)
        self.assertEqual(complaint.channel, "portal")
        self.assertEqual(complaint.partner_mobile, "+989123456789", "in international form, for SMS")
        self.assertIn(f"/my/complaints/{complaint.id}", response.headers["Location"])
        message = complaint.message_ids.filtered("attachment_ids")
        self.assertEqual(sorted(message.attachment_ids.mapped("name")), ["leg.png", "receipt.pdf"])
        self.assertEqual(message.author_id, self.portal_a.partner_id)

    def _assert_refused(self, files, message, **params):
        for key, value in params.items():
            self.env["ir.config_parameter"].set_param(f"complaint_management.{key}", value)
        self.authenticate("cm_portal_a", "cm_portal_a")
        count = self.env["complaint.complaint"].search_count([])
        attachments = self.env["ir.attachment"].search_count([])
        response = self._post_form("/my/complaints/new", {"subject": "Refused", "description": "Files"}, files=files)
        self.assertEqual(response.status_code, 400)
        self.assertIn(message, response.text)
        self.assertEqual(self.env["complaint.complaint"].search_count([]), count)
        self.assertEqual(self.env["ir.attachment"].search_count([]), attachments)

    def test_oversized_file_refused(self):
        big = self.PNG + b"\x00" * (1024 * 1024)
        self._assert_refused([("attachments", ("big.png", big, "image/png"))], "larger than 1 MB", attachment_max_mb=1)

    def test_total_size_refused(self):
        part = self.PNG + b"\x00" * (700 * 1024)
        self._assert_refused(
            [("attachments", (f"p{i}.png", part, "image/png")) for i in range(2)],
            "add up to more than 1 MB",
            attachment_max_mb=1,
            attachment_total_mb=1,
        )

    def test_forbidden_files_refused(self):
        for name, data in [
            ("tool.exe", b"MZ\x90\x00"),
            ("image.svg", b"<svg onload='alert(1)'/>"),
            ("fake.pdf", b"just text"),
            ("fake.mp4", b"not a video at all"),
        ]:
            with self.subTest(name=name):
                self._assert_refused([("attachments", (name, data, "application/octet-stream"))], "cannot be sent")

    def test_missing_fields_refused(self):
        self.authenticate("cm_portal_a", "cm_portal_a")
        response = self._post_form("/my/complaints/new", {"subject": "", "description": "", "mobile": "call me"})
        self.assertEqual(response.status_code, 400)
        self.assertIn('role="alert"', response.text)
        self.assertIn("Please give your complaint a subject", response.text)
        self.assertIn('aria-invalid="true"', response.text)

    def test_post_without_csrf_token_refused(self):
        self.authenticate("cm_portal_a", "cm_portal_a")
        count = self.env["complaint.complaint"].search_count([])
        response = self._post_form("/my/complaints/new", {"subject": "No token", "description": "x"}, with_tokens=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.env["complaint.complaint"].search_count([]), count)

    def test_home_counter(self):
        self.authenticate("cm_portal_a", "cm_portal_a")
        response = self.make_jsonrpc_request("/my/counters", {"counters": ["complaint_count"]})
        self.assertEqual(response["complaint_count"], 1)

    def test_tour_portal_user_files_and_replies(self):
        admin = self.env.ref("base.partner_admin")
        self.complaint_a.message_post(
            body="We are sending a new lamp.",
            author_id=admin.id,
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        self.complaint_a.message_post(
            body="Internal: the supplier is to blame.",
            author_id=admin.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
        self.start_tour("/my/complaints", "complaint_portal_tour", login="cm_portal_a")
        complaint = self.env["complaint.complaint"].search([("subject", "=", "Scratched table top")])
        self.assertEqual(complaint.partner_id, self.portal_a.partner_id)
        self.assertEqual(complaint.message_ids.attachment_ids.mapped("name"), ["scratch.png"])
        self.assertIn("ten centimetres", " ".join(complaint.message_ids.mapped("body")))
