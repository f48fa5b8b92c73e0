//! brat standoff export and import, run as a user runs them: round trips through brat, the `.ann` grammar
//! checked by a parser written here (independent of the exporter), and refusals.
// A test here reads as one scenario from start to end; cut into pieces it would hide the story.
#![allow(clippy::too_many_lines)]

mod common;
use common::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use tarmeez::model::{AttrValue, DocId, Layer};

fn tarmeez(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tarmeez")).args(args).env("TARMEEZ_ANNOTATOR", "brat-test").output().unwrap()
}

fn ok(o: &Output) -> String {
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(o.status.success(), "{text}{}", String::from_utf8_lossy(&o.stderr));
    text
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn export(dir: &Path, out: &Path, annotator: Option<&str>) -> String {
    let mut args = vec!["export", s(dir), "--format", "brat", "--out", s(out)];
    if let Some(a) = annotator {
        args.extend(["--annotator", a]);
    }
    ok(&tarmeez(&args))
}

fn import(dir: &Path, from: &Path, annotator: &str, extra: &[&str]) -> Output {
    let mut args = vec!["import-annotations", s(dir), s(from), "--format", "brat", "--annotator", annotator];
    args.extend(extra);
    tarmeez(&args)
}

fn layer_of(dir: &Path, annotator: &str) -> Layer {
    let project = open_read_only(dir);
    let doc = DocId::parse(SAMPLE_DOC).unwrap();
    project
        .load_document(&doc)
        .unwrap()
        .layers
        .get(&tarmeez::model::Annotator::parse(annotator).unwrap())
        .cloned()
        .unwrap()
}

/// A layer as sorted lines that do not depend on ids: each mention by span and type, each event by type and
/// trigger with its roles' fillers by span and type, each relation by its events' triggers. Provenance and
/// status are left out (brat has no place for them), and so are false booleans (brat's binary attributes
/// are present or absent).
fn canonical(layer: &Layer) -> Vec<String> {
    let attrs = |a: &tarmeez::model::Attributes| {
        a.iter().filter(|(_, v)| **v != AttrValue::Bool(false)).map(|(k, v)| format!("{k}={v:?}")).collect::<Vec<_>>()
    };
    let mut out = Vec::new();
    for m in layer.mentions.values() {
        out.push(format!("M {} {} {:?} {:?} {:?}", m.span, m.entity_type, m.actor, attrs(&m.attributes), m.note));
    }
    for e in layer.events.values() {
        let args: Vec<String> = e
            .arguments
            .iter()
            .map(|a| {
                let m = &layer.mentions[&a.mention];
                format!("{}:{}/{}", a.role, m.span, m.entity_type)
            })
            .collect();
        out.push(format!("E {} {} {args:?} {:?} {:?}", e.event_type, e.trigger, attrs(&e.attributes), e.note));
    }
    for r in layer.mention_relations.values() {
        let (from, to) = (&layer.mentions[&r.from], &layer.mentions[&r.to]);
        out.push(format!(
            "MR {} {}@{} -> {}@{} {:?}",
            r.relation_type, from.entity_type, from.span, to.entity_type, to.span, r.note
        ));
    }
    for r in layer.relations.values() {
        let (from, to) = (&layer.events[&r.from], &layer.events[&r.to]);
        out.push(format!(
            "R {} {}@{} -> {}@{} {:?}",
            r.relation_type, from.event_type, from.trigger, to.event_type, to.trigger, r.note
        ));
    }
    out.sort();
    out
}

#[test]
fn export_to_brat_and_import_into_a_fresh_layer_gives_the_same_annotations() {
    let (tmp, dir) = sample_copy();
    // A relation between mentions with a note: the militia (m2) affiliated with the coalition (m10).
    edit_file(
        &dir.join(format!("annotations/{SAMPLE_DOC}/sample.ron")),
        "  relations: {",
        "  mention_relations: {\n    \"r2\": (type: \"AFFILIATED_WITH\", from: \"m2\", to: \"m10\", note: \"as the article says\"),\n  },\n  relations: {",
    );
    let out = tmp.path().join("brat");
    let said = export(&dir, &out, Some("sample"));
    assert!(said.contains("1 .ann file(s) of 1 document(s)"), "{said}");
    for f in ["annotation.conf", "visual.conf", &format!("{SAMPLE_DOC}.txt"), &format!("{SAMPLE_DOC}.ann")] {
        assert!(out.join(f).is_file(), "{f} is written");
    }
    let said = ok(&import(&dir, &out, "roundtrip", &[]));
    assert!(said.contains("24 mention(s), 5 event(s), 2 relation(s)"), "{said}");

    let (sample, back) = (layer_of(&dir, "sample"), layer_of(&dir, "roundtrip"));
    assert_eq!(sample.mentions.len(), 24);
    assert_eq!(sample.events.len(), 5);
    assert_eq!(canonical(&back), canonical(&sample));
    // What the comparison covers is really there.
    let all = canonical(&back).join("\n");
    for expected in [
        "Some(ActorId(\"abu-fadl-abbas\"))",
        "count=Number(5.0)",
        "uncertain=Bool(true)",
        "date=Date(\\\"2021-06-28\\\")",
    ] {
        assert!(all.contains(expected), "missing {expected} in\n{all}");
    }
    assert!(all.contains("Location:379..395/LOCATION") && all.contains("Location:407..416/LOCATION"), "{all}");
    assert!(all.contains("R RESPONSE_TO"), "{all}");
    assert!(all.contains("MR AFFILIATED_WITH ACTOR@") && all.contains("as the article says"), "{all}");
    assert!(all.contains("Eight rockets; no casualties or damage reported"), "{all}");
    assert!(ok(&tarmeez(&["validate", s(&dir)])).contains("no problems"));

    // And back out again: the second export is the first, byte for byte.
    let again = tmp.path().join("again");
    export(&dir, &again, Some("roundtrip"));
    let ann = |d: &Path| std::fs::read_to_string(d.join(format!("{SAMPLE_DOC}.ann"))).unwrap();
    assert_eq!(ann(&again), ann(&out));
}

// ------------------------------------------------------------------------------------------------------------
// An independent reading of brat's standoff grammar.

/// The sections of an `annotation.conf`: section name to its lines' first fields and the rest.
fn read_conf(text: &str) -> BTreeMap<String, Vec<(String, String)>> {
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut section = String::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.starts_with('[') && line.ends_with(']') {
            section = line[1..line.len() - 1].to_owned();
            out.entry(section.clone()).or_default();
            continue;
        }
        let (head, rest) = match line.find('\t') {
            Some(i) => (&line[..i], &line[i + 1..]),
            None => (line, ""),
        };
        out.get_mut(&section).expect("a line before any section").push((head.to_owned(), rest.to_owned()));
    }
    out
}

