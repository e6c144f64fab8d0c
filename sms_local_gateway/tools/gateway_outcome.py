from typing import NamedTuple

# What a gateway made of one SMS:
# - "accepted": it took the SMS (message_id: its own id, which its delivery reports quote);
# - "retry": it did not take it and may later (down, overloaded): the SMS waits in the queue;
# - "failed": it refused it (failure_type: one of sms.sms's failure types; reason: its words);
# - "template_missing": it has no such template: the SMS goes again as plain text.
ACCEPTED, RETRY, FAILED, TEMPLATE_MISSING = "accepted", "retry", "failed", "template_missing"


class GatewayOutcome(NamedTuple):
    state: str
    message_id: str = ""
    failure_type: str = ""
    reason: str = ""

    @classmethod
    def accepted(cls, message_id):
        return cls(ACCEPTED, message_id=str(message_id or ""))

    @classmethod
    def retry(cls, reason):
        return cls(RETRY, reason=reason)

    @classmethod
    def failed(cls, failure_type, reason=""):
        return cls(FAILED, failure_type=failure_type, reason=reason)

    @classmethod
    def template_missing(cls, reason):
        return cls(TEMPLATE_MISSING, reason=reason)
