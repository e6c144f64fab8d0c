from urllib.parse import quote

from .gateway_outcome import GatewayOutcome
from .gateway_request import gateway_request, status_outcome

# Kavenegar's answer codes (return.status) that refuse an SMS, by Odoo's failure type
# (https://kavenegar.com/rest.html#result-general)
FAILURE_TYPES = {
    401: "sms_acc",  # account disabled
    403: "sms_acc",  # API key not valid
    407: "sms_acc",  # IP address not allowed
    411: "sms_number_format",  # receptor not valid
    412: "sms_acc",  # sender not valid
    416: "sms_acc",  # IP address does not match the one set in the panel
    418: "sms_credit",  # not enough credit
    426: "sms_acc",  # needs the advanced service
    427: "sms_acc",  # sender line not dedicated
    501: "sms_acc",  # a trial account sends only to the owner's number
}
RETRY_STATUSES = {409, 451}  # its server cannot answer now; too many calls
TEMPLATE_STATUSES = {424, 431, 432}  # no such template; a token it refuses; a token the template lacks
# delivery report codes (status of a message) and what they say; others are on their way
REPORT_STATES = {10: "delivered", 6: "not_delivered", 11: "not_delivered", 13: "rejected", 14: "not_allowed"}
# the tokens of a lookup (template) send; the first three may hold no space
TOKENS = ("token", "token2", "token3", "token10", "token20")
SPACELESS_TOKENS = TOKENS[:3]
ZERO_WIDTH_NON_JOINER = "\u200c"


class KavenegarApi:
    """Kavenegar's REST API: plain sends (``sms/send``), template sends (``verify/lookup``) and
    its pushed delivery reports."""

    def __init__(self, session, url, api_key, sender, timeout):
        self.session = session
        self.url = url.rstrip("/")
        self.api_key = api_key or ""
        self.sender = sender
        self.timeout = timeout

    def send_text(self, number, text, reference):
        data = {"receptor": number, "message": text, "localid": reference}
        if self.sender:
            data["sender"] = self.sender
        # Kavenegar drops a send whose localid it has seen: sending again is safe
        return self._call("sms/send.json", data, idempotent=True)

    def send_template(self, number, template, parameters, reference):
        data = {"receptor": number, "template": template}
        for name, value in parameters.items():
            data[name] = ZERO_WIDTH_NON_JOINER.join(value.split()) if name in SPACELESS_TOKENS else value
        return self._call("verify/lookup.json", data, idempotent=False)

    def _call(self, path, data, idempotent):
        url = f"{self.url}/v1/{quote(self.api_key, safe='')}/{path}"
        response, outcome = gateway_request(
            self.session, "POST", url, data=data, timeout=self.timeout, idempotent=idempotent
        )
        if outcome:
            return outcome
        try:
            answer = response.json()
            status = int(answer["return"]["status"])
            message = answer["return"].get("message") or ""
        except (ValueError, KeyError, TypeError):
            return status_outcome(response, idempotent)
        if status == 200:
            entries = answer.get("entries") or [{}]
            return GatewayOutcome.accepted(entries[0].get("messageid"))
        reason = f"Kavenegar {status}: {message}"
        if status in RETRY_STATUSES:
            return GatewayOutcome.retry(reason)
        if status in TEMPLATE_STATUSES:
            return GatewayOutcome.template_missing(reason)
        return GatewayOutcome.failed(FAILURE_TYPES.get(status, "unknown"), reason)

    @staticmethod
    def read_report(params):
        """``(message id, state)`` of a delivery report Kavenegar posts (``messageid``, ``status``)."""
        try:
            status = int(params.get("status"))
        except (TypeError, ValueError):
            status = None
        return str(params.get("messageid") or ""), REPORT_STATES.get(status, "pending")