fn slice_chars(text: &[char], start: usize, end: usize) -> String {
    text[start..end].iter().collect()
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Checks one `.ann` against its `.txt` and the conf's types; returns how many lines of each kind it has.
fn check_ann(
    name: &str,
    ann: &str,
    txt: &str,
    conf: &BTreeMap<String, Vec<(String, String)>>,
) -> BTreeMap<char, usize> {
    let entities: BTreeSet<&str> = conf["entities"].iter().map(|(h, _)| h.as_str()).collect();
    let events: BTreeMap<&str, &str> = conf["events"].iter().map(|(h, r)| (h.as_str(), r.as_str())).collect();
    let relations: BTreeSet<&str> = conf["relations"].iter().map(|(h, _)| h.as_str()).collect();
    let attributes: BTreeSet<&str> = conf["attributes"].iter().map(|(h, _)| h.as_str()).collect();
    let chars: Vec<char> = txt.chars().collect();
    assert!(ann.is_empty() || ann.ends_with('\n'), "{name}: the last line ends with a line feed");
    let mut count: BTreeMap<char, usize> = BTreeMap::new();
    let mut t_types: BTreeMap<String, String> = BTreeMap::new();
    let mut e_ids: BTreeSet<String> = BTreeSet::new();
    let mut r_ids: BTreeSet<String> = BTreeSet::new();
    for (i, line) in ann.lines().enumerate() {
        let at = format!("{name}:{}", i + 1);
        assert!(!line.is_empty() && !line.contains('\r'), "{at}: empty line or carriage return");
        let fields: Vec<&str> = line.split('\t').collect();
        let id = fields[0];
        let kind = id.chars().next().unwrap();
        let n = count.entry(kind).or_default();
        *n += 1;
        assert_eq!(&id[kind.len_utf8()..], n.to_string(), "{at}: ids of each kind are numbered 1, 2, 3 ... in order");
        let words: Vec<&str> = fields.get(1).map(|f| f.split(' ').collect()).unwrap_or_default();
        assert!(words.iter().all(|w| !w.is_empty()), "{at}: single spaces between fields");
        let known_target = |t: &str| t_types.contains_key(t) || e_ids.contains(t) || r_ids.contains(t);
        match kind {
            'T' => {
                assert_eq!(fields.len(), 3, "{at}: T has id, type and offsets, text");
                let (ty, offsets) = fields[1].split_once(' ').unwrap();
                assert!(entities.contains(ty) || events.contains_key(ty), "{at}: type {ty} is in annotation.conf");
                let mut texts = Vec::new();
                let mut last_end = 0;
                for frag in offsets.split(';') {
                    let (a, b) = frag.split_once(' ').unwrap();
                    assert!(digits(a) && digits(b), "{at}: offsets are numbers");
                    let (a, b): (usize, usize) = (a.parse().unwrap(), b.parse().unwrap());
                    assert!(last_end <= a && a < b && b <= chars.len(), "{at}: fragment {a} {b} in order, in the text");
                    last_end = b;
                    texts.push(slice_chars(&chars, a, b));
                }
                assert_eq!(fields[2], texts.join(" "), "{at}: the text is the .txt's code points at the offsets");
                t_types.insert(id.to_owned(), ty.to_owned());
            }
            'E' => {
                assert_eq!(fields.len(), 2, "{at}: E has id and type:trigger roles");
                let (ty, trigger) = words[0].split_once(':').unwrap();
                assert_eq!(
                    t_types.get(trigger).map(String::as_str),
                    Some(ty),
                    "{at}: the trigger is a T of the event's type"
                );
                let declared = events[ty];
                let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
                for arg in &words[1..] {
                    let (role, filler) = arg.split_once(':').unwrap();
                    let ftype = t_types.get(filler).unwrap_or_else(|| panic!("{at}: {filler} is an earlier T"));
                    assert!(entities.contains(ftype.as_str()), "{at}: {filler} is an entity, not a trigger");
                    let base = role.trim_end_matches(|c: char| c.is_ascii_digit());
                    let k = seen.entry(base).or_default();
                    *k += 1;
                    let expected = if *k == 1 { base.to_owned() } else { format!("{base}{k}") };
                    assert_eq!(role, expected, "{at}: repeated roles are numbered Role, Role2, Role3");
                    let decl = declared
                        .split(", ")
                        .find(|d| d.split(':').next().unwrap().trim_end_matches(['?', '*', '+']) == base)
                        .unwrap_or_else(|| panic!("{at}: role {base} is declared for {ty}"));
                    assert!(
                        decl.split(':').nth(1).unwrap().split('|').any(|t| t == ftype),
                        "{at}: {base} takes {ftype}"
                    );
                    if *k > 1 {
                        assert!(decl.split(':').next().unwrap().ends_with(['*', '+']), "{at}: {base} repeats");
                    }
                }
                e_ids.insert(id.to_owned());
            }
            'R' => {
                assert_eq!(fields.len(), 2, "{at}");
                assert_eq!(words.len(), 3, "{at}: TYPE Arg1:x Arg2:y");
                assert!(relations.contains(words[0]), "{at}");
                for (w, role) in words[1..].iter().zip(["Arg1", "Arg2"]) {
                    let (r, target) = w.split_once(':').unwrap();
                    assert_eq!(r, role, "{at}");
                    let mention = t_types.get(target).is_some_and(|ty| entities.contains(ty.as_str()));
                    assert!(e_ids.contains(target) || mention, "{at}: {target} is an event or a mention");
                }
                r_ids.insert(id.to_owned());
            }
            'A' => {
                assert_eq!(fields.len(), 2, "{at}");
                assert!(words.len() == 2 || words.len() == 3, "{at}: NAME ID [VALUE]");
                assert!(attributes.contains(words[0]), "{at}: attribute {} is declared", words[0]);
                assert!(known_target(words[1]), "{at}");
            }
            'N' => {
                assert_eq!(fields.len(), 3, "{at}: N has id, reference, name");
                assert_eq!(words.len(), 3, "{at}");
                assert_eq!(words[0], "Reference", "{at}");
                assert!(entities.contains(t_types[words[1]].as_str()), "{at}: a mention");
                let (db, entry) = words[2].split_once(':').unwrap();
                assert_eq!(db, "tarmeez-actors", "{at}");
                assert!(!entry.is_empty() && !fields[2].is_empty(), "{at}");
            }
            '#' => {
                assert_eq!(fields.len(), 3, "{at}: # has id, AnnotatorNotes target, note");
                assert_eq!(words.len(), 2, "{at}");
                assert_eq!(words[0], "AnnotatorNotes", "{at}");
                assert!(known_target(words[1]), "{at}");
            }
            other => panic!("{at}: unexpected line kind {other}"),
        }
    }
    count
}

#[test]
fn every_ann_line_follows_the_standoff_grammar_and_every_t_text_is_the_txt_slice() {
    let (tmp, dir) = sample_copy();
    // A second coder with a span across a line break and a note with a line break and a tab, to check
    // fragments and escaping too.
    let text = std::fs::read_to_string(dir.join(format!("documents/{SAMPLE_DOC}.txt"))).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let nl = chars.iter().position(|c| *c == '\n').unwrap();
    let start = chars[..nl].iter().rposition(|c| *c == ' ').unwrap() + 1;
    let after = nl + chars[nl..].iter().take_while(|c| **c == '\n').count();
    let end = after + chars[after..].iter().position(|c| *c == ' ').unwrap();
    let second = tmp.path().join("second-coder.ron");
    std::fs::write(
        &second,
        format!(
            "(mentions: {{\"m1\": (span: (start: {start}, end: {end}), type: \"LOCATION\", note: \"two\\nlines\\tand a tab\")}})"
        ),
    )
    .unwrap();
    std::fs::copy(&second, dir.join(format!("annotations/{SAMPLE_DOC}/second.ron"))).unwrap();

    let out = tmp.path().join("all");
    let said = export(&dir, &out, None);
    assert!(said.contains("2 .ann file(s) of 1 document(s)"), "{said}");
    let conf = read_conf(&std::fs::read_to_string(out.join("annotation.conf")).unwrap());
    for section in ["entities", "relations", "events", "attributes"] {
        assert!(conf.contains_key(section), "annotation.conf has [{section}]");
    }
    assert!(
        conf["events"].iter().any(|(h, r)| h == "ATTACK" && r.contains("Attacker+:ACTOR") && r.contains("Time?:TIME"))
    );
    assert!(conf["attributes"].iter().any(|(h, r)| h == "uncertain" && r == "Arg:<ENTITY>"));
    assert!(conf["relations"].iter().any(|(h, r)| h == "RESPONSE_TO" && r == "Arg1:<EVENT>, Arg2:<EVENT>"));
    assert!(conf["relations"].iter().any(|(h, r)| h == "AFFILIATED_WITH" && r == "Arg1:ACTOR, Arg2:ACTOR"));

    let mut kinds = BTreeMap::new();
    for coder in ["sample", "second"] {
        let folder = out.join(coder);
        let txt = std::fs::read_to_string(folder.join(format!("{SAMPLE_DOC}.txt"))).unwrap();
        assert_eq!(txt, text, "the .txt is the document's text exactly");
        let ann = std::fs::read_to_string(folder.join(format!("{SAMPLE_DOC}.ann"))).unwrap();
        kinds.insert(coder, check_ann(&format!("{coder}/{SAMPLE_DOC}.ann"), &ann, &txt, &conf));
        if coder == "second" {
            assert!(ann.contains(&format!("LOCATION {start} {nl};{after} {end}\t")), "{ann}");
            assert!(ann.contains("\ttwo\\nlines\\tand a tab\n"), "{ann}");
        }
    }
    let sample = &kinds["sample"];
    assert_eq!(sample[&'T'], 24 + 5, "a T per mention and per trigger");
    assert_eq!(sample[&'E'], 5);
    assert_eq!(sample[&'R'], 1);
    assert!(sample[&'A'] > 0 && sample[&'N'] > 0 && sample[&'#'] > 0, "{sample:?}");

    // The second coder's layer comes back through brat too.
    let fresh = import(&dir, &out.join("second"), "second-again", &[]);
    ok(&fresh);
    assert_eq!(canonical(&layer_of(&dir, "second-again")), canonical(&layer_of(&dir, "second")));
}

// ------------------------------------------------------------------------------------------------------------
// Refusals.

fn exported(tmp: &Path, dir: &Path) -> (PathBuf, PathBuf) {
    let out = tmp.join("brat");
    export(dir, &out, Some("sample"));
    let ann = out.join(format!("{SAMPLE_DOC}.ann"));
    (out, ann)
}

fn replace_line(path: &Path, starts: &str, with: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap();
    let mut at = 0;
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if at == 0 && l.starts_with(starts) {
                at = i + 1;
                with.to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect();
    assert!(at > 0, "no line starts with {starts}");
    std::fs::write(path, lines.join("\n") + "\n").unwrap();
    at
}

#[test]
fn unknown_types_bad_offsets_and_text_mismatches_are_refused_by_file_and_line_and_nothing_is_written() {
    let (tmp, dir) = sample_copy();
    let (out, ann) = exported(tmp.path(), &dir);
    let t1 = std::fs::read_to_string(&ann).unwrap().lines().next().unwrap().to_owned();
    assert!(t1.starts_with("T1\tSOURCE "), "{t1}");
    let unknown = replace_line(&ann, "T1\t", &t1.replace("SOURCE", "REPORTER"));
    let t2 = std::fs::read_to_string(&ann).unwrap().lines().find(|l| l.starts_with("T2\t")).unwrap().to_owned();
    let mismatch = replace_line(&ann, "T2\t", &format!("{t2}X"));
    let outside = replace_line(&ann, "T3\t", "T3\tLOCATION 347 99999\tبعيد");
    let before = files(&dir);
    let o = import(&dir, &out, "roundtrip", &[]);
    assert_eq!(o.status.code(), Some(1));
    let said = String::from_utf8_lossy(&o.stdout);
    let name = format!("{SAMPLE_DOC}.ann");
    for (line, what) in [(unknown, "REPORTER"), (mismatch, "is not the document's text"), (outside, "outside the text")]
    {
        assert!(
            said.lines().any(|l| l.contains(&format!("{name}:{line}: ")) && l.contains(what)),
            "line {line} ({what}) in:\n{said}"
        );
    }
    assert!(said.contains("nothing was imported"), "{said}");
    assert!(!said.contains("which is not a mention"), "no knock-on refusals of the lines using them: {said}");
    assert_eq!(files(&dir), before, "nothing is written");
}

#[test]
fn roles_attributes_and_links_that_do_not_fit_the_schema_are_refused() {
    let (tmp, dir) = sample_copy();
    let (out, ann) = exported(tmp.path(), &dir);
    let text = std::fs::read_to_string(&ann).unwrap();
    let e1 = text.lines().find(|l| l.starts_with("E1\t")).unwrap().to_owned();
    let role = replace_line(&ann, "E1\t", &e1.replace("Attacker:", "Shooter:"));
    let attr = replace_line(&ann, "A1\t", "A1\tmodality E1 rumoured");
    let link = replace_line(&ann, "N1\t", "N1\tReference T2 tarmeez-actors:nobody\tNobody");
    let before = files(&dir);
    let o = import(&dir, &out, "roundtrip", &[]);
    assert_eq!(o.status.code(), Some(1));
    let said = String::from_utf8_lossy(&o.stdout);
    for (line, what) in [
        (role, "`Shooter` is not a role of `ATTACK`"),
        (attr, "rumoured"),
        (link, "`nobody` is not in the actor registry"),
    ] {
        assert!(said.contains(&format!(":{line}: ")) && said.contains(what), "line {line} ({what}) in:\n{said}");
    }
    assert_eq!(files(&dir), before);
}

#[test]
fn a_coder_with_annotations_is_refused_unless_replace_and_documents_are_found_by_their_text() {
    let (tmp, dir) = sample_copy();
    let (out, ann) = exported(tmp.path(), &dir);
    // `sample` already has annotations.
    let before = files(&dir);
    let o = import(&dir, &out, "sample", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("give --replace"));
    assert_eq!(files(&dir), before);

    // Under another name, beside its .txt: found by the text, and with --replace it replaces the layer.
    let other = tmp.path().join("renamed");
    std::fs::create_dir(&other).unwrap();
    std::fs::copy(&ann, other.join("article.ann")).unwrap();
    std::fs::copy(out.join(format!("{SAMPLE_DOC}.txt")), other.join("article.txt")).unwrap();
    let original = layer_of(&dir, "sample");
    let sample = canonical(&original);
    ok(&import(&dir, &other.join("article.ann"), "sample", &["--replace"]));
    // Replacing a layer by its own round trip keeps its ids and the provenance brat cannot carry, so the
    // suggestions accepted into it still point at what they became.
    assert_eq!(layer_of(&dir, "sample"), original);
    assert!(ok(&tarmeez(&["validate", s(&dir)])).contains("no problems"));

    // A .txt that is not the document's text is refused; a lone .ann with no match needs --doc.
    std::fs::write(other.join("article.txt"), "نص آخر").unwrap();
    let o = import(&dir, &other, "third", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("no document matches it"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    std::fs::remove_file(other.join("article.txt")).unwrap();
    ok(&import(&dir, &other.join("article.ann"), "third", &["--doc", SAMPLE_DOC]));
    assert_eq!(canonical(&layer_of(&dir, "third")), sample);

    // The coder must be named.
    let o = tarmeez(&["import-annotations", s(&dir), s(&out), "--format", "brat"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--annotator"));
}

fn doc_chars(dir: &Path) -> Vec<char> {
    std::fs::read_to_string(dir.join(format!("documents/{SAMPLE_DOC}.txt"))).unwrap().chars().collect()
}

fn t(id: usize, ty: &str, chars: &[char], start: usize, end: usize) -> String {
    format!("T{id}\t{ty} {start} {end}\t{}", slice_chars(chars, start, end))
}

#[test]
fn a_file_written_in_brat_by_hand_is_read_in_any_order() {
    let (tmp, dir) = sample_copy();
    let c = doc_chars(&dir);
    // Events before their T lines, a trigger shared by two events, a relation naming a trigger, an old-style
    // `M` attribute, a number written `3.0`, an encoded value, a note on an event.
    let lines = [
        "E1\tATTACK:T2 Attacker:T1 Target:T3 Location:T4 Location2:T5".to_owned(),
        "E2\tATTACK:T2 Target:T3".to_owned(),
        t(1, "ACTOR", &c, 266, 289),
        t(2, "ATTACK", &c, 328, 332),
        t(3, "LOCATION", &c, 347, 367),
        t(4, "LOCATION", &c, 379, 395),
        t(5, "LOCATION", &c, 407, 416),
        t(6, "ATTACK", &c, 984, 994),
        "E3\tATTACK:T6".to_owned(),
        "R1\tRESPONSE_TO Arg1:T6 Arg2:E1".to_owned(),
        "M1\tuncertain T1".to_owned(),
        "A2\tfatalities E1 3.0".to_owned(),
        "A3\tmodality E3 claimed".to_owned(),
        "N1\tReference T1 tarmeez-actors:abu-fadl-abbas\tany name".to_owned(),
        "#1\tAnnotatorNotes E2\tsecond\\nline".to_owned(),
    ];
    let folder = tmp.path().join("by-hand");
    std::fs::create_dir(&folder).unwrap();
    let ann = folder.join(format!("{SAMPLE_DOC}.ann"));
    std::fs::write(&ann, lines.join("\n") + "\n").unwrap();
    ok(&import(&dir, &ann, "hand", &[]));
    let got = canonical(&layer_of(&dir, "hand")).join("\n");
    for expected in [
        "Attacker:266..289/ACTOR\", \"Target:347..367/LOCATION\", \"Location:379..395/LOCATION\", \"Location:407..416/LOCATION\"",
        "fatalities=Number(3.0)",
        "modality=Choice(\\\"claimed\\\")",
        "uncertain=Bool(true)",
        "Some(ActorId(\"abu-fadl-abbas\"))",
        "\"second\\nline\"",
        "R RESPONSE_TO ATTACK@984..994 -> ATTACK@328..332",
    ] {
        assert!(got.contains(expected), "missing {expected} in\n{got}");
    }
    assert_eq!(got.lines().filter(|l| l.starts_with("E ATTACK 328..332")).count(), 2, "{got}");
}

#[test]
fn what_tarmeez_cannot_hold_is_refused_with_its_line() {
    let (tmp, dir) = sample_copy();
    let c = doc_chars(&dir);
    let lines = [
        t(1, "ACTOR", &c, 266, 289),
        t(2, "ATTACK", &c, 328, 332),
        t(3, "THREAT", &c, 2351, 2355),
        "E1\tATTACK:T2 Attacker:T1".to_owned(),
        "E2\tTHREAT:T3 Threatener:E1".to_owned(),
        "*\tEquiv T1 T2".to_owned(),
        "T4\tACTOR 266 289".to_owned(),
        t(5, "ATTACK", &c, 984, 994),
        "R1\tRESPONSE_TO Arg1:T1 Arg2:E1".to_owned(),
        "A1\tuncertain E1".to_owned(),
        "T6\tACTOR 1 0\tx".to_owned(),
        t(7, "LOCATION", &c, 379, 395),
        "R2\tAFFILIATED_WITH Arg1:T1 Arg2:T7".to_owned(),
        "R3\tAFFILIATED_WITH Arg1:E1 Arg2:T1".to_owned(),
    ];
    let ann = tmp.path().join("x.ann");
    std::fs::write(&ann, lines.join("\n") + "\n").unwrap();
    let before = files(&dir);
    let o = import(&dir, &ann, "hand", &["--doc", SAMPLE_DOC]);
    assert_eq!(o.status.code(), Some(1));
    let said = String::from_utf8_lossy(&o.stdout);
    for (line, what) in [
        (5, "Threatener is filled by E1, which is not a mention"),
        (6, "equivalence lines"),
        (7, "no text column"),
        (8, "no event (E line)"),
        (9, "relates events"),
        (10, "goes on a mention (T)"),
        (11, "outside the text"),
        (13, "does not go from a mention of type ACTOR to one of type LOCATION"),
        (14, "relates mentions; give the T ids of two mentions"),
    ] {
        let prefix = format!("x.ann:{line}: ");
        assert!(said.lines().any(|l| l.contains(&prefix) && l.contains(what)), "line {line}: {what} in\n{said}");
    }
    assert_eq!(files(&dir), before);
}

#[test]
fn an_ann_file_that_is_not_utf8_is_refused_with_the_line() {
    let (_tmp, dir) = sample_copy();
    let project = open_as(&dir, "huda");
    let ann = dir.join(format!("{SAMPLE_DOC}.ann"));
    std::fs::write(&ann, b"T1\tACTOR 0 4\t\xd9\x82\xd8\xb5\xd9\x81\xd8\xaa\nT2\tACTOR 5 9\t\xff\xfe\n").unwrap();
    let plan = tarmeez::formats::brat::plan_import(&project, &ann, None, false);
    assert_eq!(plan.refused.len(), 1, "{:?}", plan.refused);
    assert!(plan.refused[0].ends_with(":2: is not UTF-8"), "{:?}", plan.refused);
}

#[test]
fn a_byte_order_mark_before_an_ann_file_or_its_txt_is_not_part_of_them() {
    let (tmp, dir) = sample_copy();
    let (out, ann) = exported(tmp.path(), &dir);
    let bom = |path: &Path| {
        let content = std::fs::read_to_string(path).unwrap();
        std::fs::write(path, format!("\u{feff}{content}")).unwrap();
    };
    bom(&ann);
    let said = ok(&import(&dir, &ann, "bom", &[]));
    assert!(said.contains("1 document(s) imported"), "{said}");
    let sample = canonical(&layer_of(&dir, "sample"));
    assert_eq!(canonical(&layer_of(&dir, "bom")), sample);

    // Named otherwise, the document is found by the .txt beside it, whose mark is not part of its text.
    let other = tmp.path().join("renamed");
    std::fs::create_dir(&other).unwrap();
    std::fs::copy(&ann, other.join("article.ann")).unwrap();
    std::fs::copy(out.join(format!("{SAMPLE_DOC}.txt")), other.join("article.txt")).unwrap();
    bom(&other.join("article.txt"));
    ok(&import(&dir, &other.join("article.ann"), "bom-txt", &[]));
    assert_eq!(canonical(&layer_of(&dir, "bom-txt")), sample);
}
