import secrets
import time

from odoo import http
from odoo.http import request
from odoo.tools import consteq
from odoo.tools.misc import hmac

from ..models.complaint_intake_attempt import visitor_address
from ..models.complaint_portal_params import (
    FORM_MIN_SECONDS,
    SUBMISSION_RATE_LIMIT,
    TRACKING_RATE_LIMIT,
    get_int_param,
)
from .portal import ComplaintCustomerPortal, posted_texts

# a field people never see nor fill in; robots filling every field give themselves away
HONEYPOT_FIELD = "website_url"
FORM_STAMP_SCOPE = "complaint_management.public_form"
FORM_STAMP_MAX_AGE = 24 * 3600


class ComplaintPublicPortal(ComplaintCustomerPortal):
    """Complaints filed and tracked by visitors who are not logged in."""

    def _complaint_form_stamp(self):
        """When the form was served and a random number, signed: forms sent back too fast come from
        robots, and each form served files one complaint."""
        issued = f"{int(time.time())}.{secrets.token_hex(8)}"
        return f"{issued}.{hmac(request.env(su=True), FORM_STAMP_SCOPE, issued)}"

    def _complaint_stamp_error(self, stamp):
        issued, _dot, signature = (stamp or "").rpartition(".")
        seconds, _dot, nonce = issued.partition(".")
        if not (seconds.isascii() and seconds.isdigit() and nonce and signature.isascii()) or not consteq(
            signature, hmac(request.env(su=True), FORM_STAMP_SCOPE, issued)
        ):
            return request.env._("This form has expired. Please check your complaint and send it again.")
        age = time.time() - int(seconds)
        if age > FORM_STAMP_MAX_AGE:
            return request.env._("This form has expired. Please check your complaint and send it again.")
        if age < get_int_param(request.env, FORM_MIN_SECONDS):
            return request.env._("This form was sent very quickly. Please check your complaint and send it again.")
        return False

    def _render_public_form(self, form, errors, status=200):
        values = self._complaint_form_values(form, errors, public=True)
        values["form_stamp"] = self._complaint_form_stamp()
        values["honeypot_field"] = HONEYPOT_FIELD
        return request.render("complaint_management.complaint_public_new", values, status=status)

    def _render_too_many(self):
        return request.render("complaint_management.complaint_public_too_many", {}, status=429)

    @http.route(
        "/complaints/new", type="http", auth="public", methods=["GET"], website=True, sitemap=False, readonly=True
    )
    def complaint_public_new(self, **kw):
        if not request.env.user._is_public():
            return request.redirect("/my/complaints/new")
        return self._render_public_form({}, {})

    @http.route("/complaints/new", type="http", auth="public", methods=["POST"], website=True, sitemap=False)
    def complaint_public_create(self, **form):
        form = posted_texts(form)
        if form.get(HONEYPOT_FIELD):
            # dropped without a word: a robot learns nothing from the answer
            return request.render("complaint_management.complaint_public_thanks", {"complaint": None})
        Attempt = request.env["complaint.intake.attempt"]
        limit = get_int_param(request.env, SUBMISSION_RATE_LIMIT)
        if not Attempt._is_allowed([("submit-ip", visitor_address())], limit):
            return self._render_too_many()
        values, files, errors = self._complaint_form_errors(form, public=True)
        stamp_error = self._complaint_stamp_error(form.get("form_stamp"))
        if stamp_error:
            errors["form"] = stamp_error
        elif not errors and not Attempt._consume(
            [("form-stamp", form["form_stamp"])], 1, hours=FORM_STAMP_MAX_AGE // 3600
        ):
            # each form served files one complaint: a robot replaying one stamp waits like anyone
            errors["form"] = request.env._(
                "This form was already sent. To file another complaint, please fill in this new form."
            )
        if errors:
            return self._render_public_form(form, errors, status=400)
        keys = [("submit-ip", visitor_address()), ("submit-email", values["partner_email"])]
        if not Attempt._consume(keys, limit):
            return self._render_too_many()
        Complaint = request.env["complaint.complaint"]
        partner = Complaint._portal_customer(values["partner_name"], values["partner_email"], values["partner_mobile"])
        complaint = Complaint._portal_create(values, files, partner)
        return request.render("complaint_management.complaint_public_thanks", {"complaint": complaint})

    @http.route(
        "/complaints/track",
        type="http",
        auth="public",
        methods=["GET", "POST"],
        website=True,
        sitemap=False,
        readonly=lambda _controller: request.httprequest.method == "GET",
    )
    def complaint_public_track(self, **form):
        form = posted_texts(form)
        code, email = form.get("code", ""), form.get("email", "")
        values = {"code": code, "email": email, "sent": False}
        if request.httprequest.method == "POST":
            Attempt = request.env["complaint.intake.attempt"]
            # per address, and per email: tracking codes follow each other, emails are the secret
            keys = [("track-ip", visitor_address()), ("track-email", email)]
            if not Attempt._consume(keys, get_int_param(request.env, TRACKING_RATE_LIMIT)):
                return self._render_too_many()
            # the link goes to the address on file, never to the page: knowing a code and an email
            # is not owning the mailbox. The answer is the same whether or not they matched.
            request.env["complaint.complaint"]._portal_find(code, email)._portal_send_access_link()
            values["sent"] = True
        return request.render("complaint_management.complaint_public_track", values)
