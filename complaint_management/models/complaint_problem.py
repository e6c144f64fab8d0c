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
    # who may see the problem (its record rule): the staff who may see one of its complaints
    user_ids = fields.Many2many(
        "res.users",
        string="Staff of Its Complaints",
        compute="_compute_user_ids",
        store=True,
        groups="base.group_system",
    )
    has_complaint_without_team = fields.Boolean(compute="_compute_user_ids", store=True)
    complaint_count = fields.Integer(string="All Complaints", compute="_compute_complaint_count")
    open_complaint_count = fields.Integer(string="Open Complaints", compute="_compute_complaint_count")

    @api.depends(
        "complaint_ids.user_id",
        "complaint_ids.create_uid",
        "complaint_ids.team_id.member_ids",
        "complaint_ids.team_id.leader_id",
    )
    def _compute_user_ids(self):
        """As the complaints' rule for staff: their assignees, creators, teams' members and
        leaders, and every staff member for a complaint of no team. Kept on the problem, its rule
        reads no complaint (a rule on the complaints would fill the problem's list of complaints
        with those the user may not read)."""
        for problem in self:
            complaints = problem.complaint_ids
            problem.user_ids = (
                complaints.user_id
                | complaints.create_uid
                | complaints.team_id.member_ids
                | complaints.team_id.leader_id
            )
            problem.has_complaint_without_team = any(not complaint.team_id for complaint in complaints)

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
