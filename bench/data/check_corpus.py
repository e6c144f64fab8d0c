#!/usr/bin/env python3
"""Validate triage_corpus.jsonl and print its distribution tables.

Standard library only. Exit status 1 if any error is found.
Usage: python3 check_corpus.py [path/to/triage_corpus.jsonl]
"""

import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "triage_corpus.jsonl")

KEYS = {"id", "lang", "subject", "description", "category", "team", "severity", "expectation", "tone", "days_ago"}
LANGS = ("fa", "en")
TEAM_OF = {
    "Late delivery": "Deliveries",
    "Damaged goods": "Deliveries",
    "Wrong item shipped": "Deliveries",
    "Defective product": "Product Quality",
    "Product safety": "Product Quality",
    "Billing error": "Billing and Accounts",
    "Refund delay": "Billing and Accounts",
    "Staff behaviour": None,
}
CATEGORIES = list(TEAM_OF)
TEAMS = ("Deliveries", "Product Quality", "Billing and Accounts")
SEVERITIES = ("low", "normal", "high", "critical")
EXPECTATIONS = ("refund", "replacement", "repair", "compensation", "apology", "explanation", "other")
TONES = ("calm", "upset", "angry")
MIN_PER_LANG = 320
MIN_PER_CAT = 60
MIN_PER_CAT_LANG = 28
TARGET_TONE = {"calm": 0.40, "upset": 0.35, "angry": 0.25}
TARGET_SEV = {"low": 0.15, "normal": 0.45, "high": 0.28, "critical": 0.12}
TOLERANCE = 0.05  # allowed absolute deviation from the target shares

errors, warnings = [], []


def norm_words(text):
    """Lower-case, unify Arabic/Persian letters and digits, drop punctuation."""
    t = unicodedata.normalize("NFKC", text).lower()
    t = t.replace("\u064a", "\u06cc").replace("\u0643", "\u06a9").replace("\u0649", "\u06cc")
    t = t.replace("\u200c", " ").replace("\u200f", "").replace("\u200e", "")
    t = t.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789"))
    t = "".join(ch if (ch.isalnum() or ch.isspace()) else " " for ch in t)
    return t.split()


def sentences(text):
    parts = re.split(r"(?<=[.!?؟])\s+|\n+", text)
    return [p.strip() for p in parts if p.strip()]


def table(title, rows, cols, cell):
    grid = [[str(cell(r, c)) for c in cols] for r in rows]
    width0 = max([len(title)] + [len(str(r)) for r in rows]) + 2
    widths = [max([len(str(c))] + [len(g[i]) for g in grid]) + 2 for i, c in enumerate(cols)]
    out = [title.ljust(width0) + "".join(str(c).rjust(w) for c, w in zip(cols, widths, strict=False))]
    for r, g in zip(rows, grid, strict=False):
        out.append(str(r).ljust(width0) + "".join(v.rjust(w) for v, w in zip(g, widths, strict=False)))
    print("\n".join(out))
    print()


