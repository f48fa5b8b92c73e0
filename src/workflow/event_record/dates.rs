//! An event's date or date range and its precision in both datasets' codes.
//!
//! The rules, in order:
//! - The coder's `date_precision` attribute (`day`, `week`, `month`, `year`), when set, says how well the date
//!   is known: ACLED `time_precision` 1 / 2 / 3 / 3 (ACLED has no code coarser than the month) and UCDP
//!   `date_prec` 1 / 3 / 4 / 5.
//! - Else a range (the `date_end` attribute after the start) sets it by its length: one day is 1 and 1; up to
//!   a week, ACLED 2, UCDP 2 (2 to 6 days) or 3 (7 days); longer, ACLED 3, UCDP 4 (up to 30 days) or 5.
//! - Else the date's own form: a full day 1 and 1, a month 3 and 4, a year 3 and 5.
//! - A date that is only the publication date (see `DateBasis::Publication`) is known to the week at best:
//!   the article says "recently" or nothing, so ACLED 2 and UCDP 3.
//!
//! UCDP's `date_start` and `date_end` are full days: a month coded `2021-06` runs from the 1st to the 30th. ACLED's
//! `event_date` keeps the date as coded (`2021-06` stays a month with `time_precision` 3) rather than invent a
//! day.

use crate::formats::events_table::DateBasis;

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    /// The year.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, 1 to 31.
    pub day: u8,
}

