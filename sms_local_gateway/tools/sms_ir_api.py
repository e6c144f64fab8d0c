from .gateway_outcome import GatewayOutcome
from .gateway_request import gateway_request, status_outcome

# sms.ir's answer codes (status) that refuse an SMS, by Odoo's failure type (https://sms.ir/rest-api)
FAILURE_TYPES = {
    10: "sms_acc",  # API key not valid
    11: "sms_acc",  # API key disabled
    12: "sms_acc",  # API key limited to other IP addresses
    13: "sms_acc",  # account disabled
    14: "sms_acc",  # account suspended
    101: "sms_acc",  # line number not valid
    102: "sms_credit",  # not enough credit
    104: "sms_number_format",  # mobile number not valid
    123: "sms_acc",  # line number needs activation
}
RETRY_STATUSES = {0}  # its server failed and sent nothing
TEMPLATE_STATUSES = {111, 113}  # template id not valid; no such template
# deliveryState of a sent message and what it says; others are on their way
REPORT_STATES = {1: "delivered", 2: "not_delivered", 4: "not_delivered", 6: "not_delivered", 7: "not_allowed"}


class SmsIrApi:
    """sms.ir's REST API (v1): plain sends (``send/bulk``), template sends (``send/verify``) and
    the delivery state of a sent message (``send/{id}``), which it does not push."""

    def __init__(self, session, url, api_key, sender, timeout):
        self.session = session
        self.url = url.rstrip("/")
        self.headers = {"X-API-KEY": api_key or "", "Accept": "application/json"}
        self.sender = sender
        self.timeout = timeout

    def send_text(self, number, text, reference):
        payload = {"lineNumber": self.sender, "messageText": text, "mobiles": [number], "sendDateTime": None}
        outcome, data = self._call("POST", "/v1/send/bulk", payload)
        return outcome or GatewayOutcome.accepted(((data or {}).get("messageIds") or [""])[0])

    def send_template(self, number, template, parameters, reference):
        payload = {
            "mobile": number,
            "templateId": template,
            "parameters": [{"name": name, "value": value} for name, value in parameters.items()],
        }
        outcome, data = self._call("POST", "/v1/send/verify", payload)
        return outcome or GatewayOutcome.accepted((data or {}).get("messageId"))

    def delivery_state(self, message_id):
        """What became of a sent message: "delivered", "pending", a delivery error, or None when
        the gateway did not say."""
        outcome, data = self._call("GET", f"/v1/send/{int(message_id)}", None)
        if outcome:
            return None
        return REPORT_STATES.get((data or {}).get("deliveryState"), "pending")

    def _call(self, method, path, payload):
        """``(outcome, data)``: an outcome when the gateway did not take the request, else the
        ``data`` of its answer."""
        response, outcome = gateway_request(
            self.session,
            method,
            self.url + path,
            json=payload,
            headers=self.headers,
            timeout=self.timeout,
            idempotent=False,
        )
        if outcome:
            return outcome, None
        status, answer = answer_status(response)
        if status == 1:
            return None, answer.get("data")
        return refusal_outcome(response, status, answer), None


def answer_status(response):
    """``(status, answer)`` of an answer of sms.ir; ``(None, None)`` for an answer not its own."""
    try:
        answer = response.json()
        return int(answer["status"]), answer
    except (ValueError, KeyError, TypeError):
        return None, None


def refusal_outcome(response, status, answer):
    """What an answer of sms.ir other than a success makes of the SMS."""
    if status is None:
        if response.status_code == 401:
            return GatewayOutcome.failed("sms_acc", "sms.ir: API key not valid")
        return status_outcome(response, idempotent=False)
    reason = f"sms.ir {status}: {answer.get('message') or ''}"
    if status in RETRY_STATUSES:
        return GatewayOutcome.retry(reason)
    if status in TEMPLATE_STATUSES:
        return GatewayOutcome.template_missing(reason)
    return GatewayOutcome.failed(FAILURE_TYPES.get(status, "unknown"), reason)
