from odoo import api, models
from odoo.osv import expression


class MailFollowers(models.Model):
    _inherit = "mail.followers"

    def _complaint_followers_domain(self):
        """The followers of complaints the user may read: who complained to another team, and who
        handles it there, is no business of this user."""
        Complaint = self.env["complaint.complaint"].with_context(active_test=False)
        if not Complaint.has_access("read"):
            return [("res_model", "!=", Complaint._name)]
        return ["|", ("res_model", "!=", Complaint._name), ("res_id", "in", Complaint._search([]))]

    @api.model
    def _search(self, domain, offset=0, limit=None, order=None):
        if not self.env.su:
            domain = expression.AND([domain, self._complaint_followers_domain()])
        return super()._search(domain, offset=offset, limit=limit, order=order)

    def _check_access(self, operation):
        result = super()._check_access(operation)
        if result or self.env.su:
            return result
        # sudo: the document each follower belongs to, to check it against the user's complaints
        followers = self.sudo()
        complaint_ids = {f.res_id for f in followers if f.res_model == "complaint.complaint"}
        if not complaint_ids:
            return None
        Complaint = self.env["complaint.complaint"].with_context(active_test=False)
        readable = set(Complaint.browse(complaint_ids)._filtered_access("read").ids)
        forbidden = self.browse(
            f.id for f in followers if f.res_model == "complaint.complaint" and f.res_id not in readable
        )
        if not forbidden:
            return None
        return forbidden, lambda: self.env["ir.rule"]._make_access_error(operation, forbidden)
