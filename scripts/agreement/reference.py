#!/usr/bin/env python3
"""Reference figures of span agreement on the fixture project, computed without Tarmeez's code:

- Cohen's kappa (each pair) and Fleiss' kappa (all coders) with `nltk.metrics.agreement.AnnotationTask` on
  per-code-point labels (`kappa()` of a two-coder task is Cohen's; `pi()` of the all-coder task is Fleiss'
  kappa, Scott's pi generalised; Siegel and Castellan's K);
- Krippendorff's alpha (nominal) on the same labels with the `krippendorff` package, a coder without a layer
  of a document missing there;
- span F1 strict, lenient and clitic-lenient, per pair pooled, per pair and document, per pair and entity
  type, and over all pairs pooled; and the type confusion of each pair, counted here from the definitions in
  README's "Agreement" paragraph (this is not a port of the Rust code).

Reads the fixture's RON files (scripts/agreement/ron.py) and writes the JSON to stdout or to --out.
Usage: reference.py [--project tests/fixtures/agreement-project] [--out tests/fixtures/agreement-project.expected.json]
"""

import argparse
import json
import sys
from collections import Counter
from importlib.metadata import version
from pathlib import Path

import krippendorff
import numpy as np
from nltk.metrics.agreement import AnnotationTask

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ron  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
NONE = "none"


# --- Reading the project ------------------------------------------------------------------------------

def load(project):
    """(entity type ids, [(doc id, text, {coder: [(start, end, type)]})]) in document id order."""
    schema = ron.loads((project / "project.ron").read_text(encoding="utf-8"))["schema"]
    types = [t["id"] for t in schema["entity_types"]]
    docs = []
    for meta in sorted((project / "documents").glob("*.ron")):
        doc = meta.stem
        text = (project / "documents" / f"{doc}.txt").read_text(encoding="utf-8")
        layers = {}
        for path in sorted((project / "annotations" / doc).glob("*.ron")):
            layer = ron.loads(path.read_text(encoding="utf-8"))
            layers[path.stem] = [(m["span"]["start"], m["span"]["end"], m["type"])
                                 for m in (layer.get("mentions") or {}).values()]
        docs.append((doc, text, layers))
    return types, docs


# --- Clitics: the matcher's rules, written out afresh ----------------------------------------------------

FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ڪ": "ك",
        "ؤ": "ء", "ئ": "ء", "ة": "ه"}
MARKS = set(chr(c) for c in list(range(0x064B, 0x0660)) + [0x0670, 0x0640])
SUFFIXES = ["هما", "كما", "ها", "هم", "هن", "كم", "كن", "نا", "ه"]


def arabic_letter(c):
    return "\u0621" <= c <= "\u063A" or "\u0641" <= c <= "\u064A" or "\u066E" <= c <= "\u06D3"


def readings(word):
    """Every reading of a word: itself, and (all Arabic letters, three or more) with a conjunction و/ف, a
    preposition ب/ك/ل and the article ال stripped from its front (ل + ال written لل keeps the article as
    ال), and with one pronoun suffix stripped from the end (a ta marbuta is not a suffix; ت before a suffix
    reads as ة). A reading keeps at least three letters, four when it starts with the article."""
    final_ta = word.rstrip("".join(MARKS)).endswith("ة")
    w = "".join(FOLD.get(c, c) for c in word if c not in MARKS)
    out = {w}
    if len(w) < 3 or not all(arabic_letter(c) for c in w):
        return out

    def ok(s):
        return len(s) >= 3 and (not s.startswith("ال") or len(s) > 3)

    fronts = {w}
    for conj in ["", "و", "ف"]:
        for prep in ["", "ب", "ك", "ل"]:
            head = conj + prep
            if not w.startswith(head):
                continue
            rest = w[len(head):]
            fronts.add(rest)
            if prep == "ل" and rest.startswith("ل"):
                fronts.add("ا" + rest)
                fronts.add(rest[1:])
            elif rest.startswith("ال"):
                fronts.add(rest[2:])
    for f in fronts:
        if ok(f):
            out.add(f)
        for suffix in SUFFIXES:
            if f.endswith(suffix):
                if suffix == "ه" and final_ta:
                    break
                body = f[:-len(suffix)]
                if ok(body):
                    out.add(body)
                if body.endswith("ت") and ok(body[:-1] + "ه"):
                    out.add(body[:-1] + "ه")
                break
    return out


def same_words(a, b):
    wa, wb = a.split(), b.split()
    return len(wa) == len(wb) and all(readings(x) & readings(y) for x, y in zip(wa, wb))


# --- Counting -------------------------------------------------------------------------------------------

def overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


def counts(first, second, how, text=None):
    """[first, second, first matched, second matched] of one document's mentions."""
    if how == "strict":
        common = sum((Counter(first) & Counter(second)).values())
        return [len(first), len(second), common, common]

    def agree(x, y):
        same = x[2] == y[2] and overlap(x, y)
        if how == "clitic":
            same = same and same_words(text[x[0]:x[1]], text[y[0]:y[1]])
        return same

    fm = sum(1 for x in first if any(agree(x, y) for y in second))
    sm = sum(1 for y in second if any(agree(x, y) for x in first))
    return [len(first), len(second), fm, sm]


