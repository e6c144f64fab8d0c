from odoo import api, fields, models


class ComplaintProblem(models.Model):
    """One problem behind several complaints (a faulty batch, a late shipment, an outage):
    staff link the complaints to it, follow it in one place and send its customers one update
    or the fix at once."""

    _name = "complaint.problem"
    _description = "Problem"
    _inherit = ["mail.thread"]
    _order = "create_date desc, id desc"

    name = fields.Char(string="Problem", required=True, tracking=True)
    description = fields.Html(string="What Is Known", sanitize=True)
    company_id = fields.Many2one("res.company", required=True, index=True, default=lambda self: self.env.company)
    active = fields.Boolean(default=True)
    complaint_ids = fields.One2many("complaint.complaint", "problem_id", string="Complaints")
    complaint_count = fields.Integer(string="All Complaints", compute="_compute_complaint_count")
    open_complaint_count = fields.Integer(string="Open Complaints", compute="_compute_complaint_count")

    @api.depends("complaint_ids.is_closed")
    def _compute_complaint_count(self):
        """The complaints of the problem the user may see."""
        counts = {
            (problem.id, closed): count
            for problem, closed, count in self.env["complaint.complaint"]._read_group(
                [("problem_id", "in", self.ids)], ["problem_id", "is_closed"], ["__count"]
            )
        }
        for problem in self:
            problem.open_complaint_count = counts.get((problem.id, False), 0)
            problem.complaint_count = problem.open_complaint_count + counts.get((problem.id, True), 0)

    def action_send_update(self):
        """The update (or the fix) for the customers of the problem's complaints."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send an Update"),
            "res_model": "complaint.problem.update",
            "view_mode": "form",
            "target": "new",
            "context": {"default_problem_id": self.id},
        }
