import re
from datetime import timedelta

from odoo import fields
from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools import mute_logger

ANSWERS = {"rating": "4", "solved": "yes", "handling_rating": "5", "recommend": "9", "comment": "Quick and kind"}


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintFeedback(HttpCase):
    """A resolved complaint of a team with a leader and an assignee, and its open feedback request."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.leader = new_test_user(
            cls.env,
            login="cm_fb_leader",
            name="Leila Leader",
            email="leila@example.com",
            groups="base.group_user,complaint_management.group_complaint_user",
        )
        cls.agent = new_test_user(
            cls.env,
            login="cm_fb_agent",
            name="Omid Agent",
            email="omid@example.com",
            groups="base.group_user,complaint_management.group_complaint_user",
        )
        cls.team = cls.env["complaint.team"].create(
            {"name": "Feedback team", "leader_id": cls.leader.id, "member_ids": [(6, 0, cls.agent.ids)]}
        )
        cls.customer = cls.env["res.partner"].create({"name": "Kian Customer", "email": "kian@example.com"})
        cls.stage_resolved = cls.env.ref("complaint_management.complaint_stage_resolved")
        cls.complaint = cls.env["complaint.complaint"].create(
            {
                "subject": "Heater stopped working",
                "partner_id": cls.customer.id,
                "team_id": cls.team.id,
                "user_id": cls.agent.id,
                "stage_id": cls.stage_resolved.id,
            }
        )
        cls.Feedback = cls.env["complaint.feedback"]

    def setUp(self):
        super().setUp()
        self.feedback = self.Feedback._request_for(self.complaint)
        self.url = f"/complaints/feedback/{self.feedback.access_token}"

    def _post(self, answers, url=None):
        # the session's CSRF token, which every page carries (answered and expired ones have no form)
        page = self.url_open(url or self.url).text
        data = dict(answers, csrf_token=re.search(r'csrf_token: "([^"]+)"', page).group(1))
        return self.url_open(url or self.url, data=data, allow_redirects=False)

    def test_request_holds_the_complaint_as_it_was(self):
        self.assertEqual(self.feedback.state, "requested")
        self.assertEqual(self.feedback.partner_id, self.customer)
        self.assertEqual((self.feedback.team_id, self.feedback.user_id), (self.team, self.agent))
        self.assertGreaterEqual(len(self.feedback.access_token), 40)
        self.assertAlmostEqual(
            self.feedback.date_expiry, self.feedback.date_requested + timedelta(days=30), delta=timedelta(seconds=1)
        )

    def test_star_link_prefills_and_saves_nothing(self):
        response = self.url_open(f"{self.url}?rating=4&channel=email")
        self.assertEqual(response.status_code, 200)
        self.assertRegex(response.text, r'value="4"\s+id="feedback_rating_4"[^>]*checked')
        self.assertIn("Heater stopped working", response.text)
        self.assertEqual(self.feedback.state, "requested", "opening a link (as mail scanners do) saves nothing")

    def test_answer_saved_once(self):
        response = self._post(dict(ANSWERS, channel="sms"))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Thank you for your feedback", response.text)
        self.feedback.invalidate_recordset()
        self.assertEqual(self.feedback.state, "done")
        self.assertEqual(
            (
                self.feedback.rating,
                self.feedback.solved,
                self.feedback.handling_rating,
                self.feedback.recommend,
                self.feedback.comment,
                self.feedback.channel,
            ),
            (4, "yes", 5, "9", "Quick and kind", "sms"),
        )
        self.assertEqual(self.complaint.feedback_rating, 4)
        self.assertEqual((self.feedback.csat, self.feedback.nps), (100.0, 100.0))

        replay = self._post(dict(ANSWERS, rating="1", comment="Changed my mind"))
        self.assertIn("We already have your feedback", replay.text)
        self.feedback.invalidate_recordset()
        self.assertEqual((self.feedback.rating, self.feedback.comment), (4, "Quick and kind"), "a replay saves nothing")

    def test_bad_answers_refused_with_nothing_saved(self):
        for bad in (
            {"rating": "6"},
            {"rating": "0"},
            {"rating": "five"},
            {"handling_rating": "9"},
            {"recommend": "11"},
            {"solved": "maybe"},
            {"solved": ""},
        ):
            with self.subTest(bad=bad):
                response = self._post(dict(ANSWERS, **bad))
                self.assertEqual(response.status_code, 400)
                self.assertIn("Your feedback was not sent", response.text)
                self.assertIn(f'aria-describedby="{next(iter(bad))}_error"', response.text)
                self.feedback.invalidate_recordset()
                self.assertEqual(self.feedback.state, "requested")

    def test_unknown_or_altered_token_is_not_found(self):
        other = self.env["complaint.complaint"].create({"subject": "Other", "partner_id": self.customer.id})
        other_feedback = self.Feedback._request_for(other)
        for token in ("nope", self.feedback.access_token[:-1] + "x", "x" * 300):
            with self.subTest(token=token[:10]):
                response = self.url_open(f"/complaints/feedback/{token}")
                self.assertEqual(response.status_code, 404)
                self.assertIn("This feedback link is not valid", response.text)
        self._post(ANSWERS)
        self.assertEqual(other_feedback.state, "requested", "a token answers its own request only")

    @mute_logger("odoo.http")
    def test_post_without_csrf_token_refused(self):
        response = self.url_open(self.url, data=dict(ANSWERS, csrf_token="forged"), allow_redirects=False)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(self.feedback.state, "requested")

    def test_expired_or_superseded_link(self):
        self.feedback.date_expiry = fields.Datetime.now() - timedelta(minutes=1)
        response = self.url_open(self.url)
        self.assertEqual(response.status_code, 410)
        self.assertIn("This feedback link has expired", response.text)
        self.assertIn('href="/complaints/track"', response.text)
        self.assertNotIn(self.complaint.access_token, response.text, "an old link opens no access to the complaint")
        newer = self.Feedback._request_for(self.complaint)
        self.assertEqual(self.feedback.state, "cancelled", "a new request replaces the open one")
        self.assertEqual(self._post(ANSWERS).status_code, 410)
        self.assertEqual(newer.state, "requested")

    def test_not_solved_reopens_and_tells_the_team(self):
        self._post(dict(ANSWERS, solved="no", rating="1", reopen="1"))
        complaint = self.complaint
        self.assertFalse(complaint.stage_id.is_resolved or complaint.stage_id.is_closed)
        self.assertEqual(complaint.stage_id, self.team._reopen_stage())
        self.assertEqual(complaint.reopen_count, 1)
        self.assertTrue(complaint.date_reopened)
        self.assertFalse(complaint.date_resolved)
        note = complaint.message_ids.filtered(lambda m: "asked to reopen" in (m.body or ""))
        self.assertEqual(note.author_id, self.customer)
        self.assertEqual(note.partner_ids, (self.agent | self.leader).partner_id)

    def test_solved_answer_does_not_reopen(self):
        self._post(dict(ANSWERS, reopen="1"))
        self.assertEqual(self.complaint.stage_id, self.stage_resolved)
        self.assertEqual(self.complaint.reopen_count, 0)

    def test_page_in_the_customers_language_right_to_left(self):
        self.env["res.lang"]._activate_lang("fa_IR")
        self.customer.lang = "fa_IR"
        page = self.url_open(self.url).text
        self.assertIn("web.assets_frontend.rtl", page, "right-to-left styles")
        self.assertIn("o_rtl", page)

    def test_scores_per_team(self):
        self.Feedback.search([]).unlink()
        for rating, recommend in ((5, "10"), (4, "9"), (3, "7"), (1, "3")):
            feedback = self.Feedback._request_for(self.complaint)
            feedback._answer({"rating": rating, "solved": "yes", "handling_rating": rating, "recommend": recommend})
        [(csat, handling, nps)] = self.Feedback._read_group(
            [("team_id", "=", self.team.id), ("state", "=", "done")], [], ["csat:avg", "handling_rating:avg", "nps:avg"]
        )
        self.assertEqual(csat, 50.0, "2 of 4 ratings are 4 or 5")
        self.assertEqual(handling, 3.25)
        self.assertEqual(nps, 25.0, "2 promoters, 1 passive, 1 detractor")

    def test_only_whether_it_is_solved_is_asked_for(self):
        """An angry customer who only says "not solved, reopen" is heard, and is neither a
        detractor nor a 0-star rating in the averages."""
        response = self._post({"solved": "no", "reopen": "1"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("We have reopened your complaint", response.text)
        self.assertRecordValues(
            self.feedback,
            [
                {
                    "state": "done",
                    "solved": "no",
                    "rating": 0,
                    "handling_rating": 0,
                    "recommend": False,
                    "reopen_requested": True,
                }
            ],
        )
        self.assertNotEqual(self.complaint.stage_id, self.stage_resolved)

        other = self.Feedback._request_for(
            self.env["complaint.complaint"].create(
                {"subject": "Other", "partner_id": self.customer.id, "team_id": self.team.id}
            )
        )
        other._answer({"rating": 5, "solved": "yes", "handling_rating": 4, "recommend": "6"})
        [(count, rating, csat, handling, nps)] = self.Feedback._read_group(
            [("team_id", "=", self.team.id), ("state", "=", "done")],
            [],
            ["__count", "rating:avg", "csat:avg", "handling_rating:avg", "nps:avg"],
        )
        self.assertEqual((count, rating, csat, handling, nps), (2, 5.0, 100.0, 4.0, -100.0))
        [(nps,)] = self.Feedback._read_group([("id", "=", self.feedback.id)], [], ["nps:avg"])
        self.assertIs(nps, False, "no answer, no score (not a passive)")

    def test_answers_checked_by_the_model_too(self):
        with self.assertRaises(ValidationError):
            self.feedback._answer({"rating": 7, "solved": "yes", "handling_rating": 5, "recommend": "9"})

    def test_feedback_page_tour(self):
        self.start_tour(f"{self.url}?rating=4", "complaint_feedback_tour")
        self.feedback.invalidate_recordset()
        self.assertEqual((self.feedback.state, self.feedback.rating, self.feedback.solved), ("done", 4, "no"))
        self.assertEqual((self.feedback.handling_rating, self.feedback.recommend), (2, "6"))
        self.assertEqual(self.complaint.reopen_count, 1)


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintReward(HttpCase):
    """The team's thank-you email, once per complaint."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["complaint.team"].create({"name": "Kind team", "reward_on": "resolution"})
        cls.customer = cls.env["res.partner"].create({"name": "Sima Customer", "email": "sima@example.com"})
        cls.stage_resolved = cls.env.ref("complaint_management.complaint_stage_resolved")
        cls.stage_progress = cls.env.ref("complaint_management.complaint_stage_in_progress")

    def _thanks(self, complaint):
        return complaint.message_ids.filtered(lambda m: "Thank you for your patience" in (m.subject or ""))

    def test_thanks_after_resolution_once(self):
        complaint = self.env["complaint.complaint"].create(
            {"subject": "Late", "partner_id": self.customer.id, "team_id": self.team.id}
        )
        complaint.stage_id = self.stage_resolved
        self.assertEqual(len(self._thanks(complaint)), 1)
        self.assertTrue(complaint.date_rewarded)
        complaint.stage_id = self.stage_progress
        complaint.stage_id = self.stage_resolved
        self.assertEqual(len(self._thanks(complaint)), 1, "once per complaint, also after a reopen")

    def test_no_gesture_recorded_when_nobody_to_thank(self):
        complaint = self.env["complaint.complaint"].create({"subject": "Anonymous", "team_id": self.team.id})
        complaint.stage_id = self.stage_resolved
        self.assertFalse(complaint.date_rewarded, "no customer to write to: nothing was given")

    def test_thanks_after_feedback(self):
        self.team.reward_on = "feedback"
        complaint = self.env["complaint.complaint"].create(
            {
                "subject": "Late",
                "partner_id": self.customer.id,
                "team_id": self.team.id,
                "stage_id": self.stage_resolved.id,
            }
        )
        self.assertFalse(self._thanks(complaint), "not at the resolution")
        self.env["complaint.feedback"]._request_for(complaint)._answer(
            {"rating": 2, "solved": "partly", "handling_rating": 3, "recommend": "5"}
        )
        self.assertEqual(len(self._thanks(complaint)), 1)
