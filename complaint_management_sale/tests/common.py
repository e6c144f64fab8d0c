def confirmed_order(env, partner, *products):
    """A confirmed sales order of `partner` with one of each product."""
    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "order_line": [(0, 0, {"product_id": product.id, "product_uom_qty": 1}) for product in products],
        }
    )
    order.action_confirm()
    return order
