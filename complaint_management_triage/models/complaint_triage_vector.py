from odoo import fields, models, tools


class ComplaintTriageVector(models.Model):
    """A complaint's words as the triage model of a generation weighs them (its strongest
    terms), to find the complaints most alike it. Rows are only added and removed: a server
    process reads those newer than the last it read."""

    _name = "complaint.triage.vector"
    _description = "Complaint Terms for Similarity"
    _log_access = False

    complaint_id = fields.Many2one("complaint.complaint", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one("res.company", required=True, ondelete="cascade")
    generation = fields.Integer(required=True)
    terms = fields.Binary(attachment=False, required=True)

    def init(self):
        # a server process reads the rows of a company's model newer than those it has
        tools.create_index(
            self.env.cr,
            "complaint_triage_vector_company_generation_index",
            self._table,
            ["company_id", "generation", "id"],
        )
