//! Attributes and notes as Label Studio holds them: per-region results sharing their region's id, a
//! `choices` result for a choice or yes/no attribute, a `textarea` result for a number, date or text
//! attribute, and a `textarea` of the control `note` for the coder's note. Their controls are declared in
//! the labeling config with `perRegion="true"`.

use crate::model::{AttrValue, AttributeDef, AttributeKind, AttributeTarget, Schema, is_partial_date};
use serde_json::{Value, json};

/// The control that holds a region's note.
pub const NOTE: &str = "note";

/// The per-region result that holds `value` of attribute `id` for the region `region` (its `value` repeats the
/// region's offsets, as Label Studio writes them).
pub fn attribute_result(region: &str, id: &str, value: &AttrValue, offsets: (usize, usize)) -> Value {
    let (kind, key, shown) = match value {
        AttrValue::Bool(b) => ("choices", "choices", b.to_string()),
        AttrValue::Choice(c) => ("choices", "choices", c.clone()),
        AttrValue::Number(n) => ("textarea", "text", n.to_string()),
        AttrValue::Date(d) | AttrValue::Text(d) => ("textarea", "text", d.clone()),
    };
    per_region(region, id, kind, key, &shown, offsets)
}

/// The per-region result that holds a region's note.
pub fn note_result(region: &str, note: &str, offsets: (usize, usize)) -> Value {
    per_region(region, NOTE, "textarea", "text", note, offsets)
}

fn per_region(region: &str, control: &str, kind: &str, key: &str, shown: &str, (start, end): (usize, usize)) -> Value {
    json!({"id": region, "from_name": control, "to_name": "text", "type": kind,
           "value": {"start": start, "end": end, key: [shown]}})
}

/// The labeling config's controls for the schema's attributes and for notes.
pub fn config_controls(schema: &Schema) -> String {
    let mut xml = String::new();
    for def in &schema.attributes {
        let id = super::config::escape(def.id.as_str());
        let choices: Vec<String> = match &def.kind {
            AttributeKind::Boolean => vec!["true".into(), "false".into()],
            AttributeKind::Choice(c) => c.clone(),
            _ => {
                xml.push_str(&format!("  <TextArea name=\"{id}\" toName=\"text\" perRegion=\"true\"/>\n"));
                continue;
            }
        };
        xml.push_str(&format!("  <Choices name=\"{id}\" toName=\"text\" perRegion=\"true\" choice=\"single\">\n"));
        for c in choices {
            xml.push_str(&format!("    <Choice value=\"{}\"/>\n", super::config::escape(&c)));
        }
        xml.push_str("  </Choices>\n");
    }
    xml.push_str(&format!("  <TextArea name=\"{NOTE}\" toName=\"text\" perRegion=\"true\"/>\n"));
    xml
}

/// The schema's attribute that the control `control` holds for a region of `target` whose type is `type_id`
/// (matched regardless of case), or why there is none.
pub fn attribute_of<'a>(
    schema: &'a Schema,
    control: &str,
    target: AttributeTarget,
    type_id: &str,
) -> Result<&'a AttributeDef, String> {
    let def = schema
        .attributes
        .iter()
        .find(|a| a.target == target && a.id.as_str().eq_ignore_ascii_case(control))
        .ok_or_else(|| {
            let known: Vec<&str> =
                schema.attributes.iter().filter(|a| a.target == target).map(|a| a.id.as_str()).collect();
            format!("`{control}` is no attribute of the schema for this region (its attributes: {})", known.join(", "))
        })?;
    if !def.types.is_empty() && !def.types.iter().any(|t| t == type_id) {
        return Err(format!("attribute `{}` does not apply to `{type_id}`", def.id));
    }
    Ok(def)
}

/// The value `shown` (a choice or a text area's text) of attribute `def`, checked against its kind.
pub fn attribute_value(def: &AttributeDef, shown: &str) -> Result<AttrValue, String> {
    let name = &def.id;
    match &def.kind {
        AttributeKind::Boolean => match shown.to_lowercase().as_str() {
            "true" | "yes" => Ok(AttrValue::Bool(true)),
            "false" | "no" => Ok(AttrValue::Bool(false)),
            _ => Err(format!("`{shown}` is not true or false (attribute `{name}`)")),
        },
        AttributeKind::Choice(choices) => choices
            .iter()
            .find(|c| c.eq_ignore_ascii_case(shown))
            .map(|c| AttrValue::Choice(c.clone()))
            .ok_or_else(|| format!("`{shown}` is not one of the choices of `{name}` ({})", choices.join(", "))),
        AttributeKind::Number => shown
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .map(AttrValue::Number)
            .ok_or_else(|| format!("`{shown}` is not a number (attribute `{name}`)")),
        AttributeKind::Date if is_partial_date(shown.trim()) => Ok(AttrValue::Date(shown.trim().to_owned())),
        AttributeKind::Date => {
            Err(format!("`{shown}` is not a date as YYYY, YYYY-MM or YYYY-MM-DD (attribute `{name}`)"))
        }
        AttributeKind::Text => Ok(AttrValue::Text(shown.to_owned())),
    }
}
