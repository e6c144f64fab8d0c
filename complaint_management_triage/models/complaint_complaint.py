import logging

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..tools.similarity_index import strongest_terms
from ..tools.text_normaliser import complaint_text
from .complaint_triage import TARGETS

_logger = logging.getLogger(__name__)

TONES = [("calm", "Calm"), ("upset", "Upset"), ("angry", "Angry")]
STAFF = "complaint_management.group_complaint_user"


class ComplaintComplaint(models.Model):
    _inherit = "complaint.complaint"

    tone = fields.Selection(
        TONES,
        string="Customer Tone",
        tracking=True,
        groups=STAFF,
        help="How upset the customer is, as staff read them; the triage learns it from what staff set.",
    )
    triage_suggestion_ids = fields.One2many(
        "complaint.triage.suggestion", "complaint_id", string="Triage Suggestions", groups=STAFF
    )

    similar_complaint_ids = fields.Many2many(
        "complaint.complaint",
        string="Similar Complaints",
        compute="_compute_similar_complaint_ids",
        groups=STAFF,
        help="The open and recent complaints most alike this one in their words, from every customer and team "
        "you may see: the same product, the same fault. Link them as the same problem to update them all at once.",
    )
    triage_similarity = fields.Float(
        string="Similarity",
        compute="_compute_triage_similarity",
        groups=STAFF,
        help="How alike this complaint's words are to the complaint it is listed on (0 to 100 %).",
    )

    triage_assistant = fields.Boolean(related="company_id.triage_assistant")

    @api.model_create_multi
    def create(self, vals_list):
        triaged = self._triage_values(vals_list)
        complaints = super().create(vals_list)
        if triaged:
            complaints._store_triage(triaged)
        return complaints

    def write(self, vals):
        decided = [target for target in TARGETS if target in vals]
        if decided:
            self._triage_outcomes(decided, vals)
        result = super().write(vals)
        if {"subject", "description"} & set(vals):
            self._triage_reread()
        return result

    def _compute_similar_complaint_ids(self):
        """The complaints most alike each (a failing model lists none: the form still opens)."""
        self.similar_complaint_ids = False
        try:
            self._find_similar_complaints()
        except Exception:
            _logger.exception("Similar complaints of %s not found", self)

    def _find_similar_complaints(self):
        Triage = self.env["complaint.triage"]
        similarity = self._fields["triage_similarity"]
        for company, complaints in self.grouped("company_id").items():
            terms = Triage._terms(complaints.filtered("id"))
            compared = complaints.browse(list(terms))
            found = Triage._similar(company, [(*terms[complaint.id], {complaint.id}) for complaint in compared])
            for complaint, similar in zip(compared, found, strict=True):
                complaint.similar_complaint_ids = [other.id for other, _similarity in similar]
                if len(self) > 1:
                    continue  # a complaint may be in several lists: how alike is the form's alone
                # the list of the form reads next how alike each is to this complaint
                self.env.cache.update(
                    self.browse([other.id for other, _similarity in similar]),
                    similarity,
                    [round(value, 4) for _other, value in similar],
                )

    def _compute_triage_similarity(self):
        """Set by :meth:`_compute_similar_complaint_ids` on the complaints it lists, for the
        complaint whose list it is (one complaint's form); nothing elsewhere."""
        self.triage_similarity = 0

    def action_same_problem(self):
        """Staff's click on a similar complaint: it and the complaint it is listed on (the
        context's ``similar_to``) have the same problem."""
        self.ensure_one()
        origin_id = self.env.context.get("similar_to")
        valid = isinstance(origin_id, int) and not isinstance(origin_id, bool) and origin_id != self.id
        origin = self.browse(origin_id if valid else []).exists()
        if not origin:
            raise UserError(self.env._("Open the complaint this one is similar to, and link them from there."))
        origin._join_problem(self)
        return True

    def action_assistant_summary(self):
        """Staff's click: the assistant's summary of the thread, as an internal note."""
        self.ensure_one()
        self._check_assistant_access()
        Assistant = self.env["complaint.assistant"]
        Assistant._note(self, Assistant._summary(self))
        return True

    def _check_assistant_access(self):
        """The assistant reads a complaint for the staff who may work it, and no one else."""
        if not self.env.user.has_group(STAFF):
            raise AccessError(self.env._("Only complaint staff may use the assistant."))
        self.check_access("write")

    # ------------------------------------------------------------
    # TRIAGE
    # ------------------------------------------------------------

    def _triage_values(self, vals_list):
        """The triage of the complaints of ``vals_list``, per complaint ``(suggestion, applied
        targets)``; fields the creator left empty take a suggestion above the company's
        threshold, and a word of harm makes the complaint critical. A failing triage leaves the
        complaints as they were given: it never stops a complaint from being filed."""
        Triage = self.env["complaint.triage"]
        try:
            # reads only: a failure leaves the transaction as it was
            suggestions = self._triage_suggestions(vals_list)
        except Exception:
            _logger.exception("Triage of new complaints failed; they are filed with the words of harm only")
            suggestions = [
                (Triage._harm_only(vals.get("subject"), vals.get("description")), self.env.company)
                for vals in vals_list
            ]
        return [
            (suggestion, self._apply_triage(vals, suggestion, company))
            for vals, (suggestion, company) in zip(vals_list, suggestions, strict=True)
        ]

    def _triage_suggestions(self, vals_list):
        """``(suggestion, company)`` of each complaint of ``vals_list``, suggested per company."""
        by_company = {}
        for index, vals in enumerate(vals_list):
            company_id = vals.get("company_id") or self.env.context.get("default_company_id") or self.env.company.id
            by_company.setdefault(company_id, []).append(index)
        suggestions = [None] * len(vals_list)
        for company_id, indexes in by_company.items():
            company = self.env["res.company"].browse(company_id)
            texts = [(vals_list[index].get("subject"), vals_list[index].get("description")) for index in indexes]
            for index, suggestion in zip(
                indexes, self.env["complaint.triage"]._suggest_many(texts, company), strict=True
            ):
                suggestions[index] = (suggestion, company)
        return suggestions

    @api.model
    def _apply_triage(self, vals, suggestion, company):
        applied = []
        for target in TARGETS:
            threshold = company[f"triage_apply_{target}"] / 100
            best = suggestion[target][:1]
            if threshold and best and best[0][1] >= threshold and not vals.get(target):
                vals[target] = best[0][0]
                applied.append(target)
        if suggestion.get("safety_word") and vals.get("severity") != "critical":
            vals["severity"] = "critical"
            applied.append("severity")
        return applied

    def _store_triage(self, triaged):
        """The suggestions of the new complaints, and a note on those where some were applied."""
        suggestion_values, notes = [], {}
        for complaint, (suggestion, applied) in zip(self, triaged, strict=True):
            for target in TARGETS:
                best = suggestion[target][:1]
                if not best:
                    continue
                harm_word = suggestion.get("safety_word") if target == "severity" else None
                suggestion_values.append(
                    {
                        "complaint_id": complaint.id,
                        "target": target,
                        "value": str(best[0][0]),
                        "confidence": best[0][1],
                        "harm_word": harm_word,
                        "outcome": "applied" if target in applied else "pending",
                    }
                )
            if applied:
                notes[complaint.id] = applied
        suggestions = self.env["complaint.triage.suggestion"].sudo().create(suggestion_values)
        if notes:
            self._log_triage_notes(suggestions, notes)
        self.env["complaint.triage"]._store_terms(self, [suggestion.get("terms") for suggestion, _applied in triaged])

    def _triage_reread(self):
        """The complaints' texts changed: their terms are read again (what they are similar to);
        a failing model leaves the earlier ones, never the change undone."""
        Triage = self.env["complaint.triage"]
        try:
            with self.env.cr.savepoint():
                self.env["complaint.triage.vector"].sudo().search([("complaint_id", "in", self.ids)]).unlink()
                for company, complaints in self.grouped("company_id").items():
                    model = Triage._model(company)
                    if model:
                        likeness = model.likeness([complaint_text(c.subject, c.description) for c in complaints])
                        Triage._store_terms(complaints, strongest_terms(likeness))
        except Exception:
            _logger.exception("Terms of %s not read again", self)

    def _log_triage_notes(self, suggestions, notes):
        targets = dict(self.env["complaint.triage.suggestion"]._fields["target"]._description_selection(self.env))
        by_complaint = suggestions.grouped("complaint_id")
        bodies = {}
        for complaint_id, applied in notes.items():
            lines = [
                Markup("<li>%s: %s (%s)</li>")
                % (
                    targets[suggestion.target],
                    suggestion.value_label,
                    self.env._("mentions “%(word)s”", word=suggestion.harm_word)
                    if suggestion.harm_word
                    else f"{round(suggestion.confidence * 100)}\u00a0%",
                )
                for suggestion in by_complaint[self.browse(complaint_id)]
                if suggestion.target in applied
            ]
            bodies[complaint_id] = Markup("<p>%s</p><ul>%s</ul>") % (
                self.env._("The triage set:"),
                Markup("").join(lines),
            )
        self.browse(list(bodies))._message_log_batch(bodies)

    def _triage_outcomes(self, targets, vals):
        """Staff set fields the triage suggested: each suggestion is accepted (the value it
        suggested) or overridden (another value, or a change of the one it applied)."""
        suggestions = (
            self.env["complaint.triage.suggestion"]
            .sudo()
            .search(
                [
                    ("complaint_id", "in", self.ids),
                    ("target", "in", targets),
                    ("outcome", "in", ("pending", "applied")),
                ]
            )
        )
        for suggestion in suggestions:
            value = vals[suggestion.target]
            same = str(value.id if hasattr(value, "id") else value) == suggestion.value
            if suggestion.outcome == "pending":
                suggestion.outcome = "accepted" if same else "overridden"
            elif not same:
                suggestion.outcome = "overridden"
