{
    "name": "Customer Complaint Management - Sales",
    "summary": "Link complaints to sales orders and open complaints from an order",
    "version": "18.0.1.0.0",
    "category": "Services/Helpdesk",
    "website": "https://github.com/complaint-management/complaint_management",
    "author": "complaint_management contributors",
    "license": "LGPL-3",
    "depends": ["complaint_management", "sale_management"],
    "data": [
        "views/complaint_complaint_views.xml",
        "views/sale_order_views.xml",
        "views/complaint_portal_templates.xml",
        "wizard/complaint_complaint_intake_views.xml",
    ],
    "demo": ["demo/complaint_complaint_demo.xml", "demo/mail_alias_domain_demo.xml"],
    "assets": {
        "web.assets_frontend": ["complaint_management_sale/static/src/js/complaint_portal_order.js"],
    },
    "auto_install": True,
}
