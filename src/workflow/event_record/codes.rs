//! The datasets' codes Tarmeez derives rather than asks a coder for: a country's numbers and region, and
//! UCDP's type of violence from the actors' kinds.

use crate::model::ActorKind;

/// A country as the two datasets name and number it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-3, as the place registry holds it.
    pub iso3: &'static str,
    /// ISO 3166-1 numeric: ACLED's `iso`.
    pub iso_numeric: u16,
    /// The name ACLED and UCDP write (`country`).
    pub name: &'static str,
    /// ACLED's `region`.
    pub acled_region: &'static str,
    /// The Gleditsch-Ward number: UCDP's `country_id`. `None` where UCDP has none of its own (Palestine's
    /// events are coded under Israel, 666).
    pub gw: Option<u16>,
    /// UCDP's `region`, where checked; empty otherwise.
    pub ucdp_region: &'static str,
}

/// Syria, Iraq and their neighbours. ISO numbers from ISO 3166-1, Gleditsch-Ward numbers from Gleditsch and
/// Ward's list of independent states (1999, as UCDP GED 24.1 uses them), ACLED regions from ACLED's country
/// list. Turkey's UCDP region is left empty: it was not checked.
pub const COUNTRIES: [Country; 10] = [
    country("SYR", 760, "Syria", Some(652), "Middle East"),
    country("IRQ", 368, "Iraq", Some(645), "Middle East"),
    country("TUR", 792, "Turkey", Some(640), ""),
    country("JOR", 400, "Jordan", Some(663), "Middle East"),
    country("LBN", 422, "Lebanon", Some(660), "Middle East"),
    country("ISR", 376, "Israel", Some(666), "Middle East"),
    country("PSE", 275, "Palestine", None, "Middle East"),
    country("IRN", 364, "Iran", Some(630), "Middle East"),
    country("SAU", 682, "Saudi Arabia", Some(670), "Middle East"),
    country("KWT", 414, "Kuwait", Some(690), "Middle East"),
];

const fn country(
    iso3: &'static str,
    iso_numeric: u16,
    name: &'static str,
    gw: Option<u16>,
    ucdp_region: &'static str,
) -> Country {
    Country { iso3, iso_numeric, name, acled_region: "Middle East", gw, ucdp_region }
}

/// The country of an ISO alpha-3 code (any case); `None` for one not in [`COUNTRIES`].
pub fn country_of(iso3: &str) -> Option<&'static Country> {
    COUNTRIES.iter().find(|c| c.iso3.eq_ignore_ascii_case(iso3.trim()))
}

/// The kinds that are a state's forces for UCDP: a government's own forces, and a foreign state's (the
/// coalition, Russian or US forces are [`ActorKind::ExternalForce`]).
fn is_state(kind: ActorKind) -> bool {
    matches!(kind, ActorKind::StateForces | ActorKind::ExternalForce)
}

/// The kinds that are organised armed groups other than a state: rebels, militias (a party acts through its
/// militia, as its ACLED code 3 says).
fn is_armed_group(kind: ActorKind) -> bool {
    matches!(kind, ActorKind::RebelGroup | ActorKind::Militia | ActorKind::IdentityMilitia | ActorKind::PoliticalParty)
}

/// UCDP GED's `type_of_violence` of an event between actors of `kind1` and `kind2` (`None`: no actor there,
/// or one not linked to the registry), given whether the coder said civilians were targeted:
/// - **1, state-based**: a state's forces (own or foreign) against a state's forces or an organised armed
///   group;
/// - **2, non-state**: two organised armed groups, neither a state;
/// - **3, one-sided**: a state or an organised armed group against civilians, or alone in an event whose
///   civilian targeting is coded.
///
/// Anything else (rioters, protesters, persons, organisations, an unknown kind, a lone actor without civilian
/// targeting) is `None`: UCDP would not record it, or the kinds do not tell which type it is.
pub fn type_of_violence(kind1: Option<ActorKind>, kind2: Option<ActorKind>, civilian_targeting: bool) -> Option<u8> {
    let organised = |k: ActorKind| is_state(k) || is_armed_group(k);
    match (kind1, kind2) {
        (Some(a), Some(b)) if (is_state(a) && organised(b)) || (is_state(b) && organised(a)) => Some(1),
        (Some(a), Some(b)) if is_armed_group(a) && is_armed_group(b) => Some(2),
        (Some(a), Some(ActorKind::Civilians)) | (Some(ActorKind::Civilians), Some(a)) if organised(a) => Some(3),
        (Some(a), None) | (None, Some(a)) if organised(a) && civilian_targeting => Some(3),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ActorKind::*;

    #[test]
    fn countries_are_found_by_their_code_in_any_case() {
        let syria = country_of("syr").unwrap();
        assert_eq!((syria.iso_numeric, syria.name, syria.gw), (760, "Syria", Some(652)));
        assert_eq!(country_of(" IRQ").unwrap().gw, Some(645));
        assert_eq!(country_of("FRA"), None);
    }

    /// The type of violence for every pair of kinds, written out by hand from the rule (UCDP GED codebook
    /// 24.1, section on `type_of_violence`): `S` state, `G` armed group, `C` civilians, `-` none of these.
    #[test]
    fn type_of_violence_of_every_pair_of_kinds() {
        let class = |k: ActorKind| match k {
            StateForces | ExternalForce => 'S',
            RebelGroup | Militia | IdentityMilitia | PoliticalParty => 'G',
            Civilians => 'C',
            Rioters | Protesters | Organisation | Person | Other => '-',
        };
        // (class of one, class of the other) -> expected, without and with civilian targeting coded.
        let table = [
            ('S', 'S', Some(1)),
            ('S', 'G', Some(1)),
            ('G', 'S', Some(1)),
            ('G', 'G', Some(2)),
            ('S', 'C', Some(3)),
            ('C', 'S', Some(3)),
            ('G', 'C', Some(3)),
            ('C', 'G', Some(3)),
        ];
        for a in ActorKind::ALL {
            for b in ActorKind::ALL {
                let want = table.iter().find(|(x, y, _)| *x == class(a) && *y == class(b)).and_then(|t| t.2);
                assert_eq!(type_of_violence(Some(a), Some(b), false), want, "{a:?} and {b:?}");
                assert_eq!(type_of_violence(Some(a), Some(b), true), want, "{a:?} and {b:?}, civilians targeted");
            }
            let alone = matches!(class(a), 'S' | 'G').then_some(3);
            assert_eq!(type_of_violence(Some(a), None, true), alone, "{a:?} alone, civilians targeted");
            assert_eq!(type_of_violence(None, Some(a), true), alone, "{a:?} as the second actor only");
            assert_eq!(type_of_violence(Some(a), None, false), None, "{a:?} alone");
        }
        assert_eq!(type_of_violence(None, None, true), None);
    }
}
