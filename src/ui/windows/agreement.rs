//! Go > Agreement: how far the coders agree. A coder-by-coder matrix of span F1 (a cell opens the curation
//! queue on exactly the units where those two differ), a per-type table and bar plot, Fleiss' kappa, and the
//! coder's own F1 against the gold layer per type once there is one. Figures are pooled over documents
//! (README, "Agreement").

use crate::model::{Annotator, EntityTypeId};
use crate::store::Project;
use crate::ui::action::Action;
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use crate::workflow::agreement::{PairAgreement, SpanCounts, coders, fleiss, pairwise, pairwise_by_type};
use crate::workflow::curation::{UnitFilter, feedback};
use eframe::egui::{self, RichText};
use egui_plot::{Bar, BarChart, Legend, Plot};
use std::collections::BTreeMap;

/// The figures, computed from one generation of the project.
struct Figures {
    coders: Vec<Annotator>,
    pairs: Vec<PairAgreement>,
    by_type: Vec<((Annotator, Annotator), BTreeMap<EntityTypeId, SpanCounts>)>,
    fleiss: (Option<f64>, usize),
    against_gold: BTreeMap<EntityTypeId, SpanCounts>,
}

impl Figures {
    fn of(project: &Project) -> Self {
        let coders = coders(project);
        let me = project.annotator();
        Self {
            pairs: pairwise(project, &coders),
            by_type: pairwise_by_type(project, &coders),
            fleiss: if coders.len() > 2 { fleiss(project, &coders) } else { (None, 0) },
            against_gold: if me.is_gold() { BTreeMap::new() } else { feedback(project, me) },
            coders,
        }
    }

    fn pair(&self, a: &Annotator, b: &Annotator) -> Option<&PairAgreement> {
        self.pairs.iter().find(|p| (&p.first, &p.second) == (a, b) || (&p.first, &p.second) == (b, a))
    }
}

/// The agreement window; it computes again when the project changes.
#[derive(Default)]
pub struct AgreementWindow {
    figures: Option<(u64, Figures)>,
}

impl ToolWindow for AgreementWindow {
    fn kind(&self) -> &'static str {
        "agreement"
    }

    fn title(&self) -> String {
        "Agreement".into()
    }

    fn min_width(&self) -> f32 {
        460.0
    }

    // A click on a cell reopens the project as the gold layer: the window stays, and computes again.
    fn keep_after_project(&mut self) -> bool {
        true
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(620.0, 640.0)
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        let project = session.project();
        if self.figures.as_ref().is_none_or(|(g, _)| *g != project.generation()) {
            self.figures = Some((project.generation(), Figures::of(project)));
        }
        let Some((_, f)) = &self.figures else { return };
        if f.coders.len() < 2 {
            ui.label(format!("Agreement needs two coders; this project has {}.", f.coders.len()));
        } else {
            matrix(ui, f, out);
            ui.separator();
            per_type(ui, f);
        }
        if !f.against_gold.is_empty() {
            ui.separator();
            against_gold(ui, project.annotator(), &f.against_gold);
        }
    }
}

fn ratio(v: Option<f64>) -> String {
    v.map_or("–".to_owned(), |v| format!("{v:.3}"))
}

/// The coder-by-coder matrix of strict span F1; a click on a cell curates that pair's disagreements.
fn matrix(ui: &mut egui::Ui, f: &Figures, out: &mut Vec<Action>) {
    ui.label(RichText::new("Mentions: F1 strict (hover: lenient, clitic-lenient, Cohen's kappa)").strong());
    egui::Grid::new("agreement-matrix").striped(true).show(ui, |ui| {
        ui.label("");
        for c in &f.coders {
            ui.label(RichText::new(c.as_str()).strong());
        }
        ui.end_row();
        for a in &f.coders {
            ui.label(RichText::new(a.as_str()).strong());
            for b in &f.coders {
                match f.pair(a, b) {
                    Some(p) if a != b => {
                        let hover = format!(
                            "{a} – {b}, {} documents both coded\nlenient {}, clitic-lenient {}, Cohen's kappa {}\nClick: curate where they differ",
                            p.documents,
                            ratio(p.lenient.f1()),
                            ratio(p.clitic.f1()),
                            ratio(p.kappa)
                        );
                        if ui.button(ratio(p.strict.f1())).on_hover_text(hover).clicked() {
                            let filter = UnitFilter { pair: Some((a.clone(), b.clone())), ..UnitFilter::default() };
                            out.push(Action::CurateUnits(filter));
                        }
                    }
                    _ => {
                        ui.weak("·");
                    }
                }
            }
            ui.end_row();
        }
    });
    if f.coders.len() > 2 {
        ui.label(format!(
            "Fleiss' kappa of all {} coders on the {} documents all coded: {}",
            f.coders.len(),
            f.fleiss.1,
            ratio(f.fleiss.0)
        ));
    }
}

/// Strict F1 per entity type: one column per pair, and a bar per type of all pairs pooled.
fn per_type(ui: &mut egui::Ui, f: &Figures) {
    ui.label(RichText::new("Per type: F1 strict").strong());
    let mut pooled: BTreeMap<&EntityTypeId, SpanCounts> = BTreeMap::new();
    for (_, counts) in &f.by_type {
        for (ty, c) in counts {
            pooled.entry(ty).or_default().add(*c);
        }
    }
    egui::Grid::new("agreement-types").striped(true).show(ui, |ui| {
        ui.label(RichText::new("type").strong());
        for ((a, b), _) in &f.by_type {
            ui.label(RichText::new(format!("{a}–{b}")).strong());
        }
        ui.label(RichText::new("all pairs").strong());
        ui.end_row();
        for (ty, all) in &pooled {
            ui.label(ty.as_str());
            for (_, counts) in &f.by_type {
                ui.label(ratio(counts.get(*ty).and_then(SpanCounts::f1)));
            }
            ui.label(ratio(all.f1()));
            ui.end_row();
        }
    });
    let bars: Vec<Bar> = pooled
        .iter()
        .enumerate()
        .map(|(i, (ty, c))| Bar::new(i as f64, c.f1().unwrap_or(0.0)).name(ty.as_str()).width(0.7))
        .collect();
    let names: Vec<String> = pooled.keys().map(|t| t.to_string()).collect();
    Plot::new("agreement-per-type")
        .legend(Legend::default())
        .height(200.0)
        .include_y(0.0)
        .include_y(1.0)
        .y_axis_label("F1 strict, all pairs")
        .x_axis_formatter(move |mark, _| names.get(mark.value as usize).cloned().unwrap_or_default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .show(ui, |plot| plot.bar_chart(BarChart::new("F1 strict", bars)));
}

/// The coder's own F1 against the gold layer, per type.
fn against_gold(ui: &mut egui::Ui, me: &Annotator, counts: &BTreeMap<EntityTypeId, SpanCounts>) {
    ui.label(RichText::new(format!("You ({me}) against the gold layer: F1 strict")).strong());
    egui::Grid::new("against-gold").striped(true).show(ui, |ui| {
        for h in ["type", "gold", "yours", "F1"] {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for (ty, c) in counts {
            ui.label(ty.as_str());
            ui.label(c.first.to_string());
            ui.label(c.second.to_string());
            ui.label(ratio(c.f1()));
            ui.end_row();
        }
    });
    ui.weak("Tick \"against gold\" in the article's toolbar to see your misses (dashed orange) and extras (red).");
}
