"""Triage benchmark: the model's quality on the bilingual corpus of bench/data/, its training
time and memory at 50 000 complaints, one suggestion's time, and what triage adds to a batch of
1 000 new complaints. Run with `BENCH=triage make bench` (database `complaints_bench_triage`,
TRIAGE_BENCH_DB); never run by CI.

Rows:
- quality per field on `bench/data/triage_corpus.jsonl`: trained on the older 80 % (by
  `days_ago`), evaluated on the newest 20 %: top-1, top-3, macro F1; severity also with the words
  of harm, which make a complaint critical whatever the model says;
- training on 50 000 complaints (the corpus's complaints, each repeated with words dropped and
  another order number, so that no two are the same), all five fields, as the triage trains
  (features once; classifiers on the older 80 %, evaluated on the rest, then on all), in a
  process of its own: wall time and the process's peak memory;
- one suggestion (`complaint.triage.suggest` on one complaint, the model loaded): median of 200;
- create, batch of 1 000 complaints (the corpus's texts), per record: without a model (the
  triage only reads the text for words of harm) and with the model trained on the corpus;
- similar complaints among 100 000 open ones (the corpus's texts varied as above, inserted by
  SQL): their terms read and stored as after a training; the first lookup of a server process
  (which loads them); then one complaint's similar complaints as its form shows them, median of
  200 (the lookup in memory, the complaints allowed to the user by SQL); the index's size; and
  `suggest` (with its ``similar_ids``) among them.
The OCA peer (helpdesk_mgmt) has no triage: there is nothing of it to put beside these rows.
"""

import json
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from contextlib import closing

sys.path.insert(0, os.environ["ODOO_SRC"])
sys.path.insert(
    0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "complaint_management_triage")
)

from database import ROOT, odoo_args  # noqa: E402
from table import print_table  # noqa: E402

DB = os.environ.get("TRIAGE_BENCH_DB", "complaints_bench_triage")
CORPUS = os.path.join(ROOT, "bench", "data", "triage_corpus.jsonl")
FIELDS = ("category", "team", "severity", "expectation", "tone")
TRAINING_SIZE = 50_000
SIMILAR_POOL = 100_000


def corpus():
    with open(CORPUS, encoding="utf-8") as file:
        rows = [json.loads(line) for line in file]
    return sorted(rows, key=lambda row: -row["days_ago"])


def quality_rows():
    from sklearn.metrics import f1_score  # noqa: PLC0415
    from tools.safety_words import safety_word  # noqa: PLC0415
    from tools.text_normaliser import complaint_text  # noqa: PLC0415
    from tools.triage_model import TriageModel  # noqa: PLC0415

    rows = corpus()
    cut = int(len(rows) * 0.8)
    texts = [complaint_text(row["subject"], row["description"]) for row in rows]
    model = TriageModel.fit(texts[:cut], {field: [row[field] for row in rows[:cut]] for field in FIELDS}, 5)
    predictions = model.predict(texts[cut:])
    table = []
    for field in FIELDS:
        actual = [row[field] for row in rows[cut:]]
        ranked = [[label for label, _p in prediction[field]] for prediction in predictions]
        best = [labels[0] for labels in ranked]
        table.append(quality_row(field, actual, best, ranked, f1_score))
        if field == "severity":
            harmed = ["critical" if safety_word(text) else label for text, label in zip(texts[cut:], best, strict=True)]
            table.append(quality_row("severity, with words of harm", actual, harmed, ranked, f1_score))
    return table, len(rows), cut


def quality_row(name, actual, best, ranked, f1_score):
    top1 = sum(a == b for a, b in zip(actual, best, strict=True)) / len(actual)
    top3 = sum(a in labels for a, labels in zip(actual, ranked, strict=True)) / len(actual)
    macro = f1_score(actual, best, average="macro", zero_division=0)
    return (f"quality: {name}", f"top-1 {top1:.0%}, top-3 {top3:.0%}", f"macro F1 {macro:.2f}")


def varied(rows, count, seed=7):
    """``count`` rows of the corpus, each with words of its description dropped and another
    order number: ``(row, subject, description)``."""
    generator = random.Random(seed)
    for _index in range(count):
        row = generator.choice(rows)
        words = row["description"].split()
        kept = [word for word in words if generator.random() > 0.15] or words
        yield row, row["subject"], " ".join(kept) + f" #{generator.randrange(10**6)}"


def train_50k():
    """Run in a process of its own (``--train``): prints the training's seconds."""
    from tools.text_normaliser import complaint_text  # noqa: PLC0415
    from tools.triage_model import TriageModel  # noqa: PLC0415

    texts, labels = [], {field: [] for field in FIELDS}
    for row, subject, description in varied(corpus(), TRAINING_SIZE):
        texts.append(complaint_text(subject, description))
        for field in FIELDS:
            labels[field].append(row[field])
    started = time.perf_counter()
    # as complaint.triage.train does: the features once, the classifiers on the older 80 %
    # (evaluated on the rest), then on all
    model, features = TriageModel.fit_features(texts)
    cut = int(len(texts) * 0.8)
    older = model.with_classifiers(features[:cut], {field: values[:cut] for field, values in labels.items()}, 5)
    older.predict_features(features[cut:])
    model.with_classifiers(features, labels, 5)
    print(time.perf_counter() - started)


def training_row():
    process = subprocess.run([sys.executable, __file__, "--train"], check=True, capture_output=True, text=True)
    seconds = float(process.stdout)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return (
        f"train on {TRAINING_SIZE:,} complaints (evaluated, then all)",
        f"{seconds:.1f} s",
        f"peak {peak_mb:,.0f} MB",
    )


