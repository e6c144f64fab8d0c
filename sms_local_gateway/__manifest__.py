{
    "name": "SMS through a Local Gateway",
    "summary": "Odoo's SMS sent through Kavenegar, sms.ir or any HTTP gateway instead of Odoo IAP, per company, "
    "with template sends and delivery reports",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "website": "https://github.com/complaint-management/complaint_management",
    "author": "complaint_management contributors",
    "license": "LGPL-3",
    "external_dependencies": {"python": ["phonenumbers"]},
    "depends": ["base_setup", "sms"],
    "data": [
        "security/ir.model.access.csv",
        "data/ir_cron_data.xml",
        "views/sms_gateway_views.xml",
        "views/sms_sms_views.xml",
        "views/res_config_settings_views.xml",
    ],
}
