import { registry } from "@web/core/registry";

// Staff working in Persian, with Solar Hijri dates on: the list reads 1 Farvardin 1405 for a
// complaint received on 21 March 2026. On its form they type the day it happened, 15 Esfand 1404,
// in Persian digits and read it back in the digits Odoo writes Persian dates with; they open the
// picker on Esfand 1404, go to Farvardin 1405 and back, and pick the 20th.
registry.category("web_tour.tours").add("complaint_solar_hijri_tour", {
    steps: () => [
        {
            trigger:
                ".o_list_view .o_data_row:contains('Solar Hijri tour') .o_data_cell[name=date_received]:contains('۱ فروردین ۱۴۰۵')",
            run: "click",
        },
        {
            // the time depends on the browser's time zone
            trigger: ".o_form_view .o_field_widget[name=date_received] input",
            run() {
                if (!this.anchor.value.startsWith("1405/01/01 ")) {
                    throw new Error(`received on ${this.anchor.value}, not 1405/01/01`);
                }
            },
        },
        {
            trigger: ".o_form_view .o_field_widget[name=date_occurred] input",
            run: "edit ۱۴۰۴/۱۲/۱۵ ۱۰:۳۰:۰۰ && click body",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=date_occurred] input:value('1404/12/15 10:30:00')",
            run: "click",
        },
        {
            trigger: ".o_datetime_picker .o_header_part:contains('اسفند ۱۴۰۴')",
        },
        {
            trigger: ".o_datetime_picker .o_next",
            run: "click",
        },
        {
            trigger: ".o_datetime_picker .o_header_part:contains('فروردین ۱۴۰۵')",
        },
        {
            trigger: ".o_datetime_picker .o_previous",
            run: "click",
        },
        {
            trigger: ".o_datetime_picker .o_date_item_cell:not(.o_out_of_range):contains('۲۰')",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=date_occurred] input:value('1404/12/20 10:30:00')",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
    ],
});
