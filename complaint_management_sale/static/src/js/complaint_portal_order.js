import publicWidget from "@web/legacy/js/public/public_widget";

/**
 * On the portal complaint form, offer only the products of the chosen order.
 */
publicWidget.registry.ComplaintOrderProducts = publicWidget.Widget.extend({
    selector: ".o_complaint_form",
    events: {
        "change select[name='sale_order_id']": "_filterProducts",
    },

    start() {
        this._filterProducts();
        return this._super(...arguments);
    },

    _filterProducts() {
        const order = this.el.querySelector("select[name='sale_order_id']");
        const product = this.el.querySelector("select[name='product_id']");
        if (!order || !product) {
            return;
        }
        for (const option of product.querySelectorAll("option[data-order]")) {
            const shown = option.dataset.order === order.value;
            option.hidden = !shown;
            option.disabled = !shown;
            if (!shown && option.selected) {
                product.value = "";
            }
        }
        product.disabled = !order.value;
    },
});
