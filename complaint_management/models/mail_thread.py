from odoo import api, models


def is_automatic_reply(message):
    """Whether an email says it was sent automatically: an out-of-office or other auto-reply."""
    auto_submitted = (message.get("Auto-Submitted") or "no").strip().lower()
    precedence = (message.get("Precedence") or "").strip().lower()
    return (
        auto_submitted != "no"
        or precedence in ("auto_reply", "bulk", "junk")
        or bool(message.get("X-Autoreply") or message.get("X-Autorespond"))
    )


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    @api.model
    def message_route(self, message, message_dict, model=None, thread_id=None, custom_values=None):
        routes = super().message_route(message, message_dict, model, thread_id, custom_values)
        if is_automatic_reply(message):
            # an automatic answer opens no complaint; one answering a complaint still threads into it
            routes = [route for route in routes if route[0] != "complaint.complaint" or route[1]]
        return routes
