{
    "name": "Solar Hijri Dates",
    "summary": "Dates in the Solar Hijri (Jalali) calendar for people who work in Persian: in the back office, "
    "its date picker, and server-side helpers for pages, emails and reports",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "website": "https://github.com/complaint-management/complaint_management",
    "author": "complaint_management contributors",
    "license": "LGPL-3",
    "external_dependencies": {"python": ["jdatetime"]},
    "depends": ["base_setup", "web"],
    "data": ["views/res_config_settings_views.xml"],
    "assets": {
        "web.assets_backend": ["web_date_solar_hijri/static/src/**/*"],
        "web.assets_unit_tests": ["web_date_solar_hijri/static/tests/**/*"],
    },
}
