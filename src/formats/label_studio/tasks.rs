//! Reading a Label Studio task file into plain data: a list of tasks (Label Studio's JSON export), one task,
//! or JSON lines of tasks. Each task keeps its place in the file (`task 3`, or `line 3` in JSON lines) for
//! messages; what is malformed is kept as such, to be refused with that place by the reader.

use crate::formats::text_file::{TextFileError, read_text, strip_bom};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

/// A task file, read.
#[derive(Clone, Debug, Default)]
pub struct TaskFile {
    /// The tasks, in file order; a task that could not be read is an `Err` with why.
    pub tasks: Vec<(String, Result<Task, String>)>,
}

/// One task: a document's text and what was done on it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Task {
    /// `data.doc_id`, when given (Tarmeez's export writes it).
    pub doc_id: Option<String>,
    /// `data.text` (or the one string of `data`).
    pub text: Option<String>,
    /// `data.title`, when given.
    pub title: Option<String>,
    /// The human annotations, cancelled ones included.
    pub annotations: Vec<Annotation>,
    /// How many predictions the task has (read by `import-suggestions`).
    pub predictions: usize,
}

/// One annotation of a task: one annotator's results.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Annotation {
    /// Its `id`, as text.
    pub id: Option<String>,
    /// Who made it (`completed_by`).
    pub completed_by: Option<CompletedBy>,
    /// `was_cancelled`: the annotator skipped the task.
    pub cancelled: bool,
    /// Its results, in order.
    pub results: Vec<TaskResult>,
}

/// `completed_by`: a user id, or the user as an object (a newer export, or Tarmeez's).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct CompletedBy {
    /// The user id, as text.
    pub id: Option<String>,
    /// The user's email, when the export gives it.
    pub email: Option<String>,
}

impl CompletedBy {
    /// How the user is named in messages and in `--coder KEY=NAME`: the email, else the id.
    pub fn key(&self) -> String {
        self.email.clone().or_else(|| self.id.clone()).unwrap_or_default()
    }
}

/// One result of an annotation.
#[derive(Clone, Debug, PartialEq)]
pub struct TaskResult {
    /// Its `id` (regions are related by it), or `#n` for one without.
    pub id: String,
    /// `from_name`: the labeling config's control that made it (`label`, or Tarmeez's `entity` / `event`).
    pub from_name: String,
    /// What it holds.
    pub kind: ResultKind,
}

/// What a result holds.
#[derive(Clone, Debug, PartialEq)]
pub enum ResultKind {
    /// `type: "labels"`: a span of the text with its labels; offsets as the file gives them (UTF-16 units
    /// from Label Studio's frontend, see [`super::offsets`]).
    Span {
        /// `value.start`.
        start: usize,
        /// `value.end`.
        end: usize,
        /// `value.text`, when given.
        text: Option<String>,
        /// `value.labels`.
        labels: Vec<String>,
    },
    /// `type: "relation"`: from one region to another.
    Relation {
        /// `from_id`.
        from: String,
        /// `to_id`.
        to: String,
        /// `labels` (may be empty).
        labels: Vec<String>,
        /// `direction`: `right` (from to to, the default), `left` or `bi`.
        direction: String,
    },
    /// `choices` or `textarea`: the chosen values or the texts written; with the id of a span region, they
    /// are that region's (an attribute, or its note).
    PerRegion {
        /// `type`.
        kind: String,
        /// `value.choices`, or `value.text` (one string or a list).
        values: Vec<String>,
    },
    /// Another type (`rating`, `taxonomy`, ...), by its name.
    Other(String),
    /// A result that cannot be read, with why.
    Malformed(String),
}

/// Why a task file cannot be read at all.
#[derive(Debug, thiserror::Error)]
pub enum TasksError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not UTF-8.
    #[error("{}:{line}: not UTF-8 text; convert the file to UTF-8", .path.display())]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// The first line that is not.
        line: usize,
    },
    /// Neither JSON nor JSON lines.
    #[error("{}:{line}:{column}: not a Label Studio task file: {message}", .path.display())]
    NotJson {
        /// The file.
        path: PathBuf,
        /// Where the JSON breaks.
        line: usize,
        /// Its column.
        column: usize,
        /// The parser's words.
        message: String,
    },
}

