"""How alike complaints are: the cosine of their TF-IDF features (the triage model's), each
complaint kept as its strongest terms only, so that a server process holds a hundred thousand
complaints in some tens of megabytes and compares a complaint with all of them in milliseconds."""

import threading

import numpy as np
from scipy import sparse

# the terms of a complaint kept to compare it: its rarest and most repeated words and pieces
TERMS_KEPT = 64
# stored rows are read again this far behind the newest read: a transaction that took its
# row's number before others and committed after them is not missed
LATE_ROWS = 500


def strongest_terms(features):
    """Per row of ``features``: ``(columns, weights)`` of its ``TERMS_KEPT`` strongest terms,
    of unit length."""
    features = sparse.csr_matrix(features)
    rows = []
    for row in range(features.shape[0]):
        start, end = features.indptr[row], features.indptr[row + 1]
        columns, weights = features.indices[start:end], features.data[start:end]
        if len(weights) > TERMS_KEPT:
            kept = np.argpartition(-weights, TERMS_KEPT)[:TERMS_KEPT]
            columns, weights = columns[kept], weights[kept]
        norm = np.sqrt(np.dot(weights, weights)) or 1.0
        rows.append((columns.astype(np.int32), (weights / norm).astype(np.float32)))
    return rows


def to_bytes(columns, weights):
    """A complaint's terms as stored: its columns (int32) then its weights (float16)."""
    return columns.astype("<i4").tobytes() + weights.astype("<f2").tobytes()


def from_bytes(data):
    """``(columns, weights)`` of :func:`to_bytes`."""
    count = len(data) // 6
    columns = np.frombuffer(data, dtype="<i4", count=count)
    weights = np.frombuffer(data, dtype="<f2", count=count, offset=count * 4).astype(np.float32)
    return columns, weights


class SimilarityIndex:
    """The complaints of a company, by their strongest terms, to find those most alike a
    complaint. Both matrices are kept by columns (for each term, the complaints that have it): a
    complaint is compared with those sharing its terms only. Complaints are added as their terms
    reach the process: to a small matrix, moved into the large one when it grows (so that an
    addition does not copy the large one); a complaint added again replaces its earlier row. Safe
    to use from several threads."""

    # rows kept in the small matrix before they join the large one
    TAIL_ROWS = 2_000

    def __init__(self, width):
        self.width = width
        # the large matrix and the small one, each with the complaint and the liveness of its rows
        self._parts = [self._part([]), self._part([])]
        self._where = {}  # complaint id -> (part, row)
        self._lock = threading.Lock()
        self._newest = 0  # the newest stored row read
        self._recent = set()  # the stored rows read less than LATE_ROWS behind the newest

    def unread(self):
        """``(after, read)``: the stored rows this index lacks are those after row ``after``
        but the rows ``read``."""
        with self._lock:
            return self._newest - LATE_ROWS, sorted(self._recent)

    def _part(self, rows):
        """``[complaint ids, matrix, alive]`` of ``rows`` (complaint id, columns, weights)."""
        pointers = np.cumsum([0] + [len(columns) for _id, columns, _w in rows])
        matrix = sparse.csr_matrix(
            (
                np.concatenate([weights for _id, _c, weights in rows] or [np.empty(0, np.float32)]),
                np.concatenate([columns for _id, columns, _w in rows] or [np.empty(0, np.int32)]),
                pointers,
            ),
            shape=(len(rows), self.width),
            dtype=np.float32,
        )
        matrix = matrix.tocsc()
        return [
            np.array([complaint_id for complaint_id, _c, _w in rows], dtype=np.int64),
            matrix,
            np.ones(len(rows), bool),
        ]

    def add(self, rows):
        """Adds ``rows`` (stored row, complaint id, columns, weights) of stored rows in order."""
        latest = {}
        for _row_id, complaint_id, columns, weights in rows:
            inside = columns < self.width
            latest[complaint_id] = (complaint_id, columns[inside], weights[inside])
        rows_read = [row[0] for row in rows]
        rows = list(latest.values())
        with self._lock:
            self._newest = max([self._newest, *rows_read])
            self._recent = {row for row in self._recent.union(rows_read) if row > self._newest - LATE_ROWS}
            for complaint_id, _c, _w in rows:
                if complaint_id in self._where:
                    part, row = self._where[complaint_id]
                    self._parts[part][2][row] = False
            large, small = self._parts
            added = self._part(rows)
            for row, complaint_id in enumerate(added[0].tolist()):
                self._where[complaint_id] = (1, len(small[0]) + row)
            small = self._joined(small, added)
            if len(small[0]) >= self.TAIL_ROWS:
                for row, complaint_id in enumerate(small[0].tolist()):
                    if small[2][row]:
                        self._where[complaint_id] = (0, len(large[0]) + row)
                large, small = self._joined(large, small), self._part([])
            self._parts = [large, small]

    @staticmethod
    def _joined(first, second):
        return [
            np.concatenate([first[0], second[0]]),
            sparse.vstack([first[1], second[1]], format="csc"),
            np.concatenate([first[2], second[2]]),
        ]

    def __len__(self):
        with self._lock:
            return len(self._where)

    @property
    def nbytes(self):
        """The memory its matrices take."""
        with self._lock:
            return sum(
                matrix.data.nbytes + matrix.indices.nbytes + matrix.indptr.nbytes + ids.nbytes
                for ids, matrix, _alive in self._parts
            )

    def nearest(self, columns, weights, count):
        """The ``count`` complaints most alike the terms ``(columns, weights)``, as ``(complaint
        id, cosine)`` best first (a complaint with no term in common is not one of them)."""
        inside = columns < self.width
        columns, weights = columns[inside], weights[inside]
        with self._lock:
            (large_ids, large, large_alive), (small_ids, small, small_alive) = self._parts
            ids = np.concatenate([large_ids, small_ids])
            scores = np.concatenate(
                [
                    np.where(large_alive, large[:, columns] @ weights, 0),
                    np.where(small_alive, small[:, columns] @ weights, 0),
                ]
            )
        best = np.argpartition(-scores, count)[:count] if len(scores) > count else np.arange(len(scores))
        best = best[np.argsort(-scores[best], kind="stable")]
        return [(int(ids[row]), float(scores[row])) for row in best if scores[row] > 0]