impl Day {
    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`), to measure a range.
    fn ordinal(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

/// How much of a date is given.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    Day,
    Month,
    Year,
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as its first and last day and its form; `None` for anything else.
fn parse(date: &str) -> Option<(Day, Day, Form)> {
    let mut parts = date.trim().split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    let month: Option<u8> = parts.next().map(str::parse).transpose().ok()?;
    let day: Option<u8> = parts.next().map(str::parse).transpose().ok()?;
    if parts.next().is_some() {
        return None;
    }
    match (month, day) {
        (None, _) => Some((Day { year, month: 1, day: 1 }, Day { year, month: 12, day: 31 }, Form::Year)),
        (Some(m @ 1..=12), None) => {
            let last = days_in_month(year, m);
            Some((Day { year, month: m, day: 1 }, Day { year, month: m, day: last }, Form::Month))
        }
        (Some(m @ 1..=12), Some(d)) if d >= 1 && d <= days_in_month(year, m) => {
            let day = Day { year, month: m, day: d };
            Some((day, day, Form::Day))
        }
        _ => None,
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// An event's dates as the datasets write them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecordDates {
    /// The date as coded (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), empty when unknown: ACLED's `event_date`.
    pub date: String,
    /// The first day the date can mean: UCDP's `date_start`.
    pub first_day: Option<Day>,
    /// The last day: the `date_end` attribute's day, else the date's last day; UCDP's `date_end`.
    pub last_day: Option<Day>,
    /// ACLED's `time_precision` (1 day, 2 week, 3 month).
    pub time_precision: Option<u8>,
    /// UCDP's `date_prec` (1 day, 2 two to six days, 3 week, 4 month, 5 longer).
    pub date_prec: Option<u8>,
}

impl RecordDates {
    /// The dates of an event dated `date` (from `basis`), with the `date_end` attribute's value `end` and the
    /// coder's `date_precision` word, by the module's rules. An end before the start, or that is not a date,
    /// is ignored.
    pub fn new(date: &str, basis: DateBasis, end: Option<&str>, precision: Option<&str>) -> Self {
        let Some((first, mut last, form)) = parse(date) else {
            return Self { date: date.to_owned(), ..Self::default() };
        };
        let end = end.and_then(parse).map(|(_, last, _)| last).filter(|e| *e >= first);
        if let Some(end) = end {
            last = end;
        }
        let (time_precision, date_prec) = match precision {
            Some("day") => (1, 1),
            Some("week") => (2, 3),
            Some("month") => (3, 4),
            Some("year") => (3, 5),
            _ if end.is_some() => by_length(last.ordinal() - first.ordinal() + 1),
            _ if basis == DateBasis::Publication => (2, 3),
            _ => match form {
                Form::Day => (1, 1),
                Form::Month => (3, 4),
                Form::Year => (3, 5),
            },
        };
        Self {
            date: date.to_owned(),
            first_day: Some(first),
            last_day: Some(last),
            time_precision: Some(time_precision),
            date_prec: Some(date_prec),
        }
    }

    /// The year the event began, for both datasets' `year`.
    pub fn year(&self) -> Option<i32> {
        self.first_day.map(|d| d.year)
    }
}

/// ACLED's and UCDP's precision codes of a range of `days` days.
fn by_length(days: i64) -> (u8, u8) {
    match days {
        ..=1 => (1, 1),
        2..=6 => (2, 2),
        7 => (2, 3),
        8..=30 => (3, 4),
        _ => (3, 5),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(date: &str, basis: DateBasis, end: Option<&str>, precision: Option<&str>) -> (Option<u8>, Option<u8>) {
        let d = RecordDates::new(date, basis, end, precision);
        (d.time_precision, d.date_prec)
    }

    #[test]
    fn a_day_a_month_and_a_year_have_their_precisions_and_ranges() {
        let day = RecordDates::new("2021-06-28", DateBasis::TimeMention, None, None);
        assert_eq!((day.time_precision, day.date_prec), (Some(1), Some(1)));
        assert_eq!(
            (day.first_day.unwrap().iso(), day.last_day.unwrap().iso()),
            ("2021-06-28".into(), "2021-06-28".into())
        );
        let month = RecordDates::new("2024-02", DateBasis::Event, None, None);
        assert_eq!((month.time_precision, month.date_prec), (Some(3), Some(4)));
        assert_eq!(month.last_day.unwrap().iso(), "2024-02-29", "a leap February");
        assert_eq!(month.date, "2024-02", "ACLED's date stays as coded");
        let year = RecordDates::new("2021", DateBasis::Event, None, None);
        assert_eq!((year.time_precision, year.date_prec), (Some(3), Some(5)));
        assert_eq!(
            (year.first_day.unwrap().iso(), year.last_day.unwrap().iso()),
            ("2021-01-01".into(), "2021-12-31".into())
        );
        assert_eq!(year.year(), Some(2021));
    }

    #[test]
    fn a_range_sets_the_precision_by_its_length() {
        let e = DateBasis::Event;
        assert_eq!(codes("2021-06-28", e, Some("2021-06-28"), None), (Some(1), Some(1)));
        assert_eq!(codes("2021-06-28", e, Some("2021-06-30"), None), (Some(2), Some(2)), "three days");
        assert_eq!(codes("2021-06-28", e, Some("2021-07-04"), None), (Some(2), Some(3)), "seven days, across a month");
        assert_eq!(codes("2021-06-28", e, Some("2021-07-20"), None), (Some(3), Some(4)));
        assert_eq!(codes("2021-06-28", e, Some("2021-09-01"), None), (Some(3), Some(5)));
        assert_eq!(codes("2020-12-30", e, Some("2021-01-02"), None), (Some(2), Some(2)), "across a year");
        let range = RecordDates::new("2021-06-28", e, Some("2021-07-04"), None);
        assert_eq!(range.last_day.unwrap().iso(), "2021-07-04");
        let backwards = RecordDates::new("2021-06-28", e, Some("2021-06-01"), None);
        assert_eq!(backwards.last_day.unwrap().iso(), "2021-06-28", "an end before the start is ignored");
    }

    #[test]
    fn the_coders_precision_wins_and_a_publication_date_is_a_week() {
        let e = DateBasis::Event;
        assert_eq!(codes("2021-06-28", e, None, Some("week")), (Some(2), Some(3)));
        assert_eq!(codes("2021-06-28", e, None, Some("month")), (Some(3), Some(4)));
        assert_eq!(codes("2021-06-28", e, Some("2021-06-30"), Some("day")), (Some(1), Some(1)));
        assert_eq!(codes("2021-06-29", DateBasis::Publication, None, None), (Some(2), Some(3)));
        assert_eq!(codes("", DateBasis::Unknown, None, None), (None, None));
        assert_eq!(codes("2021-02-30", e, None, None), (None, None), "not a day");
    }
}
