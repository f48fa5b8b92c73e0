//! Go > Agreement: how far the coders agree. A coder-by-coder matrix of span F1 with its 95% interval (a cell
//! opens the curation queue on exactly the units where those two differ), a per-type table and bar plot with
//! intervals, Fleiss' kappa and alpha-U, and the coder's own F1 against the gold layer per type once there is
//! one; relations between mentions and between events below (`agreement_relations.rs`). The span report (`workflow::agreement::span_report`, pooled over documents, intervals by bootstrap
//! over documents) runs on a worker thread: its resamples take a moment on a large project.

use crate::model::{Annotator, EntityTypeId};
use crate::ui::action::Action;
use crate::ui::session::Session;
use crate::ui::windows::ToolWindow;
use crate::ui::windows::agreement_relations::{RelationFigures, relations};
use crate::workflow::agreement::relations::relation_agreement;
use crate::workflow::agreement::{Interval, RESAMPLES, SEED, Selection, SpanCounts, SpanReport, select, span_report};
use crate::workflow::curation::{UnitFilter, feedback};
use eframe::egui::{self, RichText};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints};
use std::collections::BTreeMap;
use std::sync::mpsc::{Receiver, channel};

/// What the window shows: the report (or why there is none) and the coder against gold.
struct Figures {
    report: Result<SpanReport, String>,
    against_gold: BTreeMap<EntityTypeId, SpanCounts>,
    relations: Vec<RelationFigures>,
}

/// The agreement window; it computes again, in the background, when the project changes.
#[derive(Default)]
pub struct AgreementWindow {
    figures: Option<(u64, Figures)>,
    running: Option<(u64, Receiver<Figures>)>,
}

impl AgreementWindow {
    /// Starts computing the figures of the project's current generation on a worker thread.
    fn start(&mut self, session: &Session, ctx: &egui::Context) {
        let project = session.project();
        let me = project.annotator().clone();
        let against_gold = if me.is_gold() { BTreeMap::new() } else { feedback(project, &me) };
        let data = select(project, &Selection::default());
        // Relations are counted here (cheap: no text is read); their intervals are drawn on the worker.
        let relations = match &data {
            Ok(d) => relation_agreement(project, &d.coders, None),
            Err(_) => Vec::new(),
        };
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let report = data.map(|d| span_report(&d, RESAMPLES, SEED)).map_err(|e| e.to_string());
            let relations = relations.into_iter().map(RelationFigures::new).collect();
            let _ = tx.send(Figures { report, against_gold, relations });
            ctx.request_repaint();
        });
        self.running = Some((project.generation(), rx));
    }

    /// Takes the figures a worker finished.
    fn receive(&mut self) {
        if let Some((generation, rx)) = &self.running
            && let Ok(figures) = rx.try_recv()
        {
            self.figures = Some((*generation, figures));
            self.running = None;
        }
    }
}

impl ToolWindow for AgreementWindow {
    fn kind(&self) -> &'static str {
        "agreement"
    }

    fn title(&self, language: crate::settings::Language) -> String {
        crate::tr!(language, "window-agreement").into()
    }

    fn min_width(&self) -> f32 {
        460.0
    }

    fn default_size(&self) -> egui::Vec2 {
        egui::vec2(640.0, 680.0)
    }

    // A click on a cell reopens the project as the gold layer: the window stays, and computes again.
    fn keep_after_project(&mut self) -> bool {
        true
    }

    fn show(&mut self, ui: &mut egui::Ui, session: &Session, out: &mut Vec<Action>) {
        self.receive();
        let generation = session.project().generation();
        let current = self.figures.as_ref().is_some_and(|(g, _)| *g == generation);
        if !current && self.running.is_none() {
            self.start(session, ui.ctx());
        }
        let Some((_, f)) = &self.figures else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Computing agreement (bootstrap intervals over documents)…");
            });
            return;
        };
        if self.running.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.weak("The project changed: computing again…");
            });
        }
        match &f.report {
            Ok(report) => {
                matrix(ui, report, out);
                ui.separator();
                per_type(ui, report);
                ui.separator();
                confusion(ui, report);
                relations(ui, &f.relations);
            }
            Err(why) => {
                ui.label(format!("No agreement to show: {why}."));
            }
        }
        if !f.against_gold.is_empty() {
            ui.separator();
            against_gold(ui, session.project().annotator(), &f.against_gold);
        }
    }
}

fn ratio(v: Option<f64>) -> String {
    v.map_or("–".to_owned(), |v| format!("{v:.3}"))
}

fn interval(i: Option<Interval>) -> String {
    i.map_or(String::new(), |i| format!(" [{:.3}, {:.3}]", i.low, i.high))
}

