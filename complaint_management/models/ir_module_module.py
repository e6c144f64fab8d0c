from odoo import api, models


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    @api.model
    def _load_module_terms(self, modules, langs, overwrite=False, imported_module=False):
        result = super()._load_module_terms(modules, langs, overwrite=overwrite, imported_module=imported_module)
        if "complaint_management" in modules:
            # teams' standard policies are no module data: their name in a language added later
            self.env["complaint.sla.policy"].with_context(active_test=False).search(
                [("is_team_standard", "=", True)]
            )._name_standard_promise(langs)
        return result
