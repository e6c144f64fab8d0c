{
    "name": "Mail Gateway WhatsApp API",
    "summary": "OCA's WhatsApp gateway on any Graph API address, signed webhooks only, and messages "
    "that do not fail the webhook",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "website": "https://github.com/complaint-management/complaint_management",
    "author": "complaint_management contributors",
    "license": "AGPL-3",
    "depends": ["mail_gateway_whatsapp"],
    "data": ["views/mail_gateway_views.xml"],
}
