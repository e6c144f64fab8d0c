from lxml import etree

from odoo import models


class IrQweb(models.AbstractModel):
    _inherit = "ir.qweb"

    def _compile(self, template):
        """A raw template (an element, not a view) is compiled at each render; while a mail template
        is rendered for many records, reuse its compilation for the same source. The cache lives in
        the context of that one rendering, whose language and options are the same throughout."""
        compiled = self.env.context.get("mail_render_qweb_compiled")
        if compiled is None or not isinstance(template, etree._Element):
            return super()._compile(template)
        source = etree.tostring(template)
        if source not in compiled:
            compiled[source] = super()._compile(template)
        return compiled[source]
