//! The Agreement window's relations section: per kind (between mentions, between events) each pair's F1
//! with its interval, Cohen's kappa on the units both labelled, the unpaired units, alpha over all coders, and
//! each pair's confusion of labels folded away. The figures come from `workflow::agreement::relations`; the
//! intervals are drawn on the window's worker thread with the span report's.

use crate::tr;
use crate::workflow::agreement::relations::{RelationAgreement, RelationKind};
use crate::workflow::agreement::{Interval, RESAMPLES, SEED};
use eframe::egui::{self, RichText};

/// One kind's figures with their intervals: alpha's, then each pair's F1.
pub struct RelationFigures {
    /// The figures.
    pub agreement: RelationAgreement,
    /// Alpha's 95% interval.
    pub alpha_interval: Option<Interval>,
    /// Each pair's F1 interval, in the pairs' order.
    pub f1_intervals: Vec<Option<Interval>>,
}

impl RelationFigures {
    /// Draws the intervals (a bootstrap of the documents: run it off the window's thread).
    pub fn new(agreement: RelationAgreement) -> Self {
        let alpha_interval = agreement.alpha_interval(RESAMPLES, SEED);
        let f1_intervals = agreement.pairs.iter().map(|p| p.f1_interval(RESAMPLES, SEED)).collect();
        Self { agreement, alpha_interval, f1_intervals }
    }
}

fn ratio(v: Option<f64>) -> String {
    v.map_or("–".to_owned(), |v| format!("{v:.3}"))
}

fn interval(i: Option<Interval>) -> String {
    i.map_or(String::new(), |i| format!(" [{:.3}, {:.3}]", i.low, i.high))
}

/// The relations section; nothing when no coder related anything.
pub fn relations(ui: &mut egui::Ui, kinds: &[RelationFigures]) {
    if kinds.iter().all(|k| k.agreement.relations == 0) {
        return;
    }
    ui.separator();
    ui.label(RichText::new(tr!(ui, "agreement-relations-heading")).strong());
    ui.weak(tr!(ui, "agreement-relations-unit"));
    for k in kinds.iter().filter(|k| k.agreement.relations > 0) {
        let a = &k.agreement;
        let title = match a.kind {
            RelationKind::Mentions => tr!(ui, "agreement-relations-mentions", count = a.relations.to_string()),
            RelationKind::Events => tr!(ui, "agreement-relations-events", count = a.relations.to_string()),
        };
        ui.label(RichText::new(title).strong());
        let alpha = format!("{}{}", ratio(a.alpha), interval(k.alpha_interval));
        ui.label(tr!(ui, "agreement-relations-alpha", alpha = alpha, units = a.units.to_string()));
        egui::Grid::new(format!("agreement-relations-{}", a.kind.as_str())).striped(true).show(ui, |ui| {
            for h in [
                tr!(ui, "agreement-relations-pair"),
                tr!(ui, "agreement-relations-counts"),
                tr!(ui, "agreement-relations-f1"),
                tr!(ui, "agreement-relations-kappa"),
                tr!(ui, "agreement-relations-unpaired"),
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for (p, f1) in a.pairs.iter().zip(&k.f1_intervals) {
                let c = &p.counts;
                ui.label(format!("{} – {}", p.first, p.second));
                ui.label(format!("{} / {} / {}", c.first, c.second, c.first_matched));
                ui.label(format!("{}{}", ratio(c.f1()), interval(*f1)));
                ui.label(format!("{} ({})", ratio(p.kappa), p.units));
                ui.label(p.unpaired.to_string());
                ui.end_row();
            }
        });
        for p in a.pairs.iter().filter(|p| !p.confusion.is_empty()) {
            let header = tr!(ui, "agreement-relations-confusion", a = p.first.as_str(), b = p.second.as_str());
            egui::CollapsingHeader::new(header)
                .id_salt(format!("rel-conf-{:?}-{}-{}", a.kind, p.first, p.second))
                .show(ui, |ui| {
                    for ((x, y), n) in &p.confusion {
                        ui.label(format!("{x} / {y}: {n}"));
                    }
                });
        }
    }
}
