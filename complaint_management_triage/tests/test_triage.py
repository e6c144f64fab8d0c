import base64
import io
import time

import numpy as np

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools import mute_logger

from ..tools.triage_model import TriageModel

LATE = [
    ("Parcel late", "My parcel was promised for Monday and it is still not here."),
    ("Where is my order", "Ordered ten days ago, tracking has not moved since, nobody answers."),
    ("Delivery delayed again", "The courier postponed the delivery for the third time this week."),
    ("Still waiting", "It has been two weeks and the order has not arrived yet."),
    ("Late shipment", "You said three working days; today is day nine and no package."),
    ("سفارش نرسیده", "سفارشم قرار بود دوشنبه برسد ولی هنوز نرسیده است."),
    ("تاخیر در ارسال", "ده روز است منتظرم و کد رهگیری هیچ تغییری نکرده."),
    ("پیک نیامد", "پیک سه بار زمان تحویل را عقب انداخت و هنوز خبری نیست."),
    ("دیر رسید", "بسته یک هفته دیرتر از موعد به دستم رسید."),
    ("کجاست سفارشم", "دو هفته گذشته و سفارش هنوز ارسال نشده، کسی هم جواب نمی‌دهد."),
]
BILLING = [
    ("Charged twice", "My card was charged twice for the same order."),
    ("Wrong invoice amount", "The invoice shows a higher price than the one on the website."),
    ("Overcharged", "I paid for one item but you billed me for three."),
    ("Double payment", "The payment went through two times, please fix my account."),
    ("Invoice error", "The total on my bill is wrong, the discount was not applied."),
    ("دو بار کسر شد", "مبلغ سفارش دو بار از کارتم کسر شده است."),
    ("فاکتور اشتباه", "مبلغ فاکتور بیشتر از قیمت سایت است."),
    ("پول اضافه گرفتید", "یک کالا خریدم ولی پول سه تا را حساب کردید."),
    ("تخفیف اعمال نشد", "جمع صورتحساب اشتباه است و تخفیف اعمال نشده."),
    ("پرداخت تکراری", "پرداخت من دو بار انجام شده، لطفاً حسابم را درست کنید."),
]


