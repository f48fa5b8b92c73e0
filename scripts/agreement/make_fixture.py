#!/usr/bin/env python3
"""Writes tests/fixtures/agreement-project/: a Tarmeez project of 20 Arabic documents coded by three coders
(huda, layla, omar) whose layers differ in every way the agreement measures care about.

Deterministic: every choice comes from a random generator seeded by the document and the coder, so running it
again writes the same files (`python3 scripts/agreement/make_fixture.py [--out DIR]`; CI writes it into a
temporary folder and compares).

Each document has a "base" coding (the seed article's is the sample project's layer); each coder's layer is
the base with changes drawn for that coder: a mention left out, another type, other boundaries (a word more or
less), the clitic or article or pronoun suffix taken in or left out, an inner mention nested in an outer one,
an extra mention; events left out, retyped, with the trigger on another word or taking its clitic, roles
dropped or swapped, another actor linked, attribute values changed or left empty; relations between mentions
and between events left out, retyped, reversed or added, or left with an end the others do not have. omar did
not code one document; layla coded one and marked nothing. The script checks that each kind of difference
occurs. Relations are drawn from generators of their own, so that adding them changed nothing else.
"""

import hashlib
import random
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "projects" / "al-omar-oilfield"
SEED_ID = "al-omar-oilfield-2021-06-29"
OUT = ROOT / "tests" / "fixtures" / "agreement-project"
CODERS = ["huda", "layla", "omar"]
NOT_CODED = ("agr-08", "omar")  # omar has no layer of this document
EMPTY = ("agr-13", "layla")  # layla coded this document and marked nothing

# Phrases by slot: (text, entity type, actor id or None, inner phrase that nests, mention attributes).
ACTORS = [
    ("ميليشيا أبو الفضل العباس", "abu-fadl-abbas", None),
    ("الحرس الثوري الإيراني", "irgc", None),
    ("كتائب حزب الله", "kataib-hezbollah", "حزب الله"),
    ("قوات التحالف الدولي", "coalition", None),
    ("القوات الأمريكية", "us-forces", None),
    ("الحشد الشعبي", "pmf", None),
    ("لواء فاطميون", "fatemiyoun", None),
    ("حركة النجباء", "nujaba", None),
    ("لواء زينبيون", "zainabiyoun", None),
]
LOCATIONS = [
    ("الميادين", None),
    ("البوكمال", None),
    ("قاعدة حقل العمر النفطي", "حقل العمر النفطي"),
    ("دير الزور", None),
    ("قاعدة التنف", None),
    ("حقل كونيكو للغاز", "حقل كونيكو"),
    ("الشحيل", None),
    ("بادية القورية", None),
]
PREFIXES = ["", "", "ب", "و", "في "]  # a clitic written onto the location, or a separate word
TIMES = [
    ("يوم الاثنين 28 حزيران", "2021-06-28", "day"),
    ("مساء الأحد", "2021-06-27", "day"),
    ("فجر اليوم", "2021-06-29", "day"),
    ("مطلع الشهر الجاري", "2021-06", "month"),
    ("الأسبوع الماضي", "2021-06-21", "week"),
]
WEAPONS = ["صواريخ كاتيوشا", "طائرة مسيرة", "قذائف هاون", "غارات جوية"]
CASUALTIES = [("ثلاثة عناصر", 3), ("خمسة مدنيين", 5), ("عنصرين", 2), ("سبعة مقاتلين", 7)]
SOURCES = ["مصادر خاصة", "المرصد السوري لحقوق الإنسان", "وكالة المجس", "ناشطون محليون"]
MODALITIES = ["asserted", "denied", "claimed", "threatened"]
PRECISIONS = ["day", "week", "month", "year"]
ROLE_SWAP = {"Target": "Location", "Location": "Target"}
RETYPE = {"ATTACK": ("THREAT", {"Attacker": "Threatener", "Target": "Threatened", "Location": "Location",
                                "Time": "Time"}),
          "THREAT": ("ATTACK", {"Threatener": "Attacker", "Threatened": "Target", "Location": "Location",
                                "Time": "Time"}),
          "MOVEMENT": ("ATTACK", {"Agent": "Attacker", "Destination": "Target", "Time": "Time"}),
          "STATEMENT": ("THREAT", {"Speaker": "Threatener", "Addressee": "Threatened", "Time": "Time"})}
