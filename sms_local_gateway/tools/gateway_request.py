import requests
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

from .gateway_outcome import GatewayOutcome

# answers that say the gateway did not take the request: busy, overloaded, its upstream away
NOT_TAKEN_STATUSES = {429, 502, 503}


def never_reached(error):
    """Whether a failed request never reached the gateway (refused, no route, unknown name, no
    connection in time): sending it again cannot deliver the SMS twice."""
    if isinstance(error, requests.exceptions.ConnectTimeout):
        return True
    reason = getattr(error.args[0], "reason", None) if error.args else None
    return isinstance(reason, NewConnectionError | ConnectTimeoutError)


def gateway_request(session, method, url, *, timeout, idempotent, **kwargs):
    """Sends one request to a gateway: ``(response, None)``, or ``(None, outcome)`` when there is
    no answer to read. A request is sent again later only where that cannot deliver the SMS twice:
    when it never reached the gateway, or when the gateway drops a repeated request
    (``idempotent``)."""
    try:
        response = session.request(method, url, timeout=timeout, **kwargs)
    except requests.exceptions.RequestException as error:
        if never_reached(error):
            return None, GatewayOutcome.retry(f"unreachable: {error}")
        if idempotent:
            return None, GatewayOutcome.retry(f"no answer: {error}")
        return None, GatewayOutcome.failed("sms_server", unsure_reason(f"no answer within {timeout} s"))
    if response.status_code in NOT_TAKEN_STATUSES:
        return None, GatewayOutcome.retry(f"HTTP {response.status_code}")
    return response, None


def unsure_reason(what):
    return f"{what}: the SMS may have been sent; see the gateway's panel before sending it again"


def status_outcome(response, idempotent):
    """The outcome of an answer that is not the gateway's own: an error page of a proxy or server."""
    if response.status_code >= 500:
        reason = f"HTTP {response.status_code}"
        if idempotent:
            return GatewayOutcome.retry(reason)
        return GatewayOutcome.failed("sms_server", unsure_reason(reason))
    return GatewayOutcome.failed("unknown", f"HTTP {response.status_code}: {response.text[:200]}")
