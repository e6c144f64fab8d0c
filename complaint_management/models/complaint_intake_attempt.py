import hashlib
import ipaddress
from datetime import timedelta

from odoo import api, fields, models
from odoo.http import request


def visitor_address():
    """The address of the visitor of the current request, for rate limits: an IPv6 network (/64)
    counts as one visitor."""
    address = (request.httprequest.remote_addr or "") if request else ""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    return str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else address


class ComplaintIntakeAttempt(models.Model):
    """One submission or tracking attempt from the public pages, kept a day to rate-limit
    visitors. Keys are hashed: no IP address or email is stored in clear."""

    _name = "complaint.intake.attempt"
    _description = "Complaint Intake Attempt"
    _log_access = False

    key = fields.Char(required=True, index=True, readonly=True)
    date = fields.Datetime(required=True, index=True, readonly=True, default=fields.Datetime.now)

    @api.model
    def _hash_key(self, scope, value):
        return hashlib.sha256(f"{scope}:{(value or '').strip().lower()}".encode()).hexdigest()

    @api.model
    def _is_allowed(self, keys, limit, hours=1):
        """Whether each of `keys` ((scope, value) pairs) made fewer than `limit` attempts
        in the last `hours`."""
        since = fields.Datetime.now() - timedelta(hours=hours)
        hashed = [self._hash_key(scope, value) for scope, value in keys if value]
        # sudo: attempts are bookkeeping of the public pages, readable by no visitor
        counts = dict(self.sudo()._read_group(
            [("key", "in", hashed), ("date", ">=", since)], ["key"], ["__count"]))
        return all(counts.get(key, 0) < limit for key in hashed)

    @api.model
    def _record(self, keys):
        # sudo: attempts are bookkeeping of the public pages, written by no visitor
        self.sudo().create([
            {"key": self._hash_key(scope, value)} for scope, value in keys if value])

    @api.autovacuum
    def _gc_attempts(self):
        self.sudo().search([("date", "<", fields.Datetime.now() - timedelta(days=1))]).unlink()
