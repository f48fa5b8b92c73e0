//! Tests of event records: ACLED's interaction codes for every pair of actor kinds, and the records of a copy
//! of the sample project, as committed and with the dataset fields coded.

use super::*;
use crate::model::acled;
use crate::model::{
    Annotator, AttrValue, AttributeDef, AttributeKind, AttributeTarget, DocId, EventId, MentionId, MentionRelation,
    PlaceId, PlaceKind, ProjectEdit, RelationId, RelationTypeId, Role, RoleId,
};
use crate::store::{OpenOptions, Project};
use std::path::{Path, PathBuf};

const DOC: &str = "al-omar-oilfield-2021-06-29";

/// ACLED's interaction code of every pair of kinds, in [`ActorKind::ALL`]'s order (state forces, rebels,
/// political militia, identity militia, rioters, protesters, civilians, external force, political party,
/// organisation, person, other), then the code with no second actor. Written out by hand from the ACLED
/// codebook (2023, "Actor types and interaction codes"): the two actor type codes, the lower first; a party
/// is coded as its militia (3), an organisation, a person and anything else as other forces (8).
const INTERACTIONS: [[u8; 13]; 12] = [
    [11, 12, 13, 14, 15, 16, 17, 18, 13, 18, 18, 18, 10],
    [12, 22, 23, 24, 25, 26, 27, 28, 23, 28, 28, 28, 20],
    [13, 23, 33, 34, 35, 36, 37, 38, 33, 38, 38, 38, 30],
    [14, 24, 34, 44, 45, 46, 47, 48, 34, 48, 48, 48, 40],
    [15, 25, 35, 45, 55, 56, 57, 58, 35, 58, 58, 58, 50],
    [16, 26, 36, 46, 56, 66, 67, 68, 36, 68, 68, 68, 60],
    [17, 27, 37, 47, 57, 67, 77, 78, 37, 78, 78, 78, 70],
    [18, 28, 38, 48, 58, 68, 78, 88, 38, 88, 88, 88, 80],
    [13, 23, 33, 34, 35, 36, 37, 38, 33, 38, 38, 38, 30],
    [18, 28, 38, 48, 58, 68, 78, 88, 38, 88, 88, 88, 80],
    [18, 28, 38, 48, 58, 68, 78, 88, 38, 88, 88, 88, 80],
    [18, 28, 38, 48, 58, 68, 78, 88, 38, 88, 88, 88, 80],
];

fn actor(kind: Option<ActorKind>) -> RecordActor {
    RecordActor { name: "x".into(), actor: None, kind }
}

#[test]
fn the_interaction_code_of_every_pair_of_actor_kinds_is_the_codebooks() {
    assert_eq!(ActorKind::ALL.len(), INTERACTIONS.len());
    for (i, a) in ActorKind::ALL.into_iter().enumerate() {
        for (j, b) in ActorKind::ALL.into_iter().enumerate() {
            let (one, two) = (actor(Some(a)), actor(Some(b)));
            let (inter1, inter2, interaction) = acled_codes(Some(&one), Some(&two));
            assert_eq!(interaction, Some(INTERACTIONS[i][j]), "{a:?} and {b:?}");
            assert_eq!((inter1, inter2), (Some(a.acled_inter()), Some(b.acled_inter())));
        }
        let one = actor(Some(a));
        assert_eq!(acled_codes(Some(&one), None).2, Some(INTERACTIONS[i][12]), "{a:?} alone");
        assert_eq!(acled_codes(None, Some(&one)).2, Some(INTERACTIONS[i][12]), "{a:?} as the only, second actor");
        assert_eq!(acled_codes(Some(&one), None).1, Some(0), "no second actor is 0");
    }
    let unlinked = actor(None);
    let militia = actor(Some(ActorKind::Militia));
    assert_eq!(acled_codes(Some(&militia), Some(&unlinked)), (Some(3), None, None), "an unknown kind is not guessed");
    assert_eq!(acled_codes(None, None), (Some(0), Some(0), None), "no actor has no interaction");
}

/// A private copy of the committed sample (its `sample` layer only), opened as `sample` (its lock in the copy), so that
/// the raw mutators change that layer in memory.
fn sample() -> (tempfile::TempDir, Project) {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for e in std::fs::read_dir(from).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_owned();
            let in_annotations = from.parent().is_some_and(|d| d.ends_with("annotations"));
            if name == ".locks" || (in_annotations && p.is_file() && name != "sample.ron") {
                continue;
            }
            if p.is_dir() { copy(&p, &to.join(&name)) } else { std::fs::copy(&p, to.join(&name)).map(|_| ()).unwrap() }
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir: PathBuf = tmp.path().join("project");
    copy(&Path::new(env!("CARGO_MANIFEST_DIR")).join("projects/al-omar-oilfield"), &dir);
    let options = OpenOptions { annotator: Annotator::parse("sample").unwrap(), read_only: false };
    (tmp, Project::open(&dir, options).unwrap())
}

