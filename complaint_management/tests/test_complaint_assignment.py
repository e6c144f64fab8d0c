from collections import Counter

from odoo.tests import tagged

from .common import ComplaintCommon


@tagged("complaint_management", "post_install", "-at_install")
class TestComplaintAssignment(ComplaintCommon):
    def _assert_fair(self, complaints, members):
        counts = Counter(complaint.user_id for complaint in complaints)
        self.assertEqual(set(counts), set(members), "every member got complaints, nobody else")
        self.assertLessEqual(max(counts.values()) - min(counts.values()), 1, counts)

    def test_round_robin_fair_over_30_in_one_batch(self):
        complaints = self.env["complaint.complaint"].create(
            [{"subject": f"RR {i}", "team_id": self.team_a.id} for i in range(30)]
        )
        self._assert_fair(complaints, self.team_a.member_ids)
        self.assertEqual(Counter(c.user_id for c in complaints).most_common(1)[0][1], 10)

    def test_round_robin_fair_over_30_one_by_one(self):
        complaints = self.env["complaint.complaint"]
        for i in range(30):
            complaints |= self._create_complaint(subject=f"RR {i}", team_id=self.team_a.id)
        self._assert_fair(complaints, self.team_a.member_ids)
        users = complaints.mapped("user_id")
        self.assertEqual(len(users), 3)
        sequence = [c.user_id for c in complaints]
        self.assertTrue(all(sequence[i] != sequence[i + 1] for i in range(29)), "members take turns")

    def test_balanced_fair_over_30_with_existing_load(self):
        self.team_a.assignment_method = "balanced"
        # user_a1 already holds 4 open complaints, user_a2 one closed complaint
        self.env["complaint.complaint"].create(
            [{"subject": f"Old {i}", "team_id": self.team_a.id, "user_id": self.user_a1.id} for i in range(4)]
        )
        self._create_complaint(team_id=self.team_a.id, user_id=self.user_a2.id, stage_id=self.stage_closed.id)
        complaints = self.env["complaint.complaint"].create(
            [{"subject": f"Bal {i}", "team_id": self.team_a.id} for i in range(30)]
        )
        load = Counter(complaint.user_id for complaint in complaints)
        totals = {user: load[user] + (4 if user == self.user_a1 else 0) for user in self.team_a.member_ids}
        self.assertLessEqual(max(totals.values()) - min(totals.values()), 1, totals)
        self.assertLess(load[self.user_a1], load[self.user_a2])

    def test_balanced_one_by_one(self):
        self.team_a.assignment_method = "balanced"
        complaints = self.env["complaint.complaint"]
        for i in range(30):
            complaints |= self._create_complaint(subject=f"Bal {i}", team_id=self.team_a.id)
        self._assert_fair(complaints, self.team_a.member_ids)

    def test_manual_team_assigns_nobody(self):
        complaint = self._create_complaint(team_id=self.team_b.id)
        self.assertFalse(complaint.user_id)

    def test_explicit_assignee_kept(self):
        complaint = self._create_complaint(team_id=self.team_a.id, user_id=self.user_a3.id)
        self.assertEqual(complaint.user_id, self.user_a3)

    def test_team_change_reassigns_to_member(self):
        complaint = self._create_complaint(team_id=self.team_a.id)
        self.assertIn(complaint.user_id, self.team_a.member_ids)
        complaint.team_id = self.team_b
        self.assertFalse(complaint.user_id, "a manual team leaves the new complaint unassigned")
        self.team_b.assignment_method = "round_robin"
        complaint.team_id = self.team_a
        complaint.team_id = self.team_b
        self.assertEqual(complaint.user_id, self.user_b1)

    def test_round_robin_continues_across_batches(self):
        first = self._create_complaint(team_id=self.team_a.id)
        second = self._create_complaint(team_id=self.team_a.id)
        self.assertNotEqual(first.user_id, second.user_id)
        self.assertEqual(self.team_a.last_assigned_user_id, second.user_id)

    def test_form_onchange_does_not_move_round_robin(self):
        Complaint = self.env["complaint.complaint"]
        for _i in range(3):  # a staff member switches teams back and forth in a form, then discards it
            Complaint.new({"subject": "draft", "team_id": self.team_a.id}).user_id  # noqa: B018
        self.assertFalse(self.team_a.last_assigned_user_id)
        complaints = Complaint.browse()
        for i in range(6):  # the form sends the assignee it showed
            draft = Complaint.new({"subject": f"Form {i}", "team_id": self.team_a.id})
            complaints |= Complaint.create(
                {"subject": f"Form {i}", "team_id": self.team_a.id, "user_id": draft.user_id.id}
            )
        self._assert_fair(complaints, self.team_a.member_ids)

    def test_leader_outside_members_kept(self):
        self.team_a.leader_id = self.manager
        complaint = self._create_complaint(team_id=self.team_a.id, user_id=self.manager.id)
        complaint.category_id = self.category_late
        self.assertEqual(complaint.user_id, self.manager)

    def test_category_routes_to_team_of_same_company(self):
        other_company = self.env["res.company"].create({"name": "Sister Co"})
        self.env["complaint.team"].create(
            {"name": "Sister team", "company_id": other_company.id, "category_ids": [(6, 0, self.category_billing.ids)]}
        )
        self.assertEqual(self._create_complaint(category_id=self.category_billing.id).team_id, self.team_b)

    def test_form_team_change_moves_round_robin(self):
        complaint = self._create_complaint(team_id=self.team_b.id)
        shown = self.env["complaint.complaint"].new({"subject": "draft", "team_id": self.team_a.id}).user_id
        complaint.write({"team_id": self.team_a.id, "user_id": shown.id})
        self.assertEqual(self.team_a.last_assigned_user_id, shown)
        self.assertNotEqual(self._create_complaint(team_id=self.team_a.id).user_id, shown)
