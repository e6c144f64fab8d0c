{
    "name": "Mail Gateway Bale",
    "summary": "Bale (a Telegram-shaped messenger) as a gateway of OCA's mail_gateway, and Telegram bots "
    "on any Bot API address",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "website": "https://github.com/complaint-management/complaint_management",
    "author": "complaint_management contributors",
    "license": "AGPL-3",
    "external_dependencies": {"python": ["python-telegram-bot"]},
    "depends": ["mail_gateway_telegram"],
    "data": ["views/mail_gateway_views.xml"],
}
