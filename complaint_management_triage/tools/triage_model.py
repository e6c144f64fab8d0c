"""The triage model: TF-IDF features of word uni- and bigrams and of character 2- to 5-grams
(which read Persian's joined and split word forms and typos without a tokenizer), and per target
a linear classifier (logistic loss, classes balanced) whose scores give probabilities. It is
kept as arrays only (terms, inverse document frequencies, coefficients, class labels), saved
and loaded by numpy without pickles: loading it runs no code."""

import io

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import CountVectorizer, HashingVectorizer
from sklearn.linear_model import SGDClassifier

# the two kinds of features, each scaled on its own (as a union of TF-IDF vectorizers)
BLOCKS = {
    "word": {"analyzer": "word", "ngram_range": (1, 2), "token_pattern": r"(?u)\b\w+\b", "dtype": np.float32},
    "char": {"analyzer": "char_wb", "ngram_range": (2, 5), "dtype": np.float32},
}
MAX_TERMS = {"word": 150_000, "char": 250_000}
MIN_DOCUMENTS = 2  # a term seen in one complaint only tells nothing of others
# the columns of each block of the features that compare complaints: every term has one (by its
# hash), the model's terms and those it never saw, such as a new product's name
HASHED_COLUMNS = 2**20


class TriageModel:
    def __init__(self, vocabularies, idfs, classifiers):
        """``vocabularies``, ``idfs``: per block, its terms (in column order) and their inverse
        document frequencies; ``classifiers``: per target, ``(labels, coefficients, intercepts)``."""
        self.vocabularies = vocabularies
        self.idfs = idfs
        self.classifiers = classifiers
        # each block's terms are found once per text, then counted by the model's terms and hashed
        self._analyzers = {block: CountVectorizer(**BLOCKS[block]).build_analyzer() for block in vocabularies}
        self._counters = {
            block: CountVectorizer(
                vocabulary={term: index for index, term in enumerate(terms)}, analyzer=_found, dtype=np.float32
            )
            for block, terms in vocabularies.items()
        }
        self._hashers = {
            block: HashingVectorizer(
                n_features=HASHED_COLUMNS, analyzer=_found, alternate_sign=False, norm=None, dtype=np.float32
            )
            for block in vocabularies
        }
        self._hashed_idfs = None

    # ------------------------------------------------------------
    # FEATURES
    # ------------------------------------------------------------

    @classmethod
    def fit_features(cls, texts):
        """A model without classifiers, its vocabularies and weights learnt from ``texts``, and
        the features of ``texts`` (each text read once)."""
        vocabularies, idfs, counts = {}, {}, {}
        for block, params in BLOCKS.items():
            counter = CountVectorizer(min_df=min(MIN_DOCUMENTS, len(texts)), max_features=MAX_TERMS[block], **params)
            counts[block] = counter.fit_transform(texts)
            terms = np.empty(len(counter.vocabulary_), dtype=object)
            for term, index in counter.vocabulary_.items():
                terms[index] = term
            documents = np.bincount(counts[block].indices, minlength=counts[block].shape[1])
            vocabularies[block] = terms.astype(str)
            idfs[block] = (np.log((1 + len(texts)) / (1 + documents)) + 1).astype(np.float32)
        model = cls(vocabularies, idfs, {})
        return model, model._weighted(counts)

    def features(self, texts):
        """The TF-IDF rows of ``texts`` (normalised texts)."""
        return self._features_of(self._terms_found(texts))

    def likeness(self, texts):
        """The rows of ``texts`` (normalised) that compare complaints: as their features, but with
        a column for every term, the model's (weighted as in the model) and those it never saw
        (weighted as the rarest it saw: a new product's name, a new fault), each row of unit
        length."""
        return self._likeness_of(self._terms_found(texts))

    def features_and_likeness(self, texts):
        """:meth:`features` and :meth:`likeness` of ``texts``, each text read once."""
        found = self._terms_found(texts)
        return self._features_of(found), self._likeness_of(found)

    def _terms_found(self, texts):
        return {block: [analyzer(text) for text in texts] for block, analyzer in self._analyzers.items()}

    def _features_of(self, found):
        return self._weighted({block: self._counters[block].transform(terms) for block, terms in found.items()})

    def _likeness_of(self, found):
        hashed = {block: self._hashers[block].transform(terms) for block, terms in found.items()}
        return self._weighted(hashed, self.hashed_idfs()) / np.sqrt(len(hashed))

    @property
    def likeness_width(self):
        return HASHED_COLUMNS * len(self.vocabularies)

    def hashed_idfs(self):
        """Per block, the inverse document frequency of each hashed column: of the model's term
        there (the lowest, where terms share a column), else of the model's rarest term."""
        if self._hashed_idfs is None:
            hashed_idfs = {}
            for block, terms in self.vocabularies.items():
                columns = self._hashers[block].transform([[term] for term in terms]).indices
                block_idfs = np.full(HASHED_COLUMNS, self.idfs[block].max(initial=1.0), dtype=np.float32)
                np.minimum.at(block_idfs, columns, self.idfs[block])
                hashed_idfs[block] = block_idfs
            self._hashed_idfs = hashed_idfs
        return self._hashed_idfs

    def _weighted(self, counts, idfs=None):
        """TF-IDF rows of term ``counts`` (per block): sublinear term frequencies times inverse
        document frequencies (the model's, or ``idfs``), each block of unit length."""
        idfs = idfs or self.idfs
        blocks = []
        for block, block_counts in counts.items():
            weighted = sparse.csr_matrix(block_counts, dtype=np.float32)  # the counts are not used again
            weighted.data = (1 + np.log(weighted.data)) * idfs[block][weighted.indices]
            lengths = np.diff(weighted.indptr)
            rows = np.repeat(np.arange(weighted.shape[0]), lengths)
            norms = np.sqrt(np.bincount(rows, weights=weighted.data**2, minlength=weighted.shape[0]))
            weighted.data /= np.repeat(np.where(norms == 0, 1, norms), lengths).astype(np.float32)
            blocks.append(weighted)
        return sparse.hstack(blocks, format="csr")

    # ------------------------------------------------------------
    # TRAINING
    # ------------------------------------------------------------

    @classmethod
    def fit(cls, texts, labels, min_examples):
        """The model of ``texts`` (normalised) and ``labels`` (per target, one label or None per
        text); a label with fewer than ``min_examples`` texts is not learnt, nor a target with
        fewer than two labels learnt."""
        model, features = cls.fit_features(texts)
        return model.with_classifiers(features, labels, min_examples)

    def with_classifiers(self, features, labels, min_examples):
        """This model's features with classifiers of ``labels`` learnt from ``features`` (its
        rows): a model of its own."""
        model = type(self)(self.vocabularies, self.idfs, {})
        for target, values in labels.items():
            kept = learnable(values, min_examples)
            rows = [index for index, value in enumerate(values) if value in kept]
            if len(kept) < 2:
                continue
            classifier = SGDClassifier(
                loss="log_loss", alpha=2e-5, max_iter=40, tol=1e-4, class_weight="balanced", random_state=0
            )
            classifier.fit(features[rows], [values[index] for index in rows])
            model.classifiers[target] = (
                np.array([str(label) for label in classifier.classes_]),
                classifier.coef_.astype(np.float32),
                classifier.intercept_.astype(np.float32),
            )
        return model

    # ------------------------------------------------------------
    # PREDICTION
    # ------------------------------------------------------------

    def probabilities(self, features, target):
        """``(labels, probabilities)`` of ``target`` for each row of ``features``: one-vs-rest
        logistic scores, normalised."""
        labels, coefficients, intercepts = self.classifiers[target]
        scores = features @ coefficients.T + intercepts
        positive = 1 / (1 + np.exp(-np.clip(scores, -30, 30)))
        if len(labels) == 2:
            positive = np.hstack([1 - positive, positive])
        return labels, positive / positive.sum(axis=1, keepdims=True)

    def predict(self, texts, top=3):
        """Per text, per target: its ``top`` labels with their probabilities, best first."""
        return self.predict_features(self.features(texts), top=top)

    def predict_features(self, features, top=3):
        """:meth:`predict` of the texts of the rows of ``features``."""
        predictions = [{} for _row in range(features.shape[0])]
        for target in self.classifiers:
            labels, probabilities = self.probabilities(features, target)
            for row, prediction in zip(probabilities, predictions, strict=True):
                best = np.argsort(-row)[:top]
                prediction[target] = [(str(labels[index]), float(row[index])) for index in best]
        return predictions

    # ------------------------------------------------------------
    # STORAGE
    # ------------------------------------------------------------

    def to_bytes(self):
        arrays = {}
        for block in self.vocabularies:
            arrays[f"terms.{block}"] = self.vocabularies[block]
            arrays[f"idf.{block}"] = self.idfs[block]
        for target, (labels, coefficients, intercepts) in self.classifiers.items():
            arrays[f"labels.{target}"] = labels
            arrays[f"coef.{target}"] = coefficients
            arrays[f"intercept.{target}"] = intercepts
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **arrays)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data):
        """The model saved by :meth:`to_bytes`; arrays holding Python objects are refused."""
        vocabularies, idfs, classifiers = {}, {}, {}
        with np.load(io.BytesIO(data), allow_pickle=False) as arrays:
            for name in arrays.files:
                kind, key = name.split(".", 1)
                if kind == "terms":
                    vocabularies[key] = arrays[name]
                elif kind == "idf":
                    idfs[key] = arrays[name]
            for name in arrays.files:
                kind, key = name.split(".", 1)
                if kind == "labels":
                    classifiers[key] = (arrays[name], arrays[f"coef.{key}"], arrays[f"intercept.{key}"])
        return cls(vocabularies, idfs, classifiers)


def _found(terms):
    """The analyzer of terms already found in a text."""
    return terms


def learnable(values, min_examples):
    """The labels of ``values`` given at least ``min_examples`` times."""
    counts = {}
    for value in values:
        if value is not None:
            counts[value] = counts.get(value, 0) + 1
    return {value for value, count in counts.items() if count >= min_examples}
