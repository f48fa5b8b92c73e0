//! The header of a WebAnno TSV 3 file: `#FORMAT=WebAnno TSV 3.3`, then one line per layer, `#T_SP=` span
//! layers, `#T_CH=` chains and `#T_RL=` relations, each naming its type and its features separated by `|`.
//! Each feature is one column of the body, in the order declared; a span layer without features has one
//! placeholder column. A slot feature takes two columns, `ROLE_<type>:<feature>_<link type>` (the roles)
//! and the type its links point to (the targets); a relation layer ends with `BT_<type>`, the column of the
//! unit each relation comes from.

/// What kind of layer a header line declares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayerKind {
    /// `#T_SP=`: spans over tokens.
    Span,
    /// `#T_CH=`: coreference chains.
    Chain,
    /// `#T_RL=`: relations between spans.
    Relation,
}

/// What one column of the body holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// A span layer without features: `*` where it has a span.
    Placeholder,
    /// A feature's value.
    Feature(String),
    /// A slot feature's roles, separated by `;`.
    SlotRole {
        /// The feature's name (`roles` of `ROLE_webanno.custom.Event:roles_...`).
        feature: String,
    },
    /// A slot feature's targets, unit ids separated by `;`: spans of the named type.
    SlotTarget(String),
    /// A relation's source: the unit it comes from; the type of span it relates.
    Base(String),
    /// A chain's element type (`referenceType`).
    ChainType,
    /// A chain's link (`referenceRelation`).
    ChainLink,
}

/// One layer of the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LayerDecl {
    /// Span, chain or relation.
    pub kind: LayerKind,
    /// Its type's full name (`de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity`).
    pub name: String,
    /// Its columns, as indexes into [`Header::columns`].
    pub columns: Vec<usize>,
    /// The header line declaring it (1-based).
    pub line: usize,
}

impl LayerDecl {
    /// The type's short name (`NamedEntity`), as INCEpTION shows layers.
    pub fn short_name(&self) -> &str {
        self.name.rsplit('.').next().unwrap_or(&self.name)
    }
}

/// One column of the body, after the id, offsets and token text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The layer it belongs to, an index into [`Header::layers`].
    pub layer: usize,
    /// What it holds.
    pub kind: ColumnKind,
}

/// A file's header.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Header {
    /// The version after `WebAnno TSV` (`3.3`).
    pub version: String,
    /// The layers, in order.
    pub layers: Vec<LayerDecl>,
    /// The body's annotation columns, in order.
    pub columns: Vec<Column>,
}

impl Header {
    /// The layer whose type is `name`.
    pub fn layer_named(&self, name: &str) -> Option<usize> {
        self.layers.iter().position(|l| l.name == name)
    }

    /// Whether the layer has slot features (its spans are events with roles).
    pub fn has_slots(&self, layer: usize) -> bool {
        self.layers[layer].columns.iter().any(|&c| matches!(self.columns[c].kind, ColumnKind::SlotRole { .. }))
    }
}

/// The format line INCEpTION writes.
pub const FORMAT_LINE: &str = "#FORMAT=WebAnno TSV 3.3";

/// Reads the header from the file's lines: the format line first, then the layer lines up to the first line
/// that is not one. Returns the header and the index of the first line after it; a refusal is `(line,
/// message)`.
pub fn parse_header(lines: &[&str]) -> Result<(Header, usize), (usize, String)> {
    let first = lines.first().map_or("", |l| l.trim_start_matches('\u{feff}'));
    let Some(version) = first.strip_prefix("#FORMAT=WebAnno TSV ") else {
        return Err((1, format!("the first line is not `{FORMAT_LINE}`: `{first}`")));
    };
    if !version.trim().starts_with('3') {
        return Err((1, format!("WebAnno TSV {version} is not read; only version 3 (3.1 to 3.3) is")));
    }
    let mut header = Header { version: version.trim().to_owned(), ..Header::default() };
    let mut at = 1;
    while let Some(line) = lines.get(at) {
        let kind = if line.starts_with("#T_SP=") {
            LayerKind::Span
        } else if line.starts_with("#T_CH=") {
            LayerKind::Chain
        } else if line.starts_with("#T_RL=") {
            LayerKind::Relation
        } else {
            break;
        };
        add_layer(&mut header, kind, &line[6..], at + 1)?;
        at += 1;
    }
    Ok((header, at))
}

