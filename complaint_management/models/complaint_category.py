from odoo import api, fields, models


class ComplaintCategory(models.Model):
    _name = "complaint.category"
    _description = "Complaint Category"
    _parent_name = "parent_id"
    _parent_store = True
    _rec_name = "complete_name"
    _rec_names_search = ["complete_name", "name"]
    _order = "complete_name"

    name = fields.Char(required=True, translate=True)
    complete_name = fields.Char(compute="_compute_complete_name", recursive=True, store=True)
    parent_id = fields.Many2one("complaint.category", string="Parent Category", index=True, ondelete="cascade")
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("complaint.category", "parent_id", string="Subcategories")
    team_ids = fields.Many2many(
        "complaint.team",
        "complaint_category_team_rel",
        "category_id",
        "team_id",
        string="Teams",
        help="Teams that handle complaints of this category; the first one receives new complaints.",
    )
    active = fields.Boolean(default=True)

    @api.depends_context("lang")
    @api.depends("name", "parent_id")
    def _compute_display_name(self):
        # the path in the reader's language (complete_name, stored for sorting, is in one language)
        for category in self:
            parent = category.parent_id.display_name
            category.display_name = f"{parent} / {category.name}" if parent else category.name

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for category in self:
            if category.parent_id:
                category.complete_name = f"{category.parent_id.complete_name} / {category.name}"
            else:
                category.complete_name = category.name
