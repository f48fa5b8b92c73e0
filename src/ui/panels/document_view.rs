//! The selected document: its metadata, a toolbar (layer, suggestions, labels, zoom) and the article.

use crate::model::{Annotator, DocId, DocText};
use crate::store::{DocEntry, LoadedDoc, Project};
use crate::text::scene::HighlightSet;
use crate::ui::article_view::{ArticleInput, ArticleView};
use crate::ui::bidi_label::{LabelStyle, bidi_label};
use crate::ui::i18n;
use crate::ui::i18n::LangOf;
use crate::ui::{Action, Command};
use crate::{tr, trl};
use eframe::egui;

/// What the document view shows besides the text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ViewOptions {
    /// Whose layer is shown; `None` means the default (own, else the first coder's).
    pub layer: Option<Annotator>,
    /// Pending suggestions drawn as dashed outlines.
    pub hide_suggestions: bool,
    /// Mark the shown coder's misses and extras against the gold layer (feedback).
    pub compare_gold: bool,
    /// While curating: the coders whose versions are drawn as lines over the text, in this order.
    pub coders: Vec<Annotator>,
}

/// A project without documents: the ways to bring some in (the newcomer's path).
fn no_documents(ui: &mut egui::Ui, commands: &mut Vec<Action>) {
    ui.label(tr!(ui, "view-no-documents"));
    for command in [Command::AddTextFiles, Command::AddTextFolder, Command::ImportDocuments] {
        if ui.button(command.label(ui.language())).on_hover_text(command.help_in(ui.language())).clicked() {
            commands.push(command.into());
        }
    }
}

/// The annotator whose layer is shown for the selected document: the one chosen in the toolbar, else the
/// coder's own (even before they mark anything: coders code independently, so another coder's layer is shown
/// only on request), else, when the project is read-only, the first coder's.
pub fn shown_layer(project: &Project, shown: Option<&DocId>, options: &ViewOptions) -> Option<Annotator> {
    let doc = project.document(shown?)?.loaded()?;
    let me = project.annotator();
    if let Some(a) = &options.layer
        && (doc.layers.contains_key(a) || a == me)
    {
        return Some(a.clone());
    }
    if matches!(project.access(), crate::store::Access::ReadWrite) {
        return Some(me.clone());
    }
    doc.layer_to_show(me).map(|(a, _)| a.clone())
}

/// Highlights for the selected document under `options`.
pub fn highlights(project: &Project, shown: Option<&DocId>, options: &ViewOptions) -> HighlightSet {
    let Some(doc) = shown.and_then(|d| project.document(d)).and_then(|d| d.loaded()) else {
        return HighlightSet::default();
    };
    let owner = shown_layer(project, shown, options);
    let layer = owner.as_ref().and_then(|a| doc.layers.get(a));
    let suggestions = doc.suggestions.iter().filter(|(source, _)| {
        !options.hide_suggestions && owner.as_ref().is_none_or(|a| crate::workflow::suggesters::visible_to(source, a))
    });
    let mut set = HighlightSet::build(&project.config().schema, layer, suggestions);
    let lines: Vec<(&Annotator, crate::model::Rgb, &crate::model::Layer)> = options
        .coders
        .iter()
        .enumerate()
        .filter_map(|(i, c)| Some((c, crate::text::scene::coder_color(i), doc.layers.get(c)?)))
        .collect();
    set.add_coders(&lines);
    if options.compare_gold
        && owner.as_ref().is_some_and(|a| !a.is_gold())
        && let (Some(gold), Some(mine)) = (doc.layers.get(&Annotator::gold()), layer)
    {
        let feedback = crate::workflow::curation::feedback_document(mine, gold);
        set.add_feedback(gold, mine, &feedback.misses, &feedback.extras);
    }
    set
}

/// Draws the selected document.
pub fn document_view(
    ui: &mut egui::Ui,
    project: &Project,
    shown: Option<&DocId>,
    options: &mut ViewOptions,
    article: &mut ArticleView,
    highlights: &HighlightSet,
    commands: &mut Vec<Action>,
) {
    let Some(doc) = shown.and_then(|d| project.document(d)) else {
        if project.documents().is_empty() {
            no_documents(ui, commands);
        } else {
            ui.label(tr!(ui, "view-select-document"));
        }
        return;
    };
    // The column the panel gives: a row wider than it would widen the panel's layout and lay the article out
    // wider than what shows, its line ends hidden under the right panel (seen at 1024x680).
    let column = ui.available_rect_before_wrap();
    header(ui, doc);
    let owner = shown_layer(project, shown, options);
    if let Some(loaded) = doc.loaded() {
        i18n::wrapped_row(ui, |ui| toolbar(ui, project, loaded, owner.as_ref(), options, article, commands));
    }
    ui.separator();
    let Some(text) = doc.text() else { return };
    selection_line(ui, text, article);
    let direction = doc.meta.as_ref().map(|m| m.direction).unwrap_or_default();
    let language = ui.language();
    let describe = |key: &crate::text::scene::HighlightKey| match doc.loaded() {
        Some(loaded) => super::describe::describe(project, loaded, owner.as_ref(), key, language),
        None => Vec::new(),
    };
    let input = ArticleInput { text, direction, highlights, describe: &describe };
    let rest = egui::Rect::from_min_max(egui::pos2(column.left(), ui.cursor().top()), column.right_bottom());
    ui.scope_builder(egui::UiBuilder::new().max_rect(rest), |ui| article.show(ui, &input));
}

