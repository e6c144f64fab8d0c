from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        # the customer pages' scripts (the portal chatter) get our Persian for Odoo's terms too
        return super()._get_translation_frontend_modules_name() + ["complaint_management"]
