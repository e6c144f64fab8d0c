import base64
import logging
import threading
import time
from datetime import timedelta

import numpy as np

from odoo import api, fields, models, tools
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

from ..tools.safety_words import safety_word
from ..tools.similarity_index import SimilarityIndex, from_bytes, strongest_terms, to_bytes
from ..tools.text_normaliser import complaint_text
from ..tools.triage_model import TriageModel, learnable

_logger = logging.getLogger(__name__)

# the fields the triage suggests, learnt from what staff set
TARGETS = ("category_id", "team_id", "severity", "expectation", "tone")
# a label given to fewer complaints than this is not learnt, nor guessed
MIN_EXAMPLES = 5
# the newest share of the complaints, which the model is evaluated on and not trained on
EVALUATION_SHARE = 0.2
# fewest complaints to evaluate on
MIN_EVALUATION = 5
# a complaint is compared with the open complaints and those received in this many days
RECENT_DAYS = 90
# complaints less alike than this (cosine of their strongest terms) are not similar
MIN_SIMILARITY = 0.1
# the similar complaints shown
SIMILAR_COUNT = 10
# complaints whose terms are read and stored at once after a training (bounds the memory)
POOL_BATCH = 5_000
# the triage models loaded in this process: (database, company id) -> ((id, generation), model)
_loaded = {}
_loading = threading.Lock()
# the similarity indexes of this process: (database, company id) -> ((id, generation), index)
_indexes = {}


