"""Records stay in the companies their editor works for."""

from odoo.exceptions import AccessError


def check_company_allowed(env, vals):
    """Refuse `vals` that move a record into a company the user does not work for: record rules
    check a record's company before a write, not the company it is written into."""
    if env.su or not vals.get("company_id") or vals["company_id"] in env.user.company_ids.ids:
        return
    raise AccessError(env._("You can only put records in the companies you work for."))
