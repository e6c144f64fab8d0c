import logging

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.kavenegar_api import TOKENS

_logger = logging.getLogger(__name__)


class SmsGatewayTemplate(models.Model):
    _name = "sms.gateway.template"
    _description = "SMS Gateway Template"
    _order = "gateway_id, id"

    gateway_id = fields.Many2one("sms.gateway", required=True, ondelete="cascade", index=True)
    sms_template_id = fields.Many2one(
        "sms.template",
        "SMS Template",
        required=True,
        ondelete="cascade",
        help="The SMS sent from this template go as the gateway's template below.",
    )
    provider_template = fields.Char(
        "Gateway Template",
        required=True,
        help="The template's name at the gateway (Kavenegar) or its id (sms.ir), as its panel shows it.",
    )
    parameter_ids = fields.One2many("sms.gateway.template.parameter", "template_id", "Parameters", copy=True)

    _sql_constraints = [
        (
            "sms_template_unique",
            "UNIQUE(gateway_id, sms_template_id)",
            "An SMS template goes as one template of a gateway.",
        ),
    ]

    @api.constrains("provider_template", "parameter_ids")
    def _check_provider_template(self):
        for template in self:
            provider = template.gateway_id.provider
            if provider == "http":
                raise ValidationError(self.env._("A generic HTTP gateway sends no templates."))
            if provider == "sms_ir" and not template.provider_template.strip().isdigit():
                raise ValidationError(self.env._("An sms.ir template is named by its number (its id in the panel)."))
            names = template.parameter_ids.mapped("name")
            if provider == "kavenegar" and not set(names) <= set(TOKENS):
                raise ValidationError(
                    self.env._("Kavenegar's template parameters are named %(names)s.", names=", ".join(TOKENS))
                )
            if len(names) != len(set(names)):
                raise ValidationError(self.env._("Each parameter of a template has its own name."))

    def _parameters_for(self, message):
        """The parameters of this template for the record ``message`` (mail.message) was posted
        on, in its SMS template's language: ``{name: text}``, or None when there is no such record
        or a value cannot be rendered, so that the SMS goes as its text."""
        self.ensure_one()
        record = message.model and message.res_id and self.env[message.model].browse(message.res_id).exists()
        if not record or record._name != self.sms_template_id.model:
            return None
        # in the language the SMS template writes in (its customer's)
        lang = self.sms_template_id._render_lang(record.ids)[record.id]
        parameters = {}
        for parameter in self.parameter_ids.with_context(lang=lang):
            try:
                value = parameter._render(record)
            except Exception:  # noqa: BLE001 an expression an administrator wrote: the text is sent instead
                _logger.warning(
                    "SMS gateway template %s: parameter %s not rendered", self.id, parameter.name, exc_info=True
                )
                return None
            parameters[parameter.name] = value
        return parameters