ROLE_TYPES = {
    "ATTACK": {"Attacker": ["ACTOR"], "Target": ["ACTOR", "LOCATION"], "Location": ["LOCATION"],
               "Time": ["TIME"], "Instrument": ["WEAPON"], "Casualties": ["CASUALTIES"]},
    "THREAT": {"Threatener": ["ACTOR"], "Threatened": ["ACTOR", "LOCATION"], "Location": ["LOCATION"],
               "Time": ["TIME"]},
    "STATEMENT": {"Speaker": ["ACTOR", "SOURCE"], "Addressee": ["ACTOR"], "Time": ["TIME"]},
    "MOVEMENT": {"Agent": ["ACTOR"], "Origin": ["LOCATION"], "Destination": ["LOCATION"], "Time": ["TIME"]},
}
SINGLE_ROLES = {"Time", "Speaker"}
OTHER_TYPE = {"ACTOR": "SOURCE", "SOURCE": "ACTOR", "LOCATION": "ACTOR", "TIME": "CASUALTIES",
              "WEAPON": "ACTOR", "CASUALTIES": "ACTOR"}


class Doc:
    """A document being written: its text, and the base coding with mentions by key."""

    def __init__(self):
        self.text = ""
        self.mentions = {}  # key -> dict(start, end, type, actor, attrs, inner=(start, end) or None)
        self.events = []  # dict(type, trigger=(s, e), prefix, alt=(s, e) or None, args=[(role, key)], attrs)
        self.optional = []  # mentions some coders add: dict(start, end, type)
        self.relations = []  # between mentions: (type, from key, to key)
        self.event_relations = []  # between events: (type, from index, to index) into self.events

    def put(self, s):
        self.text += s

    def mention(self, key, phrase, ty, actor=None, attrs=None, inner=None):
        start = len(self.text)
        self.put(phrase)
        m = {"start": start, "end": len(self.text), "type": ty, "actor": actor, "attrs": attrs or {}, "inner": None}
        if inner:
            i = phrase.index(inner)
            m["inner"] = (start + i, start + i + len(inner))
        self.mentions[key] = m

    def word(self, w):
        s = len(self.text)
        self.put(w)
        return (s, len(self.text))


def attack_sentence(d, rng, n):
    """«[time]، قصفت [actor] [location] ب[weapon]، ما أدى إلى مقتل [casualties]، بحسب [source].»"""
    time, date, precision = rng.choice(TIMES)
    actor, actor_id, inner = rng.choice(ACTORS)
    loc, loc_inner = rng.choice(LOCATIONS)
    prefix = rng.choice(PREFIXES)
    cas, count = rng.choice(CASUALTIES)
    k = f"s{n}"
    d.put("و" if d.text else "")
    d.mention(k + "time", time, "TIME", attrs={"date": ("Date", date)})
    d.put("، ")
    conj = "و" if rng.random() < 0.5 else ""
    d.put(conj)
    trigger = d.word("قصفت")
    d.put(" ")
    d.mention(k + "actor", actor, "ACTOR", actor_id, inner=inner)
    d.put(" ")
    if prefix in ("ب", "و") and rng.random() < 0.5:
        d.mention(k + "loc", prefix + loc, "LOCATION", inner=loc_inner)  # the base takes the clitic in
    else:
        d.put(prefix)
        d.mention(k + "loc", loc, "LOCATION", inner=loc_inner)
    d.put(" ب")
    d.mention(k + "weapon", rng.choice(WEAPONS), "WEAPON")
    d.put("، ما أدى إلى ")
    alt = d.word("مقتل")
    d.put(" ")
    d.mention(k + "cas", cas, "CASUALTIES", attrs={"count": ("Number", float(count)),
                                                    "uncertain": ("Bool", rng.random() < 0.3)})
    d.put("، بحسب ")
    d.mention(k + "src", rng.choice(SOURCES), "SOURCE")
    d.put(". ")
    d.events.append({"type": "ATTACK", "trigger": trigger, "prefix": len(conj), "alt": alt,
                     "args": [("Attacker", k + "actor"), ("Target", k + "loc"), ("Time", k + "time"),
                              ("Instrument", k + "weapon"), ("Casualties", k + "cas")],
                     "attrs": {"modality": ("Choice", rng.choice(["asserted", "claimed"])),
                               "fatalities": ("Number", float(count)),
                               "date_precision": ("Choice", precision),
                               "claimed": ("Bool", rng.random() < 0.5),
                               "event_date": ("Date", date)}})


