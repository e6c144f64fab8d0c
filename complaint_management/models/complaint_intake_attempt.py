import hashlib
import ipaddress
from datetime import timedelta

from odoo import api, fields, models, tools
from odoo.http import request
from odoo.tools import SQL


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
    """The recent submissions or tracking attempts from the public pages of one visitor address or
    one email, kept a day to rate-limit visitors. Keys are hashed: no IP address or email is stored
    in clear."""

    _name = "complaint.intake.attempt"
    _description = "Complaint Intake Attempt"
    _log_access = False

    key = fields.Char(required=True, readonly=True)
    attempt_times = fields.Json(readonly=True, help="When the attempts of the last day were made (seconds since 1970).")
    date = fields.Datetime(string="Last Attempt", required=True, index=True, readonly=True, default=fields.Datetime.now)

    _sql_constraints = [("key_uniq", "unique (key)", "One row per visitor key.")]

    @api.model
    def _hash_key(self, scope, value):
        """The stored key of `value` in `scope`: emails are compared as mail servers do, so that
        'X@Y', 'Name <x@y>' and 'x@y,' count as one."""
        value = (value or "").strip()
        if scope.endswith("-email"):
            value = tools.email_normalize(value) or value
        return hashlib.sha256(f"{scope}:{value.lower()}".encode()).hexdigest()

    @api.model
    def _hashed_keys(self, keys):
        return sorted({self._hash_key(scope, value) for scope, value in keys if value})

    @api.model
    def _of_keys(self, hashed):
        # sudo: attempts are bookkeeping of the public pages, readable by no visitor
        return self.sudo().search([("key", "in", hashed)])

    def _any_at_limit(self, limit, hours):
        """Whether one of these keys made `limit` attempts or more in the last `hours`."""
        since = (fields.Datetime.now() - timedelta(hours=hours)).timestamp()
        return any(sum(1 for t in attempt.attempt_times or [] if t > since) >= limit for attempt in self)

    @api.model
    def _is_allowed(self, keys, limit, hours=1):
        """Whether each of `keys` ((scope, value) pairs) made fewer than `limit` attempts in the
        last `hours`. Reads only: a request that goes on to act must `_consume` its attempt."""
        return not self._of_keys(self._hashed_keys(keys))._any_at_limit(limit, hours)

    @api.model
    def _consume(self, keys, limit, hours=1):
        """Count one attempt against each of `keys` and return True, unless one of them already
        made `limit` attempts in the last `hours`: then count nothing and return False.

        Parallel requests of one key queue: each first claims the key's row (an upsert), which
        waits for any other transaction holding it. When that one commits, PostgreSQL refuses the
        claim as a serialization failure and Odoo retries the request, which then counts the
        attempt just committed. Checking and counting in separate statements let twelve
        simultaneous posts through a limit of five."""
        hashed = self._hashed_keys(keys)
        if not hashed:
            return True
        now = fields.Datetime.now()
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """INSERT INTO complaint_intake_attempt (key, attempt_times, date)
                    SELECT key, '[]'::jsonb, %(now)s FROM unnest(%(keys)s::varchar[]) AS key
               ON CONFLICT (key) DO UPDATE SET date = EXCLUDED.date""",
                now=now,
                keys=hashed,
            ),
            log_exceptions=False,
        )  # a serialization failure is retried, not an error
        self.sudo().invalidate_model(["attempt_times", "date"])
        attempts = self._of_keys(hashed)
        if attempts._any_at_limit(limit, hours):
            return False
        day_ago = (now - timedelta(days=1)).timestamp()
        for attempt in attempts:
            attempt.attempt_times = [t for t in attempt.attempt_times or [] if t > day_ago] + [now.timestamp()]
        return True

    @api.autovacuum
    def _gc_attempts(self):
        self.sudo().search([("date", "<", fields.Datetime.now() - timedelta(days=1))]).unlink()
