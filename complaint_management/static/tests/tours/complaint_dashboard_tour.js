/** @odoo-module */

import { registry } from "@web/core/registry";

// A manager reads the dashboard on its default period (90 days), switches to 30 days and opens the complaints behind a figure.
registry.category("web_tour.tours").add("complaint_dashboard_tour", {
    steps: () => [
        {
            trigger: ".o_complaint_dashboard .o_complaint_kpi_open .o_complaint_kpi_value",
        },
        {
            trigger: ".o_complaint_dashboard .o_complaint_bars button",
        },
        {
            // it opens on the default period
            trigger: ".o_complaint_dashboard .btn-group button.btn-primary:contains('90')",
        },
        {
            trigger: ".o_complaint_dashboard .btn-group button:contains('30')",
            run: "click",
        },
        {
            trigger: ".o_complaint_dashboard .btn-group button.btn-primary:contains('30')",
        },
        {
            trigger: ".o_complaint_dashboard .o_complaint_kpi_open",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row",
        },
        {
            trigger: ".o_breadcrumb:contains('Open')",
        },
    ],
});
