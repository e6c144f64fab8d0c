import hmac
import logging
import secrets
from datetime import timedelta

import requests

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools import GatewayOutcome, GenericHttpApi, KavenegarApi, SmsIrApi, gateway_number
from ..tools.gateway_number import NUMBER_FORMATS
from ..tools.gateway_outcome import TEMPLATE_MISSING

_logger = logging.getLogger(__name__)

PROVIDERS = [("kavenegar", "Kavenegar"), ("sms_ir", "sms.ir"), ("http", "Generic HTTP")]
PROVIDER_URLS = {"kavenegar": "https://api.kavenegar.com", "sms_ir": "https://api.sms.ir"}
# the gateways that send only to numbers of their own country
HOME_ONLY = {"sms_ir"}
# delivery reports of sms.ir are fetched (it pushes none), for messages sent less than this ago
REPORT_FETCH_DAYS = 3


class SmsGateway(models.Model):
    _name = "sms.gateway"
    _description = "SMS Gateway"
    _order = "company_id, name"
    _check_company_auto = True

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one("res.company", required=True, default=lambda self: self.env.company)
    provider = fields.Selection(PROVIDERS, required=True, default="kavenegar")
    api_url = fields.Char(
        "API Address",
        compute="_compute_api_url",
        store=True,
        readonly=False,
        help="Where the gateway's API answers: its public address, or the full sending address of a "
        "generic HTTP gateway.",
    )
    api_key = fields.Char("API Key", copy=False)
    sender = fields.Char("Sender Number", help="The line the SMS come from (Kavenegar's sender, sms.ir's line number).")
    country_id = fields.Many2one(
        "res.country",
        default=lambda self: self.env.ref("base.ir", raise_if_not_found=False),
        required=True,
        help="The country of numbers written without a country code (0912…).",
    )
    timeout = fields.Integer("Timeout (seconds)", default=10, required=True)
    report_secret = fields.Char(copy=False, default=lambda self: secrets.token_urlsafe(24), readonly=True)
    report_url = fields.Char(
        "Delivery Report Address",
        compute="_compute_report_url",
        help="The address to give the gateway for its delivery reports. Keep it secret: it is the "
        "gateway's only proof of who it is.",
    )
    template_ids = fields.One2many("sms.gateway.template", "gateway_id", "Templates")
    # a generic HTTP gateway
    http_method = fields.Selection(
        [("get", "GET"), ("post_form", "POST (form)"), ("post_json", "POST (JSON)")], "Method", default="post_form"
    )
    http_number_param = fields.Char("Number Parameter", default="to")
    http_number_format = fields.Selection(NUMBER_FORMATS, "Number Format", default="e164")
    http_message_param = fields.Char("Text Parameter", default="text")
    http_key_param = fields.Char("API Key Parameter", default="api_key")
    http_sender_param = fields.Char("Sender Parameter", default="from")
    http_reference_param = fields.Char(
        "Reference Parameter", help="Where to send Odoo's own id of the SMS, if the gateway keeps one."
    )
    http_success_text = fields.Char(
        "Success Text", help="Text the answer holds when the gateway took the SMS; empty: any 2xx answer."
    )
    http_message_id_key = fields.Char(
        "Message Id Key",
        help="Where a JSON answer holds the gateway's id of the SMS, as a dotted path (data.id); empty: "
        "its delivery reports quote Odoo's reference.",
    )
    http_report_reference_param = fields.Char("Report Id Parameter", default="id")
    http_report_status_param = fields.Char("Report Status Parameter", default="status")
    http_delivered_values = fields.Char("Delivered Statuses", default="delivered")
    http_failed_values = fields.Char("Failed Statuses", default="failed,undelivered,rejected,expired")

    _sql_constraints = [("timeout_positive", "CHECK(timeout > 0)", "The timeout is a number of seconds above zero.")]

    # ------------------------------------------------------------
    # COMPUTES
    # ------------------------------------------------------------

    @api.depends("provider")
    def _compute_api_url(self):
        for gateway in self:
            gateway.api_url = PROVIDER_URLS.get(gateway.provider) or gateway.api_url

    @api.depends("report_secret")
    def _compute_report_url(self):
        for gateway in self:
            gateway.report_url = (
                gateway.id and f"{gateway.get_base_url()}/sms_gateway/report/{gateway.id}/{gateway.report_secret}"
            )

    @api.constrains("provider", "api_url", "http_number_param", "http_message_param")
    def _check_http_settings(self):
        for gateway in self:
            if not (gateway.api_url or "").startswith(("http://", "https://")):
                raise ValidationError(
                    self.env._("The API address of %(gateway)s starts with https://.", gateway=gateway.name)
                )
            if gateway.provider == "http" and not (gateway.http_number_param and gateway.http_message_param):
                raise ValidationError(
                    self.env._("A generic HTTP gateway needs the names of its number and text parameters.")
                )

    # ------------------------------------------------------------
    # ACTIONS
    # ------------------------------------------------------------

    def action_new_report_secret(self):
        """A new delivery report address, when the old one leaked: the gateway needs it again."""
        self.report_secret = secrets.token_urlsafe(24)

    # ------------------------------------------------------------
    # SENDING
    # ------------------------------------------------------------

    def _api(self, session):
        self.ensure_one()
        if self.provider == "kavenegar":
            return KavenegarApi(session, self.api_url, self.api_key, self.sender, self.timeout)
        if self.provider == "sms_ir":
            return SmsIrApi(session, self.api_url, self.api_key, self.sender, self.timeout)
        return GenericHttpApi(session, self._http_settings())

    def _http_settings(self):
        return {
            "url": self.api_url,
            "method": self.http_method,
            "timeout": self.timeout,
            "api_key": self.api_key,
            "sender": self.sender,
            "number_param": self.http_number_param,
            "message_param": self.http_message_param,
            "key_param": self.http_key_param,
            "sender_param": self.http_sender_param,
            "reference_param": self.http_reference_param,
            "success_text": self.http_success_text,
            "message_id_key": self.http_message_id_key,
            "report_reference_param": self.http_report_reference_param,
            "report_status_param": self.http_report_status_param,
            "delivered_values": self.http_delivered_values,
            "failed_values": self.http_failed_values,
        }

    def _number_format(self):
        return self.http_number_format if self.provider == "http" else "national"

    def _send_sms(self, sms_list):
        """Sends each SMS (sudo ``sms.sms``) through this gateway, as a provider template where one
        is set for its SMS template, else as its text: ``{sms: GatewayOutcome}``."""
        self.ensure_one()
        outcomes = {}
        with requests.Session() as session:
            api = self._api(session)
            for sms in sms_list:
                outcomes[sms] = self._send_one(api, sms)
        return outcomes

    def _send_one(self, api, sms):
        number = gateway_number(
            sms.number, self.country_id.code, self._number_format(), home_only=self.provider in HOME_ONLY
        )
        if not number:
            if gateway_number(sms.number, self.country_id.code, "e164"):
                return GatewayOutcome.failed("sms_country_not_supported", sms.number)
            return GatewayOutcome.failed("sms_number_format", sms.number or "")
        template = self.template_ids.filtered(lambda line: line.sms_template_id == sms.sms_template_id)[:1]
        parameters = template._parameters_for(sms.mail_message_id) if template else None
        if parameters is not None:
            outcome = api.send_template(number, template.provider_template, parameters, sms.uuid)
            if outcome.state != TEMPLATE_MISSING:
                return outcome
            _logger.warning(
                "SMS gateway %s refused template %s (%s): SMS %s sent as text",
                self.id,
                template.provider_template,
                outcome.reason,
                sms.id,
            )
        outcome = api.send_text(number, sms.body or "", sms.uuid)
        if outcome.state == TEMPLATE_MISSING:
            return GatewayOutcome.failed("unknown", outcome.reason)
        return outcome

    # ------------------------------------------------------------
    # DELIVERY REPORTS
    # ------------------------------------------------------------

    def _check_report_secret(self, secret):
        return bool(self.report_secret) and hmac.compare_digest(self.report_secret, secret or "")

    def _receive_reports(self, reports):
        """Applies delivery reports this gateway pushed: each a dict of its parameters."""
        self.ensure_one()
        if self.provider == "kavenegar":
            read = KavenegarApi.read_report
        elif self.provider == "http":
            read = GenericHttpApi(None, self._http_settings()).read_report
        else:
            return
        states = {}
        for report in reports:
            message_id, state = read(report)
            if message_id:
                states[message_id] = state
        self.env["sms.tracker"]._update_from_gateway_reports(self, states)

    @api.model
    def _cron_fetch_delivery_reports(self):
        """Asks the gateways that push no delivery reports (sms.ir) what became of the SMS sent
        through them in the last days and not reported yet."""
        since = fields.Datetime.now() - timedelta(days=REPORT_FETCH_DAYS)
        trackers = self.env["sms.tracker"].search(
            [
                ("gateway_id.provider", "=", "sms_ir"),
                ("gateway_message_id", "!=", False),
                ("create_date", ">=", since),
                ("mail_notification_id.notification_status", "=", "pending"),
            ]
        )
        for gateway, gateway_trackers in trackers.grouped("gateway_id").items():
            states = {}
            with requests.Session() as session:
                api = gateway._api(session)
                for tracker in gateway_trackers:
                    try:
                        state = api.delivery_state(tracker.gateway_message_id)
                    except ValueError:  # not a message id of sms.ir
                        continue
                    if state and state != "pending":
                        states[tracker.gateway_message_id] = state
            self.env["sms.tracker"]._update_from_gateway_reports(gateway, states)