fn records(project: &Project) -> Vec<EventRecord> {
    document_records(project, &DocId::parse(DOC).unwrap(), &Annotator::parse("sample").unwrap())
}

#[test]
fn the_samples_records_carry_actors_their_associates_and_codes() {
    let (_tmp, project) = sample();
    project.load_all();
    let r = records(&project);
    assert_eq!(r.len(), 5);
    let shelling = &r[0];
    assert_eq!(
        shelling.record_id,
        crate::model::derived_record_id(&DocId::parse(DOC).unwrap(), &"ATTACK".into(), shelling.row.trigger)
    );
    assert_eq!(shelling.actor1_name(), "Liwa Abu al-Fadl al-Abbas");
    assert_eq!(shelling.assoc_actor_1, ["Islamic Revolutionary Guard Corps"], "the registry's affiliation");
    assert_eq!(
        (shelling.inter1, shelling.inter2, shelling.interaction),
        (Some(3), None, None),
        "the base is not linked"
    );
    assert_eq!((shelling.dates.date.as_str(), shelling.dates.time_precision), ("2021-06-28", Some(1)));
    assert_eq!(shelling.published, "2021-06-29");
    let response = &r[1];
    assert_eq!(response.actor1_name(), "International Coalition against ISIS");
    assert!(response.assoc_actor_1.iter().all(|a| a != "International Coalition against ISIS"), "not itself twice");
    assert_eq!((response.inter1, response.inter2, response.interaction), (Some(8), Some(3), Some(38)));
    assert_eq!(response.type_of_violence, Some(1), "a foreign state's forces against a militia");
    let statement = &r[3];
    assert_eq!(statement.assoc_actor_1, ["Popular Mobilization Forces"]);
    let strikes = &r[4];
    assert_eq!((strikes.inter1, strikes.inter2, strikes.interaction), (Some(0), Some(0), None));
    assert_eq!(strikes.type_of_violence, None);
}

#[test]
fn implicit_evidence_is_the_role_fillers_words() {
    let (_tmp, project) = sample();
    project.load_all();
    let shelling = &records(&project)[0];
    let of = |field: &str| -> Vec<&str> {
        let implicit = shelling.evidence.iter().filter(|e| !e.explicit && e.field.as_str() == field);
        implicit.map(|e| e.quote.as_str()).collect()
    };
    assert_eq!(of("date"), ["مساء أمس"]);
    assert_eq!(of("location"), ["حقل العمر النفطي", "دير الزور"]);
    assert_eq!(of("actor2"), ["قاعدة التحالف الدولي"]);
    // The coder's own evidence comes beside the fillers' words, for the fields the sample justifies.
    let given: Vec<&str> = shelling.evidence.iter().filter(|e| e.explicit).map(|e| e.field.as_str()).collect();
    assert_eq!(given, ["fatalities", "injured", "source_scale", "sub_event_type"]);
}

/// Whether an attribute id is one of the dataset fields [`with_dataset_fields`] adds.
fn is_dataset_field(id: &str) -> bool {
    [
        acled::SUB_EVENT_TYPE,
        acled::DISORDER_TYPE,
        acled::CIVILIAN_TARGETING,
        acled::DATE_END,
        acled::FATALITIES_LOW,
        acled::FATALITIES_HIGH,
        acled::INJURED,
        acled::SOURCE_SCALE,
        acled::TAGS,
    ]
    .contains(&id)
}

/// The sample's schema with the dataset attributes (what the `fields` work adds to the default schema) and an
/// `Associated actor` role on ATTACK.
fn with_dataset_fields(project: &mut Project) {
    let schema = &mut project.config_mut().schema;
    let attr = |id: &str, kind: AttributeKind| AttributeDef {
        id: id.into(),
        name: id.into(),
        target: AttributeTarget::Event,
        kind,
        types: Vec::new(),
    };
    let choices = |c: &[&str]| AttributeKind::Choice(c.iter().map(|s| s.to_string()).collect());
    let subs: Vec<&str> = acled::SUB_EVENT_TYPES.iter().map(|t| t.0).collect();
    // The default schema has them since issue 19; a project made before lacks them, as this one once did.
    schema.attributes.retain(|d| !is_dataset_field(d.id.as_str()));
    schema.attributes.push(attr(acled::SUB_EVENT_TYPE, choices(&subs)));
    schema.attributes.push(attr(acled::DISORDER_TYPE, choices(&acled::DISORDER_TYPES)));
    schema.attributes.push(attr(acled::CIVILIAN_TARGETING, AttributeKind::Boolean));
    schema.attributes.push(attr(acled::DATE_END, AttributeKind::Date));
    for id in [acled::FATALITIES_LOW, acled::FATALITIES_HIGH, acled::INJURED] {
        schema.attributes.push(attr(id, AttributeKind::Number));
    }
    schema.attributes.push(attr(acled::SOURCE_SCALE, choices(&acled::SOURCE_SCALES)));
    schema.attributes.push(attr(acled::TAGS, AttributeKind::Text));
    let attack = schema.event_types.iter_mut().find(|t| t.id.as_str() == "ATTACK").unwrap();
    let mut role: Role = attack.roles[0].clone();
    role.id = RoleId::from("Associated actor 1");
    role.required = false;
    attack.roles.push(role);
}

