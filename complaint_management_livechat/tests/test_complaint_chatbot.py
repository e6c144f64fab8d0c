from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestComplaintChatbot(HttpCase):
    """The shipped Complaint Bot, driven through the live-chat routes a visitor's browser calls."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.bot = cls.env.ref("complaint_management_livechat.chatbot_script_complaint")
        cls.livechat = cls.env.ref("complaint_management_livechat.im_livechat_channel_complaints")
        cls.env.company.complaint_livechat_channel_id = cls.livechat
        cls.step_about_order = cls.env.ref("complaint_management_livechat.chatbot_step_complaint_about_order")
        cls.answer_yes = cls.env.ref("complaint_management_livechat.chatbot_answer_complaint_order_yes")
        cls.answer_no = cls.env.ref("complaint_management_livechat.chatbot_answer_complaint_order_no")
        cls.team = cls.env["complaint.team"].create({"name": "Chat Team"})
        # every test comes from 127.0.0.1: attempts a served database made from there do not count
        cls.env["complaint.intake.attempt"].search([]).unlink()

    def _start(self):
        data = self.make_jsonrpc_request(
            "/im_livechat/get_session",
            {"anonymous_name": "Visitor", "chatbot_script_id": self.bot.id, "channel_id": self.livechat.id},
        )
        if "guest_token" in data["Store"]:
            # the visitor's browser keeps the guest it becomes as a cookie
            self.opener.cookies.set(self.env["mail.guest"]._cookie_name, data["Store"]["guest_token"])
        return self.env["discuss.channel"].browse(data["discuss.channel"][0]["id"])

    def _say(self, channel, text):
        data = self.make_jsonrpc_request(
            "/mail/message/post",
            {
                "thread_model": "discuss.channel",
                "thread_id": channel.id,
                "post_data": {"body": text, "message_type": "comment", "subtype_xmlid": "mail.mt_comment"},
            },
        )
        return data["mail.message"][0]["id"]

    def _next(self, channel):
        self.make_jsonrpc_request("/chatbot/step/trigger", {"channel_id": channel.id, "chatbot_script_id": self.bot.id})

    def _answer(self, channel, text):
        self._say(channel, text)
        self._next(channel)

    def _choose(self, channel, answer):
        question = channel.message_ids.sorted("id")[-1]
        self._say(channel, answer.name)
        self.make_jsonrpc_request(
            "/chatbot/answer/save",
            {"channel_id": channel.id, "message_id": question.id, "selected_answer_id": answer.id},
        )
        self._next(channel)

    def _email(self, channel, email):
        self._say(channel, email)
        result = self.make_jsonrpc_request("/chatbot/step/validate_email", {"channel_id": channel.id})
        if result["success"]:
            self._next(channel)
        return result

    def _last_bot_message(self, channel):
        return channel.message_ids.filtered(lambda m: m.author_id == self.bot.operator_partner_id).sorted("id")[-1].body

    def _run_script(self, name, email, order_reference, *description):
        channel = self._start()
        self._answer(channel, name)
        self._email(channel, email)
        if order_reference:
            self._choose(channel, self.answer_yes)
            self._answer(channel, order_reference)
        else:
            self._choose(channel, self.answer_no)
        for line in description:
            self._say(channel, line)
        self._next(channel)
        return channel

    def test_visitor_files_a_complaint_and_gets_its_code(self):
        channel = self._run_script(
            "Leila Chatter",
            "Leila.Chatter@Example.com",
            "s00042",
            "The parcel arrived crushed.",
            "The vase inside is broken.",
        )
        complaint = self.env["complaint.complaint"].search([("partner_email", "=", "leila.chatter@example.com")])
        self.assertEqual(len(complaint), 1)
        self.assertEqual(complaint.channel, "chat")
        self.assertEqual(complaint.partner_id.name, "Leila Chatter")
        self.assertEqual(complaint.order_reference, "s00042")
        self.assertEqual(complaint.subject, "The parcel arrived crushed.")
        self.assertIn("The vase inside is broken.", complaint.description)
        self.assertTrue(complaint.acknowledgement_pending, "the acknowledgement email is on its way")
        answer = self._last_bot_message(channel)
        self.assertIn("Thank you, we have filed your complaint.", answer)
        self.assertIn(f"Your tracking code is {complaint.name}.", answer)
        self.assertNotIn("access_token", answer, "the chat gives the code, not a link to the page with its secret")
        transcript = complaint.message_ids.filtered(lambda m: "Filed by the live-chat bot" in (m.body or ""))
        self.assertTrue(transcript.subtype_id.internal)
        self.assertIn("The vase inside is broken.", transcript.body)
        self.assertIn("What is the order reference?", transcript.body)

    def test_existing_customer_email_waits_for_the_emailed_link(self):
        known = self.env["res.partner"].create({"name": "Leila Chatter", "email": "leila.chatter@example.com"})
        self._run_script("leila  chatter", "leila.chatter@example.com", None, "Late again.")
        complaint = self.env["complaint.complaint"].search([("partner_email", "=", "leila.chatter@example.com")])
        self.assertEqual(len(complaint), 1)
        self.assertNotEqual(complaint.partner_id, known, "typing her email in a chat proves nothing")
        self.assertFalse(complaint.email_verified)
        self.assertTrue(complaint.message_ids.filtered(lambda m: "existing customer" in (m.body or "")))
        self.url_open(complaint.get_portal_url(query_string=f"&verify={complaint._portal_email_verification_token()}"))
        self.assertEqual(complaint.partner_id, known, "the link emailed to her address joins it to her contact")

    def test_one_line_answer_keeps_the_last_message_and_links_their_text(self):
        channel = self._start()
        self._say(channel, "Leila")
        self._answer(channel, "Leila   Chatter")
        self._email(channel, "leila@example.com")
        self._choose(channel, self.answer_yes)
        self._answer(channel, "S00042")
        # as the chat window sends it: what was typed escaped, addresses made links
        self._say(
            channel,
            'See <a href="https://example.com/photo" target="_blank">https://example.com/photo</a>'
            " for the damage &lt;b&gt;now&lt;/b&gt;",
        )
        self._next(channel)
        complaint = self.env["complaint.complaint"].search([("partner_email", "=", "leila@example.com")])
        self.assertEqual(complaint.partner_id.name, "Leila Chatter")
        self.assertEqual(complaint.subject, "See https://example.com/photo for the damage <b>now</b>")
        self.assertNotIn("<b>", complaint.description, "typed markup stays text")

    def test_restart_files_a_new_complaint_with_its_own_transcript(self):
        first = self._run_script("Ana", "ana@example.com", None, "First problem.")
        self.make_jsonrpc_request("/chatbot/restart", {"channel_id": first.id, "chatbot_script_id": self.bot.id})
        self._next(first)  # the welcome message
        self._next(first)  # the first question
        self._answer(first, "Ana")
        self._email(first, "ana@example.com")
        self._choose(first, self.answer_no)
        self._answer(first, "Second problem.")
        complaints = self.env["complaint.complaint"].search([("partner_email", "=", "ana@example.com")], order="id")
        self.assertEqual(complaints.mapped("subject"), ["First problem.", "Second problem."])
        transcript = complaints[1].message_ids.filtered(lambda m: "Filed by the live-chat bot" in (m.body or ""))
        self.assertNotIn("First problem.", transcript.body)
        self.assertEqual(transcript.author_id, self.bot.operator_partner_id)

    def test_create_step_must_follow_a_question(self):
        with self.assertRaises(ValidationError):
            self.env["chatbot.script"].create(
                {
                    "title": "Hasty Bot",
                    "script_step_ids": [
                        (0, 0, {"step_type": "text", "message": "Hello"}),
                        (0, 0, {"step_type": "create_complaint", "message": "Filed."}),
                    ],
                }
            )

    def test_complaint_without_order_and_with_team(self):
        self.env.ref("complaint_management_livechat.chatbot_step_complaint_create").complaint_team_id = self.team
        self._run_script("Omid Nooreder", "omid@example.com", None, "Nobody answers your hotline.")
        complaint = self.env["complaint.complaint"].search([("partner_email", "=", "omid@example.com")])
        self.assertFalse(complaint.order_reference)
        self.assertEqual(complaint.team_id, self.team)

    def test_invalid_email_is_asked_again(self):
        channel = self._start()
        self._answer(channel, "Leila")
        result = self._email(channel, "no email here")
        self.assertFalse(result["success"])
        self.assertIn("does not look like a valid email", self._last_bot_message(channel))
        self.assertEqual(channel.chatbot_current_step_id.step_type, "question_email")
        self.assertTrue(self._email(channel, "leila@example.com")["success"])
        self.assertEqual(channel.chatbot_current_step_id, self.step_about_order)

    def test_long_first_line_makes_a_short_subject(self):
        self._run_script("Sam", "sam@example.com", None, "x" * 300)
        complaint = self.env["complaint.complaint"].search([("partner_email", "=", "sam@example.com")])
        self.assertEqual(len(complaint.subject), 80)
        self.assertTrue(complaint.subject.endswith("…"))

    def test_script_without_email_question_files_nothing(self):
        bot = self.env["chatbot.script"].create(
            {
                "title": "Careless Bot",
                "script_step_ids": [
                    (0, 0, {"step_type": "free_input_multi", "complaint_field": "description", "message": "Tell us."}),
                    (0, 0, {"step_type": "create_complaint", "message": "Filed."}),
                ],
            }
        )
        self.livechat.rule_ids = [(0, 0, {"chatbot_script_id": bot.id})]
        self.bot = bot
        channel = self._start()
        self._answer(channel, "Broken again")
        self.assertFalse(self.env["complaint.complaint"].search([("description", "ilike", "Broken again")]))
        self.assertIn("could not file your complaint without a valid email address", self._last_bot_message(channel))

    def test_rate_limit(self):
        self.env["ir.config_parameter"].set_param("complaint_management.submission_rate_limit", 1)
        self._run_script("Spam", "spam@example.com", None, "First")
        channel = self._run_script("Spam", "spam@example.com", None, "Second")
        self.assertEqual(self.env["complaint.complaint"].search_count([("partner_email", "=", "spam@example.com")]), 1)
        self.assertIn("several complaints in a short time", self._last_bot_message(channel))

    def test_logged_in_customer_files_for_their_own_contact(self):
        portal = new_test_user(
            self.env, login="chat_portal", name="Pari Portal", email="pari@example.com", groups="base.group_portal"
        )
        self.authenticate("chat_portal", "chat_portal")
        self._run_script("Someone Else", "other@example.com", None, "Wrong size delivered.")
        complaint = self.env["complaint.complaint"].search([("description", "ilike", "Wrong size delivered")])
        self.assertEqual(complaint.partner_id, portal.partner_id)
        self.assertEqual(complaint.channel, "chat")

    def test_complaint_pages_offer_the_chat_only_when_set(self):
        self.assertIn("livechatData", self.url_open("/complaints/new").text)
        self.env.company.complaint_livechat_channel_id = False
        self.assertNotIn("livechatData", self.url_open("/complaints/new").text)

    def test_tour_visitor_files_in_the_chat(self):
        self.start_tour("/complaints/new", "complaint_chatbot_tour")
        complaint = self.env["complaint.complaint"].search([("partner_email", "=", "leila.chatter@example.com")])
        self.assertEqual(complaint.channel, "chat")
        self.assertEqual(complaint.order_reference, "S00042")
        self.assertIn("the vase inside is broken.", complaint.description)

    def test_name_typed_in_the_chat_is_one_clean_line(self):
        self._run_script("Eve\u202e\r\nBcc: victim@example.org", "eve.chat@example.com", "", "Nobody called back.")
        complaint = self.env["complaint.complaint"].search([("partner_email", "=", "eve.chat@example.com")])
        self.assertEqual(complaint.partner_id.name, "Eve Bcc: victim@example.org")
        self.assertEqual(complaint.partner_name, "Eve Bcc: victim@example.org")

    def test_livechat_managers_without_complaint_rights_open_the_bot(self):
        step = self.env["chatbot.script.step"].search(
            [("chatbot_script_id", "=", self.bot.id), ("step_type", "=", "create_complaint")], limit=1
        )
        step.complaint_team_id = self.team
        manager = new_test_user(self.env, login="cm_livechat_only", groups="im_livechat.im_livechat_group_manager")
        data = step.with_user(manager).web_read(
            {"complaint_team_id": {"fields": {"display_name": {}}}, "complaint_field": {}, "step_type": {}}
        )
        self.assertEqual(data[0]["complaint_team_id"]["id"], self.team.id)
        self.assertTrue(step.with_user(manager).read(["complaint_team_id", "complaint_field"]))

    def test_persian_visitor_gets_a_persian_contact(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.opener.cookies.set("frontend_lang", "fa_IR")
        self._run_script("لیلا گفتگو", "leila.fa@example.com", None, "بسته دیر رسید.")
        complaint = self.env["complaint.complaint"].search([("partner_email", "=", "leila.fa@example.com")])
        self.assertEqual(complaint.partner_id.lang, "fa_IR")
