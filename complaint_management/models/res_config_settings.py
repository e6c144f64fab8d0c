from odoo import fields, models

from .complaint_complaint import DEFAULT_REPEAT_WINDOW_DAYS, REPEAT_WINDOW_PARAM
from .complaint_portal_params import (
    ATTACHMENT_MAX_MB,
    ATTACHMENT_TOTAL_MB,
    FEEDBACK_VALID_DAYS,
    FORM_MIN_SECONDS,
    REPORT_PERIOD_MONTHS,
    SUBMISSION_RATE_LIMIT,
    TRACKING_RATE_LIMIT,
)


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    complaint_repeat_window_days = fields.Integer(
        string="Repeat Complaint Window (days)",
        config_parameter=REPEAT_WINDOW_PARAM,
        default=DEFAULT_REPEAT_WINDOW_DAYS,
        help="A complaint counts as a repeat when the same customer complained within this many days before.",
    )
    complaint_attachment_max_mb = fields.Integer(
        string="Largest File (MB)", config_parameter=ATTACHMENT_MAX_MB[0], default=ATTACHMENT_MAX_MB[1]
    )
    complaint_attachment_total_mb = fields.Integer(
        string="All Files of a Complaint (MB)", config_parameter=ATTACHMENT_TOTAL_MB[0], default=ATTACHMENT_TOTAL_MB[1]
    )
    complaint_submission_rate_limit = fields.Integer(
        string="Complaints per Hour",
        config_parameter=SUBMISSION_RATE_LIMIT[0],
        default=SUBMISSION_RATE_LIMIT[1],
        help="How many complaints one address (IP) or one email may file in an hour on the public form.",
    )
    complaint_tracking_rate_limit = fields.Integer(
        string="Tracking Attempts per Hour",
        config_parameter=TRACKING_RATE_LIMIT[0],
        default=TRACKING_RATE_LIMIT[1],
        help="How many tracking code lookups one address (IP) may make in an hour.",
    )
    complaint_form_min_seconds = fields.Integer(
        string="Minimum Filling Time (seconds)",
        config_parameter=FORM_MIN_SECONDS[0],
        default=FORM_MIN_SECONDS[1],
        help="Public forms sent faster than this are taken for robots and refused.",
    )
    complaint_feedback_valid_days = fields.Integer(
        string="Feedback Link Valid For (days)",
        config_parameter=FEEDBACK_VALID_DAYS[0],
        default=FEEDBACK_VALID_DAYS[1],
        help="How long customers can answer a feedback request with its link.",
    )
    complaint_report_period_months = fields.Integer(
        string="Monthly Report Period (months)",
        config_parameter=REPORT_PERIOD_MONTHS[0],
        default=REPORT_PERIOD_MONTHS[1],
        help="Each month, team leaders get the Excel report of their team over this many past months.",
    )
    complaint_public_statistics = fields.Boolean(related="company_id.complaint_public_statistics", readonly=False)
