from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _message_sms_with_template(self, template=False, template_xmlid=False, **kwargs):
        """The SMS remember their template, which a gateway may send as one of its own."""
        if not template and template_xmlid:
            template = self.env.ref(template_xmlid, raise_if_not_found=False)
        records = self.with_context(sms_gateway_template_id=template.id) if template else self
        return super(MailThread, records)._message_sms_with_template(
            template=template, template_xmlid=template_xmlid, **kwargs
        )
