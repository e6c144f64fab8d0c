import { registry } from "@web/core/registry";

// the first bytes of a PNG picture: enough for the server to recognise an image
const PNG_BYTES = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52];

export function attachPicture(selector, name) {
    const input = document.querySelector(selector);
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(PNG_BYTES)], name, { type: "image/png" }));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
}

export function replyOnPortal(text) {
    return [
        {
            content: "Write a reply",
            trigger: "#chatterRoot:shadow .o-mail-Composer-input",
            run: `edit ${text}`,
        },
        {
            content: "Send the reply",
            trigger: "#chatterRoot:shadow .o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The reply shows in the conversation",
            trigger: `#chatterRoot:shadow .o-mail-Message-body:contains(${text})`,
        },
    ];
}

registry.category("web_tour.tours").add("complaint_portal_tour", {
    url: "/my/complaints",
    steps: () => [
        {
            content: "The staff reply shows on the complaint filed earlier",
            trigger: ".o_complaint_row a:contains(CMP)",
            run: "click",
        },
        {
            trigger: "#chatterRoot:shadow .o-mail-Message-body:contains(We are sending a new lamp)",
        },
        {
            content: "Internal notes never show",
            trigger:
                "#chatterRoot:shadow .o-mail-Thread:not(:has(.o-mail-Message-body:contains(supplier is to blame)))",
        },
        {
            content: "Back to the list",
            trigger: ".breadcrumb a[href='/my/complaints']",
            run: "click",
        },
        {
            content: "File a new complaint",
            trigger: "a.o_complaint_new_button",
            run: "click",
        },
        {
            trigger: "input#complaint_subject",
            run: "edit Scratched table top",
        },
        {
            trigger: "textarea#complaint_description",
            run: "edit The table top was scratched when we unpacked it.",
        },
        {
            trigger: "select#complaint_expectation",
            run: "select replacement",
        },
        {
            content: "Attach a photo",
            trigger: "input#complaint_attachments",
            run() {
                attachPicture("input#complaint_attachments", "scratch.png");
            },
        },
        {
            trigger: ".o_complaint_form button[type=submit]",
            run: "click",
        },
        {
            content: "The complaint is received, with its code",
            trigger: ".alert-success:contains(CMP/)",
        },
        {
            trigger: "h1:contains(Scratched table top)",
        },
        {
            content: "The photo is part of the conversation",
            trigger: "#chatterRoot:shadow .o-mail-AttachmentList [title='scratch.png']",
        },
        {
            content: "The new complaint is in the list",
            trigger: ".breadcrumb a[href='/my/complaints']",
            run: "click",
        },
        {
            trigger: ".o_complaint_row:contains(Scratched table top) a",
            run: "click",
        },
        ...replyOnPortal("The scratch is about ten centimetres long."),
    ],
});
