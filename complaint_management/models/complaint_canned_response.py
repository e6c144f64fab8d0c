from odoo import api, fields, models


class ComplaintCannedResponse(models.Model):
    """A prepared answer to customers, suggested when replying to complaints of its categories."""

    _name = "complaint.canned.response"
    _description = "Complaint Canned Response"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category_ids = fields.Many2many(
        "complaint.category", string="Categories",
        help="Suggested for complaints of these categories and their subcategories; for every complaint when empty.")
    body = fields.Html(required=True, translate=True, sanitize=True)

    @api.model
    def _suggested_for(self, complaint):
        """The responses for `complaint`: those of its category or an ancestor first, then the general ones."""
        ancestors = [int(part) for part in (complaint.category_id.parent_path or "").split("/") if part]
        responses = self.search(["|", ("category_ids", "=", False), ("category_ids", "in", ancestors)])
        path = complaint.category_id.parent_path or ""
        specific = responses.filtered(lambda r: any(path.startswith(c.parent_path) for c in r.category_ids))
        return specific + responses.filtered(lambda r: not r.category_ids)
