/** @odoo-module */

import { registry } from "@web/core/registry";

// A customer follows the 4-star link of the feedback email, says the problem is not solved,
// asks to reopen and sends the form.
registry.category("web_tour.tours").add("complaint_feedback_tour", {
    steps: () => [
        {
            trigger: ".o_complaint_feedback_form #feedback_rating_4:checked",
        },
        {
            trigger: ".o_complaint_feedback_form label[for=feedback_solved_no]",
            run: "click",
        },
        {
            trigger: ".o_complaint_feedback_form .o_complaint_reopen label:visible",
            run: "click",
        },
        {
            trigger: ".o_complaint_feedback_form label[for=feedback_handling_rating_2]",
            run: "click",
        },
        {
            trigger: ".o_complaint_feedback_form label[for=feedback_recommend_6]",
            run: "click",
        },
        {
            trigger: ".o_complaint_feedback_form textarea[name=comment]",
            run: "edit Still cold at night",
        },
        {
            trigger: ".o_complaint_feedback_form button[type=submit]",
            run: "click",
        },
        {
            trigger: ".o_complaint_thanks:contains('We have reopened your complaint')",
        },
    ],
});