/// Adds one layer line's layer and columns.
fn add_layer(header: &mut Header, kind: LayerKind, decl: &str, line: usize) -> Result<(), (usize, String)> {
    // Empty fields are dropped, as INCEpTION's split drops them: `Span|` declares no feature.
    let mut fields = decl.split('|').filter(|f| !f.is_empty());
    let Some(name) = fields.next() else {
        return Err((line, "a layer line names no type".into()));
    };
    let layer = header.layers.len();
    let mut decl = LayerDecl { kind, name: name.to_owned(), columns: Vec::new(), line };
    let mut previous_was_role = false;
    for field in fields {
        let column = column_kind(kind, field, previous_was_role).map_err(|m| (line, m))?;
        previous_was_role = matches!(column, ColumnKind::SlotRole { .. });
        decl.columns.push(header.columns.len());
        header.columns.push(Column { layer, kind: column });
    }
    if decl.columns.is_empty() && kind == LayerKind::Span {
        decl.columns.push(header.columns.len());
        header.columns.push(Column { layer, kind: ColumnKind::Placeholder });
    }
    header.layers.push(decl);
    Ok(())
}

/// What a column declaration declares, by INCEpTION's rules: `ROLE_` starts a slot's roles (span layers),
/// the type name after it is the slot's targets, `BT_` a relation's source, `referenceType` and
/// `referenceRelation` a chain's columns, anything else a feature.
fn column_kind(kind: LayerKind, field: &str, previous_was_role: bool) -> Result<ColumnKind, String> {
    Ok(match kind {
        LayerKind::Span if field.starts_with("ROLE_") => {
            let parts: Vec<&str> = field.split('_').collect();
            let feature = parts.get(1).and_then(|p| p.split_once(':')).map(|(_, f)| f.to_owned());
            let Some(feature) = feature.filter(|_| parts.len() == 3) else {
                return Err(format!("`{field}` is not a slot declaration (ROLE_<type>:<feature>_<link type>)"));
            };
            ColumnKind::SlotRole { feature }
        }
        LayerKind::Span if previous_was_role => ColumnKind::SlotTarget(field.to_owned()),
        LayerKind::Relation if field.starts_with("BT_") => ColumnKind::Base(field[3..].to_owned()),
        LayerKind::Chain if field == "referenceType" => ColumnKind::ChainType,
        LayerKind::Chain if field == "referenceRelation" => ColumnKind::ChainLink,
        _ => ColumnKind::Feature(field.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_spans_slots_placeholders_and_relations() {
        let lines = [
            FORMAT_LINE,
            "#T_SP=webanno.custom.SimpleSpan|",
            "#T_SP=webanno.custom.Frame|FE|ROLE_webanno.custom.Frame:Roles_webanno.custom.FrameRolesLink|webanno.custom.Lu",
            "#T_CH=de.tudarmstadt.ukp.dkpro.core.api.coref.type.CoreferenceLink|referenceType|referenceRelation",
            "#T_RL=webanno.custom.Relation|value|BT_webanno.custom.SimpleSpan",
            "",
            "",
            "#Text=x",
        ];
        let (header, next) = parse_header(&lines).unwrap();
        assert_eq!(next, 5);
        assert_eq!(header.version, "3.3");
        let kinds: Vec<&ColumnKind> = header.columns.iter().map(|c| &c.kind).collect();
        assert_eq!(
            kinds,
            [
                &ColumnKind::Placeholder,
                &ColumnKind::Feature("FE".into()),
                &ColumnKind::SlotRole { feature: "Roles".into() },
                &ColumnKind::SlotTarget("webanno.custom.Lu".into()),
                &ColumnKind::ChainType,
                &ColumnKind::ChainLink,
                &ColumnKind::Feature("value".into()),
                &ColumnKind::Base("webanno.custom.SimpleSpan".into()),
            ]
        );
        assert!(header.has_slots(1) && !header.has_slots(0));
        assert_eq!(header.layers[1].short_name(), "Frame");
        assert_eq!(header.layers[3].line, 5);
        assert!(parse_header(&["#FORMAT=WebAnno TSV 2"]).is_err());
        assert_eq!(parse_header(&["hello"]).unwrap_err().0, 1);
    }
}
