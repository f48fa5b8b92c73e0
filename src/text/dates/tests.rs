//! Date expressions as Arabic news writes them, with the dates they name: the publication date is the
//! sample article's (Tuesday 29 June 2021) unless a row gives another.

use super::*;

/// (expression, publication date, expected start, expected end, precision, part of the day).
type Row = (&'static str, &'static str, &'static str, &'static str, DatePrecision, Option<DayPart>);

const P: &str = "2021-06-29";
use DatePrecision::{Day, Month, Year};
use DayPart::{Afternoon, Dawn, Evening, Morning, Night, Noon};

const ROWS: &[Row] = &[
    // Relative days.
    ("مساء أمس", P, "2021-06-28", "2021-06-28", Day, Some(Evening)),
    ("أمس", P, "2021-06-28", "2021-06-28", Day, None),
    ("بالأمس", P, "2021-06-28", "2021-06-28", Day, None),
    ("البارحة", P, "2021-06-28", "2021-06-28", Day, None),
    ("ليلة أمس", P, "2021-06-28", "2021-06-28", Day, Some(Night)),
    ("عصر أمس", P, "2021-06-28", "2021-06-28", Day, Some(Afternoon)),
    ("اليوم", P, "2021-06-29", "2021-06-29", Day, None),
    ("صباح اليوم", P, "2021-06-29", "2021-06-29", Day, Some(Morning)),
    ("فجر اليوم الثلاثاء", P, "2021-06-29", "2021-06-29", Day, Some(Dawn)),
    ("أول أمس", P, "2021-06-27", "2021-06-27", Day, None),
    ("أول من أمس", P, "2021-06-27", "2021-06-27", Day, None),
    ("غداً", P, "2021-06-30", "2021-06-30", Day, None),
    ("قبل ثلاثة أيام", P, "2021-06-26", "2021-06-26", Day, None),
    ("منذ يومين", P, "2021-06-27", "2021-06-27", Day, None),
    ("قبل يومين", P, "2021-06-27", "2021-06-27", Day, None),
    ("قبل 5 أيام", P, "2021-06-24", "2021-06-24", Day, None),
    ("قبل أسبوع", P, "2021-06-22", "2021-06-22", Day, None),
    ("قبل ساعات", P, "2021-06-29", "2021-06-29", Day, None),
    // Weekdays.
    ("بعد منتصف ليل الأحد", P, "2021-06-27", "2021-06-27", Day, Some(Night)),
    ("ليل الأحد", P, "2021-06-27", "2021-06-27", Day, Some(Night)),
    ("يوم الاثنين", P, "2021-06-28", "2021-06-28", Day, None),
    ("الإثنين", P, "2021-06-28", "2021-06-28", Day, None),
    ("مساء الاثنين", P, "2021-06-28", "2021-06-28", Day, Some(Evening)),
    ("يوم الثلاثاء", P, "2021-06-29", "2021-06-29", Day, None),
    ("الثلاثاء الماضي", P, "2021-06-22", "2021-06-22", Day, None),
    ("الأحد الماضي", P, "2021-06-27", "2021-06-27", Day, None),
    ("ظهر الجمعة", P, "2021-06-25", "2021-06-25", Day, Some(Noon)),
    ("السبت المقبل", P, "2021-07-03", "2021-07-03", Day, None),
    ("الخميس القادم", P, "2021-07-01", "2021-07-01", Day, None),
    ("الأربعاء", P, "2021-06-23", "2021-06-23", Day, None),
    // Day and month, every region's names, with and without a year.
    ("الاثنين 28 حزيران", P, "2021-06-28", "2021-06-28", Day, None),
    ("28 حزيران", P, "2021-06-28", "2021-06-28", Day, None),
    ("28حزيران", P, "2021-06-28", "2021-06-28", Day, None),
    ("28 حزيران/يونيو", P, "2021-06-28", "2021-06-28", Day, None),
    ("28 يونيو 2021", P, "2021-06-28", "2021-06-28", Day, None),
    ("28 جوان 2021", P, "2021-06-28", "2021-06-28", Day, None),
    ("٢٨ حزيران ٢٠٢١", P, "2021-06-28", "2021-06-28", Day, None),
    ("في 28 يونيو الماضي", P, "2021-06-28", "2021-06-28", Day, None),
    ("في 5 تموز", P, "2021-07-05", "2021-07-05", Day, None),
    ("2 مايو", P, "2021-05-02", "2021-05-02", Day, None),
    ("15 ديسمبر الماضي", P, "2020-12-15", "2020-12-15", Day, None),
    ("15 ديسمبر", "2022-01-03", "2021-12-15", "2021-12-15", Day, None),
    ("12 كانون الأول الماضي", P, "2020-12-12", "2020-12-12", Day, None),
    ("3 تشرين الثاني 2020", P, "2020-11-03", "2020-11-03", Day, None),
    ("14 آب", "2021-08-20", "2021-08-14", "2021-08-14", Day, None),
    ("12 جويلية 2021", P, "2021-07-12", "2021-07-12", Day, None),
    ("4 أفريل", "2021-04-10", "2021-04-04", "2021-04-04", Day, None),
    ("1 دجنبر 2020", P, "2020-12-01", "2020-12-01", Day, None),
    ("20 غشت 2020", P, "2020-08-20", "2020-08-20", Day, None),
    ("9 نيسان/أبريل", P, "2021-04-09", "2021-04-09", Day, None),
    // Months.
    ("حزيران 2021", P, "2021-06-01", "2021-06-30", Month, None),
    ("شهر حزيران", P, "2021-06-01", "2021-06-30", Month, None),
    ("أيار الماضي", P, "2021-05-01", "2021-05-31", Month, None),
    ("كانون الثاني 2020", P, "2020-01-01", "2020-01-31", Month, None),
    ("تشرين الأول الماضي", P, "2020-10-01", "2020-10-31", Month, None),
    ("أواخر آب الماضي", P, "2020-08-01", "2020-08-31", Month, None),
    ("أوت 2019", P, "2019-08-01", "2019-08-31", Month, None),
    ("أيلول/سبتمبر 2020", P, "2020-09-01", "2020-09-30", Month, None),
    ("ماي 2021", P, "2021-05-01", "2021-05-31", Month, None),
    ("فبراير 2024", P, "2024-02-01", "2024-02-29", Month, None),
    // Periods and years.
    ("الشهر الماضي", P, "2021-05-01", "2021-05-31", Month, None),
    ("الشهر الجاري", P, "2021-06-01", "2021-06-30", Month, None),
    ("مطلع الشهر الجاري", P, "2021-06-01", "2021-06-30", Month, None),
    ("الأسبوع الماضي", P, "2021-06-22", "2021-06-28", Day, None),
    ("عام 2020", P, "2020-01-01", "2020-12-31", Year, None),
    ("في 2019", P, "2019-01-01", "2019-12-31", Year, None),
    ("العام الماضي", P, "2020-01-01", "2020-12-31", Year, None),
    ("السنة الماضية", P, "2020-01-01", "2020-12-31", Year, None),
    ("هذا العام", P, "2021-01-01", "2021-12-31", Year, None),
    // Numeric dates.
    ("28/6/2021", P, "2021-06-28", "2021-06-28", Day, None),
    ("2021-06-28", P, "2021-06-28", "2021-06-28", Day, None),
    ("٢٨/٦/٢٠٢١", P, "2021-06-28", "2021-06-28", Day, None),
    ("28.06.2021", P, "2021-06-28", "2021-06-28", Day, None),
    // Hijri (Umm al-Qura): 1 Ramadan 1442 was 13 April 2021, 1 Muharram 1445 was 19 July 2023.
    ("15 رمضان 1442", P, "2021-04-27", "2021-04-27", Day, None),
    ("15 رمضان 1442 هـ", P, "2021-04-27", "2021-04-27", Day, None),
    ("1 محرم 1445", P, "2023-07-19", "2023-07-19", Day, None),
    ("رمضان الماضي", P, "2021-04-13", "2021-05-12", Day, None),
    // Ranges.
    ("بين 20 و25 حزيران", P, "2021-06-20", "2021-06-25", Day, None),
    ("من 20 إلى 25 حزيران", P, "2021-06-20", "2021-06-25", Day, None),
    ("بين الأحد والثلاثاء", P, "2021-06-27", "2021-06-29", Day, None),
    ("بين 28 حزيران و2 تموز", "2021-07-05", "2021-06-28", "2021-07-02", Day, None),
    ("بين الثلاثاء والخميس", "2021-06-28", "2021-06-22", "2021-06-24", Day, None),
];

