from odoo import fields, models


class SmsGatewayTemplateParameter(models.Model):
    _name = "sms.gateway.template.parameter"
    _description = "SMS Gateway Template Parameter"
    _order = "template_id, sequence, id"

    template_id = fields.Many2one("sms.gateway.template", required=True, ondelete="cascade", index=True)
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, help="The parameter's name in the gateway's template (token, token2…).")
    value = fields.Char(
        required=True,
        help="What it holds for a record, as in SMS templates: {{ object.name }}.",
    )

    def _render(self, record):
        self.ensure_one()
        rendered = (
            self.env["mail.render.mixin"]
            .sudo()
            ._render_template(self.value, record._name, record.ids, engine="inline_template")
        )
        return str(rendered[record.id] or "").strip()