def f1(c):
    n1, n2, m1, m2 = c
    if n1 + n2 == 0:
        return None
    if n1 == 0 or n2 == 0:
        return 0.0
    p, r = m2 / n2, m1 / n1
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def add(total, c):
    return [a + b for a, b in zip(total, c)]


def figures(c):
    return {"first": c[0], "second": c[1], "first_matched": c[2], "second_matched": c[3], "f1": f1(c)}


def labels(n, mentions):
    """Each code point's label: the type of the shortest mention covering it, the smallest type id among equally
    short ones, `none` outside every mention."""
    out = [None] * n
    for s, e, t in mentions:
        for i in range(s, min(e, n)):
            cur = out[i]
            if cur is None or (e - s, t) < (cur[1] - cur[0], cur[2]):
                out[i] = (s, e, t)
    return [NONE if x is None else x[2] for x in out]


def confusion(first, second):
    """Type pairs of overlapping mentions, and (type, none) / (none, type) for a mention nothing overlaps."""
    out = Counter()
    for x in first:
        hits = [y for y in second if overlap(x, y)]
        for y in hits:
            out[(x[2], y[2])] += 1
        if not hits:
            out[(x[2], NONE)] += 1
    for y in second:
        if not any(overlap(x, y) for x in first):
            out[(NONE, y[2])] += 1
    return out


# --- Figures --------------------------------------------------------------------------------------------

HOW = ["strict", "lenient", "clitic"]


def pair(a, b, docs, types):
    shared = [(d, t, l) for d, t, l in docs if a in l and b in l]
    total = {h: [0, 0, 0, 0] for h in HOW}
    by_type = {ty: {h: [0, 0, 0, 0] for h in HOW} for ty in types}
    per_doc, conf, data = {}, Counter(), []
    for doc, text, layers in shared:
        ma, mb = layers[a], layers[b]
        per_doc[doc] = {}
        for h in HOW:
            c = counts(ma, mb, h, text)
            total[h] = add(total[h], c)
            per_doc[doc][h] = f1(c)
            for ty in types:
                ta, tb = [m for m in ma if m[2] == ty], [m for m in mb if m[2] == ty]
                by_type[ty][h] = add(by_type[ty][h], counts(ta, tb, h, text))
        conf.update(confusion(ma, mb))
        for coder, ms in ((a, ma), (b, mb)):
            data += [(coder, f"{doc}:{i}", lab) for i, lab in enumerate(labels(len(text), ms))]
    matrix = {}
    for (x, y), n in sorted(conf.items()):
        matrix.setdefault(x, {})[y] = n
    return {
        "first": a, "second": b, "documents": len(shared),
        **{h: figures(total[h]) for h in HOW},
        "cohen_kappa": AnnotationTask(data=data).kappa(),
        "per_type": {ty: {h: figures(by_type[ty][h]) for h in HOW} for ty in types},
        "per_document": per_doc,
        "confusion": matrix,
    }, total


def all_coders(coders, docs):
    """Fleiss' kappa (nltk) over the documents every coder coded; Krippendorff's alpha (the package) over all
    documents, missing where a coder has no layer."""
    data, documents = [], 0
    for doc, text, layers in docs:
        if all(c in layers for c in coders):
            documents += 1
            for c in coders:
                data += [(c, f"{doc}:{i}", lab) for i, lab in enumerate(labels(len(text), layers[c]))]
    fleiss = AnnotationTask(data=data).pi()
    values = {}
    rows = [[] for _ in coders]
    for doc, text, layers in docs:
        for row, c in zip(rows, coders):
            if c in layers:
                row += [values.setdefault(lab, len(values)) for lab in labels(len(text), layers[c])]
            else:
                row += [np.nan] * len(text)
    alpha = krippendorff.alpha(reliability_data=np.array(rows, dtype=float), level_of_measurement="nominal")
    return fleiss, documents, float(alpha)


def spans(project):
    types, docs = load(project)
    coders = sorted({c for _, _, layers in docs for c in layers})
    pairs, overall = [], {h: [0, 0, 0, 0] for h in HOW}
    for i, a in enumerate(coders):
        for b in coders[i + 1:]:
            p, total = pair(a, b, docs, types)
            pairs.append(p)
            overall = {h: add(overall[h], total[h]) for h in HOW}
    fleiss, documents, alpha = all_coders(coders, docs)
    return {
        "coders": coders,
        "documents": len(docs),
        "pairs": pairs,
        "overall": {h: figures(overall[h]) for h in HOW},
        "fleiss_kappa": fleiss,
        "fleiss_documents": documents,
        "alpha_nominal_code_points": alpha,
    }


def rounded(value):
    """Floats to 12 decimal places (the Rust tests compare to 1e-9), so that the last bits of another numpy
    version's arithmetic do not change the file CI compares."""
    if isinstance(value, float):
        return round(value, 12)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--project", default=str(ROOT / "tests" / "fixtures" / "agreement-project"))
    ap.add_argument("--out")
    args = ap.parse_args()
    out = {
        "generated_by": "scripts/agreement/reference.py",
        "packages": {name: version(name) for name in ("krippendorff", "nltk")},
        "spans": spans(Path(args.project)),
    }
    text = json.dumps(rounded(out), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    if args.out:
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