@tagged("post_install", "-at_install")
class TestTriage(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Complaint = cls.env["complaint.complaint"]
        cls.Triage = cls.env["complaint.triage"]
        cls.late = cls.env["complaint.category"].create({"name": "Late (triage test)"})
        cls.billing = cls.env["complaint.category"].create({"name": "Billing (triage test)"})
        cls.rare = cls.env["complaint.category"].create({"name": "Rare (triage test)"})
        closed = cls.env.ref("complaint_management.complaint_stage_closed")
        values = []
        for category, examples, tone in ((cls.late, LATE, "upset"), (cls.billing, BILLING, "calm")):
            for subject, description in examples:
                values.append(
                    {
                        "subject": subject,
                        "description": description,
                        "category_id": category.id,
                        "expectation": "refund" if category == cls.billing else "explanation",
                        "tone": tone,
                        "stage_id": closed.id,
                    }
                )
        values += [
            {"subject": "Rude cashier", "description": "The cashier shouted at me.", "category_id": cls.rare.id},
            {"subject": "Rude driver", "description": "The driver insulted me.", "category_id": cls.rare.id},
        ]
        cls.worked = cls.Complaint.create(values)
        cls.evaluation = cls.Triage.train(cls.worked)

    def test_the_model_learns_unseen_wording(self):
        english = self.Triage.suggest("No package yet", "The delivery is five days late and tracking is stuck.")
        self.assertEqual(english["category_id"][0][0], self.late.id)
        persian = self.Triage.suggest("مبلغ اشتباه", "از کارت بانکی من دو بار پول برداشت شده")
        self.assertEqual(persian["category_id"][0][0], self.billing.id)
        self.assertEqual(persian["expectation"][0][0], "refund")
        self.assertEqual(persian["tone"][0][0], "calm")

    def test_the_interface(self):
        suggestion = self.Triage.suggest("Late", "still not delivered", lang="en_US", partner=self.env.user.partner_id)
        self.assertEqual(
            set(suggestion),
            {"category_id", "team_id", "severity", "expectation", "tone", "similar_ids", "canned_response_id"},
        )
        probabilities = [probability for _value, probability in suggestion["category_id"]]
        self.assertEqual(probabilities, sorted(probabilities, reverse=True))
        self.assertTrue(all(isinstance(value, int) for value, _p in suggestion["category_id"]))
        self.assertAlmostEqual(sum(probabilities), 1.0, places=3)

    def test_the_evaluation(self):
        category = self.evaluation["targets"]["category_id"]
        self.assertEqual(category["examples"], 22)
        self.assertEqual(category["labels"], 2)
        self.assertEqual(category["left_out"], [str(self.rare.id)], "two examples are too few to learn")
        table = self.env["res.config.settings"].create({})._triage_evaluation_table()
        self.assertIn("Rare (triage test)", table)
        self.assertIn("top1", category)
        self.assertEqual(self.evaluation["examples"], 22)
        for _i in range(5):
            suggestion = self.Triage.suggest("Rude cashier", "The cashier shouted at me.")
            self.assertNotIn(self.rare.id, [value for value, _p in suggestion["category_id"]])

    def test_customers_cannot_train_or_ask_the_triage(self):
        portal = new_test_user(self.env, login="triage_portal", groups="base.group_portal")
        staff = new_test_user(self.env, login="triage_staff", groups="complaint_management.group_complaint_user")
        with self.assertRaises(AccessError):
            self.Triage.with_user(portal).train()
        with self.assertRaises(AccessError):
            self.Triage.with_user(portal).suggest("Late", "still not here")
        with self.assertRaises(AccessError):
            self.Triage.with_user(staff).train()
        self.assertTrue(self.Triage.with_user(staff).suggest("Late", "still not here")["category_id"])

    def test_the_reply_starts_from_the_canned_response_that_fits(self):
        Response = self.env["complaint.canned.response"]
        late = Response.create(
            {
                "name": "Delayed parcel",
                "body": "<p>Dear {customer}, we are sorry your parcel is late: the courier delivers it this week.</p>",
            }
        )
        billing = Response.create(
            {
                "name": "Double charge",
                "body": "<p>Dear {customer}, we refunded the amount charged twice to your card.</p>",
            }
        )
        suggestion = self.Triage.suggest("Charged twice", "My card was charged two times for one order.")
        self.assertEqual(suggestion["canned_response_id"], billing.id)
        complaint = self.Complaint.create(
            {"subject": "Where is my parcel", "description": "The delivery is late, tracking has not moved."}
        )
        reply = self.env["complaint.complaint.reply"].with_context(default_complaint_id=complaint.id).create({})
        self.assertEqual(reply.response_id, late)
        self.assertIn("your parcel is late", reply.body)

    def test_too_few_complaints_are_refused_with_a_reason(self):
        with self.assertRaisesRegex(UserError, "needs 10"):
            self.Triage.train(self.worked[:3])

    def test_suggestions_are_stored_and_applied_above_the_threshold(self):
        complaint = self.Complaint.create({"subject": "Package late", "description": "Nothing arrived after a week."})
        self.assertFalse(complaint.category_id, "suggest only by default")
        suggestion = complaint.triage_suggestion_ids.filtered(lambda s: s.target == "category_id")
        self.assertEqual((suggestion.value, suggestion.outcome), (str(self.late.id), "pending"))
        self.env.company.triage_apply_category_id = 50
        complaint = self.Complaint.create({"subject": "Package late", "description": "Nothing arrived after a week."})
        self.assertEqual(complaint.category_id, self.late)
        self.assertTrue(complaint.message_ids.filtered(lambda m: "The triage set" in (m.body or "")))
        given = self.Complaint.create(
            {"subject": "Package late", "description": "Nothing arrived.", "category_id": self.billing.id}
        )
        self.assertEqual(given.category_id, self.billing, "what the creator chose stays")

    def test_a_complaint_filed_on_the_portal_is_triaged(self):
        self.env.company.triage_apply_category_id = 50
        portal = new_test_user(self.env, login="triage_customer", groups="base.group_portal")
        complaint = self.Complaint.with_user(portal)._portal_create(
            {"subject": "Charged twice", "description": "<p>My card was charged two times.</p>", "channel": "web"},
            [],
            portal.partner_id,
        )
        self.assertEqual(complaint.sudo().category_id, self.billing)
        self.assertTrue(complaint.sudo().message_ids.filtered(lambda m: "The triage set" in (m.body or "")))

    def test_staff_accept_or_override(self):
        complaint = self.Complaint.create({"subject": "Charged twice", "description": "Two payments for one order."})
        category = complaint.triage_suggestion_ids.filtered(lambda s: s.target == "category_id")
        category.action_accept()
        self.assertEqual(complaint.category_id, self.billing)
        self.assertEqual(category.outcome, "accepted")
        expectation = complaint.triage_suggestion_ids.filtered(lambda s: s.target == "expectation")
        complaint.expectation = "apology"
        self.assertEqual(expectation.outcome, "overridden")
        acceptance = self.env["res.config.settings"].create({})._triage_acceptance()
        self.assertEqual((acceptance["category_id"], acceptance["expectation"]), (1.0, 0.0))

    def test_a_word_of_harm_makes_the_complaint_critical_and_says_why(self):
        complaint = self.Complaint.create(
            {"subject": "Heater", "description": "The heater you sold me caught fire in the living room."}
        )
        self.assertEqual(complaint.severity, "critical")
        self.assertTrue(complaint.message_ids.filtered(lambda m: "caught fire" in (m.body or "")))
        persian = self.Complaint.create({"subject": "شارژر", "description": "شارژر گوشی دود کرد و سوخت"})
        self.assertEqual(persian.severity, "critical")

    def test_bad_input_gives_a_bounded_answer_and_never_breaks_intake(self):
        for subject, description in (
            ("", ""),
            ("😡😡😡", "🔥" * 50),
            ("x", "word " * 200_000),
            ("<b>", "<script>alert(1)</script><p>late <i>delivery</i></p>"),
            ("Жалоба", "Посылка пришла поздно, 包裹迟到了"),
        ):
            started = time.perf_counter()
            suggestion = self.Triage.suggest(subject, description)
            self.assertLess(time.perf_counter() - started, 2)
            self.assertLessEqual(len(suggestion["category_id"]), 3)
            self.assertTrue(self.Complaint.create({"subject": subject or "-", "description": description}))
        for subject, description in (("", ""), ("😡😡😡", "🔥" * 50)):
            suggestion = self.Triage.suggest(subject, description)
            self.assertEqual(suggestion["category_id"], [], "nothing the model knows: no guess")
            self.assertEqual(suggestion["tone"], [])

    def test_a_broken_model_never_stops_intake_nor_the_words_of_harm(self):
        model = self.env["complaint.triage.model"].search([("company_id", "=", self.env.company.id)])
        model.write({"data": base64.b64encode(b"not a model"), "generation": model.generation + 1})
        with mute_logger("odoo.addons.complaint_management_triage.models.complaint_complaint"):
            complaint = self.Complaint.create({"subject": "Late", "description": "Still not delivered."})
            burnt = self.Complaint.create({"subject": "Kettle", "description": "My son got burnt by the kettle."})
        self.assertTrue(complaint)
        self.assertFalse(complaint.triage_suggestion_ids)
        self.assertEqual(burnt.severity, "critical")
        with mute_logger("odoo.addons.complaint_management_triage.models.complaint_complaint"):
            self.assertFalse(complaint.similar_complaint_ids, "the form opens, with no similar complaint")
            complaint.description = "Still not delivered, a week later."
        self.assertIn("a week later", complaint.description)

    def test_markup_alone_does_not_hide_a_word_of_harm(self):
        for subject in ("</p>", "<!DOCTYPE html>", "<!-- x -->", "<![CDATA[x]]>", "</"):
            complaint = self.Complaint.create(
                {"subject": subject, "description": "There is a gas leak from the heater."}
            )
            self.assertEqual(complaint.severity, "critical", subject)
        self.assertIsInstance(self.Triage.suggest("<!--", "ok"), dict)

    def test_odd_arguments_by_rpc_give_clear_answers(self):
        self.assertTrue(self.Triage.suggest("Late", "still not here", lang=["x"])["category_id"])
        with self.assertRaises(UserError):
            self.Triage.train(["a", "b"])
        self.assertEqual(self.Triage.train(self.worked.ids)["examples"], 22)

    def test_the_model_is_kept_without_pickles(self):
        model = self.env["complaint.triage.model"].search([("company_id", "=", self.env.company.id)])
        data = base64.b64decode(model.data)
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            self.assertTrue(all(arrays[name].dtype != object for name in arrays.files))
        buffer = io.BytesIO()
        np.savez(buffer, **{"labels.category_id": np.array([object()], dtype=object)})
        with self.assertRaises(ValueError):
            TriageModel.from_bytes(buffer.getvalue())

    def test_each_company_has_its_own_model(self):
        other = self.env["res.company"].create({"name": "Other Shop (triage test)"})
        suggestion = self.Triage.with_company(other).suggest("Package late", "Nothing arrived after a week.")
        self.assertEqual(suggestion["category_id"], [], "no model of its own: no suggestion")
        closed = self.env.ref("complaint_management.complaint_stage_closed")
        self.Complaint.with_company(other).create(
            {"subject": "Late", "description": "Still not here.", "company_id": other.id, "stage_id": closed.id}
        )
        with mute_logger("odoo.addons.complaint_management_triage.models.complaint_triage"):
            self.Triage._cron_train()  # the other company has too few complaints: logged, no model
        self.assertFalse(self.env["complaint.triage.model"].search([("company_id", "=", other.id)]))
        self.assertTrue(self.env["complaint.triage.model"].search([("company_id", "=", self.env.company.id)]))
