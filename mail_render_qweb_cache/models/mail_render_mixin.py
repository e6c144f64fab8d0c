from odoo import api, models


class MailRenderMixin(models.AbstractModel):
    _inherit = "mail.render.mixin"

    @api.model
    def _render_template_qweb(self, template_src, model, res_ids, add_context=None, options=None):
        """Odoo parses and compiles a raw QWeb template again for each record it renders; within
        this call, compile it once (see ir.qweb's _compile)."""
        return super(MailRenderMixin, self.with_context(mail_render_qweb_compiled={}))._render_template_qweb(
            template_src, model, res_ids, add_context=add_context, options=options
        )
