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

    triage_assistant = fields.Boolean(
        "Language Model Assistant",
        help="Staff may ask the language model at this address for a summary of a complaint's thread "
        "and a draft of the first reply; nothing is sent to the customer without a click.",
    )
    triage_assistant_url = fields.Char(
        "Assistant Address",
        default="http://localhost:11434/v1",
        help="An OpenAI-compatible chat endpoint (…/v1): a server of your own (Ollama, vLLM) keeps the "
        "complaints on your machines; another address receives the complaint's texts.",
    )
    triage_assistant_model = fields.Char("Assistant Model", default="llama3.1")
    triage_assistant_key = fields.Char("Assistant API Key", groups="base.group_system")
    triage_assistant_timeout = fields.Integer("Assistant Time-out (s)", default=60)
