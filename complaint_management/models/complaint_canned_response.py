from markupsafe import Markup, escape

from odoo import api, fields, models

from ..tools.company_access import check_company_allowed

# what a response may write in braces, replaced when it is chosen for a complaint
PLACEHOLDERS = ("customer", "code", "subject", "handler", "promised_date")


class ComplaintCannedResponse(models.Model):
    """A prepared answer to customers, suggested when replying to complaints of its categories."""

    _name = "complaint.canned.response"
    _description = "Complaint Canned Response"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company",
        index=True,
        default=lambda self: self.env.company,
        help="The company whose staff use it; empty: every company's.",
    )
    category_ids = fields.Many2many(
        "complaint.category",
        string="Categories",
        help="Suggested for complaints of these categories and their subcategories; for every complaint when empty.",
    )
    body = fields.Html(
        required=True,
        translate=True,
        sanitize=True,
        help="{customer}, {code}, {subject}, {handler} and {promised_date} (the promised resolution) are "
        "replaced by the complaint's, in the customer's language, when the response is chosen.",
    )

    def write(self, vals):
        check_company_allowed(self.env, vals)
        return super().write(vals)

    @api.model
    def _suggested_for(self, complaint):
        """The responses for `complaint` (its company's or every company's): those of its category or an
        ancestor first, then the general ones."""
        ancestors = [int(part) for part in (complaint.category_id.parent_path or "").split("/") if part]
        responses = self.search(
            [
                ("company_id", "in", [False, complaint.company_id.id]),
                "|",
                ("category_ids", "=", False),
                ("category_ids", "in", ancestors),
            ]
        )
        path = complaint.category_id.parent_path or ""
        specific = responses.filtered(lambda r: any(path.startswith(c.parent_path) for c in r.category_ids))
        return specific + responses.filtered(lambda r: not r.category_ids)

    def _body_for(self, complaint):
        """The body in the customer's language, its placeholders replaced by `complaint`'s values."""
        self.ensure_one()
        lang = complaint.partner_id.lang or self.env.lang
        promised = complaint.date_resolution_promised
        values = {
            "customer": complaint.partner_id.name or complaint.partner_name or "",
            "code": complaint.name or "",
            "subject": complaint.subject or "",
            "handler": complaint._portal_handler_first_name() or self.env.user.name.split()[0],
            "promised_date": complaint.with_context(lang=lang)._customer_date(promised) if promised else "",
        }
        body = str(self.with_context(lang=lang).body or "")
        for name in PLACEHOLDERS:
            body = body.replace(f"{{{name}}}", str(escape(values[name])))
        return Markup(body)