/// Reads the task file at `path`.
pub fn read_tasks(path: &Path) -> Result<TaskFile, TasksError> {
    let content = read_text(path).map_err(|e| match e {
        TextFileError::Unreadable(source) => TasksError::Read { path: path.to_owned(), source },
        TextFileError::NotUtf8 { line } => TasksError::NotUtf8 { path: path.to_owned(), line },
    })?;
    parse_tasks(&content).map_err(|(line, column, message)| TasksError::NotJson {
        path: path.to_owned(),
        line,
        column,
        message,
    })
}

/// Reads tasks from text: one JSON value (a list of tasks or one task), else JSON lines when its first line
/// is an object. Fails with the line, column and the parser's words.
pub fn parse_tasks(content: &str) -> Result<TaskFile, (usize, usize, String)> {
    let content = strip_bom(content);
    let mut file = TaskFile::default();
    match serde_json::from_str::<Value>(content) {
        Ok(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                file.tasks.push((format!("task {}", i + 1), read_task(item)));
            }
        }
        Ok(one) => file.tasks.push(("task 1".to_owned(), read_task(&one))),
        Err(e) => {
            let first = content.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            if e.line() <= 1 || !serde_json::from_str::<Value>(first).is_ok_and(|v| v.is_object()) {
                return Err((e.line(), e.column(), e.to_string()));
            }
            for (i, line) in content.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                let task = serde_json::from_str::<Value>(line).map_err(|e| format!("not valid JSON: {e}"));
                file.tasks.push((format!("line {}", i + 1), task.and_then(|v| read_task(&v))));
            }
        }
    }
    Ok(file)
}

/// The task's text: `data.text`, else its only string field besides `doc_id` and `title` (the labeling
/// config may call it anything, `$article` say).
pub fn task_text(data: &Map<String, Value>) -> Option<&str> {
    if let Some(t) = data.get("text").and_then(Value::as_str) {
        return Some(t);
    }
    let mut strings =
        data.iter().filter(|(k, _)| !matches!(k.as_str(), "doc_id" | "title")).filter_map(|(_, v)| v.as_str());
    match (strings.next(), strings.next()) {
        (Some(t), None) => Some(t),
        _ => None,
    }
}

fn read_task(value: &Value) -> Result<Task, String> {
    let task = value.as_object().ok_or("not a task object")?;
    let data = task.get("data").and_then(Value::as_object).ok_or("no `data` object: not a Label Studio task")?;
    let string = |k: &str| data.get(k).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_owned);
    let mut out = Task {
        doc_id: string("doc_id"),
        text: task_text(data).map(str::to_owned),
        title: string("title"),
        ..Task::default()
    };
    match task.get("annotations") {
        None | Some(Value::Null) => {}
        Some(Value::Array(a)) => {
            for (k, annotation) in a.iter().enumerate() {
                out.annotations.push(read_annotation(annotation).map_err(|e| format!("annotation {}: {e}", k + 1))?);
            }
        }
        Some(_) => return Err("`annotations` is not a list".into()),
    }
    out.predictions = task.get("predictions").and_then(Value::as_array).map_or(0, Vec::len);
    Ok(out)
}

fn id_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn read_annotation(value: &Value) -> Result<Annotation, String> {
    let a = value.as_object().ok_or("not an object")?;
    let completed_by = match a.get("completed_by") {
        Some(Value::Object(user)) => Some(CompletedBy {
            id: user.get("id").and_then(id_text),
            email: user.get("email").and_then(Value::as_str).filter(|e| !e.is_empty()).map(str::to_owned),
        }),
        Some(v) => id_text(v).map(|id| CompletedBy { id: Some(id), email: None }),
        None => None,
    };
    let results = match a.get("result") {
        Some(Value::Array(r)) => r.iter().enumerate().map(|(k, r)| read_result(k, r)).collect(),
        None | Some(Value::Null) => Vec::new(),
        Some(_) => return Err("`result` is not a list".into()),
    };
    Ok(Annotation {
        id: a.get("id").and_then(id_text),
        completed_by,
        cancelled: a.get("was_cancelled").and_then(Value::as_bool).unwrap_or(false),
        results,
    })
}