def threat_sentence(d, rng, n):
    """«وهددت [actor] باستهداف [actor] في [location] أمس.»"""
    (a1, id1, in1), (a2, id2, in2) = rng.sample(ACTORS, 2)
    loc, loc_inner = rng.choice(LOCATIONS)
    k = f"s{n}"
    d.put("و")
    trigger = d.word("هددت")
    d.put(" ")
    d.mention(k + "actor", a1, "ACTOR", id1, inner=in1)
    d.put(" با")
    alt = d.word("ستهداف")
    d.put(" ")
    d.mention(k + "target", a2, "ACTOR", id2, inner=in2)
    d.put(" في ")
    d.mention(k + "loc", loc, "LOCATION", inner=loc_inner)
    d.put(" ")
    s = len(d.text)
    d.put("أمس")
    d.optional.append({"start": s, "end": len(d.text), "type": "TIME"})
    d.put(". ")
    d.events.append({"type": "THREAT", "trigger": trigger, "prefix": 1, "alt": alt,
                     "args": [("Threatener", k + "actor"), ("Threatened", k + "target"), ("Location", k + "loc")],
                     "attrs": {"modality": ("Choice", "threatened"), "date_precision": ("Choice", "week"),
                               "claimed": ("Bool", False), "event_date": ("Date", "2021-06")}})


def movement_sentence(d, rng, n):
    """«وانسحبت [actor] من مواقعها في [location] إلى [location] [time].»"""
    actor, actor_id, inner = rng.choice(ACTORS)
    (l1, i1), (l2, i2) = rng.sample(LOCATIONS, 2)
    time, date, precision = rng.choice(TIMES)
    k = f"s{n}"
    d.put("و")
    trigger = d.word("انسحبت")
    d.put(" ")
    d.mention(k + "actor", actor, "ACTOR", actor_id, inner=inner)
    d.put(" من ")
    d.mention(k + "pos", rng.choice(["مواقعها", "مقراتهم"]), "LOCATION")
    d.put(" في ")
    d.mention(k + "from", l1, "LOCATION", inner=i1)
    d.put(" إلى ")
    d.mention(k + "to", l2, "LOCATION", inner=i2)
    d.put(" ")
    d.mention(k + "time", time, "TIME", attrs={"date": ("Date", date)})
    d.put(". ")
    d.events.append({"type": "MOVEMENT", "trigger": trigger, "prefix": 1, "alt": None,
                     "args": [("Agent", k + "actor"), ("Origin", k + "from"), ("Destination", k + "to"),
                              ("Time", k + "time")],
                     "attrs": {"modality": ("Choice", "asserted"), "date_precision": ("Choice", precision),
                               "event_date": ("Date", date)}})


def statement_sentence(d, rng, n):
    """«وقال [source] إن [actor] أعلنت النفير العام ضد [actor].»"""
    source = rng.choice(SOURCES)
    (a1, id1, in1), (a2, id2, in2) = rng.sample(ACTORS, 2)
    k = f"s{n}"
    d.put("و")
    trigger = d.word("قال")
    d.put(" ")
    d.mention(k + "src", source, "SOURCE")
    d.put(" إن ")
    d.mention(k + "actor", a1, "ACTOR", id1, inner=in1)
    d.put(" ")
    alt = d.word("أعلنت")
    d.put(" النفير العام ضد ")
    d.mention(k + "addr", a2, "ACTOR", id2, inner=in2)
    d.put(". ")
    d.events.append({"type": "STATEMENT", "trigger": trigger, "prefix": 1, "alt": alt,
                     "args": [("Speaker", k + "src"), ("Addressee", k + "addr")],
                     "attrs": {"modality": ("Choice", rng.choice(["asserted", "denied"])),
                               "claimed": ("Bool", True)}})


SENTENCES = [attack_sentence, threat_sentence, movement_sentence, statement_sentence]


def synthetic(i):
    """Document agr-NN: two or three sentences drawn with the document's own seed."""
    rng = random.Random(f"doc/{i}")
    d = Doc()
    kinds = [SENTENCES[i % 4]] + rng.sample(SENTENCES, rng.choice([1, 2]))
    for n, make in enumerate(kinds):
        make(d, rng, n)
    d.text = d.text.rstrip() + "\n"
    title = d.text.split(".")[0][:60]
    return d, title


