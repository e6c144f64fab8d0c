"""Settings of the portal, feedback and reports, kept as system parameters (see res_config_settings.py)."""

ATTACHMENT_MAX_MB = ("complaint_management.attachment_max_mb", 10)
ATTACHMENT_TOTAL_MB = ("complaint_management.attachment_total_mb", 25)
SUBMISSION_RATE_LIMIT = ("complaint_management.submission_rate_limit", 5)
TRACKING_RATE_LIMIT = ("complaint_management.tracking_rate_limit", 20)
FORM_MIN_SECONDS = ("complaint_management.form_min_seconds", 3)
FEEDBACK_VALID_DAYS = ("complaint_management.feedback_valid_days", 30)
REPORT_PERIOD_MONTHS = ("complaint_management.report_period_months", 3)
# the period every analysis, the dashboard and the export open on: the last 90 days, today included
# (the analyses' search views say it too, as their filter "Last 90 Days")
DEFAULT_PERIOD_DAYS = 90


def get_int_param(env, param):
    """Value of a (key, default) portal parameter as a non-negative integer."""
    key, default = param
    # sudo: reading a configuration parameter
    value = env["ir.config_parameter"].sudo().get_param(key, default)
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return default