fn read_result(k: usize, value: &Value) -> TaskResult {
    let Some(r) = value.as_object() else {
        return TaskResult {
            id: format!("#{}", k + 1),
            from_name: String::new(),
            kind: ResultKind::Malformed("not an object".into()),
        };
    };
    let id = r.get("id").and_then(id_text).unwrap_or_else(|| format!("#{}", k + 1));
    let from_name = r.get("from_name").and_then(Value::as_str).unwrap_or_default().to_owned();
    let kind = match r.get("type").and_then(Value::as_str).unwrap_or("labels") {
        "labels" => read_span(r).unwrap_or_else(ResultKind::Malformed),
        "relation" => read_relation(r).unwrap_or_else(ResultKind::Malformed),
        kind @ ("choices" | "textarea") => read_per_region(kind, r),
        other => ResultKind::Other(other.to_owned()),
    };
    TaskResult { id, from_name, kind }
}

fn labels_of(v: Option<&Value>) -> Result<Vec<String>, String> {
    match v {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(l)) => l
            .iter()
            .map(|x| x.as_str().filter(|s| !s.trim().is_empty()).map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| "`labels` holds something that is not a label name".to_owned()),
        Some(_) => Err("`labels` is not a list".into()),
    }
}

fn read_span(r: &Map<String, Value>) -> Result<ResultKind, String> {
    let value = r.get("value").and_then(Value::as_object).ok_or("no `value` object")?;
    let offset = |k: &str| match value.get(k) {
        Some(Value::Number(n)) => {
            n.as_u64().and_then(|u| usize::try_from(u).ok()).ok_or(format!("`{k}` {n} is not an offset"))
        }
        Some(_) => Err(format!("`{k}` is not a number")),
        None => Err(format!("no `value.{k}`")),
    };
    let (start, end) = (offset("start")?, offset("end")?);
    let labels = labels_of(value.get("labels"))?;
    if labels.is_empty() {
        return Err("no `value.labels`".into());
    }
    let text = value.get("text").and_then(Value::as_str).map(str::to_owned);
    Ok(ResultKind::Span { start, end, text, labels })
}

fn read_per_region(kind: &str, r: &Map<String, Value>) -> ResultKind {
    let value = r.get("value").and_then(Value::as_object);
    let key = if kind == "choices" { "choices" } else { "text" };
    let values = match value.and_then(|v| v.get(key)) {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => return ResultKind::Malformed(format!("no `value.{key}`")),
    };
    ResultKind::PerRegion { kind: kind.to_owned(), values }
}

fn read_relation(r: &Map<String, Value>) -> Result<ResultKind, String> {
    let end = |k: &str| r.get(k).and_then(id_text).ok_or(format!("no `{k}`"));
    Ok(ResultKind::Relation {
        from: end("from_id")?,
        to: end("to_id")?,
        labels: labels_of(r.get("labels"))?,
        direction: r.get("direction").and_then(Value::as_str).unwrap_or("right").to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_one_task_and_json_lines_are_read_and_bad_tasks_kept_as_such() {
        let one = r#"{"data": {"text": "قصف", "doc_id": "d"}, "annotations": [{"id": 5, "completed_by": 3,
            "result": [{"id": "a", "from_name": "label", "type": "labels", "value": {"start": 0, "end": 3, "labels": ["ACTOR"]}},
                       {"from_id": "a", "to_id": "b", "type": "relation", "labels": ["X"], "direction": "left"},
                       {"id": "c", "type": "choices", "value": {"choices": ["x"]}}]}], "predictions": [{}]}"#;
        let file = parse_tasks(one).unwrap();
        let (origin, task) = &file.tasks[0];
        assert_eq!(origin, "task 1");
        let task = task.as_ref().unwrap();
        assert_eq!(task.doc_id.as_deref(), Some("d"));
        assert_eq!(task.predictions, 1);
        let a = &task.annotations[0];
        assert_eq!(a.completed_by.as_ref().unwrap().key(), "3");
        assert_eq!(a.results[1].id, "#2");
        assert!(matches!(&a.results[1].kind, ResultKind::Relation { direction, .. } if direction == "left"));
        assert_eq!(a.results[2].kind, ResultKind::PerRegion { kind: "choices".into(), values: vec!["x".into()] });
        let lines = format!("{}\n[1]\n", one.replace('\n', " "));
        let file = parse_tasks(&lines).unwrap();
        assert_eq!(file.tasks.len(), 2);
        assert_eq!(file.tasks[1].0, "line 2");
        assert!(file.tasks[1].1.is_err());
        assert!(parse_tasks("T1\tACTOR 0 3\tقصف").is_err());
    }
}
