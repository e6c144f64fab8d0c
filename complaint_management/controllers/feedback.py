from odoo import http
from odoo.http import request

from .portal import posted_texts


class ComplaintFeedbackPage(http.Controller):
    """The page where a customer answers a feedback request, reached by the link of its email or
    SMS, without logging in. Answering is a POST: opening the link (as mail scanners do) saves nothing."""

    def _find(self, token):
        """The request of this token, in the customer's language (that of its email), else nothing."""
        feedback = request.env["complaint.feedback"]._find(token)
        lang = feedback.partner_id.lang
        if lang and request.env["res.lang"]._get_data(code=lang).active:
            request.update_context(lang=lang)
            feedback = feedback.with_context(lang=lang)
        return feedback

    def _render(self, template, feedback, values=None, status=200):
        values = dict(values or {}, feedback=feedback, complaint=feedback.complaint_id)
        return request.render(template, values, status=status)

    def _closed_page(self, feedback):
        """The page for a link that takes no answer (any more), else None."""
        if not feedback:
            return request.render("complaint_management.complaint_feedback_invalid", {}, status=404)
        if feedback.state == "done":
            return self._render("complaint_management.complaint_feedback_answered", feedback)
        if feedback._is_expired():
            return self._render("complaint_management.complaint_feedback_expired", feedback, status=410)
        return None

    @http.route(
        "/complaints/feedback/<string:token>",
        type="http",
        auth="public",
        methods=["GET"],
        website=True,
        sitemap=False,
        readonly=True,
    )
    def complaint_feedback_form(self, token, rating=None, channel=None, **kw):
        feedback = self._find(token)
        closed = self._closed_page(feedback)
        if closed:
            return closed
        form = {"rating": rating, "channel": channel}
        return self._render("complaint_management.complaint_feedback_form", feedback, {"form": form, "errors": {}})

    @http.route(
        "/complaints/feedback/<string:token>", type="http", auth="public", methods=["POST"], website=True, sitemap=False
    )
    def complaint_feedback_answer(self, token, **form):
        feedback = self._find(token)
        closed = self._closed_page(feedback and feedback._lock())
        if closed:
            return closed
        form = posted_texts(form)
        values, errors = feedback._read_form(form)
        if errors:
            return self._render(
                "complaint_management.complaint_feedback_form", feedback, {"form": form, "errors": errors}, status=400
            )
        feedback._answer(values)
        return self._render("complaint_management.complaint_feedback_thanks", feedback)
