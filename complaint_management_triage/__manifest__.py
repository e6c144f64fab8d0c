{
    "name": "Complaint Triage",
    "summary": "Suggests a new complaint's category, team, severity, expectation and the customer's tone, "
    "learnt from the company's own complaints, on its own server",
    "version": "18.0.1.1.0",
    "category": "Services/Helpdesk",
    "website": "https://github.com/complaint-management/complaint_management",
    "author": "complaint_management contributors",
    "license": "LGPL-3",
    "external_dependencies": {"python": ["scikit-learn", "numpy", "scipy"]},
    "depends": ["complaint_management"],
    "data": [
        "security/ir.model.access.csv",
        "security/complaint_triage_security.xml",
        "data/ir_cron_data.xml",
        "views/complaint_complaint_views.xml",
        "views/complaint_triage_suggestion_views.xml",
        "wizard/complaint_complaint_reply_views.xml",
        "views/res_config_settings_views.xml",
    ],
    "demo": ["demo/complaint_triage_demo.xml"],
    "assets": {"web.assets_tests": ["complaint_management_triage/static/tests/tours/**/*"]},
    "auto_install": True,
}
