{
    "name": "Right-to-Left PDFs on wkhtmltopdf without Patched Qt",
    "summary": "Print Persian, Arabic and Hebrew reports right with the wkhtmltopdf of Debian and Ubuntu",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "website": "https://github.com/complaint-management/complaint_management",
    "author": "complaint_management contributors",
    "license": "LGPL-3",
    "depends": ["base_setup", "web"],
    "data": ["views/res_config_settings_views.xml"],
}
