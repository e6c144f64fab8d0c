from odoo.http import request

from odoo.addons.complaint_management.controllers.portal import ComplaintCustomerPortal


class ComplaintSalePortal(ComplaintCustomerPortal):

    def _complaint_form_values(self, form, errors, public=False):
        values = super()._complaint_form_values(form, errors, public=public)
        SaleOrder = request.env["sale.order"]
        if not public and SaleOrder.has_access("read"):
            # the customer's rights: their own company's orders only
            orders = SaleOrder.search(
                request.env["complaint.complaint"]._portal_order_domain(), order="date_order desc, id desc", limit=50)
            values["sale_orders"] = orders
            # sudo: customers may not read products; these are the products of orders found with their rights
            values["order_products"] = {order: order.sudo().order_line.product_id for order in orders}
        return values