def odoo_rows():
    import odoo  # noqa: PLC0415
    from odoo import sql_db  # noqa: PLC0415
    from odoo.modules.registry import Registry  # noqa: PLC0415

    odoo.tools.config.parse_config([*odoo_args(), "--log-level=warn", "--without-demo=all"])
    odoo.service.db._create_empty_database(DB)
    odoo.tools.config["init"] = {"complaint_management_triage": 1}
    registry = Registry.new(DB, update_module=True)
    rows = corpus()
    table = []
    with closing(registry.cursor()) as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        categories = {name: env["complaint.category"].create({"name": name}) for name in {r["category"] for r in rows}}
        batch = [{"subject": row["subject"] or "-", "description": row["description"]} for row in (rows * 2)[:1000]]
        per_record = {}
        for label in ("without a model", "with the model"):
            if label == "with the model":
                closed = env.ref("complaint_management.complaint_stage_closed")
                worked = env["complaint.complaint"].create(
                    [
                        {
                            "subject": row["subject"] or "-",
                            "description": row["description"],
                            "category_id": categories[row["category"]].id,
                            "severity": row["severity"],
                            "expectation": row["expectation"],
                            "tone": row["tone"],
                            "stage_id": closed.id,
                        }
                        for row in rows
                    ]
                )
                env["complaint.triage"].train(worked)
                env["complaint.triage"].suggest("warm", "up")
                times = []
                for row in rows[:200]:
                    started = time.perf_counter()
                    env["complaint.triage"].suggest(row["subject"], row["description"])
                    times.append((time.perf_counter() - started) * 1000)
                table.append(("suggest, one complaint (median of 200)", f"{statistics.median(times):.1f} ms", ""))
            env.flush_all()
            queries = sql_db.sql_counter
            started = time.perf_counter()
            env["complaint.complaint"].create(batch)
            env.flush_all()
            per_record[label] = (time.perf_counter() - started) * 1000 / len(batch)
            table.append(
                (
                    f"create, batch of 1 000, {label}, per record",
                    f"{per_record[label]:.1f} ms",
                    f"{(sql_db.sql_counter - queries) / len(batch):.1f} q",
                )
            )
        table.append(("  with / without", f"{per_record['with the model'] / per_record['without a model']:.2f}", ""))
        table += similar_rows(env, rows)
        cr.rollback()
    odoo.service.db.exp_drop(DB)
    return table


def similar_rows(env, rows):
    from odoo import sql_db  # noqa: PLC0415

    from odoo.addons.complaint_management_triage.models import complaint_triage  # noqa: PLC0415

    Triage = env["complaint.triage"]
    stage = env.ref("complaint_management.complaint_stage_new")
    texts = list(varied(rows, SIMILAR_POOL, seed=11))
    env.cr.execute(
        """
        INSERT INTO complaint_complaint (
            name, subject, description, stage_id, is_closed, company_id, priority, severity, channel,
            kanban_state, partner_name, date_received, date_last_stage_update, active,
            acknowledgement_pending, is_repeat, create_uid, write_uid, create_date, write_date)
        SELECT 'SIMILAR/' || n, subject, description, %s, false, %s, '0', 'normal', 'phone', 'normal',
               'Bulk customer', now() - interval '1 hour', now(), true, false, false, 1, 1, now(), now()
          FROM unnest(%s::varchar[], %s::text[]) WITH ORDINALITY AS t(subject, description, n)
        """,
        [stage.id, env.company.id, [s or "-" for _r, s, _d in texts], [d for _r, _s, d in texts]],
    )
    env.invalidate_all()
    model = Triage._model(env.company)
    started = time.perf_counter()
    Triage._store_similarity_pool(env.company, model)
    env.flush_all()
    stored = time.perf_counter() - started
    complaint_triage._indexes.clear()
    complaint_ids = env["complaint.complaint"].search([("name", "=like", "SIMILAR/%")], limit=200).ids
    started = time.perf_counter()
    index = Triage._similarity_index(env.company)
    first = time.perf_counter() - started
    times, queries = [], sql_db.sql_counter
    for complaint_id in complaint_ids:
        env.invalidate_all()
        started = time.perf_counter()
        # as the form reads it: one complaint (a search's others would be computed with it)
        env["complaint.complaint"].browse(complaint_id).similar_complaint_ids  # noqa: B018
        times.append((time.perf_counter() - started) * 1000)
    size_mb = index.nbytes / 2**20
    suggest_times = []
    for row in rows[:200]:
        started = time.perf_counter()
        Triage.suggest(row["subject"], row["description"])
        suggest_times.append((time.perf_counter() - started) * 1000)
    return [
        (f"similar: terms of {len(index):,} complaints read and stored", f"{stored:.1f} s", ""),
        (f"similar: first lookup of a process (loads {len(index):,})", f"{first:.1f} s", f"index {size_mb:.0f} MB"),
        (
            f"similar: one complaint among {len(index):,} (median of 200)",
            f"{statistics.median(times):.1f} ms",
            f"{(sql_db.sql_counter - queries) / len(complaint_ids):.1f} q",
        ),
        (
            f"suggest among {len(index):,}, with similar_ids (median of 200)",
            f"{statistics.median(suggest_times):.1f} ms",
            "",
        ),
    ]


def main():
    quality, size, cut = quality_rows()
    print(f"Triage: corpus of {size} complaints, trained on the older {cut}, evaluated on the newest {size - cut}")
    print_table([*quality, training_row(), *odoo_rows()], time_width=24, last_column="")


if __name__ == "__main__":
    if sys.argv[1:] == ["--train"]:
        train_50k()
    else:
        main()
