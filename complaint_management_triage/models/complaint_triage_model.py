from odoo import api, fields, models


class ComplaintTriageModel(models.Model):
    """The triage model of a company, as last trained: its arrays (numpy's format, read without
    pickles), its generation (which tells a server process its copy is out of date) and how it
    did on the newest complaints, which it was not trained on."""

    _name = "complaint.triage.model"
    _description = "Complaint Triage Model"
    _order = "company_id"

    company_id = fields.Many2one("res.company", required=True, ondelete="cascade", readonly=True)
    generation = fields.Integer(readonly=True, default=1)
    data = fields.Binary(attachment=True, readonly=True)
    trained_on = fields.Datetime(readonly=True)
    duration = fields.Float(string="Training Time (s)", readonly=True, digits=(16, 1))
    examples = fields.Integer(readonly=True, help="Complaints the model learnt from.")
    evaluation = fields.Json(readonly=True)

    _sql_constraints = [("company_unique", "UNIQUE(company_id)", "A company has one triage model.")]

    @api.model_create_multi
    def create(self, vals_list):
        models = super().create(vals_list)
        self.env.registry.clear_cache()  # complaint.triage._model_version, in every process
        return models

    def write(self, vals):
        result = super().write(vals)
        if {"data", "generation", "company_id"} & set(vals):
            self.env.registry.clear_cache()
        return result

    def unlink(self):
        result = super().unlink()
        self.env.registry.clear_cache()
        return result
