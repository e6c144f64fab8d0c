from random import randint

from odoo import fields, models


class ComplaintTag(models.Model):
    _name = "complaint.tag"
    _description = "Complaint Tag"
    _order = "name"

    def _get_default_color(self):
        return randint(1, 11)

    name = fields.Char(required=True, translate=True)
    color = fields.Integer(default=lambda self: self._get_default_color())

    _sql_constraints = [
        ("name_uniq", "unique (name)", "A tag with this name already exists."),
    ]
