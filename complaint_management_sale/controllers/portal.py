from odoo.http import request

from odoo.addons.complaint_management.controllers.portal import ComplaintCustomerPortal

# the customer's latest orders the portal form offers (stated in the README)
PORTAL_ORDERS_SHOWN = 50


class ComplaintSalePortal(ComplaintCustomerPortal):
    def _complaint_form_values(self, form, errors, public=False):
        values = super()._complaint_form_values(form, errors, public=public)
        SaleOrder = request.env["sale.order"]
        if not public and SaleOrder.has_access("read"):
            # the customer's rights: their own company's orders only
            orders = SaleOrder.search(
                request.env["complaint.complaint"]._portal_order_domain(),
                order="date_order desc, id desc",
                limit=PORTAL_ORDERS_SHOWN,
            )
            values["sale_orders"] = orders
            values["order_products"] = request.env["complaint.complaint"]._portal_order_products(orders)
        return values
