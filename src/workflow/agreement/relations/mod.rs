//! Agreement on relations (issue 17), between mentions and between events alike, as INCEpTION and the
//! literature count it: a relation is identified by its two ends, ends of different coders correspond when
//! they match exactly (the same span and type, as strict span and trigger agreement match them), and the
//! relation type is the category, "none" where a coder marked both ends without relating them. Definitions are
//! in README's "Agreement" paragraph.

mod project;
mod units;

pub use project::{DocLayers, LabelConfusion, RelationAgreement, RelationPair, agreement_of, relation_agreement};
pub use units::{CoderRelations, End, Ends, NO_RELATION, RelationKind, matched, units_of};

#[cfg(test)]
mod tests;
