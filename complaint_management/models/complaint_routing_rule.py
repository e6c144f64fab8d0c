from odoo import api, fields, models

from ..tools.company_access import check_company_allowed
from .complaint_complaint import CHANNELS


class ComplaintRoutingRule(models.Model):
    """Which team gets a new complaint: the first rule (by sequence) whose filters all match; an
    empty filter matches anything. Without a matching rule, the team handling the category does."""

    _name = "complaint.routing.rule"
    _description = "Complaint Routing Rule"
    _order = "sequence, id"
    _check_company_auto = True

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    category_id = fields.Many2one("complaint.category", help="Also matches its subcategories.")
    product_id = fields.Many2one("product.product", check_company=True)
    product_categ_id = fields.Many2one(
        "product.category", string="Product Category", help="Also matches its subcategories."
    )
    channel = fields.Selection(CHANNELS)
    partner_tag_id = fields.Many2one("res.partner.category", string="Customer Tag")
    team_id = fields.Many2one("complaint.team", required=True, ondelete="cascade", check_company=True)

    @api.depends("team_id", "category_id", "product_id", "product_categ_id", "channel", "partner_tag_id")
    def _compute_display_name(self):
        channels = dict(self._fields["channel"]._description_selection(self.env))
        for rule in self:
            conditions = [
                rule.category_id.display_name,
                rule.product_id.display_name,
                rule.product_categ_id.display_name,
                channels.get(rule.channel),
                rule.partner_tag_id.name,
            ]
            rule.display_name = self.env._(
                "%(conditions)s to %(team)s",
                conditions=", ".join(filter(None, conditions)) or self.env._("Any complaint"),
                team=rule.team_id.name,
            )

    def write(self, vals):
        check_company_allowed(self.env, vals)
        return super().write(vals)

    def _matches(self, complaint):
        self.ensure_one()
        product, customer = complaint.product_id, complaint.partner_id
        tags = customer.category_id | customer.commercial_partner_id.category_id
        return (
            (not self.category_id or _within(complaint.category_id, self.category_id))
            and (not self.product_id or product == self.product_id)
            and (not self.product_categ_id or _within(product.categ_id, self.product_categ_id))
            and (not self.channel or complaint.channel == self.channel)
            and (not self.partner_tag_id or self.partner_tag_id in tags)
        )

    @api.model
    def _team_for(self, complaints):
        """{complaint: team} of the complaints a rule routes."""
        rules = self.search([("company_id", "in", complaints.company_id.ids)])
        routed = {}
        for complaint in complaints:
            rule = next((r for r in rules if r.company_id == complaint.company_id and r._matches(complaint)), None)
            if rule:
                routed[complaint] = rule.team_id
        return routed


def _within(record, ancestor):
    """Whether `record` is `ancestor` or one of its descendants (models with a parent_path)."""
    return bool(record) and (record.parent_path or "").startswith(ancestor.parent_path or "\0")