/// The coder-by-coder matrix of strict span F1; a click on a cell curates that pair's disagreements.
fn matrix(ui: &mut egui::Ui, r: &SpanReport, out: &mut Vec<Action>) {
    ui.label(RichText::new("Mentions: F1 strict, pooled over documents (hover: interval, lenient, kappa)").strong());
    let pair = |a: &Annotator, b: &Annotator| {
        r.pairs.iter().find(|p| (&p.first, &p.second) == (a, b) || (&p.first, &p.second) == (b, a))
    };
    egui::Grid::new("agreement-matrix").striped(true).show(ui, |ui| {
        ui.label("");
        for c in &r.coders {
            ui.label(RichText::new(c.as_str()).strong());
        }
        ui.end_row();
        for a in &r.coders {
            ui.label(RichText::new(a.as_str()).strong());
            for b in &r.coders {
                let Some(p) = pair(a, b).filter(|_| a != b) else {
                    ui.weak("·");
                    continue;
                };
                let c = &p.pooled.counts;
                let hover = format!(
                    "{a} – {b}, {} documents both coded\nF1 strict {}{}\nlenient {}{}\nclitic-lenient {}{}\nCohen's kappa {}{}\nClick: curate where they differ",
                    p.documents,
                    ratio(c.strict.f1()),
                    interval(p.pooled.intervals[0]),
                    ratio(c.lenient.f1()),
                    interval(p.pooled.intervals[1]),
                    ratio(c.clitic.f1()),
                    interval(p.pooled.intervals[2]),
                    ratio(p.kappa.0),
                    interval(p.kappa.1),
                );
                if ui.button(ratio(c.strict.f1())).on_hover_text(hover).clicked() {
                    let filter = UnitFilter { pair: Some((a.clone(), b.clone())), ..UnitFilter::default() };
                    out.push(Action::CurateUnits(filter));
                }
            }
            ui.end_row();
        }
    });
    let all = &r.overall;
    ui.label(format!(
        "All pairs: F1 strict {}{} · lenient {} · clitic-lenient {}",
        ratio(all.counts.strict.f1()),
        interval(all.intervals[0]),
        ratio(all.counts.lenient.f1()),
        ratio(all.counts.clitic.f1())
    ));
    if r.coders.len() > 2 {
        ui.label(format!(
            "Fleiss' kappa on the {} documents all coded: {}{} · alpha-U {}",
            r.all_coded,
            ratio(r.fleiss.0),
            interval(r.fleiss.1),
            ratio(r.alpha_u)
        ));
    }
}

/// Strict F1 per entity type: one column per pair, all pairs pooled with its interval, alpha-U; and a bar
/// per type with its interval.
fn per_type(ui: &mut egui::Ui, r: &SpanReport) {
    ui.label(RichText::new("Per type: F1 strict").strong());
    egui::Grid::new("agreement-types").striped(true).show(ui, |ui| {
        ui.label(RichText::new("type").strong());
        for p in &r.pairs {
            ui.label(RichText::new(format!("{}–{}", p.first, p.second)).strong());
        }
        for h in ["all pairs [95%]", "alpha-U"] {
            ui.label(RichText::new(h).strong());
        }
        ui.end_row();
        for (t, ty) in r.per_type.iter().enumerate() {
            ui.label(ty.entity_type.as_str());
            for p in &r.pairs {
                ui.label(ratio(p.per_type.get(t).and_then(|c| c.strict.f1())));
            }
            ui.label(format!("{}{}", ratio(ty.pooled.counts.strict.f1()), interval(ty.pooled.intervals[0])));
            ui.label(ratio(ty.alpha_u));
            ui.end_row();
        }
    });
    let bars: Vec<Bar> = r
        .per_type
        .iter()
        .enumerate()
        .map(|(i, t)| {
            Bar::new(i as f64, t.pooled.counts.strict.f1().unwrap_or(0.0)).name(t.entity_type.as_str()).width(0.7)
        })
        .collect();
    let whiskers: Vec<Line> = r
        .per_type
        .iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let iv = t.pooled.intervals[0]?;
            let points = PlotPoints::from(vec![[i as f64, iv.low], [i as f64, iv.high]]);
            Some(Line::new("95% interval", points).width(2.0).color(egui::Color32::GRAY))
        })
        .collect();
    let names: Vec<String> = r.per_type.iter().map(|t| t.entity_type.to_string()).collect();
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
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("F1 strict", bars));
            for w in whiskers {
                plot.line(w);
            }
        });
}

/// Each pair's confusion between types (overlapping mentions; "none" where the other coder marked nothing),
/// folded away until asked for.
fn confusion(ui: &mut egui::Ui, r: &SpanReport) {
    for p in &r.pairs {
        egui::CollapsingHeader::new(format!("Confusion {} – {}", p.first, p.second)).show(ui, |ui| {
            let mut types: Vec<Option<&EntityTypeId>> = r.per_type.iter().map(|t| Some(&t.entity_type)).collect();
            types.push(None);
            let name = |t: Option<&EntityTypeId>| t.map_or("none".to_owned(), |t| t.to_string());
            egui::Grid::new(format!("confusion-{}-{}", p.first, p.second)).striped(true).show(ui, |ui| {
                ui.label(RichText::new(format!("rows {}, columns {}", p.first, p.second)).strong());
                for b in &types {
                    ui.label(RichText::new(name(*b)).strong());
                }
                ui.end_row();
                for a in &types {
                    ui.label(RichText::new(name(*a)).strong());
                    for b in &types {
                        let n = p.confusion.get(&(a.cloned(), b.cloned())).copied().unwrap_or(0);
                        if n == 0 {
                            ui.weak("·")
                        } else {
                            ui.label(n.to_string())
                        };
                    }
                    ui.end_row();
                }
            });
        });
    }
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
