from odoo import api, fields, models
from odoo.exceptions import ValidationError


class ComplaintComplaint(models.Model):
    _inherit = "complaint.complaint"

    sale_order_id = fields.Many2one(
        "sale.order",
        string="Sales Order",
        tracking=True,
        index="btree_not_null",
        check_company=True,
        domain="[('partner_id', 'child_of', commercial_partner_id)]",
        help="The customer's order this complaint is about.",
    )
    sale_order_product_ids = fields.Many2many(
        "product.product", compute="_compute_sale_order_product_ids", string="Products of the Order", compute_sudo=True
    )
    product_id = fields.Many2one(compute="_compute_product_id", store=True, readonly=False, precompute=True)

    @api.depends("sale_order_id.order_line.product_id")
    def _compute_sale_order_product_ids(self):
        for complaint in self:
            complaint.sale_order_product_ids = complaint.sale_order_id.order_line.product_id

    @api.depends("sale_order_id")
    def _compute_product_id(self):
        """The order's product when it has only one; a product not on the order is cleared.
        Without an order, or with one of its products, the product stays (left unassigned)."""
        for complaint in self.filtered("sale_order_id"):
            products = complaint.sale_order_id.sudo().order_line.product_id  # sudo: as in the constraints
            if complaint.product_id not in products:
                complaint.product_id = products if len(products) == 1 else False

    @api.constrains("sale_order_id", "partner_id")
    def _check_sale_order_customer(self):
        for complaint in self.filtered("sale_order_id"):
            # sudo: complaint staff without sales rights may record a complaint on a customer's order;
            # only the order's customer is compared, nothing of the order is shown
            order = complaint.sale_order_id.sudo()
            if order.partner_id.commercial_partner_id != complaint.partner_id.commercial_partner_id:
                raise ValidationError(
                    self.env._(
                        "Sales order %(order)s belongs to %(owner)s, not to this complaint's customer %(customer)s.",
                        order=order.name,
                        owner=order.partner_id.commercial_partner_id.display_name,
                        customer=complaint.partner_id.display_name or self.env._("(none)"),
                    )
                )

    @api.constrains("sale_order_id", "product_id")
    def _check_product_in_order(self):
        # sudo: complaint staff without sales rights compare products with the order's lines
        for complaint in self.filtered(lambda c: c.sale_order_id and c.product_id):
            if complaint.product_id not in complaint.sale_order_id.sudo().order_line.product_id:
                raise ValidationError(
                    self.env._(
                        "Product %(product)s is not on sales order %(order)s.",
                        product=complaint.product_id.display_name,
                        order=complaint.sale_order_id.sudo().name,
                    )
                )  # sudo: the order's name, for the message

    # ------------------------------------------------------------
    # PORTAL
    # ------------------------------------------------------------

    @api.model
    def _portal_order_domain(self):
        """Orders the current portal user may complain about: confirmed orders of their own company
        (searched with their rights too; Odoo's portal rule alone also lets followers see orders)."""
        return [("state", "=", "sale"), ("partner_id", "child_of", self.env.user.commercial_partner_id.id)]

    @api.model
    def _portal_order_products(self, orders):
        """The products of each of `orders`, which the caller found with the portal user's rights."""
        # sudo: customers may not read products; these are the lines of their own orders
        return {order: order.sudo().order_line.product_id for order in orders}

    @api.model
    def _portal_read_form(self, form, public=False):
        values, errors = super()._portal_read_form(form, public=public)
        order_id = form.get("sale_order_id") or ""
        if public or not order_id:
            return values, errors
        # the visitor's rights: a portal user finds only the orders of their own company
        order = self.env["sale.order"].search(
            [
                ("id", "=", int(order_id) if order_id.isdecimal() and len(order_id) < 10 else 0),
                *self._portal_order_domain(),
            ]
        )
        if not order:
            errors["sale_order_id"] = self.env._("Please choose one of your orders.")
        values["sale_order_id"] = order.id
        product_id = form.get("product_id")
        if order and product_id:
            product = order.order_line.product_id.filtered(lambda p: str(p.id) == product_id)
            if not product:
                errors["product_id"] = self.env._("Please choose a product of this order.")
            values["product_id"] = product[:1].id
        return values, errors

    @api.model
    def _portal_order_by_reference(self, reference, partner, company_id):
        """The order named `reference` (as typed) of `partner`'s company, else nothing."""
        reference = (reference or "").strip().upper()
        if not reference:
            return self.env["sale.order"]
        # sudo: a typed order reference is linked only when the order belongs to the complaint's
        # customer; nothing of the order is shown to the visitor
        return (
            self.env["sale.order"]
            .sudo()
            .search(
                [
                    ("name", "=", reference),
                    ("partner_id", "child_of", partner.commercial_partner_id.id),
                    ("company_id", "=", company_id),
                ],
                limit=1,
            )
        )

    @api.model
    def _portal_create(self, values, files, partner):
        if values.get("order_reference") and not values.get("sale_order_id"):
            company_id = values.get("company_id") or partner.company_id.id or self.env.company.id
            order = self._portal_order_by_reference(values["order_reference"], partner, company_id)
            values = dict(values, sale_order_id=order.id) if order else values
        return super()._portal_create(values, files, partner)

    def _portal_verify_email(self, token):
        """Once the email is proven and the complaint joins its customer, the order typed in the
        form is linked, if it is theirs."""
        result = super()._portal_verify_email(token)
        if self.email_verified and self.order_reference and not self.sale_order_id:
            self.sale_order_id = self._portal_order_by_reference(
                self.order_reference, self.partner_id, self.company_id.id
            )
        return result
