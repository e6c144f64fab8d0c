import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("complaint_from_chat_tour", {
    steps: () => [
        {
            content: "The customer's message is in the messenger chat",
            trigger: ".o-mail-Message:contains('The blender arrived broken')",
        },
        {
            content: "Staff turn the chat into a complaint",
            trigger: "button[name='complaint-from-chat']",
            run: "click",
        },
        {
            content: "The complaint opens, filed from the chat",
            trigger: ".o_form_view .o_field_widget[name='messenger_channel_id']",
        },
        {
            content: "Its subject is what the customer wrote",
            trigger: ".o_form_view .o_field_widget[name='subject'] input:value('The blender arrived broken')",
        },
    ],
});
