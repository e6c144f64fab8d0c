from odoo import api, fields, models
from odoo.tools import format_amount, format_date

RECENT_ORDERS = 5


class ComplaintComplaintIntake(models.TransientModel):
    _inherit = "complaint.complaint.intake"

    commercial_partner_id = fields.Many2one(related="partner_id.commercial_partner_id")
    recent_orders = fields.Text(
        string="Last Orders",
        compute="_compute_recent_orders",
        compute_sudo=True,
        help="The customer's last confirmed orders (complaint staff need no sales rights to see them).",
    )
    sale_order_id = fields.Many2one(
        "sale.order", string="Sales Order", domain="[('partner_id', 'child_of', commercial_partner_id)]"
    )

    @api.depends("partner_id")
    def _compute_recent_orders(self):
        for intake in self:
            customer = intake.partner_id.commercial_partner_id
            orders = (
                self.env["sale.order"].search(
                    [
                        ("partner_id", "child_of", customer.id),
                        ("state", "=", "sale"),
                    ],
                    order="date_order desc, id desc",
                    limit=RECENT_ORDERS,
                )
                if customer
                else []
            )
            intake.recent_orders = (
                "\n".join(
                    f"{order.name} · {format_date(self.env, order.date_order)} · "
                    f"{format_amount(self.env, order.amount_total, order.currency_id)}"
                    for order in orders
                )
                or False
            )

    def _complaint_values(self):
        return dict(super()._complaint_values(), sale_order_id=self.sale_order_id.id)
