from datetime import timedelta

import numpy as np

from odoo import fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, TransactionCase, new_test_user, tagged

from ..models import complaint_triage
from ..tools.similarity_index import LATE_ROWS, SimilarityIndex
from .test_triage import BILLING, LATE

OUTBREAK = [
    (
        "Blender BX-200 motor burnt",
        "The BX-200 blender's motor started smoking and smelled of burning after two minutes.",
    ),
    ("Burning smell from BX-200", "My new BX-200 blender: the motor burnt out on first use, a smell of hot plastic."),
    ("بوی سوختگی مخلوط‌کن BX-200", "موتور مخلوط‌کن BX-200 بعد از دو دقیقه بوی سوختگی داد و خاموش شد."),
    ("موتور مخلوط‌کن سوخت", "مخلوط‌کن BX-200 که خریدم موتورش سوخت و دود کرد."),
]


@tagged("post_install", "-at_install")
class TestSimilarComplaints(TransactionCase):
    """The complaints most alike one, across customers: an outbreak of the same fault."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Complaint = cls.env["complaint.complaint"]
        cls.Triage = cls.env["complaint.triage"]
        late = cls.env["complaint.category"].create({"name": "Late (similar test)"})
        billing = cls.env["complaint.category"].create({"name": "Billing (similar test)"})
        closed = cls.env.ref("complaint_management.complaint_stage_closed")
        cls.worked = cls.Complaint.create(
            [
                {"subject": subject, "description": description, "category_id": category.id, "stage_id": closed.id}
                for category, examples in ((late, LATE), (billing, BILLING))
                for subject, description in examples
            ]
        )
        # one of the outbreak came before the training, open: its terms are read by the training
        cls.outbreak = cls._file(OUTBREAK[:1])
        cls.Triage.train(cls.worked)
        # the others after it: their terms are read as they are filed
        cls.outbreak |= cls._file(OUTBREAK[1:])
        cls.team_a = cls.env["complaint.team"].create({"name": "Kitchen (similar test)"})
        cls.team_b = cls.env["complaint.team"].create({"name": "Shipping (similar test)"})
        cls.staff_a = new_test_user(cls.env, login="similar_a", groups="complaint_management.group_complaint_user")
        cls.team_a.member_ids = cls.staff_a
        cls.outbreak.team_id = cls.team_a

    @classmethod
    def _file(cls, texts):
        customers = cls.env["res.partner"].create([{"name": f"Customer {subject}"} for subject, _d in texts])
        return cls.Complaint.create(
            [
                {"subject": subject, "description": description, "partner_id": customer.id}
                for (subject, description), customer in zip(texts, customers, strict=True)
            ]
        )

    def setUp(self):
        super().setUp()
        # what an earlier test's transaction wrote and undid is not in this process's indexes
        complaint_triage._indexes.clear()

    def test_the_same_fault_is_listed_first_across_customers(self):
        for complaint_id in self.outbreak.ids:
            self.env.invalidate_all()
            complaint = self.Complaint.browse(complaint_id)  # alone, as its form reads it
            similar = complaint.similar_complaint_ids
            self.assertNotIn(complaint, similar)
            self.assertGreaterEqual(
                len(similar & self.outbreak), 2, f"{complaint.subject}: {similar.mapped('subject')}"
            )
            self.assertIn(similar[0], self.outbreak, f"{complaint.subject}: {similar.mapped('subject')}")
            similarities = similar.mapped("triage_similarity")
            self.assertEqual(similarities, sorted(similarities, reverse=True))
            self.assertTrue(all(0.1 <= similarity <= 1.0001 for similarity in similarities), similarities)

    def test_suggest_gives_the_similar_complaints(self):
        suggestion = self.Triage.suggest("Blender smoking", "The BX-200 motor smells of burning.")
        self.assertIn(suggestion["similar_ids"][0], self.outbreak.ids)
        self.assertTrue(set(self.outbreak.ids) >= set(suggestion["similar_ids"][:2]))
        self.assertEqual(self.Triage.suggest("", "")["similar_ids"], [], "nothing to compare")

    def test_only_open_and_recent_complaints_are_listed(self):
        first, second, third, fourth = self.outbreak
        closed = self.env.ref("complaint_management.complaint_stage_closed")
        (third | fourth).stage_id = closed
        fourth.date_received = fields.Datetime.now() - timedelta(days=complaint_triage.RECENT_DAYS + 1)
        similar = first.similar_complaint_ids
        self.assertIn(third, similar, "closed lately")
        self.assertNotIn(fourth, similar, "closed long ago")
        fourth.active = False
        self.assertIn(first, second.similar_complaint_ids)

    def test_staff_see_the_similar_complaints_they_may_read(self):
        third = self.outbreak[2]
        third.team_id = self.team_b
        similar = self.outbreak[0].with_user(self.staff_a).similar_complaint_ids
        self.assertTrue(similar & self.outbreak)
        self.assertNotIn(third.id, similar.ids, "another team's complaint")
        suggestion = self.Triage.with_user(self.staff_a).suggest("Blender smoking", "The BX-200 motor burns.")
        self.assertNotIn(third.id, suggestion["similar_ids"])

    def test_an_edited_text_is_compared_anew(self):
        first, second = self.outbreak[:2]
        self.assertIn(second, first.similar_complaint_ids)
        second.write({"subject": "Charged twice", "description": "My card was charged two times for one order."})
        self.assertNotIn(second, first.similar_complaint_ids)
        self.assertEqual(self.env["complaint.triage.vector"].search_count([("complaint_id", "=", second.id)]), 1)

    def test_linking_the_same_problem_from_the_list(self):
        first, second, third = self.outbreak[:3]
        second.with_context(similar_to=first.id).action_same_problem()
        problem = first.problem_id
        self.assertTrue(problem)
        self.assertEqual(second.problem_id, problem)
        third.with_context(similar_to=first.id).action_same_problem()
        self.assertEqual(problem.complaint_ids, first | second | third)
        for origin in (None, True, "1", [first.id], third.id):  # by RPC, or the complaint itself
            with self.assertRaises(UserError):
                third.with_context(similar_to=origin).action_same_problem()

    def test_a_new_training_compares_with_the_new_model(self):
        before = self.outbreak[0].similar_complaint_ids
        self.Triage.train(self.worked)
        vectors = self.env["complaint.triage.vector"].search([("company_id", "=", self.env.company.id)])
        generation = self.env["complaint.triage.model"].search([("company_id", "=", self.env.company.id)]).generation
        self.assertEqual(set(vectors.mapped("generation")), {generation})
        self.assertGreaterEqual(set(vectors.complaint_id.ids), set((self.worked | self.outbreak).ids))
        self.assertEqual(self.outbreak[0].similar_complaint_ids, before)

    def test_without_a_model_nothing_is_similar(self):
        other = self.env["res.company"].create({"name": "Other Shop (similar test)"})
        complaint = self.Complaint.with_company(other).create(
            {"subject": OUTBREAK[0][0], "description": OUTBREAK[0][1], "company_id": other.id}
        )
        self.assertFalse(complaint.similar_complaint_ids)
        self.assertEqual(self.Triage.with_company(other).suggest(*OUTBREAK[1])["similar_ids"], [])

    def test_the_lookup_costs_few_queries(self):
        self.assertTrue(self.Complaint.browse(self.outbreak[0].id).similar_complaint_ids, "the index read")
        self.env.invalidate_all()
        with self.assertQueryCount(4):
            self.assertTrue(self.Complaint.browse(self.outbreak[1].id).similar_complaint_ids)


@tagged("post_install", "-at_install")
class TestSimilarityIndex(TransactionCase):
    @staticmethod
    def _row(row_id, complaint_id, columns, weights):
        weights = np.array(weights, dtype=np.float32)
        return (row_id, complaint_id, np.array(columns, dtype=np.int32), weights / np.linalg.norm(weights))

    def test_nearest_replaced_and_late_rows(self):
        index = SimilarityIndex(10)
        index.TAIL_ROWS = 2  # the small matrix joins the large one on the second row
        index.add([self._row(1, 100, [0, 1], [1, 1]), self._row(2, 101, [2, 3], [1, 1])])
        index.add([self._row(3, 102, [0, 2], [1, 1]), self._row(4, 103, [9, 12], [1, 1])])
        nearest = index.nearest(np.array([0, 1]), np.array([0.7071, 0.7071], dtype=np.float32), 3)
        self.assertEqual([complaint_id for complaint_id, _s in nearest], [100, 102])
        self.assertAlmostEqual(nearest[0][1], 1.0, places=3)
        index.add([self._row(5, 100, [5], [1])])  # complaint 100's text changed
        nearest = index.nearest(np.array([0, 1]), np.array([0.7071, 0.7071], dtype=np.float32), 3)
        self.assertEqual([complaint_id for complaint_id, _s in nearest], [102])
        self.assertEqual(len(index), 4)
        nearest = index.nearest(np.array([5, 9]), np.array([0.7071, 0.7071], dtype=np.float32), 3)
        self.assertEqual([complaint_id for complaint_id, _s in nearest], [100, 103])
        self.assertAlmostEqual(nearest[1][1], 0.5, places=3, msg="a term the model does not have is left out")
        self.assertEqual(index.unread(), (5 - LATE_ROWS, [1, 2, 3, 4, 5]))


@tagged("post_install", "-at_install")
class TestTriageCosts(TransactionCase):
    def test_triage_adds_few_queries_to_a_new_complaint(self):
        Complaint = self.env["complaint.complaint"]
        closed = self.env.ref("complaint_management.complaint_stage_closed")
        late = self.env["complaint.category"].create({"name": "Late (cost test)"})
        billing = self.env["complaint.category"].create({"name": "Billing (cost test)"})
        worked = Complaint.create(
            [
                {"subject": subject, "description": description, "category_id": category.id, "stage_id": closed.id}
                for category, examples in ((late, LATE), (billing, BILLING))
                for subject, description in examples
            ]
        )

        def create_cost():
            Complaint.create({"subject": "Warm up", "description": "Parcel late."})
            self.env.flush_all()
            before = self.env.cr.sql_log_count
            Complaint.create({"subject": "Still waiting", "description": "The parcel is ten days late."})
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        without_model = create_cost()
        self.env["complaint.triage"].train(worked)
        # its suggestions and its terms inserted, the suggested records checked
        self.assertLessEqual(create_cost() - without_model, 4)


@tagged("post_install", "-at_install")
class TestSimilarComplaintsUi(HttpCase):
    def test_tour_same_problem_from_the_similar_complaints(self):
        closed = self.env.ref("complaint_management.complaint_stage_closed")
        late = self.env["complaint.category"].create({"name": "Late (tour)"})
        billing = self.env["complaint.category"].create({"name": "Billing (tour)"})
        worked = self.env["complaint.complaint"].create(
            [
                {"subject": subject, "description": description, "category_id": category.id, "stage_id": closed.id}
                for category, examples in ((late, LATE), (billing, BILLING))
                for subject, description in examples
            ]
        )
        self.env["complaint.triage"].train(worked)
        customers = self.env["res.partner"].create(
            [{"name": "Ava Tour", "email": "ava@example.com"}, {"name": "Ben Tour", "email": "ben@example.com"}]
        )
        handler = new_test_user(
            self.env, login="similar_tour", groups="base.group_user,complaint_management.group_complaint_user"
        )
        team = self.env["complaint.team"].create({"name": "Kitchen (tour)", "member_ids": handler.ids})
        first, second = self.env["complaint.complaint"].create(
            [
                {"subject": subject, "description": description, "partner_id": customer.id, "team_id": team.id}
                for (subject, description), customer in zip(OUTBREAK[:2], customers, strict=True)
            ]
        )
        self.start_tour(
            f"/odoo/action-complaint_management.complaint_complaint_action/{first.id}",
            "complaint_similar_tour",
            login="similar_tour",
        )
        for complaint, customer in ((first, customers[0]), (second, customers[1])):
            message = complaint.message_ids.filtered(lambda m: "new motor" in (m.body or ""))
            self.assertEqual(message.partner_ids, customer)
