/** @odoo-module */

import { registry } from "@web/core/registry";

// A handler sees, on a complaint, another customer's complaint of the same fault, links them as the same
// problem, opens the problem and sends both customers one update.
registry.category("web_tour.tours").add("complaint_similar_tour", {
    steps: () => [
        {
            trigger: ".o_notebook .nav-link:contains('Similar Complaints')",
            run: "click",
        },
        {
            trigger: ".o_notebook .o_data_row:contains('Burning smell from BX-200') button[name=action_same_problem]",
            run: "click",
        },
        {
            // linked: the row shows the problem, named after the complaint open here
            trigger:
                ".o_notebook .o_data_row:contains('Burning smell from BX-200') td[name=problem_id]:contains('Blender BX-200 motor burnt')",
        },
        {
            trigger: ".o_menu_sections a:contains('Problems')",
            run: "click",
        },
        {
            trigger: ".o_list_view .o_data_row td:contains('Blender BX-200 motor burnt')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=open_complaint_count]:contains('2')",
        },
        {
            trigger: ".o_form_view button[name=action_send_update]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=complaint_ids] .o_tag:contains('Burning smell from BX-200')",
        },
        {
            trigger: ".modal .o_field_widget[name=body] .odoo-editor-editable",
            run: "editor A new motor is on its way to you.",
        },
        {
            trigger: ".modal button[name=action_send]",
            run: "click",
        },
        {
            trigger: ".o-mail-Message-body:contains('Sent to the customers of these complaints (2)')",
        },
    ],
});
