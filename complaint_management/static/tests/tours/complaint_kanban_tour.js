/** @odoo-module */

import { registry } from "@web/core/registry";

// A staff user creates a complaint from the kanban, opens it and moves it to another stage.
registry.category("web_tour.tours").add("complaint_kanban_tour", {
    url: "/odoo/action-complaint_management.complaint_complaint_action",
    steps: () => [
        {
            trigger: ".o_kanban_view .o_kanban_group",
        },
        {
            trigger: ".o-kanban-button-new",
            run: "click",
        },
        {
            trigger: ".o_kanban_quick_create div.o_field_char[name=subject] input",
            run: "edit Tour: coffee machine leaks",
        },
        {
            trigger: ".o_kanban_quick_create .o_kanban_add",
            run: "click",
        },
        {
            trigger: ".o_kanban_record:contains('Tour: coffee machine leaks')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name]:contains('CMP/')",
        },
        {
            trigger: ".o_statusbar_status button[data-value]:contains('In Progress')",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('In Progress')",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
