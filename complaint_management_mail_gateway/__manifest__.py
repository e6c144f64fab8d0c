{
    "name": "Complaints by Telegram, Bale and WhatsApp",
    "summary": "Customers file and follow complaints by chatting with the company's Telegram, Bale "
    "or WhatsApp account (OCA's mail_gateway)",
    "version": "18.0.1.0.0",
    "category": "Services/Helpdesk",
    "website": "https://github.com/complaint-management/complaint_management",
    "author": "complaint_management contributors",
    "license": "AGPL-3",
    "depends": ["complaint_management", "mail_gateway_bale", "mail_gateway_whatsapp_api"],
    "data": [
        "security/ir.model.access.csv",
        "views/complaint_complaint_views.xml",
        "views/mail_gateway_views.xml",
    ],
    "assets": {
        "web.assets_backend": ["complaint_management_mail_gateway/static/src/**/*"],
        "web.assets_tests": ["complaint_management_mail_gateway/static/tests/tours/**/*"],
    },
    "auto_install": True,
}
