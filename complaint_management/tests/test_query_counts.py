from odoo.tests import tagged, users, warmup

from .common import ComplaintCommon, ComplaintPortalCommon

CARD = {
    "name": {},
    "subject": {},
    "priority": {},
    "kanban_state": {},
    "sla_deadline": {},
    "activity_state": {},
    "partner_id": {"fields": {"display_name": {}}},
    "user_id": {"fields": {"display_name": {}}},
    "tag_ids": {"fields": {"display_name": {}, "color": {}}},
    "stage_id": {"fields": {"display_name": {}}},
}
# measured on 2026-12-06 (the kanban: columns, progress bars and a page of cards per open column)
KANBAN_QUERIES = 16
LIST_QUERIES = 11
PARTNER_COUNTER_QUERIES = 5
CREATE_QUERIES_PER_COMPLAINT = 3
PORTAL_LIST_QUERIES = 9


@tagged("complaint_management", "post_install", "-at_install")
class TestQueryCounts(ComplaintCommon):
    """What the pages staff open most cost in queries, so that it cannot creep: a bound, and no
    more queries for more complaints or partners."""

    def _queries(self, action):
        """Queries of `action` with cold record caches and warm registry caches (the fewer of two
        runs: a run may refill a cache of the access rules that something emptied)."""
        counts = []
        for _run in range(2):
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            action()
            counts.append(self.cr.sql_log_count - before)
        return min(counts)

    def _complaints(self, count):
        return self.env["complaint.complaint"].create(
            [
                {
                    "subject": f"Broken {i}",
                    "partner_id": self.customer.id,
                    "team_id": self.team_a.id,
                    "user_id": self.user_a1.id,
                }
                for i in range(count)
            ]
        )

    def _open_kanban(self):
        Complaint = self.env["complaint.complaint"]
        domain = [("is_closed", "=", False)]
        groups = Complaint.web_read_group(domain, ["stage_id"], ["stage_id"], limit=80, lazy=True)
        Complaint.read_progress_bar(
            domain,
            "stage_id",
            {"field": "kanban_state", "colors": {"done": "success", "blocked": "danger", "normal": "200"}},
        )
        for group in groups["groups"]:
            if not group.get("__fold") and group["stage_id"]:
                Complaint.web_search_read(domain + [("stage_id", "=", group["stage_id"][0])], CARD, limit=40)

    # @warmup: the caches Odoo keeps across requests are warm, as on a running server; the records
    # are read afresh (invalidate_all), as by a new request

    @users("cm_a1")
    @warmup
    def test_kanban(self):
        for count in (5, 30):  # no more queries for more complaints
            self._complaints(count)
            self.env.invalidate_all()
            with self.assertQueryCount(cm_a1=KANBAN_QUERIES):
                self._open_kanban()

    @users("cm_a1")
    @warmup
    def test_list(self):
        # a full page, then a longer list: the list counts the rest for its pager
        for count in (25, 100):
            self._complaints(count)
            self.env.invalidate_all()
            with self.assertQueryCount(cm_a1=LIST_QUERIES):
                self.env["complaint.complaint"].web_search_read(
                    [("team_id", "=", self.team_a.id)],
                    {**CARD, "team_id": {"fields": {"display_name": {}}}, "date_received": {}},
                    limit=20,
                )

    @users("cm_a1")
    @warmup
    def test_partner_counter(self):
        # sudo: staff read customers, Sales' rules keep creating them to its users
        partners = self.env["res.partner"].sudo().create([{"name": f"Customer {i}"} for i in range(20)])
        self.env["complaint.complaint"].create(
            [{"subject": "Late", "partner_id": partner.id, "team_id": self.team_a.id} for partner in partners]
        )
        for some in (partners[:2].with_env(self.env), partners.with_env(self.env)):  # no more for 20 than for 2
            self.env.invalidate_all()
            with self.assertQueryCount(cm_a1=PARTNER_COUNTER_QUERIES):
                some.read(["complaint_count"])

    def test_batch_create(self):
        def create(count):
            return lambda: (self._complaints(count), self.env.flush_all())

        self._queries(create(5))
        ten, thirty = self._queries(create(10)), self._queries(create(30))
        self.assertLessEqual((thirty - ten) / 20, CREATE_QUERIES_PER_COMPLAINT)


@tagged("complaint_management", "post_install", "-at_install")
class TestPortalQueryCounts(ComplaintPortalCommon):
    """A customer's list of complaints on the portal, over HTTP, caches warm."""

    def test_portal_list(self):
        self.authenticate(self.portal_a.login, self.portal_a.login)
        self.url_open("/my/complaints")  # caches warm
        with self.assertQueryCount(PORTAL_LIST_QUERIES):
            self.assertEqual(self.url_open("/my/complaints").status_code, 200)