/// The title, the metadata, and the problems of a broken document.
fn header(ui: &mut egui::Ui, doc: &DocEntry) {
    let heading = LabelStyle {
        size: egui::TextStyle::Heading.resolve(ui.style()).size,
        color: ui.visuals().strong_text_color(),
        single_line: false,
    };
    bidi_label(ui, doc.title(), heading, egui::Sense::hover());
    if let Some(meta) = &doc.meta {
        let mut facts = vec![trl!(ui, "view-characters", count = meta.chars)];
        facts.extend([&meta.source, &meta.date, &meta.url].into_iter().filter(|s| !s.is_empty()).cloned());
        ui.weak(i18n::shown(ui.language(), &facts.join(" · ")));
    }
    if doc.is_broken() {
        ui.colored_label(ui.visuals().error_fg_color, tr!(ui, "view-broken"));
        for p in doc.problems() {
            ui.label(p.to_string());
        }
    }
}

/// The layer chooser, the suggestions and labels switches, and the zoom.
fn toolbar(
    ui: &mut egui::Ui,
    project: &Project,
    loaded: &LoadedDoc,
    owner: Option<&Annotator>,
    options: &mut ViewOptions,
    article: &ArticleView,
    commands: &mut Vec<Action>,
) {
    let current = owner.map_or(tr!(ui, "view-no-layer").to_owned(), |a| a.to_string());
    let me = project.annotator();
    let mut choices: Vec<(&Annotator, Option<&crate::model::Layer>)> =
        loaded.layers.iter().map(|(a, l)| (a, Some(l))).collect();
    if !loaded.layers.contains_key(me) && matches!(project.access(), crate::store::Access::ReadWrite) {
        choices.insert(0, (me, None));
    }
    egui::ComboBox::from_label(tr!(ui, "view-layer")).selected_text(current).show_ui(ui, |ui| {
        for (a, layer) in choices {
            let (m, e, r) = layer.map_or((0, 0, 0), |l| (l.mentions.len(), l.events.len(), l.relations.len()));
            let mine = if a == me { trl!(ui, "view-yours") } else { "" };
            let text = tr!(
                ui,
                "view-layer-choice",
                coder = a.to_string(),
                mine = mine,
                mentions = m,
                events = e,
                relations = r
            );
            if ui.selectable_label(owner == Some(a), text).clicked() {
                options.layer = Some(a.clone());
            }
        }
    });
    let pending = owner.map_or(0, |a| crate::workflow::review::pending_count(loaded, a));
    let mut show = !options.hide_suggestions;
    if ui
        .checkbox(&mut show, tr!(ui, "view-suggestions", count = pending))
        .on_hover_text(Command::ToggleSuggestions.help_in(ui.language()))
        .changed()
    {
        commands.push(Command::ToggleSuggestions.into());
    }
    if loaded.layers.contains_key(&Annotator::gold()) && owner.is_some_and(|a| !a.is_gold()) {
        ui.checkbox(&mut options.compare_gold, tr!(ui, "view-against-gold"))
            .on_hover_text(tr!(ui, "view-against-gold-help"));
    }
    let mut labels = article.show_labels;
    if ui
        .checkbox(&mut labels, tr!(ui, "view-labels"))
        .on_hover_text(Command::ToggleLabels.help_in(ui.language()))
        .changed()
    {
        commands.push(Command::ToggleLabels.into());
    }
    let mut bare = article.hide_tashkeel;
    if ui
        .checkbox(&mut bare, tr!(ui, "view-no-tashkeel"))
        .on_hover_text(Command::ToggleTashkeel.help_in(ui.language()))
        .changed()
    {
        commands.push(Command::ToggleTashkeel.into());
    }
    ui.separator();
    if ui.button("−").on_hover_text(Command::ZoomOut.help_in(ui.language())).clicked() {
        commands.push(Command::ZoomOut.into());
    }
    if ui
        .button(format!("{:.0}%", article.zoom() * 100.0))
        .on_hover_text(Command::ZoomReset.help_in(ui.language()))
        .clicked()
    {
        commands.push(Command::ZoomReset.into());
    }
    if ui.button("+").on_hover_text(Command::ZoomIn.help_in(ui.language())).clicked() {
        commands.push(Command::ZoomIn.into());
    }
}

/// What is selected, in one line (always one, so that selecting does not shift the article), or a hint.
fn selection_line(ui: &mut egui::Ui, text: &DocText, article: &ArticleView) {
    let body = LabelStyle {
        size: egui::TextStyle::Body.resolve(ui.style()).size,
        color: ui.visuals().text_color(),
        single_line: true,
    };
    match article.selection() {
        Some(sel) => {
            let quoted: String = text.slice(sel).unwrap_or_default().chars().take(80).collect();
            let line = trl!(
                ui,
                "view-selected",
                start = sel.start,
                end = sel.end,
                count = sel.len(),
                text = crate::text::quote::quoted(&quoted)
            );
            bidi_label(ui, &line, body, egui::Sense::hover());
        }
        None => {
            let hint = trl!(ui, "view-selection-hint");
            // One line, cut short in a narrow column: the whole hint shows on hover.
            bidi_label(ui, hint, LabelStyle { color: ui.visuals().weak_text_color(), ..body }, egui::Sense::hover())
                .on_hover_text(tr!(ui, "view-selection-hint"));
        }
    }
}
