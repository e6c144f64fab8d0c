from markupsafe import Markup

from odoo import api, fields, models

from .complaint_triage import TARGETS


def percent(value):
    return "–" if value is None else f"{round(value * 100)}\u00a0%"


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    triage_apply_category_id = fields.Integer(related="company_id.triage_apply_category_id", readonly=False)
    triage_apply_team_id = fields.Integer(related="company_id.triage_apply_team_id", readonly=False)
    triage_apply_severity = fields.Integer(related="company_id.triage_apply_severity", readonly=False)
    triage_apply_expectation = fields.Integer(related="company_id.triage_apply_expectation", readonly=False)
    triage_apply_tone = fields.Integer(related="company_id.triage_apply_tone", readonly=False)
    triage_evaluation = fields.Html(compute="_compute_triage_evaluation", sanitize=False)
    triage_assistant = fields.Boolean(related="company_id.triage_assistant", readonly=False)
    triage_assistant_url = fields.Char(related="company_id.triage_assistant_url", readonly=False)
    triage_assistant_model = fields.Char(related="company_id.triage_assistant_model", readonly=False)
    triage_assistant_key = fields.Char(
        related="company_id.triage_assistant_key", readonly=False, groups="base.group_system"
    )
    triage_assistant_timeout = fields.Integer(related="company_id.triage_assistant_timeout", readonly=False)

    @api.depends("company_id")
    def _compute_triage_evaluation(self):
        for settings in self:
            settings.triage_evaluation = settings._triage_evaluation_table()

    def _triage_evaluation_table(self):
        """The last training of the company's model, per target: examples, accuracy on the newest
        complaints, coverage at the threshold, staff's acceptance of its suggestions, and the
        labels too rare to learn."""
        model = self.env["complaint.triage.model"].sudo().search([("company_id", "=", self.company_id.id)], limit=1)
        if not model.evaluation:
            return Markup("<p>%s</p>") % self.env._("Not trained yet: press Train Now, or wait for the night.")
        Complaint = self.env["complaint.complaint"]
        Triage = self.env["complaint.triage"]
        acceptance = self._triage_acceptance()
        rows = []
        for target in TARGETS:
            result = model.evaluation["targets"].get(target, {})
            rows.append(
                Markup(
                    "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>"
                )
                % (
                    Complaint._fields[target]._description_string(self.env),
                    result.get("examples", 0),
                    percent(result.get("top1")),
                    percent(result.get("top3")),
                    percent(result.get("macro_f1")),
                    percent(result.get("coverage")),
                    percent(acceptance.get(target)),
                    ", ".join(Triage._label_name(target, label) for label in result.get("left_out", [])) or "–",
                )
            )
        head = [
            self.env._("Field"),
            self.env._("Examples"),
            self.env._("Top 1"),
            self.env._("Top 3"),
            self.env._("Macro F1"),
            self.env._("Coverage"),
            self.env._("Accepted"),
            self.env._("Too rare to learn"),
        ]
        summary = self.env._(
            "Trained on %(date)s, on %(count)s complaints, in %(seconds)s s; evaluated on the newest fifth "
            "after training on the rest.",
            date=fields.Datetime.context_timestamp(self, model.trained_on).strftime("%Y-%m-%d %H:%M"),
            count=model.examples,
            seconds=model.duration,
        )
        table = Markup('<table class="table table-sm"><thead><tr>%s</tr></thead><tbody>%s</tbody></table>') % (
            Markup("").join(Markup("<th>%s</th>") % name for name in head),
            Markup("").join(rows),
        )
        return Markup("<p>%s</p>%s") % (summary, table)

    def _triage_acceptance(self):
        """Per target, the share of decided suggestions staff kept (accepted, or applied and left)."""
        groups = (
            self.env["complaint.triage.suggestion"]
            .sudo()
            ._read_group(
                [("company_id", "=", self.company_id.id), ("outcome", "!=", "pending")],
                ["target"],
                ["accepted:sum", "__count"],
            )
        )
        return {target: accepted / count for target, accepted, count in groups if count}

    def action_triage_train(self):
        self.ensure_one()
        self.env["complaint.triage"].with_company(self.company_id).train()
        return {"type": "ir.actions.client", "tag": "reload"}
