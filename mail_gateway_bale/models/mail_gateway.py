from odoo import api, fields, models

BOT_API_URLS = {"telegram": "https://api.telegram.org", "bale": "https://tapi.bale.ai"}


class MailGateway(models.Model):
    _inherit = "mail.gateway"

    gateway_type = fields.Selection(selection_add=[("bale", "Bale")], ondelete={"bale": "cascade"})
    bot_api_url = fields.Char(
        "Bot API Address",
        compute="_compute_bot_api_url",
        store=True,
        readonly=False,
        help="Where the bot's API answers (methods at <address>/bot<token>/, files at "
        "<address>/file/bot<token>/): Telegram's, Bale's, or a Bot API server of your own.",
    )

    @api.depends("gateway_type")
    def _compute_bot_api_url(self):
        for gateway in self:
            gateway.bot_api_url = BOT_API_URLS.get(gateway.gateway_type) or gateway.bot_api_url
