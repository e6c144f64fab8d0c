from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request
from odoo.osv import expression

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

from ..tools.single_line import single_line

MEGABYTE = 1024 * 1024


def posted_texts(form):
    """The text fields of a posted form, without NUL characters (PostgreSQL refuses them in text);
    files posted under a field's name are left out."""
    return {name: value.replace("\x00", "") for name, value in form.items() if isinstance(value, str)}


def complaint_page_reads_only(_controller):
    """A complaint's page only reads (on a replica, when there is one), except from an email's
    address-verification link, which writes, and right after the customer filed it: a replica may
    not have the complaint yet."""
    return not any(key in request.httprequest.args for key in ("verify", "created"))


class ComplaintCustomerPortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "complaint_count" in counters:
            Complaint = request.env["complaint.complaint"]
            values["complaint_count"] = (
                Complaint.search_count(self._prepare_complaints_domain(request.env.user.partner_id))
                if Complaint.has_access("read")
                else 0
            )
        return values

    # ------------------------------------------------------------
    # LIST
    # ------------------------------------------------------------

    def _prepare_complaints_domain(self, partner):
        return [("commercial_partner_id", "=", partner.commercial_partner_id.id)]

    def _complaint_get_searchbar_sortings(self):
        return {
            "date": {"label": request.env._("Newest"), "order": "date_received desc, id desc"},
            "status": {"label": request.env._("Status"), "order": "stage_id, date_received desc, id desc"},
        }

    def _complaint_get_searchbar_filters(self):
        return {
            "all": {"label": request.env._("All"), "domain": []},
            "open": {"label": request.env._("Open"), "domain": [("is_closed", "=", False)]},
            "closed": {"label": request.env._("Closed"), "domain": [("is_closed", "=", True)]},
        }

    @http.route(
        ["/my/complaints", "/my/complaints/page/<int:page>"], type="http", auth="user", website=True, readonly=True
    )
    def portal_my_complaints(self, page=1, sortby=None, filterby=None, search=None, **kw):
        Complaint = request.env["complaint.complaint"]
        sortings = self._complaint_get_searchbar_sortings()
        filters = self._complaint_get_searchbar_filters()
        sortby = sortby if sortby in sortings else "date"
        filterby = filterby if filterby in filters else "all"
        search = (search or "").strip()
        domain = expression.AND(
            [self._prepare_complaints_domain(request.env.user.partner_id), filters[filterby]["domain"]]
        )
        if search:
            domain = expression.AND([domain, ["|", ("name", "ilike", search), ("subject", "ilike", search)]])
        pager = portal_pager(
            url="/my/complaints",
            url_args={"sortby": sortby, "filterby": filterby, "search": search or None},
            total=Complaint.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        complaints = Complaint.search(
            domain, order=sortings[sortby]["order"], limit=self._items_per_page, offset=pager["offset"]
        )
        request.session["my_complaints_history"] = complaints.ids[:100]
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "complaints": complaints,
                "page_name": "complaint",
                "pager": pager,
                "default_url": "/my/complaints",
                "searchbar_sortings": sortings,
                "sortby": sortby,
                "searchbar_filters": filters,
                "filterby": filterby,
                "searchbar_inputs": {"all": {"input": "all", "label": request.env._("Code or subject")}},
                "search_in": "all",
                "search": search,
            }
        )
        return request.render("complaint_management.portal_my_complaints", values)

    # ------------------------------------------------------------
    # DETAIL
    # ------------------------------------------------------------

    @http.route(
        ["/my/complaints/<int:complaint_id>"],
        type="http",
        auth="public",
        website=True,
        readonly=complaint_page_reads_only,
    )
    def portal_my_complaint(self, complaint_id, access_token=None, **kw):
        try:
            complaint_sudo = self._document_check_access("complaint.complaint", complaint_id, access_token)
        except (AccessError, MissingError) as error:
            if request.env.user._is_public() and not access_token:
                return request.redirect(f"/web/login?redirect=/my/complaints/{complaint_id}")
            # another customer's complaint, a wrong token or no such complaint: all look alike
            raise request.not_found() from error
        if kw.get("verify") and not request.env.user._is_internal():
            # a link from an email to the complaint's address (staff see those links in the chatter)
            complaint_sudo._portal_verify_email(kw["verify"])
        values = {
            "complaint": complaint_sudo,
            "page_name": "complaint",
            "timeline": complaint_sudo._portal_stage_timeline(),
            "handler": complaint_sudo._portal_handler_first_name(),
            "created": kw.get("created"),
        }
        values = self._get_page_view_values(
            complaint_sudo, access_token, values, "my_complaints_history", request.env.user._is_public(), **kw
        )
        return request.render("complaint_management.portal_my_complaint", values)

    @http.route(["/my/complaints/<int:complaint_id>/letter"], type="http", auth="public", website=True, readonly=True)
    def portal_my_complaint_letter(self, complaint_id, access_token=None, **kw):
        """The decision letter of a resolved or closed complaint, as a PDF."""
        try:
            complaint_sudo = self._document_check_access("complaint.complaint", complaint_id, access_token)
        except (AccessError, MissingError) as error:
            raise request.not_found() from error
        if not complaint_sudo._has_decision_letter():
            raise request.not_found()
        return self._show_report(
            model=complaint_sudo,
            report_type="pdf",
            download=True,
            report_ref="complaint_management.action_report_complaint_resolution_letter",
        )

    # ------------------------------------------------------------
    # NEW
    # ------------------------------------------------------------

    def _complaint_form_values(self, form, errors, public=False):
        """Values of the complaint form, for portal users or (`public`) anonymous visitors."""
        Complaint = request.env["complaint.complaint"]
        return {
            "page_name": "complaint_new",
            "form": form,
            "errors": errors,
            "categories": Complaint._portal_categories(),
            "expectations": Complaint._fields["expectation"]._description_selection(request.env),
            "contact_channels": Complaint._fields["contact_channel"]._description_selection(request.env),
            "file_limits": Complaint._portal_file_limits(),
            "public": public,
        }

    def _complaint_uploaded_files(self):
        """The files sent with the form, each read up to one byte over the size limit, and no
        further once they are over the total limit (the check then refuses them)."""
        limits = request.env["complaint.complaint"]._portal_file_limits()
        files, total = [], 0
        for upload in request.httprequest.files.getlist("attachments"):
            if not upload.filename:
                continue
            if total > limits["total_mb"] * MEGABYTE:
                break
            files.append({"name": single_line(upload.filename), "data": upload.read(limits["max_mb"] * MEGABYTE + 1)})
            total += len(files[-1]["data"])
        return files

    def _complaint_form_errors(self, form, public=False):
        """Check the posted form: (values to create, uploaded files, errors by field)."""
        Complaint = request.env["complaint.complaint"]
        values, errors = Complaint._portal_read_form(form, public=public)
        files = self._complaint_uploaded_files()
        file_error = Complaint._portal_check_files(files)
        if file_error:
            errors["attachments"] = file_error
        return values, files, errors

    @http.route("/my/complaints/new", type="http", auth="user", methods=["GET"], website=True, readonly=True)
    def portal_complaint_new(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(self._complaint_form_values({}, {}))
        return request.render("complaint_management.portal_complaint_new", values)

    @http.route("/my/complaints/new", type="http", auth="user", methods=["POST"], website=True)
    def portal_complaint_create(self, **form):
        form = posted_texts(form)
        values, files, errors = self._complaint_form_errors(form)
        if errors:
            page = self._prepare_portal_layout_values()
            page.update(self._complaint_form_values(form, errors))
            return request.render("complaint_management.portal_complaint_new", page, status=400)
        complaint = request.env["complaint.complaint"]._portal_create(values, files, request.env.user.partner_id)
        return request.redirect(f"/my/complaints/{complaint.id}?created=1")
