from datetime import timedelta

from odoo import fields, models

from odoo.addons.complaint_management.models.complaint_complaint import STAFF


class ComplaintComplaint(models.Model):
    _inherit = "complaint.complaint"

    reward_coupon_id = fields.Many2one(
        "loyalty.card", string="Discount Coupon", readonly=True, copy=False, groups=STAFF
    )
    # sudo (related): complaint staff may not read coupons, but tell the customer their code
    reward_code = fields.Char(related="reward_coupon_id.code", string="Discount Code Given", groups=STAFF)

    def _give_reward_of_type(self, reward_type):
        if reward_type != "coupon":
            return super()._give_reward_of_type(reward_type)
        # sudo: complaint users give the gesture their team chose; they may not manage coupons
        to_reward = self.sudo().filtered(
            lambda c: c.partner_id and not c.reward_coupon_id and c.team_id.reward_program_id
        )
        for program, complaints in to_reward.grouped(lambda c: c.team_id.reward_program_id).items():
            # one use: the points of the program's cheapest reward; the program's own "at creation"
            # email is not sent, ours carries the code
            points = self._coupon_reward_of(program).required_points or 1
            cards = (
                self.env["loyalty.card"]
                .sudo()
                .with_context(loyalty_no_mail=True)
                .create(
                    [
                        {
                            "program_id": program.id,
                            "partner_id": complaint.partner_id.id,
                            "points": points,
                            "expiration_date": self._coupon_expiry(complaint.team_id),
                        }
                        for complaint in complaints
                    ]
                )
            )
            for complaint, card in zip(complaints, cards, strict=True):
                complaint.reward_coupon_id = card
            complaints.with_env(self.env)._send_mail_template(
                self.env.ref("complaint_management_loyalty.mail_template_complaint_coupon")
            )
        return to_reward.with_env(self.env)

    def _coupon_expiry(self, team):
        """The last day a code given now by `team` is valid: its validity, cut at the program's end."""
        today = fields.Date.context_today(self)
        days = team.reward_validity_days
        ends = [day for day in (days > 0 and today + timedelta(days=days), team.reward_program_id.date_to) if day]
        return min(ends, default=False)

    def _coupon_reward_of(self, program):
        """The reward a code of `program` pays for: its cheapest."""
        return program.reward_ids.sorted("required_points")[:1]

    def _coupon_reward(self):
        """The reward this complaint's code pays for, to tell its value (its description, as the
        business wrote it, in the reader's language)."""
        self.ensure_one()
        return self._coupon_reward_of(self.sudo().reward_coupon_id.program_id)