#[test]
fn coded_dataset_fields_reach_the_record_with_their_evidence() {
    let (_tmp, mut project) = sample();
    with_dataset_fields(&mut project);
    let mut place = crate::model::Place::new("Deir ez-Zor", PlaceKind::Town);
    (place.country, place.admin1, place.latitude, place.longitude) =
        ("SYR".into(), "Deir ez-Zor".into(), Some(35.336), Some(40.1408));
    project.apply_edit(ProjectEdit::PutPlace(PlaceId::from("gn-170794"), Some(place))).unwrap();
    let doc = DocId::parse(DOC).unwrap();
    let layer = project.layer_mut(&doc).unwrap();
    layer.mentions.get_mut(&MentionId(5)).unwrap().place = Some(PlaceId::from("gn-170794"));
    // The sample links the first Location filler to the oil field; unlinked, the record's place is the next.
    layer.mentions.get_mut(&MentionId(4)).unwrap().place = None;
    // The militia AFFILIATED_WITH "Iran-backed militias" (m9), and "Saraya Awliya al-Dam" (m15) in the role.
    let relation = MentionRelation {
        relation_type: RelationTypeId::from(associated::AFFILIATED_WITH),
        from: MentionId(2),
        to: MentionId(9),
        note: String::new(),
    };
    layer.mention_relations.insert(RelationId(9), relation);
    let e1 = layer.events.get_mut(&EventId(1)).unwrap();
    e1.arguments.push(crate::model::Argument { role: "Associated actor 1".into(), mention: MentionId(15) });
    let set = |e: &mut crate::model::Event, id: &str, v: AttrValue| e.attributes.insert(id.into(), v);
    set(e1, acled::SUB_EVENT_TYPE, AttrValue::Choice("Shelling/artillery/missile attack".into()));
    set(e1, acled::CIVILIAN_TARGETING, AttrValue::Bool(false));
    set(e1, acled::DATE_END, AttrValue::Date("2021-06-30".into()));
    set(e1, acled::FATALITIES_HIGH, AttrValue::Number(2.0));
    set(e1, acled::TAGS, AttrValue::Text("eight rockets".into()));
    e1.attributes.remove(&"date_precision".into());
    let span = crate::model::Span { start: 800, end: 813 };
    e1.evidence.insert(FieldId::from(acled::SUB_EVENT_TYPE), vec![span]);

    let shelling = &records(&project)[0];
    assert_eq!(
        (shelling.acled_event_type.as_str(), shelling.disorder_type.as_str()),
        ("Explosions/Remote violence", "Political violence")
    );
    assert_eq!(shelling.assoc_actor_1.len(), 3, "{:?}", shelling.assoc_actor_1);
    assert_eq!(shelling.assoc_actor_1[0], "Iran-backed militias", "the AFFILIATED_WITH relation");
    assert_eq!(shelling.assoc_actor_1[1], "Islamic Revolutionary Guard Corps", "the registry's affiliation");
    assert_eq!(shelling.assoc_actor_1[2], "Saraya Awliya al-Dam", "the Associated actor role");
    assert_eq!((shelling.dates.time_precision, shelling.dates.date_prec), (Some(2), Some(2)), "three days");
    assert_eq!(shelling.dates.last_day.unwrap().iso(), "2021-06-30");
    assert_eq!((shelling.fatalities, shelling.fatalities_high), (Some(0.0), Some(2.0)));
    assert_eq!(shelling.tags, "eight rockets");
    assert_eq!(shelling.location(), "Deir ez-Zor");
    let country = shelling.country.unwrap();
    assert_eq!((country.iso_numeric, country.gw), (760, Some(652)));
    assert_eq!(shelling.coordinates(), Some((35.336, 40.1408)));
    let given = shelling.evidence.iter().find(|e| e.field.as_str() == acled::SUB_EVENT_TYPE).unwrap();
    assert!(given.explicit);
    assert_eq!(
        (given.field.as_str(), given.quote.as_str()),
        (acled::SUB_EVENT_TYPE, project_text(&project, span).as_str())
    );
}

fn project_text(project: &Project, span: crate::model::Span) -> String {
    let entry = project.document(&DocId::parse(DOC).unwrap()).unwrap();
    entry.loaded().unwrap().text.slice(span).unwrap().to_owned()
}
