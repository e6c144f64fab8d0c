from odoo import fields, models


class SaleOrder(models.Model):
    _inherit = "sale.order"

    complaint_count = fields.Integer(
        compute="_compute_complaint_count", groups="complaint_management.group_complaint_user"
    )

    def _compute_complaint_count(self):
        counts = dict(
            self.env["complaint.complaint"]._read_group(
                [("sale_order_id", "in", self.ids)], ["sale_order_id"], ["__count"]
            )
        )
        for order in self:
            order.complaint_count = counts.get(order._origin, 0)

    def action_view_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id("complaint_management.complaint_complaint_action")
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = self._complaint_defaults()
        return action

    def action_new_complaint(self):
        """Open a new complaint form prefilled with this order's customer, order and product."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("New Complaint"),
            "res_model": "complaint.complaint",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "current",
            "context": self._complaint_defaults(),
        }

    def _complaint_defaults(self):
        # the complaint takes the order's product itself when the order has only one
        return {
            "default_partner_id": self.partner_id.id,
            "default_sale_order_id": self.id,
            "default_company_id": self.company_id.id,
        }
