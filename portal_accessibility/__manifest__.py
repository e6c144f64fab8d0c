{
    "name": "Portal Accessibility",
    "summary": "Odoo's customer portal readable by screen readers and in right-to-left languages (WCAG 2.1 AA)",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "website": "https://github.com/complaint-management/complaint_management",
    "author": "complaint_management contributors",
    "license": "LGPL-3",
    "depends": ["portal"],
    "data": [
        "views/frontend_layout_templates.xml",
        "views/portal_templates.xml",
    ],
    "assets": {
        "portal.assets_chatter": ["portal_accessibility/static/src/chatter/*.xml"],
        "portal.assets_chatter_style": ["portal_accessibility/static/src/chatter/*.scss"],
    },
}