# --- The seed article: the sample project's layer as the base -------------------------------------------

# The event attributes the default schema gained with issue 19 (ACLED's fields), which the fixture predates.
DATASET_FIELDS = "sub_event_type|disorder_type|civilian_targeting|date_end|fatalities_low|fatalities_high|injured|" \
    "source_scale|tags"


def seed_doc():
    """The seed article with the sample coder's mentions and events (read from its RON with patterns: the file
    is the repository's own and regular)."""
    d = Doc()
    d.text = (SAMPLE / "documents" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    ron = (SAMPLE / "annotations" / SEED_ID / "sample.ron").read_text(encoding="utf-8")
    mentions_part, events_part = ron.split("  events: {")
    events_part, relations_part = events_part.split("  relations: {")
    parts = re.split(r'\n    "(m\d+)": \(', mentions_part)
    for key, body in zip(parts[1::2], parts[2::2]):
        s, e = map(int, re.search(r"span: \(start: (\d+), end: (\d+)\)", body).groups())
        ty = re.search(r'type: "(\w+)"', body).group(1)
        actor = re.search(r'actor: Some\("([\w-]+)"\)', body)
        d.mentions[key] = {"start": s, "end": e, "type": ty, "actor": actor and actor.group(1),
                           "attrs": ron_attributes(body),
                           "inner": None}
    parts = re.split(r'\n    "(e\d+)": \(', events_part)
    for key, body in zip(parts[1::2], parts[2::2]):
        ty = re.search(r'type: "(\w+)"', body).group(1)
        s, e = map(int, re.search(r"trigger: \(start: (\d+), end: (\d+)\)", body).groups())
        args = re.findall(r'\(role: "(\w+)", mention: "(m\d+)"\)', body)
        # The dataset fields of issue 19 came after the fixture: it stays as it was made.
        attrs = {k: v for k, v in ron_attributes(body).items() if k not in DATASET_FIELDS.split("|")}
        prefix = 1 if d.text[s - 1] in "وف" and d.text[s - 2] == " " else 0
        d.events.append({"type": ty, "trigger": (s, e), "prefix": prefix, "alt": None, "args": args,
                         "attrs": attrs})
    event_keys = parts[1::2]
    for ty, a, b in re.findall(r'type: "(\w+)",\s*from: "(e\d+)",\s*to: "(e\d+)"', relations_part):
        d.event_relations.append((ty, event_keys.index(a), event_keys.index(b)))
    # Nesting the sample did not mark: «حقل العمر النفطي» inside «قاعدة حقل العمر النفطي».
    for m in d.mentions.values():
        phrase = d.text[m["start"]:m["end"]]
        for inner in ("حقل العمر النفطي", "الحرس الثوري", "حزب الله"):
            if inner in phrase and inner != phrase:
                i = phrase.index(inner)
                m["inner"] = (m["start"] + i, m["start"] + i + len(inner))
    return d


def ron_attributes(body):
    """The `attributes: {...}` of a mention's or event's RON, as {id: (kind, value)}."""
    found = re.search(r"attributes: \{(.*)\}", body)
    pairs = re.findall(r'"(\w+)": (\w+)\(([^)]*)\)', found.group(1)) if found else []
    return {k: (kind, parse_value(kind, v)) for k, kind, v in pairs}


def parse_value(kind, v):
    if kind == "Number":
        return float(v)
    if kind == "Bool":
        return v == "true"
    return v.strip('"')


# --- A coder's layer: the base with that coder's differences --------------------------------------------

def words(text, s, e):
    """The (start, end) of each word of text[s:e]."""
    return [(s + m.start(), s + m.end()) for m in re.finditer(r"\S+", text[s:e])]


def clitic_variants(text, m):
    """Other boundaries of a mention that differ only by a clitic: the proclitic written before it taken in,
    the article left out, a pronoun suffix left out."""
    s, e = m["start"], m["end"]
    out = []
    if s >= 1 and text[s - 1] in "وبلف" and (s == 1 or text[s - 2] in " \n،"):
        out.append(("clitic-in", s - 1, e))
    first = words(text, s, e)[0]
    if text[first[0]:first[0] + 2] == "ال" and first[1] - first[0] >= 6:
        out.append(("article-out", s + 2, e))
    if text[s] in "وب" and text[s + 1:s + 3] == "ال" and first[1] - first[0] >= 7:
        out.append(("clitic-out", s + 1, e))
    last = words(text, s, e)[-1]
    if text[last[1] - 2:last[1]] in ("ها", "هم") and last[1] - last[0] >= 6:
        out.append(("suffix-out", s, e - 2))
    return out


def code_mention(text, key, m, rng, tally):
    """One coder's version of a base mention: a list of (key, mention) (empty when left out)."""
    m = dict(m)
    r = rng.random()
    variants = clitic_variants(text, m)
    ws = words(text, m["start"], m["end"])
    if r < 0.08:
        tally["mention left out"] += 1
        return []
    if r < 0.15:
        tally["other type"] += 1
        m["type"] = OTHER_TYPE[m["type"]]
        if m["type"] != "ACTOR":
            m["actor"] = None
    elif r < 0.24 and len(ws) >= 2:
        tally["other boundaries"] += 1
        m["end"] = ws[-2][1]
    elif r < 0.36 and variants:
        name, m["start"], m["end"] = rng.choice(variants)
        tally[name] += 1
    if m["type"] == "ACTOR" and m["actor"] and rng.random() < 0.12:
        tally["other actor"] += 1
        m["actor"] = rng.choice(["iran-backed-militias", None])
    m["attrs"] = {k: v for k, v in m["attrs"].items() if attr_applies(k, m["type"])}
    change_mention_attrs(m, rng, tally)
    out = [(key, m)]
    if m["inner"] and rng.random() < 0.5 and (m["start"], m["end"]) != m["inner"]:
        tally["nested mention"] += 1
        s, e = m["inner"]
        out.append((key + "-in", {"start": s, "end": e, "type": m["type"], "actor": None, "attrs": {},
                                  "inner": None}))
    return out


def attr_applies(attr, ty):
    return {"date": ty == "TIME", "count": ty == "CASUALTIES"}.get(attr, True)


def change_mention_attrs(m, rng, tally):
    a = m["attrs"]
    if "date" in a and rng.random() < 0.3:
        tally["mention date changed"] += 1
        a["date"] = ("Date", rng.choice(["2021-06-28", "2021-06-27", "2021-06", "2021"]))
    if "count" in a and rng.random() < 0.3:
        tally["mention count changed"] += 1
        a["count"] = ("Number", a["count"][1] + rng.choice([-1.0, 1.0, 2.0]))
    if m["type"] in ("CASUALTIES", "ACTOR") and rng.random() < 0.15:
        tally["uncertain changed"] += 1
        a["uncertain"] = ("Bool", not (a.get("uncertain", ("Bool", False))[1]))


def code_event(ev, kept, rng, tally):
    """One coder's version of a base event, its arguments filled by the mentions the coder kept (`kept`: base
    key -> the coder's mention), or None when left out."""
    ev = dict(ev)
    r = rng.random()
    if r < 0.1:
        tally["event left out"] += 1
        return None
    roles = {role: role for role, _ in ev["args"]}
    if r < 0.18:
        tally["event retyped"] += 1
        ev["type"], roles = RETYPE[ev["type"]]
    s, e = ev["trigger"]
    r = rng.random()
    if r < 0.15 and ev["prefix"]:
        tally["trigger takes its clitic"] += 1
        s -= ev["prefix"]
    elif r < 0.27 and ev["alt"]:
        tally["trigger on another word"] += 1
        s, e = ev["alt"]
    ev["trigger"] = (s, e)
    args = []
    for role, key in ev["args"]:
        role = roles.get(role)
        m = kept.get(key)
        if role is None or m is None:
            continue
        if rng.random() < 0.08:
            tally["argument left out"] += 1
            continue
        if role in ROLE_SWAP and rng.random() < 0.15:
            tally["argument role swapped"] += 1
            role = ROLE_SWAP[role]
        if m["type"] not in ROLE_TYPES[ev["type"]].get(role, []):
            continue
        if role in SINGLE_ROLES and any(r == role for r, _ in args):
            continue
        args.append((role, key))
    ev["args"] = args
    ev["attrs"] = change_event_attrs(ev, rng, tally)
    return ev


def change_event_attrs(ev, rng, tally):
    out = {}
    for k, (kind, v) in ev["attrs"].items():
        r = rng.random()
        if r < 0.08:
            tally["event attribute left empty"] += 1
            continue
        if r < 0.3:
            tally[f"event {kind} changed"] += 1
            if k == "modality":
                v = rng.choice([c for c in MODALITIES if c != v])
            elif k == "date_precision":
                i = PRECISIONS.index(v)
                v = PRECISIONS[min(3, i + 1)] if i == 0 or rng.random() < 0.5 else PRECISIONS[i - 1]
            elif kind == "Number":
                v = max(0.0, v + rng.choice([-1.0, 1.0, 3.0]))
            elif kind == "Bool":
                v = not v
            elif kind == "Date":
                v = rng.choice(["2021-06-28", "2021-06", "2021-06-20", "2021"])
        out[k] = (kind, v)
    return out


def same_actor_elsewhere(events, kept, rng, tally):
    """Now and then an argument filled by another mention of the same registry actor, which does not overlap the
    one the base has (the coder picked the actor's other mention in the text): only "by actor" argument
    agreement sees that the fillers agree. Its own random generator, so that the rest of the fixture is drawn
    as before."""
    for ev in events:
        for n, (role, key) in enumerate(ev["args"]):
            m = kept[key]
            others = [k for k, o in kept.items() if k != key and m["actor"] and o["actor"] == m["actor"]
                      and o["type"] == m["type"] and (o["end"] <= m["start"] or m["end"] <= o["start"])
                      and all(k != other for _, other in ev["args"])]
            if others and rng.random() < 0.5:
                tally["argument by the same actor elsewhere"] += 1
                ev["args"][n] = (role, rng.choice(sorted(others)))


MENTION_RELATIONS = ["AFFILIATED_WITH", "AFFILIATED_WITH", "ALLIED_WITH"]
OTHER_RELATION = {"AFFILIATED_WITH": "ALLIED_WITH", "ALLIED_WITH": "AFFILIATED_WITH"}


def base_relations(doc_id, d):
    """The base's relations, from a generator of their own: one or two between actor mentions (a pair of
    mentions at most once, either way round), and "in response to" from the second event to the first where
    the base has two events and none yet (the seed article has the sample's)."""
    rng = random.Random(f"{doc_id}/relations")
    actors = sorted(k for k, m in d.mentions.items() if m["type"] == "ACTOR")
    pairs = [(a, b) for i, a in enumerate(actors) for b in actors[i + 1:]]
    for a, b in rng.sample(pairs, min(len(pairs), rng.choice([1, 2]))):
        if rng.random() < 0.5:
            a, b = b, a
        d.relations.append((rng.choice(MENTION_RELATIONS), a, b))
    if not d.event_relations and len(d.events) >= 2:
        d.event_relations.append(("RESPONSE_TO", 1, 0))


def code_relations(doc_id, coder, d, kept, position, tally):
    """One coder's relations: the base's, each left out, retyped or reversed now and then, and sometimes one
    more; a relation whose end the coder left out or typed otherwise is not drawn (`kept`: base key -> the
    coder's mention; `position`: base event index -> the coder's event position)."""
    rng = random.Random(f"{doc_id}/{coder}/relations")
    mention_relations, event_relations = [], []
    for ty, a, b in d.relations:
        r = rng.random()
        if r < 0.12:
            tally["relation left out"] += 1
            continue
        if r < 0.24:
            tally["relation retyped"] += 1
            ty = OTHER_RELATION[ty]
        elif r < 0.32:
            tally["relation reversed"] += 1
            a, b = b, a
        ends = [kept.get(a), kept.get(b)]
        if not all(m and m["type"] == "ACTOR" for m in ends):
            tally["relation without its end"] += 1
            continue
        if any((m["start"], m["end"]) != (d.mentions[k]["start"], d.mentions[k]["end"]) for m, k in zip(ends, (a, b))):
            tally["relation on other boundaries"] += 1
        mention_relations.append((ty, a, b))
    actors = sorted(k for k, m in kept.items() if m["type"] == "ACTOR")
    if len(actors) >= 2 and rng.random() < 0.25:
        a, b = rng.sample(actors, 2)
        if not any({a, b} == {x, y} for _, x, y in mention_relations):
            tally["extra relation"] += 1
            mention_relations.append((rng.choice(MENTION_RELATIONS), a, b))
    for ty, i, j in d.event_relations:
        r = rng.random()
        if r < 0.15:
            tally["event relation left out"] += 1
            continue
        if r < 0.25:
            tally["event relation reversed"] += 1
            i, j = j, i
        if i in position and j in position:
            event_relations.append((ty, position[i], position[j]))
    return mention_relations, event_relations


def code_layer(doc_id, d, coder, tally):
    rng = random.Random(f"{doc_id}/{coder}")
    mentions, kept = [], {}
    for key, m in d.mentions.items():
        for k, cm in code_mention(d.text, key, m, rng, tally):
            mentions.append((k, cm))
            if k == key:
                kept[key] = cm
    for o in d.optional:
        if rng.random() < 0.4:
            tally["extra mention"] += 1
            mentions.append((f"x{o['start']}", dict(o, actor=None, attrs={}, inner=None)))
    coded = [code_event(ev, kept, rng, tally) for ev in d.events]
    events = [e for e in coded if e]
    same_actor_elsewhere(events, kept, random.Random(f"{doc_id}/{coder}/same-actor"), tally)
    position = {i: n for n, i in enumerate(i for i, e in enumerate(coded) if e)}
    relations = code_relations(doc_id, coder, d, kept, position, tally)
    return mentions, events, relations


# --- Writing RON --------------------------------------------------------------------------------------

def ron_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ron_value(kind, v):
    if kind == "Number":
        return f"Number({v!r})"
    if kind == "Bool":
        return f"Bool({'true' if v else 'false'})"
    return f"{kind}({ron_str(v)})"


def ron_attrs(attrs):
    return "{" + ", ".join(f"{ron_str(k)}: {ron_value(*attrs[k])}" for k in sorted(attrs)) + "}"


def layer_ron(mentions, events, relations):
    ids = {}
    lines = ["(", "  status: Done,", "  mentions: {"]
    for n, (key, m) in enumerate(sorted(mentions, key=lambda km: (km[1]["start"], km[1]["end"])), 1):
        ids[key] = f"m{n}"
        lines += [f'    "m{n}": (', f"      span: (start: {m['start']}, end: {m['end']}),",
                  f'      type: "{m["type"]}",']
        if m["actor"]:
            lines.append(f'      actor: Some("{m["actor"]}"),')
        if m["attrs"]:
            lines.append(f"      attributes: {ron_attrs(m['attrs'])},")
        lines.append("    ),")
    lines += ["  },", "  events: {"]
    for n, ev in enumerate(events, 1):
        s, e = ev["trigger"]
        lines += [f'    "e{n}": (', f'      type: "{ev["type"]}",', f"      trigger: (start: {s}, end: {e}),"]
        if ev["args"]:
            args = ", ".join(f'(role: "{r}", mention: "{ids[k]}")' for r, k in ev["args"])
            lines.append(f"      arguments: [{args}],")
        if ev["attrs"]:
            lines.append(f"      attributes: {ron_attrs(ev['attrs'])},")
        lines.append("    ),")
    lines += ["  },"]
    # Relations between events and between mentions share one numbering.
    mention_relations, event_relations = relations
    n = 0
    for field, items, id_of in (("relations", event_relations, lambda i: f"e{i + 1}"),
                                ("mention_relations", mention_relations, lambda k: ids[k])):
        lines.append(f"  {field}: {{")
        for ty, a, b in items:
            n += 1
            lines += [f'    "r{n}": (', f'      type: "{ty}",', f'      from: "{id_of(a)}",',
                      f'      to: "{id_of(b)}",', "    ),"]
        lines.append("  },")
    lines.append(")")
    return "\n".join(lines) + "\n"


def document_ron(title, text, source, date):
    return "\n".join([
        "(",
        f"  title: {ron_str(title)},",
        f"  source: {ron_str(source)},",
        f'  date: "{date}",',
        '  url: "",',
        "  direction: Auto,",
        f"  chars: {len(text)},",
        f'  text_hash: "sha256:{hashlib.sha256(text.encode("utf-8")).hexdigest()}",',
        '  imported_at: "2026-11-29T20:00:00Z",',
        ")",
    ]) + "\n"


EXTRA_ATTRIBUTES = """      (
        id: "claimed",
        name: "Responsibility claimed",
        target: Event,
        kind: Boolean,
        types: [],
      ),
      (
        id: "event_date",
        name: "Event date",
        target: Event,
        kind: Date,
        types: [],
      ),
"""


EXTRA_RELATION_TYPES = """      (
        id: "ALLIED_WITH",
        name: "Allied with",
        description: "The first actor fights beside the second without belonging to it",
        between: Mentions(
          from: [
            "ACTOR",
          ],
          to: [
            "ACTOR",
          ],
        ),
      ),
"""


def project_ron():
    """The sample's schema with two more event attributes (a yes/no and a date), so that events carry
    attributes of every kind the schema has."""
    ron = (SAMPLE / "project.ron").read_text(encoding="utf-8")
    # The sample's model sources (its example backend) are no part of the fixture.
    ron = re.sub(r'\n  sources: \{\n.*?\n  \},', '', ron, count=1, flags=re.S)
    # Nor are the dataset fields the default schema gained with issue 19 (ACLED's sub-event type and the rest).
    ron = re.sub(r'\n      \(\n        id: "(' + DATASET_FIELDS + r')",\n.*?\n      \),', '', ron, flags=re.S)
    ron = re.sub(r'name: "[^"]*",\n  description: "[^"]*",',
                 'name: "Agreement fixture",\n  description: "Twenty Arabic documents coded by huda, layla and '
                 'omar, who differ in every way the agreement measures count (scripts/agreement/make_fixture.py)'
                 '.",', ron, count=1)
    marker = "    attributes: [\n"
    assert marker in ron
    ron = ron.replace(marker, marker + EXTRA_ATTRIBUTES, 1)
    marker = "    relation_types: [\n"
    assert marker in ron
    return ron.replace(marker, marker + EXTRA_RELATION_TYPES, 1)


def main():
    global OUT
    if len(sys.argv) == 3 and sys.argv[1] == "--out":
        OUT = Path(sys.argv[2])
    if OUT.exists():
        shutil.rmtree(OUT)
    (OUT / "documents").mkdir(parents=True)
    shutil.copytree(SAMPLE / "actors", OUT / "actors")
    (OUT / "project.ron").write_text(project_ron(), encoding="utf-8")
    (OUT / ".gitignore").write_text(".locks/\n.tarmeez-*.tmp\n", encoding="utf-8")
    docs = [(SEED_ID, seed_doc(), "ميليشيات إيران تقصف قاعدة للتحالف الدولي شرق سوريا",
             f"Seed corpus, {SEED_ID}.ar.txt", "2021-06-29")]
    for i in range(1, 20):
        d, title = synthetic(i)
        docs.append((f"agr-{i:02}", d, title, "Agreement fixture (synthetic)", f"2021-07-{i:02}"))
    tally = Counter()
    for doc_id, d, title, source, date in docs:
        base_relations(doc_id, d)
        (OUT / "documents" / f"{doc_id}.txt").write_text(d.text, encoding="utf-8")
        (OUT / "documents" / f"{doc_id}.ron").write_text(document_ron(title, d.text, source, date),
                                                       encoding="utf-8")
        for coder in CODERS:
            if (doc_id, coder) == NOT_CODED:
                continue
            mentions, events, relations = code_layer(doc_id, d, coder, tally)
            if (doc_id, coder) == EMPTY:
                mentions, events, relations = [], [], ([], [])
            folder = OUT / "annotations" / doc_id
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{coder}.ron").write_text(layer_ron(mentions, events, relations), encoding="utf-8")
    for kind in ["mention left out", "other type", "other boundaries", "clitic-in", "clitic-out", "article-out",
                 "suffix-out", "nested mention", "extra mention", "other actor", "event left out",
                 "event retyped", "trigger takes its clitic", "trigger on another word", "argument left out",
                 "argument role swapped", "argument by the same actor elsewhere", "event Choice changed", "event Number changed", "event Bool changed",
                 "event Date changed", "event attribute left empty", "mention date changed",
                 "mention count changed", "uncertain changed", "relation left out", "relation retyped",
                 "relation reversed", "relation without its end", "relation on other boundaries", "extra relation",
                 "event relation left out", "event relation reversed"]:
        if tally[kind] == 0:
            sys.exit(f"the fixture has no case of: {kind}")
    for kind, n in sorted(tally.items()):
        print(f"{n:4}  {kind}", file=sys.stderr)


if __name__ == "__main__":
    main()