#[test]
fn arabic_news_date_expressions_resolve_to_their_dates() {
    assert!(ROWS.len() >= 60, "{} rows", ROWS.len());
    let mut wrong = Vec::new();
    for &(expr, published, start, end, precision, part) in ROWS {
        let published = CivilDate::parse(published).unwrap();
        let expected = DateReading {
            start: CivilDate::parse(start).unwrap(),
            end: CivilDate::parse(end).unwrap(),
            precision,
            part,
        };
        let got = resolve(expr, published);
        if got != Some(expected) {
            wrong.push(format!("«{expr}» published {published}: {got:?}, expected {expected:?}"));
        }
    }
    assert!(wrong.is_empty(), "{} of {} wrong:\n{}", wrong.len(), ROWS.len(), wrong.join("\n"));
}

#[test]
fn words_that_name_no_date_resolve_to_nothing() {
    let published = CivilDate::parse(P).unwrap();
    for expr in ["غارات أمريكية", "صفر", "آب", "ماي", "30 شباط 2021", "قاعدة التحالف الدولي", "", "يوم 28"]
    {
        assert_eq!(resolve(expr, published), None, "«{expr}»");
    }
}

#[test]
fn readings_write_as_partial_dates() {
    let published = CivilDate::parse(P).unwrap();
    let of = |e: &str| resolve(e, published).unwrap();
    assert_eq!(of("مساء أمس").partial_date(), "2021-06-28");
    assert_eq!(of("حزيران 2021").partial_date(), "2021-06");
    assert_eq!(of("عام 2020").partial_date(), "2020");
    assert_eq!(of("بين 20 و25 حزيران").to_string(), "2021-06-20 to 2021-06-25");
    assert!(crate::model::is_partial_date(&of("الشهر الماضي").partial_date()));
}
