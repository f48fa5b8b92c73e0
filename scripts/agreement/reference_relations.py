#!/usr/bin/env python3
"""Computes the relation agreement figures of tests/fixtures/agreement-project/ independently of Tarmeez, into
tests/fixtures/agreement-project.relations.expected.json, which tests/project_data/agreement_relations_fixture.rs compares
with Tarmeez's own figures to 1e-9.

Run from the repository's root with Python 3 and the `krippendorff` (0.9.0) and `nltk` (3.10.4) packages:
    python3 scripts/agreement/reference_relations.py [--out FILE]
(CI writes it into a temporary file and compares.)

The RON reader of ron.py and counting code of its own; Cohen's kappa from nltk's
`AnnotationTask(data=...).kappa()` on a two-coder task, Krippendorff's alpha from
`krippendorff.alpha(reliability_data=..., level_of_measurement="nominal")`. The definitions (README,
"Agreement"), for relations between mentions and between events separately:
- an end is (span, type): a mention's span and entity type, an event's trigger and event type; a relation is
  (from end, to end, relation type); a unit is an ordered pair of ends some coder related;
- a coder's label of a unit: its relation types, sorted and joined by "+"; "none" when the coder has both ends
  and no relation between them; no label when the coder lacks an end or has no layer of the document;
- pair counts: each coder's relations, and how many the other has too (same ends and type, as multisets);
  F1 of the counts pooled over the documents both coded;
- Cohen's kappa and the confusion of a pair: the units either of the two related that both labelled; the
  other units either related are "unpaired";
- alpha: every unit any coder related, a column of labels, missing where there is none.
"""

import json
import math
import sys
from collections import Counter
from importlib.metadata import version
from pathlib import Path

import krippendorff
import numpy as np
from nltk.metrics.agreement import AnnotationTask

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ron  # noqa: E402
from reference import rounded  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ROOT / "tests" / "fixtures" / "agreement-project"
OUT = ROOT / "tests" / "fixtures" / "agreement-project.relations.expected.json"


def span(s):
    return (int(s["start"]), int(s["end"]))


def coder_relations(layer, kind):
    """(ends, related): every end the coder has, and {(from, to): [types]} of their relations of `kind`."""
    if kind == "mentions":
        ends = {mid: (span(m["span"]), m["type"]) for mid, m in layer.get("mentions", {}).items()}
        relations = layer.get("mention_relations", {})
    else:
        ends = {eid: (span(e["trigger"]), e["type"]) for eid, e in layer.get("events", {}).items()}
        relations = layer.get("relations", {})
    related = {}
    for r in relations.values():
        if r["from"] in ends and r["to"] in ends:
            related.setdefault((ends[r["from"]], ends[r["to"]]), []).append(r["type"])
    return set(ends.values()), related


def label(coder, unit):
    ends, related = coder
    if unit in related:
        return "+".join(sorted(related[unit]))
    return "none" if unit[0] in ends and unit[1] in ends else None


def read(kind):
    """{doc: {coder: (ends, related)}}."""
    out = {}
    for folder in sorted(p for p in (PROJECT / "annotations").iterdir() if p.is_dir()):
        out[folder.name] = {f.stem: coder_relations(ron.loads(f.read_text(encoding="utf-8")), kind)
                            for f in sorted(folder.glob("*.ron"))}
    return out


def f1(first, second, matched):
    if first + second == 0:
        return None
    if first == 0 or second == 0 or matched == 0:
        return 0.0
    p, r = matched / second, matched / first
    return 2 * p * r / (p + r)


def pair(data, a, b):
    first = second = matched = documents = unpaired = 0
    task, confusion = [], Counter()
    for doc, layers in data.items():
        if a not in layers or b not in layers:
            continue
        documents += 1
        x, y = layers[a], layers[b]
        bag = lambda c: Counter((u, t) for u, ts in c[1].items() for t in ts)  # noqa: E731
        first += sum(bag(x).values())
        second += sum(bag(y).values())
        matched += sum((bag(x) & bag(y)).values())
        for n, unit in enumerate(sorted(set(x[1]) | set(y[1]))):
            la, lb = label(x, unit), label(y, unit)
            if la is None or lb is None:
                unpaired += 1
                continue
            confusion[(la, lb)] += 1
            task += [(a, f"{doc}:{n}", la), (b, f"{doc}:{n}", lb)]
    # One label throughout: chance explains everything and Cohen's formula is 0/0. nltk 3.10 calls that 1.0 when
    # the coders agree; Tarmeez (and Cohen) call it undefined, which is what this file says.
    kappa = AnnotationTask(data=task).kappa() if len({lab for _, _, lab in task}) > 1 else None
    matrix = {}
    for (x, y), n in sorted(confusion.items()):
        matrix.setdefault(x, {})[y] = n
    return {"first": a, "second": b, "documents": documents, "relations_first": first, "relations_second": second,
            "matched": matched, "f1": f1(first, second, matched), "units": len(task) // 2, "unpaired": unpaired,
            "cohen_kappa": kappa, "confusion": matrix}


def alpha(data, coders):
    columns = []
    for layers in data.values():
        units = sorted({u for c in layers.values() for u in c[1]})
        for unit in units:
            columns.append([label(layers[c], unit) if c in layers else None for c in coders])
    pairable = [col for col in columns if sum(v is not None for v in col) >= 2]
    values = sorted({v for col in columns for v in col if v is not None})
    matrix = np.array([[math.nan if v is None else float(values.index(v)) for v in col] for col in columns],
                      dtype=float).T
    try:
        a = krippendorff.alpha(reliability_data=matrix, level_of_measurement="nominal") if pairable else None
    except ValueError:
        a = None  # one value throughout: no variation to disagree about
    return {"units": len(pairable), "values": sum(sum(v is not None for v in col) for col in pairable),
            "alpha": None if a is None or math.isnan(a) else float(a)}


def main():
    out = OUT
    if len(sys.argv) == 3 and sys.argv[1] == "--out":
        out = Path(sys.argv[2])
    result = {"about": "Relation agreement on tests/fixtures/agreement-project, written by "
                       "scripts/agreement/reference_relations.py (krippendorff " + version("krippendorff")
                       + ", nltk " + version("nltk") + ")"}
    for kind in ("mentions", "events"):
        data = read(kind)
        coders = sorted({c for layers in data.values() for c in layers})
        pairs = [pair(data, a, b) for i, a in enumerate(coders) for b in coders[i + 1:]]
        relations = sum(len(ts) for layers in data.values() for c in layers.values() for ts in c[1].values())
        result[kind] = {"coders": coders, "relations": relations, "pairs": pairs, **alpha(data, coders)}
        for p in pairs:
            print(kind, p["first"], p["second"], "F1", p["f1"], "kappa", p["cohen_kappa"], file=sys.stderr)
        print(kind, "alpha", result[kind]["alpha"], file=sys.stderr)
    out.write_text(json.dumps(rounded(result), indent=2, ensure_ascii=False, sort_keys=True) + "\n",
                   encoding="utf-8")


if __name__ == "__main__":
    main()
