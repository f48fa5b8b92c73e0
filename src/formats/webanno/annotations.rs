//! The annotations a parsed file's columns hold, before any schema: spans with their feature values and
//! slot links, and relations between spans, as INCEpTION reads them. Within a unit, the n-th of the stacked
//! values (`PER|LOC`) of every column of a layer belongs to the same annotation; an annotation over several
//! units, or stacked with another of its layer, carries a disambiguation id (`PER[3]`) on each unit it
//! covers. A reference to a span (a slot's target, a relation's ends) is a unit id, with that span's
//! disambiguation id when it has one, else the first span of the expected layer on that unit.

use super::escape::{split_suffix, split_unescaped, unescape_value};
use super::header::{ColumnKind, LayerKind};
use super::parse::TsvFile;
use std::collections::{BTreeMap, HashMap};

/// A reference to a span: a unit id and a disambiguation id (0 for none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanRef {
    /// The unit (`1-3`).
    pub unit: String,
    /// The span's disambiguation id, 0 when it has none.
    pub disambiguation: u32,
}

/// A span annotation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpanAnn {
    /// Its layer, an index into the header's layers.
    pub layer: usize,
    /// Its start, in code points.
    pub start: usize,
    /// Its end, in code points.
    pub end: usize,
    /// The first line it appears on.
    pub line: usize,
    /// Its features' values, by feature name (absent or `None` when not set).
    pub features: BTreeMap<String, Option<String>>,
    /// Its slot links: role (`None` when not set) and target.
    pub links: Vec<(Option<String>, Option<SpanRef>)>,
}

/// A relation annotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelationAnn {
    /// Its layer.
    pub layer: usize,
    /// The line it appears on (its target's unit).
    pub line: usize,
    /// Its features' values.
    pub features: BTreeMap<String, Option<String>>,
    /// The span it comes from.
    pub from: Option<SpanRef>,
    /// The span it goes to (on the unit it is written on).
    pub to: SpanRef,
}

/// Everything a file's columns hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Annotations {
    /// Span annotations, in the order first met.
    pub spans: Vec<SpanAnn>,
    /// Relation annotations, in file order.
    pub relations: Vec<RelationAnn>,
    /// Each unit's spans of each layer, in stacking order: `(unit id, layer)` to indexes into `spans`.
    pub at_unit: HashMap<(String, usize), Vec<usize>>,
    /// Spans by disambiguation id.
    pub by_id: HashMap<u32, usize>,
    /// Chain layers with values, which are not read: their names.
    pub chains: Vec<String>,
}

impl Annotations {
    /// The span `r` points at, of the layer `layer` when the reference does not name it by id.
    pub fn resolve(&self, r: &SpanRef, layer: Option<usize>) -> Option<usize> {
        if r.disambiguation > 0 {
            return self.by_id.get(&r.disambiguation).copied();
        }
        match layer {
            Some(l) => self.at_unit.get(&(r.unit.clone(), l)).and_then(|v| v.first().copied()),
            // An untyped target (`uima.tcas.Annotation`): the first span of any layer there.
            None => {
                self.at_unit.iter().filter(|((u, _), _)| *u == r.unit).filter_map(|(_, v)| v.first().copied()).min()
            }
        }
    }
}

/// A reference written as `1-3` or `1-3[2]`.
fn span_ref(text: &str) -> Result<SpanRef, String> {
    let (unit, id) = split_suffix(text);
    let disambiguation = match id {
        Some(id) => id.parse().map_err(|_| format!("`{text}`: `{id}` is not a disambiguation id"))?,
        None => 0,
    };
    Ok(SpanRef { unit: unit.to_owned(), disambiguation })
}

/// `*` is a value not set; anything else is unescaped.
fn value(v: &str) -> Option<String> {
    (v != "*").then(|| unescape_value(v))
}

