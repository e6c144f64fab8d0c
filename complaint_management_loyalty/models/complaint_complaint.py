from odoo import fields, models

from odoo.addons.complaint_management.models.complaint_complaint import STAFF


class ComplaintComplaint(models.Model):
    _inherit = "complaint.complaint"

    reward_coupon_id = fields.Many2one(
        "loyalty.card", string="Discount Coupon", readonly=True, copy=False, groups=STAFF)
    # sudo (related): complaint staff may not read coupons, but tell the customer their code
    reward_code = fields.Char(related="reward_coupon_id.code", string="Discount Code Given", groups=STAFF)

    def _give_reward_of_type(self, reward_type):
        if reward_type != "coupon":
            return super()._give_reward_of_type(reward_type)
        # sudo: complaint users give the gesture their team chose; they may not manage coupons
        to_reward = self.sudo().filtered(
            lambda c: c.partner_id and not c.reward_coupon_id and c.team_id.reward_program_id)
        for program, complaints in to_reward.grouped(lambda c: c.team_id.reward_program_id).items():
            # one use: the points of the program's cheapest reward; the program's own "at creation"
            # email is not sent, ours carries the code
            points = min(program.reward_ids.mapped("required_points"), default=1) or 1
            cards = self.env["loyalty.card"].sudo().with_context(loyalty_no_mail=True).create([{
                "program_id": program.id,
                "partner_id": complaint.partner_id.id,
                "points": points,
            } for complaint in complaints])
            for complaint, card in zip(complaints, cards, strict=True):
                complaint.reward_coupon_id = card
            complaints.with_env(self.env)._send_mail_template(
                self.env.ref("complaint_management_loyalty.mail_template_complaint_coupon"))
        return to_reward.with_env(self.env)
