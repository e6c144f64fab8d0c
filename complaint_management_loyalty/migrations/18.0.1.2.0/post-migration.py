import json
import logging

_logger = logging.getLogger(__name__)

EXPIRY = '<p t-if="object.sudo().reward_coupon_id.expiration_date">'
VALUE = (
    '<p t-if="object._coupon_reward().description">%s <strong t-out="object._coupon_reward().description">'
    "10%% on your order</strong>.</p>"
)
# what precedes the value, by language (as fa.po has it); other languages read English
VALUE_TEXT = {"fa_IR": "ارزش این کد:"}


def migrate(cr, version):
    """The discount code's email tells the code's value: the template is data that updates leave
    alone, so the sentence is added before the expiry in every language of the shipped body. A
    template edited so that the expiry is no longer there is left as it is, and said so."""
    cr.execute("""
        SELECT t.id, t.body_html FROM mail_template t
          JOIN ir_model_data d ON d.model = 'mail.template' AND d.res_id = t.id
         WHERE d.module = 'complaint_management_loyalty' AND d.name = 'mail_template_complaint_coupon'
    """)
    for template_id, bodies in cr.fetchall():
        if "_coupon_reward()" in json.dumps(bodies):
            continue
        for lang, body in bodies.items():
            if EXPIRY not in body:
                _logger.warning(
                    "Discount code email %s (%s) was edited: add the code's value to it by hand", template_id, lang
                )
                continue
            value = VALUE % VALUE_TEXT.get(lang, "It gives you")
            bodies[lang] = body.replace(EXPIRY, f"{value}\n    {EXPIRY}", 1)
        cr.execute("UPDATE mail_template SET body_html = %s WHERE id = %s", [json.dumps(bodies), template_id])
