//! Civil dates: the Gregorian day an expression resolves to, day arithmetic, weekdays, and Hijri (Umm al-Qura)
//! dates converted to Gregorian, all through ICU4X's calendars.

use icu_calendar::cal::Hijri;
use icu_calendar::{Date, Gregorian};
use std::fmt;

/// A day of the Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDate {
    /// The year (AD).
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, from 1.
    pub day: u8,
}

impl CivilDate {
    /// The date, if it exists (no 30 February).
    pub fn new(year: i32, month: u8, day: u8) -> Option<CivilDate> {
        let d = Date::try_new_gregorian(year, month, day).ok()?;
        Some(from_icu(&d))
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<CivilDate> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.get(..2)?.parse().ok()?;
        CivilDate::new(year, month, day)
    }

    fn icu(self) -> Date<Gregorian> {
        // Built only through `new`, `from_icu` and `plus_days`, which give valid dates.
        Date::try_new_gregorian(self.year, self.month, self.day)
            .unwrap_or_else(|_| Date::try_new_gregorian(1970, 1, 1).expect("a valid date"))
    }

    /// The date `n` days later (earlier when negative).
    pub fn plus_days(self, n: i64) -> CivilDate {
        let rd = self.icu().to_rata_die();
        from_icu(&Date::from_rata_die(rd + n, Gregorian))
    }

    /// Days from `other` to `self`.
    pub fn days_since(self, other: CivilDate) -> i64 {
        self.icu().to_rata_die() - other.icu().to_rata_die()
    }

    /// The day of the week, 0 for Monday to 6 for Sunday.
    pub fn weekday(self) -> u8 {
        self.icu().weekday() as u8 - 1
    }

    /// The last day of this date's month.
    pub fn month_end(self) -> CivilDate {
        let d = self.icu();
        CivilDate { day: d.days_in_month(), ..self }
    }

    /// The Hijri (Umm al-Qura) year this date falls in.
    pub fn hijri_year(self) -> i32 {
        self.icu().to_calendar(Hijri::new_umm_al_qura()).year().extended_year()
    }
}

impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn from_icu(d: &Date<Gregorian>) -> CivilDate {
    CivilDate { year: d.year().extended_year(), month: d.month().ordinal, day: d.day_of_month().0 }
}

/// The Gregorian day of Hijri (Umm al-Qura) `year`, `month`, `day`, if it exists.
pub fn from_hijri(year: i32, month: u8, day: u8) -> Option<CivilDate> {
    let d = Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura()).ok()?;
    Some(from_icu(&d.to_calendar(Gregorian)))
}

/// The first and last Gregorian days of Hijri `year`'s `month`.
pub fn hijri_month(year: i32, month: u8) -> Option<(CivilDate, CivilDate)> {
    let first = Date::try_new_hijri_with_calendar(year, month, 1, Hijri::new_umm_al_qura()).ok()?;
    let last = Date::try_new_hijri_with_calendar(year, month, first.days_in_month(), Hijri::new_umm_al_qura()).ok()?;
    Some((from_icu(&first.to_calendar(Gregorian)), from_icu(&last.to_calendar(Gregorian))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_weekdays_and_month_ends() {
        let d = CivilDate::new(2021, 6, 29).unwrap();
        assert_eq!(d.weekday(), 1, "29 June 2021 was a Tuesday");
        assert_eq!(d.plus_days(-1), CivilDate::new(2021, 6, 28).unwrap());
        assert_eq!(d.plus_days(3), CivilDate::new(2021, 7, 2).unwrap());
        assert_eq!(CivilDate::new(2024, 2, 10).unwrap().month_end().day, 29);
        assert_eq!(CivilDate::new(2021, 2, 30), None);
        assert_eq!(CivilDate::new(2021, 7, 2).unwrap().days_since(d), 3);
        assert_eq!(d.to_string(), "2021-06-29");
        assert_eq!(CivilDate::parse("2021-06-29"), Some(d));
    }

    #[test]
    fn hijri_dates_follow_umm_al_qura() {
        // 1 Ramadan 1442 was 13 April 2021 in Saudi Arabia; 1 Muharram 1445 was 19 July 2023.
        assert_eq!(from_hijri(1442, 9, 1), CivilDate::new(2021, 4, 13));
        assert_eq!(from_hijri(1445, 1, 1), CivilDate::new(2023, 7, 19));
        let (first, last) = hijri_month(1442, 9).unwrap();
        assert_eq!((first.to_string(), last.to_string()), ("2021-04-13".into(), "2021-05-12".into()));
        assert_eq!(CivilDate::new(2021, 6, 29).unwrap().hijri_year(), 1442);
    }
}
