from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import html2plaintext

from ..tools.chat_completion import ChatCompletionError, complete

# characters of a complaint's thread the assistant reads: the newest, when it is longer
THREAD_CHARS = 12_000


class ComplaintAssistant(models.AbstractModel):
    """The company's language model, when it has one, at staff's request: a summary of a
    complaint's thread, a draft of the first reply. Nothing it writes reaches the customer
    without a person's click."""

    _name = "complaint.assistant"
    _description = "Complaint Assistant"

    @api.model
    def _summary(self, complaint):
        """One paragraph on ``complaint`` for its handler, in the handler's language."""
        language = self._language_name(self.env.lang)
        return self._ask(
            complaint.company_id,
            (
                "You summarise customer complaints for the staff member who handles them. Write one "
                f"paragraph in {language}: what the customer says happened, what they want, what has "
                "been done and what is still open. Use only the facts given; do not invent any."
            ),
            self._complaint_text(complaint),
        )

    @api.model
    def _draft(self, complaint, prepared):
        """A first reply to ``complaint``'s customer, in their language, built on ``prepared``
        (the canned response's text, maybe empty)."""
        language = self._language_name(complaint.partner_id.lang or self.env.lang)
        return self._ask(
            complaint.company_id,
            (
                "You draft a company's first reply to a customer's complaint, for a staff member to "
                f"check and send. Write in {language}, politely and briefly, to the customer by name. "
                "Start from the prepared answer when there is one and fit it to the complaint; promise "
                "nothing the prepared answer does not; no subject line, no placeholders."
            ),
            f"{self._complaint_text(complaint)}\n\nPrepared answer:\n{prepared or '(none)'}",
        )

    def _ask(self, company, instructions, text):
        company = company.sudo()
        if not company.triage_assistant:
            raise UserError(self.env._("The language model assistant is off (Settings › Complaints › Triage)."))
        try:
            return complete(
                company.triage_assistant_url,
                company.triage_assistant_model,
                [{"role": "system", "content": instructions}, {"role": "user", "content": text}],
                api_key=company.triage_assistant_key,
                timeout=company.triage_assistant_timeout or 60,
            )
        except ChatCompletionError as error:
            raise UserError(
                self.env._(
                    "The assistant did not answer (%(reason)s): nothing was changed. Try again later, or "
                    "write it yourself.",
                    reason=str(error),
                )
            ) from error

    def _complaint_text(self, complaint):
        """The complaint and its thread (oldest first, the newest kept when it is long), as the
        assistant reads them."""
        complaint = complaint.sudo()
        head = (
            f"Complaint {complaint.name}: {complaint.subject}\n"
            f"Customer: {complaint.partner_id.name or complaint.partner_name or ''}\n"
            f"{html2plaintext(complaint.description or '')}"
        )
        thread = []
        for message in complaint.message_ids.filtered(
            lambda m: m.message_type in ("comment", "email") and m.body
        ).sorted("id"):
            author = message.author_id.name or message.email_from or ""
            thread.append(f"[{message.date:%Y-%m-%d %H:%M}] {author}: {html2plaintext(message.body)}")
        text = "\n".join(thread)[-THREAD_CHARS:]
        return f"{head}\n\nThread:\n{text}" if text else head

    def _language_name(self, code):
        lang = self.env["res.lang"]._lang_get(code or "en_US")
        return lang.name or code

    @api.model
    def _note(self, complaint, summary):
        """The summary, as an internal note of the complaint (staff only)."""
        complaint.message_post(
            body=Markup("<p><b>%s</b></p><p>%s</p>") % (self.env._("Summary by the assistant"), summary),
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
