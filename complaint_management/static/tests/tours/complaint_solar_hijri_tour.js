import { registry } from "@web/core/registry";

// Staff working in Persian, with Solar Hijri dates on: the list reads 1 Farvardin 1405 for a
// complaint received on 21 March 2026.
registry.category("web_tour.tours").add("complaint_solar_hijri_tour", {
    steps: () => [
        {
            trigger: ".o_list_view .o_data_row:contains('Solar Hijri tour') .o_data_cell[name=date_received]:contains('۱ فروردین ۱۴۰۵')",
        },
    ],
});
