from odoo import api, fields, models, tools

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

    @api.model
    @tools.ormcache("state", "gateway_type")
    def _get_gateway_map(self, state="integrated", gateway_type=False):
        """The gateways by webhook key, per state and type. OCA caches this map without a key,
        so the first type asked after a restart answered for every type: a webhook of another
        type (or a visitor's request to any /gateway/<type>/… address) made the messages of the
        others be dropped, and a key was accepted under any type's address."""
        return {
            gateway.webhook_key: gateway._get_gateway_data()
            for gateway in self.sudo().search(
                [("integrated_webhook_state", "=", state), ("gateway_type", "=", gateway_type)]
            )
        }
