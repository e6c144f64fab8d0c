{
    "name": "Customer Complaint Management - Loyalty",
    "summary": "Service-recovery gesture: a single-use discount code from a coupon program, sent after a complaint",
    "version": "18.0.1.2.0",
    "category": "Services/Helpdesk",
    "website": "https://github.com/complaint-management/complaint_management",
    "author": "complaint_management contributors",
    "license": "LGPL-3",
    "depends": ["complaint_management", "loyalty"],
    "data": [
        "security/ir.model.access.csv",
        "data/mail_template_data.xml",
        "views/complaint_team_views.xml",
        "views/complaint_complaint_views.xml",
    ],
    "auto_install": True,
}