class ComplaintTriage(models.AbstractModel):
    """Triage of complaints by a model trained on the company's own worked complaints: which
    category, team, severity and expectation a complaint has, how upset its customer is."""

    _name = "complaint.triage"
    _description = "Complaint Triage"

    # ------------------------------------------------------------
    # SUGGESTIONS
    # ------------------------------------------------------------

    @api.model
    def suggest(self, subject, description, lang=None, partner=None):
        """The triage of one complaint, as ``{target: [(value, probability), …]}`` best first
        (record ids for category_id and team_id), with ``similar_ids`` and
        ``canned_response_id`` (and ``safety_word``, the word of harm, when the text has one).
        ``lang`` and ``partner`` are the customer's, if known. For complaint staff."""
        self._check_group("complaint_management.group_complaint_user")
        suggestion = self._suggest_many([(subject, description)])[0]
        terms = suggestion.pop("terms")
        if terms:
            similar = self._similar(self.env.company, [(*terms, ())])[0]
            suggestion["similar_ids"] = [complaint.id for complaint, _similarity in similar]
        category = self.env["complaint.category"].browse(
            suggestion["category_id"][0][0] if suggestion["category_id"] else []
        )
        lang = lang if isinstance(lang, str) else None
        response = self._canned_response(complaint_text(subject, description), category, self.env.company, lang)
        suggestion["canned_response_id"] = response.id
        return suggestion

    def _canned_response(self, text, category, company, lang):
        """The canned response that best fits a complaint of ``category`` whose text is ``text``
        (normalised): of the responses for its category (or general), the closest in words to the
        complaint (cosine of the model's features, read in ``lang``), a response of the category
        before a general one when they are as close; without a model, the first for the category."""
        Response = self.env["complaint.canned.response"]
        candidates = Response._suggested_for(
            self.env["complaint.complaint"].new({"category_id": category.id, "company_id": company.id})
        )
        model = self._model(company)
        if not model or len(candidates) < 2:
            return candidates[:1]
        candidates = candidates.with_context(lang=lang or self.env.lang)
        features = model.features([text] + [complaint_text(response.name, response.body) for response in candidates])
        closeness = (features[1:] @ features[0].T).toarray().ravel()
        specific = {response.id for response in candidates if response.category_ids}
        ranked = sorted(
            zip(candidates, closeness, strict=True),
            key=lambda pair: (round(pair[1], 2) + (0.05 if pair[0].id in specific else 0)),
            reverse=True,
        )
        return ranked[0][0].with_env(self.env)

    def _check_group(self, group):
        """The triage's public methods are for staff (and the system); customers reach it only
        through the complaints they file."""
        if not self.env.is_superuser() and not self.env.user.has_group(group):
            raise AccessError(self.env._("Only complaint staff may use the triage."))

    @api.model
    def _suggest_many(self, complaints_text, company=None):
        """:meth:`suggest` of each ``(subject, description)``, for ``company`` (default: the
        current one)."""
        company = company or self.env.company
        texts = [complaint_text(subject, description) for subject, description in complaints_text]
        model = self._model(company)
        if model:
            features, likeness = model.features_and_likeness(texts)
            # a text with no word or piece the model knows (empty, emoji only) is not guessed
            known = np.diff(features.indptr) > 0
            predictions = [
                prediction if has_terms else {}
                for prediction, has_terms in zip(model.predict_features(features), known, strict=True)
            ]
            terms = strongest_terms(likeness)
        else:
            predictions, terms = [{} for _text in texts], [None for _text in texts]
        allowed = self._allowed_values(predictions, company)
        suggestions = []
        for text, prediction, text_terms in zip(texts, predictions, terms, strict=True):
            suggestion = {
                target: [
                    (value, probability)
                    for value, probability in self._as_values(target, prediction.get(target, []))
                    if value in allowed[target]
                ]
                for target in TARGETS
            }
            suggestion.update(self._harm(text), similar_ids=[], canned_response_id=False, terms=text_terms)
            suggestions.append(suggestion)
        return suggestions

    @api.model
    def _harm_only(self, subject, description):
        """The triage of a complaint by its words of harm alone (the model failing)."""
        return {**{target: [] for target in TARGETS}, **self._harm(complaint_text(subject, description)), "terms": None}

    @staticmethod
    def _harm(text):
        """What a word of harm in ``text`` (normalised) makes of the triage: critical, and why."""
        word = safety_word(text)
        return {"severity": [("critical", 1.0)], "safety_word": word} if word else {}

    def _as_values(self, target, labelled):
        """The model's ``(label, probability)`` of ``target`` as field values (record ids of
        many2one fields)."""
        if self.env["complaint.complaint"]._fields[target].type == "many2one":
            return [(int(label), probability) for label, probability in labelled]
        return labelled

    def _allowed_values(self, predictions, company):
        """Per target, the values a suggestion may have: the field's selection keys, or the
        records predicted that still exist and are the company's (read once for all)."""
        allowed = {}
        for target in TARGETS:
            field = self.env["complaint.complaint"]._fields[target]
            if field.type != "many2one":
                allowed[target] = set(dict(field._description_selection(self.env)))
                continue
            ids = {
                value for prediction in predictions for value, _p in self._as_values(target, prediction.get(target, []))
            }
            records = self.env[field.comodel_name].sudo().browse(ids).exists()
            if "company_id" in records._fields:
                records = records.filtered_domain(["|", ("company_id", "=", False), ("company_id", "=", company.id)])
            allowed[target] = set(records.ids)
        return allowed

    def _model(self, company):
        """This process's copy of ``company``'s triage model, loaded again when trained since."""
        version = self._model_version(company.id)
        if not version:
            return None
        key = (self.env.cr.dbname, company.id)
        loaded = _loaded.get(key)
        if loaded and loaded[0] == version:
            return loaded[1]
        record = self.env["complaint.triage.model"].sudo().browse(version[0]).exists()
        if not record.data:
            return None
        with _loading:
            model = TriageModel.from_bytes(base64.b64decode(record.with_context(bin_size=False).data))
            _loaded[key] = (version, model)
        return model

    @api.model
    @tools.ormcache("company_id")
    def _model_version(self, company_id):
        """``(id, generation)`` of the company's model, if it has one: cached in every process
        until a training clears the caches (which Odoo signals to the other processes)."""
        record = self.env["complaint.triage.model"].sudo().search([("company_id", "=", company_id)], limit=1)
        return (record.id, record.generation) if record else None

    # ------------------------------------------------------------
    # SIMILAR COMPLAINTS
    # ------------------------------------------------------------

    def _similar(self, company, queries, count=SIMILAR_COUNT):
        """Per query ``(columns, weights, excluded ids)``: the complaints of ``company`` most
        alike the terms, as ``(complaint, cosine)`` best first: open or recent ones the user may
        read, across customers and teams, no less alike than :data:`MIN_SIMILARITY`. One read of
        the index and one search for all the queries."""
        index = self._similarity_index(company)
        if index is None:
            return [[] for _query in queries]
        nearest = [
            [
                (complaint_id, similarity)
                for complaint_id, similarity in index.nearest(columns, weights, count * 4 + len(excluded))
                if similarity >= MIN_SIMILARITY and complaint_id not in excluded
            ]
            for columns, weights, excluded in queries
        ]
        Complaint = self.env["complaint.complaint"]
        candidates = {complaint_id for found in nearest for complaint_id, _similarity in found}
        readable = set(Complaint.search([("id", "in", list(candidates)), *self._similar_domain(company)]).ids)
        return [
            [
                (Complaint.browse(complaint_id), similarity)
                for complaint_id, similarity in found
                if complaint_id in readable
            ][:count]
            for found in nearest
        ]

    @staticmethod
    def _similar_domain(company):
        """The complaints a complaint is compared with: the company's open ones and its recent ones."""
        recent = fields.Datetime.now() - timedelta(days=RECENT_DAYS)
        return [("company_id", "=", company.id), "|", ("is_closed", "=", False), ("date_received", ">=", recent)]

    def _terms(self, complaints):
        """Per complaint (of one company): ``(columns, weights)`` of its strongest terms, read
        from its text; empty without a model."""
        model = self._model(complaints.company_id[:1]) if complaints else None
        if not model:
            return {}
        likeness = model.likeness(
            [complaint_text(complaint.subject, complaint.description) for complaint in complaints]
        )
        return dict(zip(complaints.ids, strongest_terms(likeness), strict=True))

    def _similarity_index(self, company):
        """This process's index of the complaints of ``company``, with the terms stored since it
        last read them; None without a model."""
        model = self._model(company)
        if not model:
            return None
        version = self._model_version(company.id)
        key = (self.env.cr.dbname, company.id)
        with _loading:
            if _indexes.get(key, (None,))[0] != version:
                _indexes[key] = (version, SimilarityIndex(model.likeness_width))
            index = _indexes[key][1]
        self.env["complaint.triage.vector"].flush_model()
        after, read = index.unread()
        self.env.cr.execute(
            SQL(
                """SELECT id, complaint_id, terms FROM complaint_triage_vector
                    WHERE company_id = %s AND generation = %s AND id > %s AND id != ALL(%s) ORDER BY id""",
                company.id,
                version[1],
                after,
                read,
            )
        )
        rows = self.env.cr.fetchall()
        if rows:
            index.add(
                [(row_id, complaint_id, *from_bytes(base64.b64decode(terms))) for row_id, complaint_id, terms in rows]
            )
        return index

    def _store_terms(self, complaints, terms):
        """Keeps the strongest terms ``terms`` of ``complaints`` (a list, in their order; None
        where the company has no model) for the similarity of complaints. The caller removes
        the complaints' earlier terms, if they have any."""
        self.env["complaint.triage.vector"].sudo().create(
            [
                {
                    "complaint_id": complaint.id,
                    "company_id": complaint.company_id.id,
                    "generation": self._model_version(complaint.company_id.id)[1],
                    "terms": base64.b64encode(to_bytes(*complaint_terms)),
                }
                for complaint, complaint_terms in zip(complaints, terms, strict=True)
                if complaint_terms and len(complaint_terms[0])  # a text of no term is like none
            ]
        )

    def _store_similarity_pool(self, company, model):
        """After a training: the terms, by the new ``model``, of the complaints ``company``'s
        complaints are compared with."""
        pool = (
            self.env["complaint.complaint"]
            .sudo()
            .search_fetch(self._similar_domain(company), ["subject", "description", "company_id"])
        )
        texts = [complaint_text(complaint.subject, complaint.description) for complaint in pool]
        self.env.cr.execute(SQL("DELETE FROM complaint_triage_vector WHERE company_id = %s", company.id))
        self.env["complaint.triage.vector"].invalidate_model()
        for start in range(0, len(pool), POOL_BATCH):
            self._store_terms(
                pool[start : start + POOL_BATCH],
                strongest_terms(model.likeness(texts[start : start + POOL_BATCH])),
            )

    # ------------------------------------------------------------
    # TRAINING
    # ------------------------------------------------------------

    @api.model
    def train(self, complaints=None):
        """Trains the current company's model on ``complaints`` (default: its worked
        complaints), evaluated first on the newest fifth of them after training on the rest;
        returns the evaluation, per target. For complaint managers."""
        self._check_group("complaint_management.group_complaint_manager")
        company = self.env.company
        started = time.perf_counter()
        if complaints is None:
            complaints = self._training_complaints(company)
        elif not isinstance(complaints, models.BaseModel):  # ids, by RPC
            ids = complaints if isinstance(complaints, list | tuple) else [complaints]
            if not all(isinstance(complaint_id, int) and not isinstance(complaint_id, bool) for complaint_id in ids):
                raise UserError(self.env._("Give the complaints to train on as a list of their ids."))
            complaints = self.env["complaint.complaint"].browse(ids).exists()
        complaints = (
            complaints.sudo()
            .filtered(lambda c: c.company_id == company)
            .sorted(lambda c: (c.date_received or c.create_date, c.id))
        )
        if len(complaints) < MIN_EXAMPLES * 2:
            raise UserError(
                self.env._(
                    "The triage learns from worked complaints: %(company)s has %(count)s, it needs %(needed)s.",
                    company=company.name,
                    count=len(complaints),
                    needed=MIN_EXAMPLES * 2,
                )
            )
        texts = [complaint_text(c.subject, c.description) for c in complaints]
        labels = {target: [self._label(c, target) for c in complaints] for target in TARGETS}
        # the words and their weights are learnt from all the texts (no label is read), the
        # classifiers first from the older ones, evaluated on the newest, then from all
        features_model, features = TriageModel.fit_features(texts)
        evaluation = self._evaluate(features_model, features, labels, company)
        model = features_model.with_classifiers(features, labels, MIN_EXAMPLES)
        duration = time.perf_counter() - started
        evaluation["trained_on"] = fields.Datetime.to_string(fields.Datetime.now())
        evaluation["duration"] = round(duration, 1)
        evaluation["examples"] = len(complaints)
        self._store(company, model, evaluation)
        self._store_similarity_pool(company, model)
        return evaluation

    def _training_complaints(self, company):
        """The complaints of ``company`` staff have worked: closed, or answered."""
        return (
            self.env["complaint.complaint"]
            .sudo()
            .with_context(active_test=False)
            .search(
                [("company_id", "=", company.id), "|", ("is_closed", "=", True), ("date_first_response", "!=", False)]
            )
        )

    @staticmethod
    def _label(complaint, target):
        value = complaint[target]
        if hasattr(value, "ids"):
            return str(value.id) if value else None
        return value or None

    def _evaluate(self, features_model, features, labels, company):
        """Per target: the labelled complaints, the labels learnt and left out, and top-1, top-3,
        macro F1 and coverage at the company's threshold on the newest complaints, by a model
        trained on the older ones."""
        from sklearn.metrics import f1_score  # noqa: PLC0415 heavy, needed only when training

        count = features.shape[0]
        cut = count - max(MIN_EVALUATION, round(count * EVALUATION_SHARE))
        model = features_model.with_classifiers(
            features[:cut], {target: values[:cut] for target, values in labels.items()}, MIN_EXAMPLES
        )
        predictions = model.predict_features(features[cut:], top=3) if cut > 0 else []
        evaluation = {"targets": {}}
        for target, values in labels.items():
            learnt = learnable(values[:cut], MIN_EXAMPLES)
            left_out = sorted(set(filter(None, values)) - learnt)
            tested = [
                (values[cut + row], prediction.get(target, []))
                for row, prediction in enumerate(predictions)
                if values[cut + row] in learnt
            ]
            threshold = company[f"triage_apply_{target}"] / 100
            result = {
                "examples": sum(1 for value in values if value is not None),
                "labels": len(learnt),
                "left_out": left_out,
                "evaluated": len(tested),
            }
            if tested and target in model.classifiers:
                best = [predicted[0][0] if predicted else None for _actual, predicted in tested]
                actual = [actual for actual, _predicted in tested]
                covered = [(a, p) for a, p in tested if p and p[0][1] >= threshold] if threshold else []
                result.update(
                    top1=round(sum(a == b for a, b in zip(actual, best, strict=True)) / len(tested), 3),
                    top3=round(sum(a in [label for label, _p in p] for a, p in tested) / len(tested), 3),
                    macro_f1=round(float(f1_score(actual, best, average="macro", zero_division=0)), 3),
                    coverage=round(len(covered) / len(tested), 3) if threshold else None,
                    accuracy_covered=round(sum(a == p[0][0] for a, p in covered) / len(covered), 3)
                    if covered
                    else None,
                )
            evaluation["targets"][target] = result
        return evaluation

    def _label_name(self, target, label):
        field = self.env["complaint.complaint"]._fields[target]
        if field.type == "many2one":
            return self.env[field.comodel_name].sudo().browse(int(label)).exists().display_name or label
        return dict(field._description_selection(self.env)).get(label, label)

    def _store(self, company, model, evaluation):
        Model = self.env["complaint.triage.model"].sudo()
        record = Model.search([("company_id", "=", company.id)], limit=1)
        values = {
            "data": base64.b64encode(model.to_bytes()),
            "trained_on": evaluation["trained_on"],
            "duration": evaluation["duration"],
            "examples": evaluation["examples"],
            "evaluation": evaluation,
        }
        if record:
            record.write({**values, "generation": record.generation + 1})
        else:
            Model.create({**values, "company_id": company.id})

    @api.model
    def _cron_train(self):
        """Nightly: the model of each company that has worked complaints trained on them; a
        company that cannot be trained (too few complaints, an error) is logged and the others
        go on."""
        worked = (
            self.env["complaint.complaint"]
            .sudo()
            ._read_group(["|", ("is_closed", "=", True), ("date_first_response", "!=", False)], ["company_id"])
        )
        for (company,) in worked:
            try:
                with self.env.cr.savepoint():
                    self.with_company(company).train()
            except UserError as error:
                _logger.info("Triage of %s not trained: %s", company.name, error)
            except Exception:
                _logger.exception("Triage of %s not trained", company.name)
