import { registry } from "@web/core/registry";

import { attachPicture, replyOnPortal } from "./complaint_portal_tour";

registry.category("web_tour.tours").add("complaint_public_tour", {
    url: "/complaints/new",
    steps: () => [
        {
            trigger: "input#complaint_name",
            run: "edit Sara Visitor",
        },
        {
            trigger: "input#complaint_email",
            run: "edit sara.visitor@example.com",
        },
        {
            trigger: "input#complaint_subject",
            run: "edit Rude answer on the phone",
        },
        {
            trigger: "textarea#complaint_description",
            run: "edit The person on the hotline hung up on me.",
        },
        {
            content: "Attach a screenshot",
            trigger: "input#complaint_attachments",
            run() {
                attachPicture("input#complaint_attachments", "call-log.png");
            },
        },
        {
            trigger: ".o_complaint_form button[type=submit]",
            run: "click",
        },
        {
            content: "The tracking code is shown",
            trigger: ".o_complaint_code:contains(CMP/)",
            run() {
                sessionStorage.setItem("complaint_code", this.anchor.textContent.trim());
            },
        },
        {
            trigger: "a[href='/complaints/track']",
            run: "click",
        },
        {
            content: "Track with code and email",
            trigger: "input#complaint_track_code",
            run() {
                this.anchor.value = sessionStorage.getItem("complaint_code");
            },
        },
        {
            trigger: "input#complaint_track_email",
            run: "edit Sara.Visitor@example.com",
        },
        {
            trigger: ".o_complaint_track_form button[type=submit]",
            run: "click",
        },
        {
            content: "The link is emailed, not shown",
            trigger: "#complaint_track_sent",
        },
    ],
});

registry.category("web_tour.tours").add("complaint_public_link_tour", {
    steps: () => [
        {
            content: "The emailed link opens the complaint",
            trigger: "h1:contains(Rude answer on the phone)",
        },
        ...replyOnPortal("I called at 10 in the morning."),
    ],
});
