//! ACLED's event taxonomy (codebook 2023, "ACLED Codebook" section 3) and the attribute ids that hold an
//! event's dataset fields. The taxonomy is data: each sub-event type belongs to one event type, and each event
//! type to one disorder type, so a coder picks the sub-event type and the rest follows.

/// The event attribute holding ACLED's sub-event type (one of [`SUB_EVENT_TYPES`]).
pub const SUB_EVENT_TYPE: &str = "sub_event_type";
/// The event attribute overriding the disorder type the sub-event type gives (one of [`DISORDER_TYPES`]).
pub const DISORDER_TYPE: &str = "disorder_type";
/// The event attribute saying civilians were the target (ACLED's `civilian_targeting`).
pub const CIVILIAN_TARGETING: &str = "civilian_targeting";
/// The event attribute holding the last day of an event that lasted several days (`YYYY-MM-DD`).
pub const DATE_END: &str = "date_end";
/// The event attribute holding the lowest reported count of the killed (UCDP's `low`).
pub const FATALITIES_LOW: &str = "fatalities_low";
/// The event attribute holding the highest reported count of the killed (UCDP's `high`).
pub const FATALITIES_HIGH: &str = "fatalities_high";
/// The event attribute holding the number of injured.
pub const INJURED: &str = "injured";
/// The event attribute holding the scale of the reporting source (one of [`SOURCE_SCALES`]).
pub const SOURCE_SCALE: &str = "source_scale";
/// The event attribute holding the event's tags, separated by `;` as ACLED writes them.
pub const TAGS: &str = "tags";

/// ACLED's disorder types.
pub const DISORDER_TYPES: [&str; 4] =
    ["Political violence", "Demonstrations", "Strategic developments", "Political violence; Demonstrations"];

/// ACLED's sub-event types: `(sub-event type, event type, disorder type)`.
pub const SUB_EVENT_TYPES: [(&str, &str, &str); 25] = [
    ("Armed clash", "Battles", "Political violence"),
    ("Government regains territory", "Battles", "Political violence"),
    ("Non-state actor overtakes territory", "Battles", "Political violence"),
    ("Chemical weapon", "Explosions/Remote violence", "Political violence"),
    ("Air/drone strike", "Explosions/Remote violence", "Political violence"),
    ("Suicide bomb", "Explosions/Remote violence", "Political violence"),
    ("Shelling/artillery/missile attack", "Explosions/Remote violence", "Political violence"),
    ("Remote explosive/landmine/IED", "Explosions/Remote violence", "Political violence"),
    ("Grenade", "Explosions/Remote violence", "Political violence"),
    ("Sexual violence", "Violence against civilians", "Political violence"),
    ("Attack", "Violence against civilians", "Political violence"),
    ("Abduction/forced disappearance", "Violence against civilians", "Political violence"),
    ("Peaceful protest", "Protests", "Demonstrations"),
    ("Protest with intervention", "Protests", "Demonstrations"),
    ("Excessive force against protesters", "Protests", "Political violence; Demonstrations"),
    ("Violent demonstration", "Riots", "Demonstrations"),
    ("Mob violence", "Riots", "Political violence"),
    ("Agreement", "Strategic developments", "Strategic developments"),
    ("Arrests", "Strategic developments", "Strategic developments"),
    ("Change to group/activity", "Strategic developments", "Strategic developments"),
    ("Disrupted weapons use", "Strategic developments", "Strategic developments"),
    ("Headquarters or base established", "Strategic developments", "Strategic developments"),
    ("Looting/property destruction", "Strategic developments", "Strategic developments"),
    ("Non-violent transfer of territory", "Strategic developments", "Strategic developments"),
    ("Other", "Strategic developments", "Strategic developments"),
];

/// ACLED's source scales.
pub const SOURCE_SCALES: [&str; 9] = [
    "Local",
    "Subnational",
    "National",
    "Regional",
    "International",
    "New media",
    "Other",
    "National-Regional",
    "New media-National",
];

/// The event type and disorder type of a sub-event type; `None` for a name not in [`SUB_EVENT_TYPES`].
pub fn sub_event_parents(sub_event_type: &str) -> Option<(&'static str, &'static str)> {
    SUB_EVENT_TYPES.iter().find(|(sub, ..)| *sub == sub_event_type).map(|&(_, event, disorder)| (event, disorder))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sub_event_type_has_one_known_disorder_type() {
        for (sub, _, disorder) in SUB_EVENT_TYPES {
            assert!(DISORDER_TYPES.contains(&disorder), "{sub}: {disorder}");
            assert_eq!(SUB_EVENT_TYPES.iter().filter(|(s, ..)| *s == sub).count(), 1, "{sub} twice");
        }
        assert_eq!(sub_event_parents("Air/drone strike"), Some(("Explosions/Remote violence", "Political violence")));
        assert_eq!(sub_event_parents("air strike"), None);
    }
}
