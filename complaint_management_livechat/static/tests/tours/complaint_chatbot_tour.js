import { registry } from "@web/core/registry";

const chat = ".o-livechat-root:shadow";
const botSays = (text) => ({ trigger: `${chat} .o-mail-Message:contains("${text}")` });
const visitorSays = (text) => [
    { trigger: `${chat} .o-mail-Composer-input`, run: `edit ${text}` },
    { trigger: `${chat} .o-mail-Composer-input`, run: "press Enter" },
];

registry.category("web_tour.tours").add("complaint_chatbot_tour", {
    url: "/complaints/new",
    steps: () => [
        {
            content: "The complaint page offers the chat",
            trigger: `${chat} .o-livechat-LivechatButton:contains(File a complaint in the chat)`,
            run: "click",
        },
        {
            ...botSays("I can file a complaint for you"),
            run() {
                // the bot waits 10 s for more lines of a multi-line answer; 0.5 s in tours
                odoo.__WOWL_DEBUG__.root.env.services["im_livechat.chatbot"].chatbot.script.isLivechatTourRunning =
                    true;
            },
        },
        botSays("What is your name?"),
        ...visitorSays("Leila Chatter"),
        botSays("Which email address can we reach you at?"),
        ...visitorSays("not an email"),
        botSays("does not look like a valid email"),
        ...visitorSays("leila.chatter@example.com"),
        botSays("Is your complaint about an order?"),
        { trigger: `${chat} li:contains("Yes, about an order")`, run: "click" },
        botSays("What is the order reference?"),
        ...visitorSays("S00042"),
        botSays("Please tell us what happened"),
        ...visitorSays("The parcel arrived crushed, the vase inside is broken."),
        botSays("Thank you, we have filed your complaint."),
        {
            content: "The tracking code is given in the chat",
            trigger: `${chat} .o-mail-Message:contains("Your tracking code is CMP/")`,
        },
    ],
});