/// Reads every annotation of a parsed file; a refusal is `(line, message)`.
pub fn collect(file: &TsvFile) -> Result<Annotations, (usize, String)> {
    let header = &file.header;
    let mut out = Annotations::default();
    for unit in &file.units {
        for (layer_index, layer) in header.layers.iter().enumerate() {
            if layer.kind == LayerKind::Chain {
                let used = layer.columns.iter().any(|&c| unit.values[c] != "_");
                if used && !out.chains.contains(&layer.name) {
                    out.chains.push(layer.name.clone());
                }
                continue;
            }
            let mut relations: Vec<usize> = Vec::new();
            for &c in &layer.columns {
                let raw = unit.values[c].as_str();
                if raw == "_" || raw.is_empty() {
                    continue;
                }
                for (stack, v) in split_unescaped(raw, '|').into_iter().enumerate() {
                    let kind = &header.columns[c].kind;
                    let r = match layer.kind {
                        LayerKind::Span => span_value(&mut out, unit, layer_index, stack, kind, v),
                        _ => relation_value(&mut out, &mut relations, unit, layer_index, stack, kind, v),
                    };
                    r.map_err(|m| (unit.line, format!("{}: {m}", layer.short_name())))?;
                }
            }
        }
    }
    Ok(out)
}

/// One stacked value of a span layer's column on a unit.
fn span_value(
    out: &mut Annotations,
    unit: &super::parse::Unit,
    layer: usize,
    stack: usize,
    kind: &ColumnKind,
    v: &str,
) -> Result<(), String> {
    let (v, id) = match kind {
        ColumnKind::SlotTarget(_) => (v, None),
        _ => split_suffix(v),
    };
    let id: u32 = match id {
        Some(id) => id.parse().map_err(|_| format!("`{id}` is not a disambiguation id"))?,
        None => 0,
    };
    let key = (unit.id.clone(), layer);
    let here = out.at_unit.get(&key).and_then(|v| v.get(stack)).copied();
    let index = match (here, out.by_id.get(&id).filter(|_| id > 0)) {
        (Some(i), _) => i,
        (None, Some(&i)) => i,
        (None, None) => {
            out.spans.push(SpanAnn { layer, start: unit.start, end: unit.end, line: unit.line, ..SpanAnn::default() });
            out.spans.len() - 1
        }
    };
    if id > 0 {
        out.by_id.insert(id, index);
    }
    let stacked = out.at_unit.entry(key).or_default();
    if !stacked.contains(&index) {
        stacked.push(index);
    }
    let span = &mut out.spans[index];
    span.start = span.start.min(unit.start);
    span.end = span.end.max(unit.end);
    match kind {
        ColumnKind::Feature(name) => {
            span.features.insert(name.clone(), value(v));
        }
        ColumnKind::SlotRole { .. } => {
            // A slot's columns are repeated on each unit of its span: the last one read stands.
            let roles: Vec<Option<String>> =
                if v == "_" { Vec::new() } else { split_unescaped(v, ';').into_iter().map(value).collect() };
            span.links = roles.into_iter().map(|r| (r, None)).collect();
        }
        ColumnKind::SlotTarget(_) => {
            let targets: Vec<&str> = if v == "_" || v == "*" { Vec::new() } else { split_unescaped(v, ';') };
            if targets.len() != span.links.len() {
                return Err(format!("{} slot roles and {} slot targets", span.links.len(), targets.len()));
            }
            for (link, t) in span.links.iter_mut().zip(targets) {
                link.1 = if t == "*" { None } else { Some(span_ref(t)?) };
            }
        }
        _ => {}
    }
    Ok(())
}

