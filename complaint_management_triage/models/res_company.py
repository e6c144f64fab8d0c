from odoo import fields, models

APPLY_HELP = (
    "A suggestion this sure or surer (in %) is applied to a new complaint whose field was left empty, "
    "and the chatter says so; 0: suggest only."
)


class ResCompany(models.Model):
    _inherit = "res.company"

    triage_apply_category_id = fields.Integer("Apply Category From", default=0, help=APPLY_HELP)
    triage_apply_team_id = fields.Integer("Apply Team From", default=0, help=APPLY_HELP)
    triage_apply_severity = fields.Integer("Apply Severity From", default=0, help=APPLY_HELP)
    triage_apply_expectation = fields.Integer("Apply Expectation From", default=0, help=APPLY_HELP)
    triage_apply_tone = fields.Integer("Apply Tone From", default=0, help=APPLY_HELP)

    _sql_constraints = [
        (
            f"triage_apply_{target}_percent",
            f"CHECK(triage_apply_{target} BETWEEN 0 AND 100)",
            "A triage threshold is a percentage, from 0 to 100.",
        )
        for target in ("category_id", "team_id", "severity", "expectation", "tone")
    ]
