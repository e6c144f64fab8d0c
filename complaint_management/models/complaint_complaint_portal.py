from odoo import api, models, tools
from odoo.tools import consteq, plaintext2html
from odoo.tools.misc import hmac

from ..tools.file_types import file_kind
from ..tools.single_line import single_line
from .complaint_complaint import LOCAL_DIGITS, PHONE_PATTERN
from .complaint_portal_params import ATTACHMENT_MAX_MB, ATTACHMENT_TOTAL_MB, get_int_param

EMAIL_VERIFICATION_SCOPE = "complaint_management.email_verification"
# the categories the portal forms offer at most (stated in the README)
PORTAL_CATEGORIES_SHOWN = 500


class ComplaintComplaint(models.Model):
    """Complaints on the portal: the form customers and visitors file them with, the files they
    attach, who they are, the link to a complaint's page, and what the page shows."""

    _inherit = "complaint.complaint"  # pylint: disable=consider-merging-classes-inherited

    @api.model
    def _portal_categories(self):
        return self.env["complaint.category"].search([], limit=PORTAL_CATEGORIES_SHOWN)

    @api.model
    def _portal_read_form(self, form, public=False):
        """Check a complaint filed on the portal (`public`: by an anonymous visitor).
        Return (values for create, errors by field name); nothing is saved here."""
        errors = {}

        def text(name, size):
            value = (form.get(name) or "").strip()
            if len(value) > size:
                errors[name] = self.env._("Please keep this under %(count)s characters.", count=size)
            return value

        values = {
            "subject": text("subject", 200),
            "expectation_note": text("expectation_note", 2000),
            "order_reference": text("order_reference", 64) or False,
            "partner_mobile": text("mobile", 32).translate(LOCAL_DIGITS) or False,
            "channel": "web" if public else "portal",
        }
        description = text("description", 20000)
        values["description"] = plaintext2html(description) if description else False
        if not values["subject"]:
            errors["subject"] = self.env._("Please give your complaint a subject.")
        if not description:
            errors["description"] = self.env._("Please tell us what happened.")
        if values["partner_mobile"] and not PHONE_PATTERN.fullmatch(values["partner_mobile"]):
            errors["mobile"] = self.env._("Please enter a phone number with digits only, e.g. +98 912 345 6789.")
        for name in ("expectation", "contact_channel"):
            value = form.get(name) or False
            if value and value not in dict(self._fields[name].selection):
                errors[name] = self.env._("Please choose an option from the list.")
            values[name] = value
        values["contact_channel"] = values["contact_channel"] or "email"
        if values["contact_channel"] in ("phone", "sms") and not values["partner_mobile"]:
            errors["mobile"] = self.env._("Please give a phone number so that we can call you or send you SMS.")
        category_id = form.get("category_id")
        if category_id:
            category = self._portal_categories().filtered(lambda c: str(c.id) == category_id)
            if not category:
                errors["category_id"] = self.env._("Please choose a category from the list.")
            values["category_id"] = category.id
        if public:
            values["partner_name"] = text("name", 128)
            if not values["partner_name"]:
                errors["name"] = self.env._("Please tell us your name.")
            email = form.get("email") or ""
            # an address is at most 254 characters (RFC 5321)
            values["partner_email"] = tools.email_normalize(email) if len(email) <= 254 else False
            if not values["partner_email"]:
                errors["email"] = self.env._("Please enter a valid email address, e.g. name@example.com.")
        return values, errors

    @api.model
    def _portal_check_files(self, files):
        """An error message when a file sent with a complaint is of a kind or size not accepted,
        else False. `files` are dicts with 'name' and 'data' (bytes)."""
        limits = self._portal_file_limits()
        max_mb, total_mb = limits["max_mb"], limits["total_mb"]
        for file in files:
            if not file_kind(file["name"], file["data"]):
                return self.env._(
                    "“%(file)s” cannot be sent: please attach images, PDF documents, or audio or video recordings.",
                    file=file["name"],
                )
            if len(file["data"]) > max_mb * 1024 * 1024:
                return self.env._("“%(file)s” is larger than %(size)s MB.", file=file["name"], size=max_mb)
        if sum(len(file["data"]) for file in files) > total_mb * 1024 * 1024:
            return self.env._("Your files add up to more than %(size)s MB.", size=total_mb)
        return False

    @api.model
    def _portal_file_limits(self):
        return {
            "max_mb": get_int_param(self.env, ATTACHMENT_MAX_MB),
            "total_mb": get_int_param(self.env, ATTACHMENT_TOTAL_MB),
        }

    @api.model
    def _portal_customer(self, name, email, mobile, lang=None):
        """The partner a complaint filed without logging in is for: the logged-in user's own
        contact when the email is theirs, else a new contact, in `lang` (the language the visitor
        filed in; by default the request's). Typing a customer's name and email proves nothing: the
        complaint joins that customer's account only once the link emailed to the address is
        opened (see _portal_verify_email)."""
        user = self.env.user
        if not user._is_public() and user.partner_id.email_normalized == email:
            return user.partner_id
        values = {"name": single_line(name), "email": email, "mobile": mobile}
        lang = lang or self.env.lang
        if lang and self.env["res.lang"]._get_data(code=lang).active:
            values["lang"] = lang
        # sudo: visitors may not create contacts; this one holds what they typed, nothing else
        return self.env["res.partner"].sudo().create(values)

    @api.model
    def _portal_create(self, values, files, partner):
        """File a checked portal complaint (see _portal_read_form and _portal_check_files) for
        `partner`, with its files sent as the customer's first message. Also files the complaints
        of other customer-facing channels (the live-chat bot)."""
        # the web form's name and email are typed: unverified unless they are the logged-in user's
        public = self.env.user._is_public() or (values.get("channel") == "web" and partner != self.env.user.partner_id)
        values = dict(
            values,
            partner_id=partner.id,
            company_id=partner.company_id.id or self.env.company.id,
            email_verified=not public,
        )
        for name in ("partner_name", "partner_email", "partner_mobile"):
            if not values.get(name):
                values.pop(name, None)
        # sudo: portal users and visitors may not create complaints in the back office; the values
        # are the checked form fields and the customer is the visitor's own partner
        complaint = self.sudo().with_context(mail_create_nosubscribe=True).create(values)
        if public and complaint._portal_known_customer():
            complaint.message_post(
                body=self.env._(
                    "Filed by someone not logged in, with the email address of an existing customer. The "
                    "complaint stays with a contact of its own until the link we emailed to that address is "
                    "opened; then it joins the customer's account."
                ),
                author_id=self.env.ref("base.partner_root").id,
                subtype_xmlid="mail.mt_note",
            )
        if files:
            # authored by the address typed in the form (a visitor's name may not be the contact's)
            complaint.message_post(
                body=self.env._("Files sent with the complaint"),
                author_id=False if public else partner.id,
                email_from=tools.formataddr((complaint.partner_name or "", complaint.partner_email or "")),
                attachments=[(file["name"], file["data"]) for file in files],
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return complaint

    def _portal_known_customer(self):
        """The existing customer whose email the complaint's contact has: the one with a portal
        account first, else the oldest contact; never the complaint's own contact."""
        self.ensure_one()
        email = self.partner_id.email_normalized
        if not email:
            return self.env["res.partner"]
        # sudo: contacts of the company; the one found is linked once the email is proven
        partners = (
            self.env["res.partner"]
            .sudo()
            .search(
                [
                    ("email_normalized", "=", email),
                    ("id", "!=", self.partner_id.id),
                    ("company_id", "in", (False, self.company_id.id)),
                ],
                order="id",
            )
        )
        return (partners.filtered("user_ids") or partners)[:1]

    def _portal_email_verification_token(self):
        """The secret that only links emailed to the complaint's address carry: opening one shows
        that the email is the visitor's."""
        self.ensure_one()
        # sudo: the database secret signs the token
        return hmac(self.env(su=True), EMAIL_VERIFICATION_SCOPE, (self.id, self.partner_id.email_normalized or ""))

    def _portal_email_url(self):
        """The complaint's page for emails to its customer: it proves the address when opened."""
        self.ensure_one()
        verify = "" if self.sudo().email_verified else f"&verify={self._portal_email_verification_token()}"
        return self.get_base_url() + self.get_portal_url(query_string=verify)

    def _portal_verify_email(self, token):
        """Mark the email verified when `token` is the one of the emailed links, and move the
        complaint to the account of the existing customer with that email, if any."""
        self.ensure_one()
        if self.email_verified or not consteq(token or "", self._portal_email_verification_token()):
            return
        visitor = self.partner_id
        customer = self._portal_known_customer()
        self.email_verified = True
        if customer:
            self.message_unsubscribe(partner_ids=visitor.ids)
            self.partner_id = customer
            if not self.with_context(active_test=False).search_count([("partner_id", "=", visitor.id)]):
                visitor.active = False
        self.message_post(
            body=self.env._(
                "The email address %(email)s is verified: the link we sent to it was opened.", email=visitor.email
            ),
            author_id=self.env.ref("base.partner_root").id,
            subtype_xmlid="mail.mt_note",
        )

    def _portal_send_access_link(self):
        """Email the link to the complaint's page to the address on file (asked for on the
        tracking page), from the acknowledgement's scheduled action, run at once: the request then
        takes as long whether or not a complaint matched (the action runs either way)."""
        self.access_link_pending = True
        self._trigger_acknowledgements()

    @api.model
    def _portal_find(self, code, email):
        """The complaint with tracking code `code` whose customer email is `email`, else nothing:
        a wrong code and a wrong email look the same."""
        email = tools.email_normalize(email or "")
        code = (code or "").strip().upper().translate(LOCAL_DIGITS)
        if not email or not code:
            return self.browse()
        # sudo: anonymous visitors find their complaint by code; it is returned only when the email matches
        complaints = self.sudo().search([("name", "=", code)])
        return complaints.filtered(
            lambda c: email in (tools.email_normalize(c.partner_email or ""), c.partner_id.email_normalized)
        )[:1]

    def _portal_stage_timeline(self):
        """The steps of the complaint so far, oldest first: dicts with 'label' and 'date'.
        It opens with its receipt, then each stage it entered, as tracked."""
        self.ensure_one()
        field = self.env["ir.model.fields"]._get(self._name, "stage_id")
        # sudo: tracking values are readable by administrators only; these are the stage changes
        # of one complaint the caller may read
        trackings = (
            self.env["mail.tracking.value"]
            .sudo()
            .search(
                [
                    ("field_id", "=", field.id),
                    ("mail_message_id.model", "=", self._name),
                    ("mail_message_id.res_id", "=", self.id),
                ],
                order="id",
            )
        )
        stages = self.env["complaint.stage"].sudo().with_context(active_test=False)
        entered = [(stages.browse(tracking.new_value_integer), tracking.create_date) for tracking in trackings]
        if not entered and self.stage_id != stages.search([], limit=1):
            # moved without tracking (imported, or loaded as demo data): only the last move is known
            entered = [(self.stage_id, self.date_last_stage_update)]
        existing = stages.browse([stage.id for stage, _date in entered]).exists()
        return [{"label": self.env._("Received"), "date": self.date_received}] + [
            {"label": stage.name, "date": date} for stage, date in entered if stage in existing
        ]

    def _portal_handler_first_name(self):
        self.ensure_one()
        names = (self.user_id.name or "").split()
        return names[0] if names else ""