/// One stacked value of a relation layer's column on a unit; `relations` holds the unit's relations of
/// this layer by stacking index.
fn relation_value(
    out: &mut Annotations,
    relations: &mut Vec<usize>,
    unit: &super::parse::Unit,
    layer: usize,
    stack: usize,
    kind: &ColumnKind,
    v: &str,
) -> Result<(), String> {
    let index = match relations.get(stack) {
        Some(&i) => i,
        None => {
            let to = SpanRef { unit: unit.id.clone(), disambiguation: 0 };
            out.relations.push(RelationAnn { layer, line: unit.line, features: BTreeMap::new(), from: None, to });
            relations.push(out.relations.len() - 1);
            out.relations.len() - 1
        }
    };
    let relation = &mut out.relations[index];
    match kind {
        ColumnKind::Base(_) => {
            let (source, ids) = split_suffix(v);
            let (from_id, to_id) = match ids {
                Some(ids) => {
                    let parsed = ids.split_once('_').and_then(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)));
                    parsed.ok_or_else(|| format!("`{v}`: `[{ids}]` is not two disambiguation ids like [0_2]"))?
                }
                None => (0, 0),
            };
            relation.from = Some(SpanRef { unit: source.to_owned(), disambiguation: from_id });
            relation.to.disambiguation = to_id;
        }
        ColumnKind::Feature(name) => {
            relation.features.insert(name.clone(), value(split_suffix(v).0));
        }
        _ => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formats::webanno::parse::parse_tsv;

    #[test]
    fn stacked_multi_token_spans_slots_and_relations() {
        let tsv = "#FORMAT=WebAnno TSV 3.3\n\
                   #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value\n\
                   #T_SP=webanno.custom.Frame|type|ROLE_webanno.custom.Frame:roles_webanno.custom.FrameRolesLink|de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity\n\
                   #T_RL=webanno.custom.Rel|label|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity\n\n\n\
                   #Text=Ms. Haag plays Elianti .\n\
                   1-1\t0-3\tMs.\tPER[1]|PERpart[2]\t_\t_\t_\t_\t_\t\n\
                   1-2\t4-8\tHaag\tPER[1]\t_\t_\t_\t_\t_\t\n\
                   1-3\t9-14\tplays\t_\tplay\tagent;the\\_thing\t1-1[1];1-4\t_\t_\t\n\
                   1-3.1\t9-13\tplay\t_\t_\t_\t_\t_\t_\t\n\
                   1-4\t15-22\tElianti\tOBJ\t_\t_\t_\tknows\t1-1[1_0]\t\n\
                   1-5\t23-24\t.\t_\t_\t_\t_\t_\t_\t\n";
        let file = parse_tsv(tsv).unwrap();
        let a = collect(&file).unwrap();
        let spans: Vec<(usize, usize)> = a.spans.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(spans, [(0, 8), (0, 3), (9, 14), (15, 22)]);
        assert_eq!(a.spans[0].features["value"].as_deref(), Some("PER"));
        assert_eq!(a.spans[1].features["value"].as_deref(), Some("PERpart"));
        let frame = &a.spans[2];
        assert_eq!(frame.links.len(), 2);
        assert_eq!(frame.links[1].0.as_deref(), Some("the_thing"));
        assert_eq!(a.resolve(frame.links[0].1.as_ref().unwrap(), Some(0)), Some(0));
        assert_eq!(a.resolve(frame.links[1].1.as_ref().unwrap(), Some(0)), Some(3));
        let rel = &a.relations[0];
        assert_eq!(rel.features["label"].as_deref(), Some("knows"));
        assert_eq!(a.resolve(rel.from.as_ref().unwrap(), Some(0)), Some(0));
        assert_eq!(a.resolve(&rel.to, Some(0)), Some(3));
    }

    #[test]
    fn the_user_guides_relation_to_a_stacked_span_names_it_by_id() {
        // "Disambiguation IDs in relations", INCEpTION's user guide: only the target is ambiguous.
        let tsv = "#FORMAT=WebAnno TSV 3.3\n\
                   #T_SP=de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|value\n\
                   #T_RL=webanno.custom.Relation|value|BT_de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity\n\n\n\
                   #Text=This is a test .\n\
                   1-1\t0-4\tThis\t*\t_\t_\n1-2\t5-7\tis\t_\t_\t_\n1-3\t8-9\ta\t_\t_\t_\n\
                   1-4\t10-14\ttest\t_\t_\t_\n1-5\t15-16\t.\t*[1]|*[2]\t*\t1-1[0_1]\n";
        let a = collect(&parse_tsv(tsv).unwrap()).unwrap();
        assert_eq!(a.spans.len(), 3);
        let r = &a.relations[0];
        assert_eq!(r.features["value"], None);
        assert_eq!(a.resolve(r.from.as_ref().unwrap(), Some(0)), Some(0));
        assert_eq!(a.resolve(&r.to, Some(0)), Some(1), "the first of the two stacked spans, by its id");
    }
}
