from odoo import api, fields, models

TARGET_FIELDS = [
    ("category_id", "Category"),
    ("team_id", "Team"),
    ("severity", "Severity"),
    ("expectation", "Customer Expectation"),
    ("tone", "Customer Tone"),
]
OUTCOMES = [
    ("pending", "Not Decided"),
    ("applied", "Applied"),
    ("accepted", "Accepted"),
    ("overridden", "Overridden"),
]


class ComplaintTriageSuggestion(models.Model):
    """What the triage suggested for a field of a complaint, how sure it was, and what came of it:
    applied (above the company's threshold), accepted by staff, or overridden (staff set another
    value, or changed the one applied)."""

    _name = "complaint.triage.suggestion"
    _description = "Complaint Triage Suggestion"
    _order = "complaint_id desc, id"

    complaint_id = fields.Many2one("complaint.complaint", required=True, ondelete="cascade", index=True)
    company_id = fields.Many2one(related="complaint_id.company_id", store=True, index=True)
    target = fields.Selection(TARGET_FIELDS, string="Field", required=True, readonly=True)
    value = fields.Char(required=True, readonly=True)
    value_label = fields.Char(string="Suggestion", compute="_compute_value_label")
    confidence = fields.Float(readonly=True, digits=(16, 3))
    harm_word = fields.Char(
        "Word of Harm", readonly=True, help="The word that makes the complaint critical, whatever the model says."
    )
    outcome = fields.Selection(OUTCOMES, required=True, default="pending", readonly=True, index=True)
    accepted = fields.Integer(compute="_compute_accepted", store=True, aggregator="sum")
    decided = fields.Integer(compute="_compute_accepted", store=True, aggregator="sum")

    @api.depends("target", "value")
    def _compute_value_label(self):
        Complaint = self.env["complaint.complaint"]
        existing = {}  # per target, its records suggested that still exist: read once for all
        for target, suggestions in self.grouped("target").items():
            field = Complaint._fields[target]
            if field.type == "many2one":
                records = self.env[field.comodel_name].browse({int(s.value) for s in suggestions}).exists()
                existing[target] = {record.id: record for record in records}
        for suggestion in self:
            field = Complaint._fields[suggestion.target]
            if field.type == "many2one":
                record = existing[suggestion.target].get(int(suggestion.value))
                suggestion.value_label = record.display_name if record else False
            else:
                suggestion.value_label = dict(field._description_selection(self.env)).get(suggestion.value)

    @api.depends("outcome")
    def _compute_accepted(self):
        for suggestion in self:
            suggestion.accepted = suggestion.outcome in ("applied", "accepted")
            suggestion.decided = suggestion.outcome != "pending"

    def _field_value(self):
        self.ensure_one()
        field = self.env["complaint.complaint"]._fields[self.target]
        return int(self.value) if field.type == "many2one" else self.value

    def action_accept(self):
        """Staff's click: the suggestion becomes the complaint's value."""
        for suggestion in self.filtered(lambda s: s.outcome == "pending"):
            suggestion.complaint_id.write({suggestion.target: suggestion._field_value()})
        return True
