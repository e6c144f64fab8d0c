/** @odoo-module */

import { registry } from "@web/core/registry";

// A manager reads the SLA analysis as a pivot and a graph, then a team's follow-up days.
registry.category("web_tour.tours").add("complaint_sla_analysis_tour", {
    url: "/odoo/action-complaint_management.complaint_sla_report_action",
    steps: () => [
        {
            trigger: ".o_pivot_view .o_pivot table:contains('Deliveries')",
        },
        {
            trigger: ".o_pivot_view .o_pivot th:contains('SLA Compliance (%)')",
        },
        {
            trigger: ".o_switch_view.o_graph",
            run: "click",
        },
        {
            trigger: ".o_graph_view .o_graph_renderer canvas",
        },
        {
            trigger: ".o_main_navbar .dropdown-toggle:contains('Configuration')",
            run: "click",
        },
        {
            trigger: ".dropdown-item:contains('Teams')",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_cell:contains('Deliveries')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=feedback_days] input",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=waiting_close_days] input",
        },
    ],
});
