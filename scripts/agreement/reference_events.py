#!/usr/bin/env python3
"""Computes the event agreement figures of tests/fixtures/agreement-project/ independently of Tarmeez, into
tests/fixtures/agreement-project.events.expected.json, which tests/project_data/agreement_events_fixture.rs compares with
Tarmeez's own figures to 1e-9.

Run from the repository's root with Python 3 and the `krippendorff` package (0.9.0 was used):
    python3 scripts/agreement/reference_events.py [--out FILE]
(CI writes it into a temporary file and compares.)

The RON reader of ron.py (shared with the span script) and counting code of its own; Krippendorff's alpha from `krippendorff.alpha(reliability_data=...,
level_of_measurement=...)`. The definitions (README, "Agreement"):
- events of two coders align one to one, greedily in this order: the largest trigger overlap first, then the
  smaller union, then the earlier triggers (first coder's, then second's), then the lower event ids; strictly
  they must have the same type and trigger, leniently the same type and overlapping triggers;
- trigger F1: both coders' event counts, the aligned pairs matched on both sides, F1 of the counts pooled over
  the documents both coders have a layer of;
- argument F1: every argument (role, filler mention) counts; only arguments of leniently aligned events can
  match, one to one in the same order (by actor: pairs of fillers both linked to the same actor first), when
  of the same role and with the same filler span (strict), overlapping filler spans (lenient), or the same
  linked actor when both fillers are linked and else overlapping spans (by actor);
- alpha per event attribute: in each document, the events of all chosen coders are clustered by joining the
  pairs of every coder pair's lenient alignment in the order above (then by coder), never putting two events of
  one coder together; each cluster is a unit, each event carrying a valid value of the attribute a value.
  Boolean and unordered choices nominal, ordered choices (date_precision, or every choice a number) ordinal on
  ranks, numbers interval, dates interval on days since 1970-01-01 with a partial date at the middle of its
  period; free text is left out.
"""

import calendar
import json
import math
import re
import sys
from datetime import date
from importlib.metadata import version
from pathlib import Path

import krippendorff
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ron  # noqa: E402
from reference import rounded  # noqa: E402  (the span reference's rounding, so both files round alike)

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ROOT / "tests" / "fixtures" / "agreement-project"
OUT = ROOT / "tests" / "fixtures" / "agreement-project.events.expected.json"
ORDERED_CHOICE_ATTRIBUTES = ["date_precision"]


# --- Reading the project: the span reference's RON reader (ron.py) --------------------------------------------

def read_ron(path):
    return ron.loads(path.read_text(encoding="utf-8"))


def tagged(value):
    """An enum value as (variant, payload): `Choice(["a"])` is already one, a bare `Boolean` has no payload."""
    return value if isinstance(value, tuple) else (value, None)


# --- The project: schema, and each coder's events per document --------------------------------------------

def event_attributes():
    """The schema's event attributes: (id, kind name, choices or None, types)."""
    config = read_ron(PROJECT / "project.ron")
    out = []
    for a in config["schema"]["attributes"]:
        if a["target"] != "Event":
            continue
        kind, payload = tagged(a["kind"])
        out.append({"id": a["id"], "kind": kind, "choices": payload, "types": a.get("types", [])})
    return out


def layers():
    """{doc: {coder: [event]}}, each event a dict(type, trigger, args=[(role, span, actor)], attrs), in event-id
    order. An argument whose mention the layer lacks is left out."""
    out = {}
    for doc in sorted(p.name for p in (PROJECT / "annotations").iterdir() if p.is_dir()):
        out[doc] = {}
        for f in sorted((PROJECT / "annotations" / doc).glob("*.ron")):
            layer = read_ron(f)
            mentions = {}
            for mid, m in layer.get("mentions", {}).items():
                mentions[mid] = ((int(m["span"]["start"]), int(m["span"]["end"])), m.get("actor"))
            events = []
            for eid in sorted(layer.get("events", {}), key=lambda e: int(e[1:])):
                e = layer["events"][eid]
                args = [(a["role"], *mentions[a["mention"]]) for a in e.get("arguments", [])
                        if a["mention"] in mentions]
                events.append({"type": e["type"], "trigger": (int(e["trigger"]["start"]), int(e["trigger"]["end"])),
                               "args": args, "attrs": e.get("attributes", {})})
            out[doc][f.stem] = events
    return out


