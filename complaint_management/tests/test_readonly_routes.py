from odoo.tests import tagged

from .common import ComplaintPortalCommon

# the pages that only read, which Odoo serves from a read-only cursor (a replica when configured)
READ_ONLY = [
    "/my/complaints",
    "/my/complaints/page/<int:page>",
    "/my/complaints/<int:complaint_id>/letter",
    "/my/complaints/new",
    "/complaints/new",
    "/complaints/statistics",
    "/complaints/feedback/<string:token>",
    "/complaints/report.xlsx",
]


@tagged("complaint_management", "post_install", "-at_install")
class TestReadOnlyRoutes(ComplaintPortalCommon):
    """Customer pages that only read run on a read-only transaction (Odoo's tests open one as a
    replica would: SET TRANSACTION READ ONLY). A page that wrote there would be retried on the
    primary with a warning: none is."""

    def test_reading_routes_are_declared_read_only(self):
        routes = {
            (rule.rule, tuple(rule.endpoint.routing["methods"] or ("GET",))): rule.endpoint.routing["readonly"]
            for rule in self.env["ir.http"].routing_map().iter_rules()
        }
        for path in READ_ONLY:
            with self.subTest(path=path):
                self.assertIs(routes[path, ("GET",)], True)
        # the forms are sent to where they are served: that writes
        for path in ("/my/complaints/new", "/complaints/new", "/complaints/feedback/<string:token>"):
            self.assertFalse(routes[path, ("POST",)])
        # the tracking page reads on GET, and writes (rate limit, the link asked for) on POST; the
        # complaint's page writes only from an email's address verification link
        self.assertTrue(callable(routes["/complaints/track", ("GET", "POST")]))
        self.assertTrue(callable(routes["/my/complaints/<int:complaint_id>", ("GET",)]))

    def _get(self, url):
        with self.assertNoLogs("odoo.http", "WARNING"):
            response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        return response

    def test_no_read_only_page_writes(self):
        self.env.company.complaint_public_statistics = True
        feedback = self.env["complaint.feedback"]._request_for(self.complaint_a)
        for url in (
            "/complaints/new",
            "/complaints/track",
            "/complaints/statistics",
            f"/complaints/feedback/{feedback.access_token}",
            f"/my/complaints/{self.complaint_a.id}?access_token={self.complaint_a._portal_ensure_token()}",
        ):
            with self.subTest(url=url):
                self._get(url)
        self.authenticate("cm_portal_a", "cm_portal_a")
        for url in (
            "/my/complaints",
            "/my/complaints?sortby=date&filterby=open",
            "/my/complaints/new",
            f"/my/complaints/{self.complaint_a.id}",
        ):
            with self.subTest(url=url):
                self._get(url)