def main():  # noqa: PLR0912, PLR0915 one check after the other, in reading order
    if not os.path.exists(PATH):
        print(f"ERROR: {PATH} not found")
        return 1
    recs = []
    with open(PATH, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                errors.append(f"line {n}: empty line")
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errors.append(f"line {n}: invalid JSON ({e})")
                continue
            if not isinstance(r, dict):
                errors.append(f"line {n}: not an object")
                continue
            recs.append((n, r))

    ids = Counter()
    starts = defaultdict(list)
    sent_seen = defaultdict(list)
    for n, r in recs:
        where = f"line {n} ({r.get('id')})"
        keys = set(r)
        if keys != KEYS:
            errors.append(f"{where}: keys missing {sorted(KEYS - keys)} extra {sorted(keys - KEYS)}")
            continue
        lang = r["lang"]
        if lang not in LANGS:
            errors.append(f"{where}: bad lang {lang!r}")
        if not (isinstance(r["id"], str) and re.fullmatch(rf"{lang}-\d{{4}}", r["id"])):
            errors.append(f"{where}: bad id {r['id']!r} for lang {lang!r}")
        ids[r["id"]] += 1
        if not isinstance(r["subject"], str):
            errors.append(f"{where}: subject must be a string")
        elif "\n" in r["subject"] or len(r["subject"]) > 120:
            errors.append(f"{where}: subject is not a short single line")
        d = r["description"]
        if not isinstance(d, str) or not d.strip():
            errors.append(f"{where}: empty description")
            continue
        ns = len(sentences(d))
        if ns > 8:
            warnings.append(f"{where}: description looks like {ns} sentences (>8)")
        if lang == "fa" and not re.search(r"[\u0600-\u06ff]", d):
            errors.append(f"{where}: Persian record without Persian script")
        if lang == "en" and re.search(r"[\u0600-\u06ff]", d):
            errors.append(f"{where}: English record containing Arabic script")
        cat = r["category"]
        if cat not in TEAM_OF:
            errors.append(f"{where}: bad category {cat!r}")
        elif r["team"] not in TEAMS:
            errors.append(f"{where}: bad team {r['team']!r}")
        elif TEAM_OF[cat] and r["team"] != TEAM_OF[cat]:
            errors.append(f"{where}: team {r['team']!r} does not match category {cat!r}")
        if r["severity"] not in SEVERITIES:
            errors.append(f"{where}: bad severity {r['severity']!r}")
        if r["expectation"] not in EXPECTATIONS:
            errors.append(f"{where}: bad expectation {r['expectation']!r}")
        if r["tone"] not in TONES:
            errors.append(f"{where}: bad tone {r['tone']!r}")
        da = r["days_ago"]
        if type(da) is not int or not 1 <= da <= 720:
            errors.append(f"{where}: days_ago must be an int in 1..720, got {da!r}")
        starts[" ".join(norm_words(d)[:5])].append(r["id"])
        for s in sentences(d):
            w = norm_words(s)
            if len(w) >= 4:
                sent_seen[" ".join(w)].append(r["id"])

    for i, c in ids.items():
        if c > 1:
            errors.append(f"duplicate id {i} ({c} times)")
    for s, who in starts.items():
        if len(who) > 1:
            errors.append(f"descriptions {who} share their first five words: {s!r}")
    for s, who in sent_seen.items():
        if len(set(who)) > 1 or len(who) > 1:
            errors.append(f"sentence repeated in {who}: {s[:60]!r}")

    good = [r for _, r in recs if set(r) == KEYS]
    by_lang = Counter(r["lang"] for r in good)
    by_cat = Counter(r["category"] for r in good)
    by_cat_lang = Counter((r["category"], r["lang"]) for r in good)
    for lang in LANGS:
        if by_lang[lang] < MIN_PER_LANG:
            errors.append(f"{lang}: {by_lang[lang]} complaints, need at least {MIN_PER_LANG}")
    for cat in CATEGORIES:
        if by_cat[cat] < MIN_PER_CAT:
            errors.append(f"{cat}: {by_cat[cat]} complaints, need at least {MIN_PER_CAT}")
        for lang in LANGS:
            if by_cat_lang[(cat, lang)] < MIN_PER_CAT_LANG:
                errors.append(f"{cat}/{lang}: {by_cat_lang[(cat, lang)]}, need at least {MIN_PER_CAT_LANG}")

    total = len(good)
    if total:
        for field, target in (("tone", TARGET_TONE), ("severity", TARGET_SEV)):
            cnt = Counter(r[field] for r in good)
            for k, share in target.items():
                got = cnt[k] / total
                if abs(got - share) > TOLERANCE:
                    warnings.append(f"{field}={k}: {got:.1%} (target about {share:.0%})")
        for cat in CATEGORIES:
            days = sorted(r["days_ago"] for r in good if r["category"] == cat and type(r["days_ago"]) is int)
            if days and (days[0] > 60 or days[-1] < 600):
                warnings.append(f"{cat}: days_ago range {days[0]}..{days[-1]} does not span 1..720")

    # ---- tables ----
    print(f"File: {os.path.basename(PATH)}   complaints: {total}   " f"fa: {by_lang['fa']}   en: {by_lang['en']}\n")
    cols = list(LANGS) + ["total"]

    def per_lang(field, values):
        c = Counter((r[field], r["lang"]) for r in good)
        tot = Counter(r[field] for r in good)
        rows = list(values) + ["TOTAL"]

        def cell(row, col):
            if row == "TOTAL":
                return by_lang[col] if col in LANGS else total
            n = c[(row, col)] if col in LANGS else tot[row]
            return n

        return rows, cell

    for field, values in (
        ("category", CATEGORIES),
        ("team", TEAMS),
        ("severity", SEVERITIES),
        ("tone", TONES),
        ("expectation", EXPECTATIONS),
    ):
        rows, cell = per_lang(field, values)

        def pct(row, col, cell=cell):
            return f"{cell(row, col)} ({cell(row, col) / total:.0%})" if col == "total" and total else cell(row, col)

        table(field, rows, cols, pct)

    for field, values in (("severity", SEVERITIES), ("tone", TONES), ("expectation", EXPECTATIONS)):
        by_field = Counter((r["category"], r[field]) for r in good)
        table(f"category x {field}", CATEGORIES, list(values), lambda row, col, c=by_field: c[(row, col)])

    c = Counter((r["category"], r["team"]) for r in good)
    table("category x team", CATEGORIES, list(TEAMS), lambda row, col: c[(row, col)])

    buckets = [(1, 90), (91, 180), (181, 360), (361, 540), (541, 720)]
    labels = [f"{a}-{b}" for a, b in buckets]
    c = Counter()
    for r in good:
        for (a, b), lab in zip(buckets, labels, strict=False):
            if type(r["days_ago"]) is int and a <= r["days_ago"] <= b:
                c[(r["category"], lab)] += 1
    table("category x days_ago", CATEGORIES, labels, lambda row, col: c[(row, col)])

    lens = Counter()
    for r in good:
        n = len(sentences(r["description"]))
        lens[(r["lang"], "1" if n == 1 else "2-3" if n <= 3 else "4-5" if n <= 5 else "6+")] += 1
    table("sentences", ["1", "2-3", "4-5", "6+"], list(LANGS), lambda row, col: lens[(col, row)])
    empty = Counter(r["lang"] for r in good if r["subject"] == "")
    print("empty subjects: " + ", ".join(f"{lang}={empty[lang]}" for lang in LANGS) + "\n")

    for w in warnings:
        print("WARNING:", w)
    for e in errors:
        print("ERROR:", e)
    print(f"\n{len(errors)} error(s), {len(warnings)} warning(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