# --- Alignment and counts ----------------------------------------------------------------------------------

def shared(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def rank(a, b):
    """The order of candidate pairs of spans: largest overlap, smaller union, earlier spans."""
    s = shared(a, b)
    return (-s, (a[1] - a[0]) + (b[1] - b[0]) - s, a, b)


def greedy(candidates):
    """candidates: [(key, i, j)]; one to one in key order, then i, then j."""
    used_i, used_j, out = set(), set(), []
    for _, i, j in sorted(candidates):
        if i not in used_i and j not in used_j:
            used_i.add(i)
            used_j.add(j)
            out.append((i, j))
    return sorted(out)


def align(a, b, strict):
    cands = []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if x["type"] != y["type"]:
                continue
            if (x["trigger"] == y["trigger"]) if strict else shared(x["trigger"], y["trigger"]) > 0:
                cands.append((rank(x["trigger"], y["trigger"]), i, j))
    return greedy(cands)


def argument_matches(xs, ys, how):
    cands = []
    for i, (ra, sa, aa) in enumerate(xs):
        for j, (rb, sb, ab) in enumerate(ys):
            if ra != rb:
                continue
            both_linked = aa is not None and ab is not None
            if how == "strict":
                ok = sa == sb
            elif how == "actor" and both_linked:
                ok = aa == ab
            else:
                ok = shared(sa, sb) > 0
            if ok:
                cands.append(((not (how == "actor" and both_linked), rank(sa, sb)), i, j))
    return len(greedy(cands))


KINDS = ["triggers_strict", "triggers_lenient", "arguments_strict", "arguments_lenient", "arguments_actor"]


def doc_counts(a, b):
    """{kind: [first, second, matched]} for two coders' events of one document."""
    out = {}
    for name, strict in (("triggers_strict", True), ("triggers_lenient", False)):
        out[name] = [len(a), len(b), len(align(a, b, strict))]
    aligned = align(a, b, False)
    n_a, n_b = sum(len(e["args"]) for e in a), sum(len(e["args"]) for e in b)
    for how in ("strict", "lenient", "actor"):
        matched = sum(argument_matches(a[i]["args"], b[j]["args"], how) for i, j in aligned)
        out["arguments_" + how] = [n_a, n_b, matched]
    return out


def f1(first, second, matched):
    if first + second == 0:
        return None
    if first == 0 or second == 0 or matched == 0:
        return 0.0
    p, r = matched / second, matched / first
    return 2 * p * r / (p + r)


def pairwise(data, coders, keep):
    out = []
    for n, a in enumerate(coders):
        for b in coders[n + 1:]:
            pooled = {k: [0, 0, 0] for k in KINDS}
            documents = 0
            for doc, layer in data.items():
                if a not in layer or b not in layer:
                    continue
                documents += 1
                counts = doc_counts([e for e in layer[a] if keep(e)], [e for e in layer[b] if keep(e)])
                for k in KINDS:
                    pooled[k] = [x + y for x, y in zip(pooled[k], counts[k])]
            entry = {"first": a, "second": b, "documents": documents}
            for k in KINDS:
                first, second, matched = pooled[k]
                entry[k] = {"first": first, "second": second, "matched": matched, "f1": f1(*pooled[k])}
            out.append(entry)
    return out


# --- Clusters and alpha ------------------------------------------------------------------------------------

def clusters(events):
    """events: one list per coder. Returns clusters as lists of (coder position, event position)."""
    edges = []
    for p in range(len(events)):
        for q in range(p + 1, len(events)):
            for i, j in align(events[p], events[q], False):
                edges.append((rank(events[p][i]["trigger"], events[q][j]["trigger"]), (p, i), (q, j)))
    group = {(p, i): frozenset([(p, i)]) for p, evs in enumerate(events) for i in range(len(evs))}
    for _, x, y in sorted(edges):
        gx, gy = group[x], group[y]
        if gx == gy or {p for p, _ in gx} & {q for q, _ in gy}:
            continue
        joined = gx | gy
        for m in joined:
            group[m] = joined
    return sorted({tuple(sorted(g)) for g in group.values()})


def days(text):
    """Days since 1970-01-01 of YYYY, YYYY-MM or YYYY-MM-DD; a partial date the middle of its period."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    epoch = date(1970, 1, 1)
    try:
        if mo is None:
            first, last = date(int(y), 1, 1), date(int(y), 12, 31)
        elif d is None:
            first = date(int(y), int(mo), 1)
            last = date(int(y), int(mo), calendar.monthrange(int(y), int(mo))[1])
        else:
            first = last = date(int(y), int(mo), int(d))
    except ValueError:
        return None
    return ((first - epoch).days + (last - epoch).days) / 2


def ranks(attr):
    """The ranks of an ordered choice list by choice, or None when unordered."""
    if attr["kind"] != "Choice":
        return None
    try:
        numbers = [float(c.strip()) for c in attr["choices"]]
        if numbers and all(math.isfinite(x) for x in numbers):
            return dict(zip(attr["choices"], numbers))
    except ValueError:
        pass
    if attr["id"] in ORDERED_CHOICE_ATTRIBUTES:
        return {c: float(i) for i, c in enumerate(attr["choices"])}
    return None


def level(attr):
    if attr["kind"] == "Choice":
        return "ordinal" if ranks(attr) else "nominal"
    return {"Boolean": "nominal", "Number": "interval", "Date": "interval"}.get(attr["kind"])


def number(attr, value):
    kind, v = value
    if attr["kind"] == "Boolean" and kind == "Bool":
        return 1.0 if v else 0.0
    if attr["kind"] == "Choice" and kind == "Choice" and v in attr["choices"]:
        r = ranks(attr)
        return r[v] if r else float(attr["choices"].index(v))
    if attr["kind"] == "Number" and kind == "Number" and math.isfinite(v):
        return float(v)
    if attr["kind"] == "Date" and kind == "Date":
        return days(v)
    return None


def alphas(data, coders, keep):
    out = []
    for attr in event_attributes():
        lvl = level(attr)
        if lvl is None:
            continue
        columns = []
        for doc, layer in data.items():
            present = [c for c in coders if c in layer]
            events = [[e for e in layer[c] if keep(e)] for c in present]
            for cluster in clusters(events):
                column = [math.nan] * len(coders)
                for p, i in cluster:
                    e = events[p][i]
                    if attr["types"] and e["type"] not in attr["types"]:
                        continue
                    v = number(attr, e["attrs"][attr["id"]]) if attr["id"] in e["attrs"] else None
                    if v is not None:
                        column[coders.index(present[p])] = v
                columns.append(column)
        matrix = np.array(columns, dtype=float).T
        pairable = [c for c in columns if sum(not math.isnan(v) for v in c) >= 2]
        alpha = krippendorff.alpha(reliability_data=matrix, level_of_measurement=lvl) if pairable else None
        out.append({"attribute": attr["id"], "metric": lvl, "units": len(pairable),
                    "values": sum(sum(not math.isnan(v) for v in c) for c in pairable),
                    "alpha": None if alpha is None or math.isnan(alpha) else float(alpha)})
    return out


def main():
    out = OUT
    if len(sys.argv) == 3 and sys.argv[1] == "--out":
        out = Path(sys.argv[2])
    data = layers()
    coders = sorted({c for layer in data.values() for c in layer})
    everything = lambda e: True  # noqa: E731
    attacks = lambda e: e["type"] == "ATTACK"  # noqa: E731
    result = {
        "about": "Event agreement on tests/fixtures/agreement-project, written by "
                 "scripts/agreement/reference_events.py (krippendorff " + version("krippendorff") + ")",
        "coders": coders,
        "all_types": {"pairs": pairwise(data, coders, everything), "attributes": alphas(data, coders, everything)},
        "attack_only": {"pairs": pairwise(data, coders, attacks), "attributes": alphas(data, coders, attacks)},
        "two_coders": {"coders": coders[:2], "attributes": alphas(data, coders[:2], everything)},
    }
    out.write_text(json.dumps(rounded(result), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for pair in result["all_types"]["pairs"]:
        f1 = {k: pair[k]["f1"] for k in KINDS}
        print(pair["first"], pair["second"], f1, file=sys.stderr)


if __name__ == "__main__":
    main()
