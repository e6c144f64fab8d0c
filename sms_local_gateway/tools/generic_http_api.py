from .gateway_outcome import GatewayOutcome
from .gateway_request import gateway_request, status_outcome


class GenericHttpApi:
    """Any gateway that takes one SMS per HTTP request, described by its settings: where and how to
    send (``url``, ``method``: get, post_form or post_json), the names of its parameters, when an
    answer means success (``success_text`` in it, else any 2xx answer), where the answer holds the
    message id (``message_id_key``, a dotted path in a JSON answer), and how its delivery reports
    name things."""

    def __init__(self, session, settings):
        self.session = session
        self.settings = settings

    def send_text(self, number, text, reference):
        settings = self.settings
        values = {settings["number_param"]: number, settings["message_param"]: text}
        for param, value in (
            (settings["key_param"], settings["api_key"]),
            (settings["sender_param"], settings["sender"]),
            (settings["reference_param"], reference),
        ):
            if param and value:
                values[param] = value
        method, where = {"get": ("GET", "params"), "post_form": ("POST", "data"), "post_json": ("POST", "json")}[
            settings["method"]
        ]
        response, outcome = gateway_request(
            self.session, method, settings["url"], timeout=settings["timeout"], idempotent=False, **{where: values}
        )
        if outcome:
            return outcome
        if not 200 <= response.status_code < 300:
            return status_outcome(response, idempotent=False)
        if settings["success_text"] and settings["success_text"] not in response.text:
            return GatewayOutcome.failed("unknown", response.text[:200])
        return GatewayOutcome.accepted(self._message_id(response) or reference)

    def send_template(self, number, template, parameters, reference):
        return GatewayOutcome.template_missing("a generic HTTP gateway sends no templates")

    def _message_id(self, response):
        if not self.settings["message_id_key"]:
            return ""
        try:
            value = response.json()
        except ValueError:
            return ""
        for key in self.settings["message_id_key"].split("."):
            if isinstance(value, list) and key.isdigit() and int(key) < len(value):
                value = value[int(key)]
            elif isinstance(value, dict):
                value = value.get(key)
            else:
                return ""
        return "" if value is None or isinstance(value, dict | list) else str(value)

    def read_report(self, params):
        """``(message id, state)`` of a delivery report: the values it holds in the report
        parameters, the state by the lists of delivered and failed status values."""
        settings = self.settings
        status = str(params.get(settings["report_status_param"]) or "").strip().lower()
        state = "pending"
        if status in split_values(settings["delivered_values"]):
            state = "delivered"
        elif status in split_values(settings["failed_values"]):
            state = "not_delivered"
        return str(params.get(settings["report_reference_param"]) or ""), state


def split_values(text):
    return {value.strip().lower() for value in (text or "").split(",") if value.strip()}
