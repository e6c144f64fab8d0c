from odoo import api, fields, models
from odoo.tools import html2plaintext

from odoo.addons.mail_gateway_whatsapp_api.tools.written_links import links_written_out

MESSENGER_CHANNELS = [("telegram", "Telegram"), ("bale", "Bale"), ("whatsapp", "WhatsApp")]
MESSENGER_CHANNELS_ONDELETE = {channel: "set default" for channel, _label in MESSENGER_CHANNELS}


class ComplaintComplaint(models.Model):
    _inherit = "complaint.complaint"

    channel = fields.Selection(selection_add=MESSENGER_CHANNELS, ondelete=MESSENGER_CHANNELS_ONDELETE)
    messenger_channel_id = fields.Many2one(
        "discuss.channel",
        string="Messenger Chat",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The Telegram, Bale or WhatsApp chat the customer filed the complaint in: the complaint's public "
        "replies, status changes and feedback request go there, and the customer's messages there "
        "come here.",
    )

    @api.returns("mail.message", lambda value: value.id)
    def message_post(self, **kwargs):
        """A public reply of staff on a complaint filed by messenger goes to its chat too."""
        message = super().message_post(**kwargs)
        if (
            len(self) == 1
            and self.messenger_channel_id
            and not self.env.context.get("messenger_inbound")
            and message.message_type == "comment"
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and any(not user.share for user in message.author_id.user_ids)
        ):
            self.messenger_channel_id._messenger_reply(
                html2plaintext(links_written_out(message.body or "")), attachments=message.attachment_ids
            )
        return message

    def _messenger_customer_message(self, message):
        """The customer's message ``message`` (mail.message of its chat), in the complaint's
        chatter too, with its files; followers are notified as of any customer reply."""
        self.ensure_one()
        if message:
            self._messenger_post(message.body, message.author_id or self.partner_id, message.attachment_ids)

    def _messenger_post(self, body, author, attachments):
        """Posts what the customer sent in the messenger chat as their message on the complaint,
        with copies of its files (the chat keeps its own)."""
        self.ensure_one()
        # sudo: authored by the customer, who has no email address to write from
        self.sudo().with_context(messenger_inbound=True).message_post(
            body=body,
            author_id=author.id,
            attachment_ids=[
                attachment.copy({"res_model": self._name, "res_id": self.id}).id for attachment in attachments.sudo()
            ],
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )

    def _send_sms_template(self, template):
        """The status changes and the feedback request of complaints filed by messenger go to
        their chat, with the text of their SMS, where the messenger takes them (WhatsApp: within
        24 hours of the customer's last message; else by SMS); their acknowledgement was the
        bot's answer."""
        by_messenger = self.filtered(
            lambda complaint: complaint.messenger_channel_id and complaint.messenger_channel_id._messenger_can_reach()
        )
        acknowledgement = self.env.ref(
            "complaint_management.sms_template_complaint_acknowledgement", raise_if_not_found=False
        )
        if template and template != acknowledgement:
            texts = template._render_field("body", by_messenger.ids, compute_lang=True)
            for complaint in by_messenger:
                complaint.messenger_channel_id._messenger_reply(texts[complaint.id])
        return super(ComplaintComplaint, self - by_messenger)._send_sms_template(template)
