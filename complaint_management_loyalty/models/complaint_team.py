from odoo import fields, models

# coupon programs whose cards are single-use codes a customer can be given
COUPON_PROGRAM_TYPES = ("coupons", "next_order_coupons")


class ComplaintTeam(models.Model):
    _inherit = "complaint.team"

    reward_type = fields.Selection(selection_add=[("coupon", "Discount code")], ondelete={"coupon": "set default"})
    reward_program_id = fields.Many2one(
        "loyalty.program",
        string="Coupon Program",
        check_company=True,
        domain=[("program_type", "in", COUPON_PROGRAM_TYPES)],
        help="Each customer gets one single-use code of this program, by email.",
    )
    reward_validity_days = fields.Integer(
        string="Code Valid For (days)",
        default=90,
        help="The code expires this many days after it is given, or at the program's end if sooner. "
        "0: only the program's end, if it has one.",
    )
