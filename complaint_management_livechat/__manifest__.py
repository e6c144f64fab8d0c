{
    "name": "Customer Complaint Management - Live Chat",
    "summary": "A live-chat bot that files complaints and answers with their tracking code",
    "version": "18.0.1.0.0",
    "category": "Services/Helpdesk",
    "website": "https://github.com/complaint-management/complaint_management",
    "author": "complaint_management contributors",
    "license": "LGPL-3",
    "depends": ["complaint_management", "im_livechat"],
    "data": [
        "data/chatbot_script_data.xml",
        "views/chatbot_script_step_views.xml",
        "views/complaint_public_templates.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": ["demo/im_livechat_channel_demo.xml"],
    "assets": {
        "web.assets_tests": ["complaint_management_livechat/static/tests/tours/*.js"],
    },
    "auto_install": True,
}
