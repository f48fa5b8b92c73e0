//! The words of Arabic date expressions, in their normalized spelling (`text::normalize`: alef forms as `ا`,
//! ta marbuta as `ه`, alef maqsura as `ي`, hamza seats as `ء`): month names of the Gregorian calendar as
//! written in Egypt and the Gulf, the Levant and Iraq, and the Maghreb; Hijri months; weekdays; parts of the
//! day; relative days; number words.

/// Which calendar a month name belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Calendar {
    /// Gregorian (all the regional names of its months).
    Gregorian,
    /// Hijri (Umm al-Qura).
    Hijri,
}

/// Month names: (words, (calendar, month number)). Two-word names come first so that they win.
pub const MONTHS: &[(&str, (Calendar, u8))] = &[
    ("كانون الثاني", (Calendar::Gregorian, 1)),
    ("كانون الاول", (Calendar::Gregorian, 12)),
    ("تشرين الاول", (Calendar::Gregorian, 10)),
    ("تشرين الثاني", (Calendar::Gregorian, 11)),
    ("ربيع الاول", (Calendar::Hijri, 3)),
    ("ربيع الثاني", (Calendar::Hijri, 4)),
    ("ربيع الاخر", (Calendar::Hijri, 4)),
    ("جمادي الاولي", (Calendar::Hijri, 5)),
    ("جمادي الاول", (Calendar::Hijri, 5)),
    ("جمادي الاخره", (Calendar::Hijri, 6)),
    ("جمادي الثانيه", (Calendar::Hijri, 6)),
    ("جمادي الاخر", (Calendar::Hijri, 6)),
    ("ذو القعده", (Calendar::Hijri, 11)),
    ("ذي القعده", (Calendar::Hijri, 11)),
    ("ذو الحجه", (Calendar::Hijri, 12)),
    ("ذي الحجه", (Calendar::Hijri, 12)),
    // Egypt, the Gulf (and Morocco's variants).
    ("يناير", (Calendar::Gregorian, 1)),
    ("فبراير", (Calendar::Gregorian, 2)),
    ("مارس", (Calendar::Gregorian, 3)),
    ("ابريل", (Calendar::Gregorian, 4)),
    ("مايو", (Calendar::Gregorian, 5)),
    ("يونيو", (Calendar::Gregorian, 6)),
    ("يونيه", (Calendar::Gregorian, 6)),
    ("يوليو", (Calendar::Gregorian, 7)),
    ("يوليه", (Calendar::Gregorian, 7)),
    ("يوليوز", (Calendar::Gregorian, 7)),
    ("اغسطس", (Calendar::Gregorian, 8)),
    ("غشت", (Calendar::Gregorian, 8)),
    ("سبتمبر", (Calendar::Gregorian, 9)),
    ("شتنبر", (Calendar::Gregorian, 9)),
    ("اكتوبر", (Calendar::Gregorian, 10)),
    ("نوفمبر", (Calendar::Gregorian, 11)),
    ("نونبر", (Calendar::Gregorian, 11)),
    ("ديسمبر", (Calendar::Gregorian, 12)),
    ("دجنبر", (Calendar::Gregorian, 12)),
    // The Levant and Iraq.
    ("شباط", (Calendar::Gregorian, 2)),
    ("اذار", (Calendar::Gregorian, 3)),
    ("نيسان", (Calendar::Gregorian, 4)),
    ("ايار", (Calendar::Gregorian, 5)),
    ("حزيران", (Calendar::Gregorian, 6)),
    ("تموز", (Calendar::Gregorian, 7)),
    ("اب", (Calendar::Gregorian, 8)),
    ("ايلول", (Calendar::Gregorian, 9)),
    // Algeria and Tunisia.
    ("جانفي", (Calendar::Gregorian, 1)),
    ("فيفري", (Calendar::Gregorian, 2)),
    ("افريل", (Calendar::Gregorian, 4)),
    ("ماي", (Calendar::Gregorian, 5)),
    ("جوان", (Calendar::Gregorian, 6)),
    ("جويليه", (Calendar::Gregorian, 7)),
    ("اوت", (Calendar::Gregorian, 8)),
    // Hijri.
    ("محرم", (Calendar::Hijri, 1)),
    ("صفر", (Calendar::Hijri, 2)),
    ("رجب", (Calendar::Hijri, 7)),
    ("شعبان", (Calendar::Hijri, 8)),
    ("رمضان", (Calendar::Hijri, 9)),
    ("شوال", (Calendar::Hijri, 10)),
];

/// Weekdays, 0 for Monday to 6 for Sunday.
pub const WEEKDAYS: &[(&str, u8)] =
    &[("الاثنين", 0), ("الثلاثاء", 1), ("الاربعاء", 2), ("الخميس", 3), ("الجمعه", 4), ("السبت", 5), ("الاحد", 6)];

/// A part of the day an expression names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayPart {
    /// فجر: dawn.
    Dawn,
    /// صباح: morning.
    Morning,
    /// ظهر: noon.
    Noon,
    /// عصر: afternoon.
    Afternoon,
    /// مساء: evening.
    Evening,
    /// ليل, ليلة, منتصف الليل: night.
    Night,
}

/// Words naming a part of the day.
pub const DAY_PARTS: &[(&str, DayPart)] = &[
    ("فجر", DayPart::Dawn),
    ("فجرا", DayPart::Dawn),
    ("الفجر", DayPart::Dawn),
    ("صباح", DayPart::Morning),
    ("صباحا", DayPart::Morning),
    ("الصباح", DayPart::Morning),
    ("ظهر", DayPart::Noon),
    ("ظهرا", DayPart::Noon),
    ("ظهيره", DayPart::Noon),
    ("الظهر", DayPart::Noon),
    ("عصر", DayPart::Afternoon),
    ("عصرا", DayPart::Afternoon),
    ("مساء", DayPart::Evening),
    ("مساءا", DayPart::Evening),
    ("المساء", DayPart::Evening),
    ("ليل", DayPart::Night),
    ("ليله", DayPart::Night),
    ("ليلا", DayPart::Night),
    ("الليل", DayPart::Night),
];

/// Days relative to the publication date.
pub const RELATIVE_DAYS: &[(&str, i64)] = &[
    ("اول من امس", -2),
    ("اول امس", -2),
    ("امس الاول", -2),
    ("بعد غد", 2),
    ("اليوم", 0),
    ("امس", -1),
    ("الامس", -1),
    ("البارحه", -1),
    ("غدا", 1),
    ("الغد", 1),
];

/// Number words, for "قبل ثلاثة أيام".
pub const NUMBER_WORDS: &[(&str, i64)] =
    &[("ثلاثه", 3), ("اربعه", 4), ("خمسه", 5), ("سته", 6), ("سبعه", 7), ("ثمانيه", 8), ("تسعه", 9), ("عشره", 10)];

/// Words after a date that put it before the publication date.
pub const PAST: &[&str] = &["الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفاءت", "الفاءته", "السابق", "السابقه"];

/// Words after a date that put it after the publication date.
pub const NEXT: &[&str] = &["المقبل", "المقبله", "القادم", "القادمه"];

/// Words after a period that name the publication date's own.
pub const CURRENT: &[&str] = &["الجاري", "الجاريه", "الحالي", "الحاليه", "هذا", "هذه"];
