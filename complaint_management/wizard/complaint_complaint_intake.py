from odoo import api, fields, models
from odoo.tools import plaintext2html

from ..models.complaint_complaint import CHANNELS, EXPECTATIONS, LOCAL_DIGITS

HISTORY_SIZE = 5


class ComplaintComplaintIntake(models.TransientModel):
    """Quick intake for staff taking a complaint by phone or in person: find the customer by
    phone, email or name, see their history, file it in one screen."""

    _name = "complaint.complaint.intake"
    _description = "Quick Complaint Intake"

    lookup = fields.Char(string="Find Customer", help="A phone number, an email address or a name.")
    partner_id = fields.Many2one("res.partner", string="Customer")
    partner_phone = fields.Char(
        string="Phone", compute="_compute_partner_phone", help="The customer's phone, else their mobile."
    )
    partner_email = fields.Char(related="partner_id.email")
    previous_complaint_ids = fields.Many2many(
        "complaint.complaint", compute="_compute_previous_complaint_ids", string="Earlier Complaints"
    )
    channel = fields.Selection(
        [c for c in CHANNELS if c[0] in ("phone", "in_person", "letter")], required=True, default="phone"
    )
    subject = fields.Char(required=True)
    description = fields.Text(string="What Happened")
    category_id = fields.Many2one("complaint.category")
    expectation = fields.Selection(EXPECTATIONS, string="Customer Expectation")

    @api.depends("partner_id.phone", "partner_id.mobile")
    def _compute_partner_phone(self):
        for intake in self:
            intake.partner_phone = intake.partner_id.phone or intake.partner_id.mobile

    @api.onchange("lookup")
    def _onchange_lookup(self):
        partner = self._find_customer(self.lookup)
        if partner:
            self.partner_id = partner

    @api.model
    def _find_customer(self, lookup):
        """The customer whose phone, mobile, email or name matches `lookup` best, else nothing."""
        lookup = (lookup or "").strip()
        if len(lookup) < 3:
            return self.env["res.partner"]
        Partner = self.env["res.partner"]
        digits = "".join(ch for ch in lookup.translate(LOCAL_DIGITS) if ch.isdigit())
        if "@" in lookup:
            domain = [("email", "=ilike", lookup)]
        elif len(digits) >= 6 and len(digits) >= len(lookup.replace(" ", "")) - 3:
            # the last digits: a number typed with or without its country code
            tail = digits[-9:]
            domain = [("phone_sanitized", "like", f"%{tail}")]
        else:
            domain = [("name", "ilike", lookup)]
        return Partner.search(domain, limit=1, order="is_company desc, id desc")

    @api.depends("partner_id")
    def _compute_previous_complaint_ids(self):
        for intake in self:
            customer = intake.partner_id.commercial_partner_id
            intake.previous_complaint_ids = (
                self.env["complaint.complaint"].search(
                    [("commercial_partner_id", "=", customer.id)], limit=HISTORY_SIZE
                )
                if customer
                else False
            )

    def _complaint_values(self):
        self.ensure_one()
        return {
            "partner_id": self.partner_id.id,
            "channel": self.channel,
            "subject": self.subject,
            "description": plaintext2html(self.description) if self.description else False,
            "category_id": self.category_id.id,
            "expectation": self.expectation,
        }

    def action_file(self):
        """File the complaint; its acknowledgement goes out with the next run of the (triggered) cron."""
        self.ensure_one()
        complaint = self.env["complaint.complaint"].create(self._complaint_values())
        self.env.ref("complaint_management.ir_cron_complaint_acknowledge")._trigger()
        return {
            "type": "ir.actions.act_window",
            "res_model": "complaint.complaint",
            "res_id": complaint.id,
            "view_mode": "form",
            "target": "current",
        }
