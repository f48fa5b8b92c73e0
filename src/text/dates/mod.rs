//! Arabic date expressions resolved against the article's publication date: "مساء أمس" in an article of 29
//! June is the evening of the 28th. Covers relative days (اليوم، أمس، أول أمس، قبل ثلاثة أيام), weekdays (ليل
//! الأحد، يوم الاثنين الماضي), day and month names of every regional calendar (28 حزيران / يونيو / جوان, with
//! or without a year), Hijri dates (15 رمضان 1442), numeric dates, years, the last or current week, month and
//! year, and ranges (بين 20 و25 حزيران، من الأحد إلى الثلاثاء), in Arabic-Indic digits too. The result is a
//! day, a month or a year, or a range of days, with the part of the day when the expression names one.
//!
//! Rules where the words leave a choice (documented so that a coder can predict them):
//! - a weekday alone is the latest such day on or before the publication date ("الماضي": strictly before;
//!   "المقبل": strictly after); "ليل الأحد" is Sunday, at night;
//! - a day and month without a year take the year that puts them nearest the publication date ("الماضي":
//!   the latest on or before it);
//! - Hijri dates follow the Umm al-Qura calendar.

mod calendar;
mod lexicon;
#[cfg(test)]
mod tests;

pub use calendar::CivilDate;
pub use lexicon::DayPart;

use crate::text::normalize::normalize;
use lexicon::{CURRENT, Calendar, DAY_PARTS, MONTHS, NEXT, NUMBER_WORDS, PAST, RELATIVE_DAYS, WEEKDAYS};
use std::fmt;

/// How much of a date an expression gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DatePrecision {
    /// A day (or a range of days).
    Day,
    /// A month.
    Month,
    /// A year.
    Year,
}

/// What a date expression resolved to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateReading {
    /// The first day it covers.
    pub start: CivilDate,
    /// The last day it covers (the same as `start` for one day).
    pub end: CivilDate,
    /// Whether it names a day, a month or a year.
    pub precision: DatePrecision,
    /// The part of the day it names, if any.
    pub part: Option<DayPart>,
}

impl DateReading {
    fn day(d: CivilDate) -> DateReading {
        DateReading { start: d, end: d, precision: DatePrecision::Day, part: None }
    }

    fn days(start: CivilDate, end: CivilDate) -> DateReading {
        DateReading { start, end, precision: DatePrecision::Day, part: None }
    }

    fn month(first: CivilDate) -> DateReading {
        DateReading { start: first, end: first.month_end(), precision: DatePrecision::Month, part: None }
    }

    fn year(year: i32) -> Option<DateReading> {
        let (start, end) = (CivilDate::new(year, 1, 1)?, CivilDate::new(year, 12, 31)?);
        Some(DateReading { start, end, precision: DatePrecision::Year, part: None })
    }

    /// The date as the model's partial dates write it (`YYYY-MM-DD`, `YYYY-MM` or `YYYY`), from its start.
    pub fn partial_date(&self) -> String {
        match self.precision {
            DatePrecision::Day => self.start.to_string(),
            DatePrecision::Month => format!("{:04}-{:02}", self.start.year, self.start.month),
            DatePrecision::Year => format!("{:04}", self.start.year),
        }
    }
}

impl fmt::Display for DateReading {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.precision == DatePrecision::Day && self.start != self.end {
            write!(f, "{} to {}", self.start, self.end)
        } else {
            f.write_str(&self.partial_date())
        }
    }
}

/// Resolves a date expression against the publication date; `None` when it names no date this module knows.
pub fn resolve(expression: &str, published: CivilDate) -> Option<DateReading> {
    let tokens = tokens(expression);
    let reading = range(&tokens, published).or_else(|| single(&tokens, published, None))?;
    Some(DateReading { part: day_part(&tokens), ..reading })
}

/// The normalized words and numbers of `expression`: digits split from letters ("28حزيران", "و25"),
/// punctuation dropped except inside a numeric date (28/6/2021).
fn tokens(expression: &str) -> Vec<String> {
    let mut out = Vec::new();
    for piece in normalize(expression).split_whitespace() {
        if numeric_date_parts(piece).is_some() {
            out.push(piece.to_owned());
            continue;
        }
        let mut current = String::new();
        let mut digits = false;
        for c in piece.chars() {
            if !c.is_alphanumeric() {
                push_token(&mut out, &mut current);
                continue;
            }
            if !current.is_empty() && c.is_ascii_digit() != digits {
                push_token(&mut out, &mut current);
            }
            digits = c.is_ascii_digit();
            current.push(c);
        }
        push_token(&mut out, &mut current);
    }
    out
}

fn push_token(out: &mut Vec<String>, current: &mut String) {
    if !current.is_empty() {
        out.push(std::mem::take(current));
    }
}

/// The forms a word may be looked up as: itself, and without the proclitics و ف (and) then ب ل ك.
fn forms(word: &str) -> Vec<&str> {
    let mut out = vec![word];
    let mut rest = word;
    for set in [&['و', 'ف'][..], &['ب', 'ل', 'ك'][..]] {
        if let Some(c) = rest.chars().next().filter(|c| set.contains(c))
            && rest.chars().count() > 2
        {
            rest = &rest[c.len_utf8()..];
            out.push(rest);
        }
    }
    out
}

/// Whether `phrase` (words separated by single spaces) occurs at `tokens[i..]`; the first word may carry
/// proclitics. Returns how many tokens it takes.
fn phrase_at(tokens: &[String], i: usize, phrase: &str) -> Option<usize> {
    let words: Vec<&str> = phrase.split(' ').collect();
    let first = tokens.get(i)?;
    if !forms(first).contains(&words[0]) {
        return None;
    }
    let rest_matches = words[1..].iter().enumerate().all(|(k, w)| tokens.get(i + 1 + k).is_some_and(|t| t == w));
    rest_matches.then_some(words.len())
}

/// The first occurrence of any of `phrases` in `tokens`: (index, tokens taken, the phrase's value).
fn find<T: Copy>(tokens: &[String], phrases: &[(&str, T)]) -> Option<(usize, usize, T)> {
    (0..tokens.len()).find_map(|i| phrases.iter().find_map(|(p, v)| phrase_at(tokens, i, p).map(|n| (i, n, *v))))
}

fn is_any(token: Option<&String>, words: &[&str]) -> bool {
    token.is_some_and(|t| forms(t).iter().any(|f| words.contains(f)))
}

/// The part of the day the expression names.
fn day_part(tokens: &[String]) -> Option<DayPart> {
    if tokens.iter().any(|t| t == "منتصف") && tokens.iter().any(|t| forms(t).iter().any(|f| f.contains("ليل")))
    {
        return Some(DayPart::Night);
    }
    find(tokens, DAY_PARTS).map(|(_, _, p)| p)
}

/// Which way a date without a year (or a weekday) is placed from the publication date.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// Nearest to it.
    Nearest,
    /// The latest on or before it (strictly before for weekdays).
    Past,
    /// After it.
    Next,
    /// The publication date's own period.
    Current,
}

/// The direction the word after `i` gives.
fn direction_after(tokens: &[String], i: usize) -> Direction {
    let next = tokens.get(i);
    if is_any(next, PAST) {
        Direction::Past
    } else if is_any(next, NEXT) {
        Direction::Next
    } else if is_any(next, CURRENT) {
        Direction::Current
    } else {
        Direction::Nearest
    }
}

/// One expression (no range). `context` gives the date of a bare day number (the first half of a range).
fn single(
    tokens: &[String],
    published: CivilDate,
    context: Option<&dyn Fn(u8) -> Option<CivilDate>>,
) -> Option<DateReading> {
    if let Some(d) = tokens.iter().find_map(|t| numeric_date(t)) {
        return Some(DateReading::day(d));
    }
    if let Some(found) = month_date(tokens, published) {
        // A month with its day and year that do not make a date (30 شباط) names nothing.
        return found;
    }
    if let Some(r) = relative(tokens, published) {
        return Some(r);
    }
    if let Some(r) = weekday(tokens, published) {
        return Some(r);
    }
    if let Some(r) = year_only(tokens) {
        return Some(r);
    }
    let context = context?;
    let day = tokens.iter().find_map(|t| day_number(t))?;
    context(day).map(DateReading::day)
}

/// A day of the month, 1 to 31.
fn day_number(token: &str) -> Option<u8> {
    token.parse::<u8>().ok().filter(|d| (1..=31).contains(d))
}

/// A year of `calendar` written in full.
fn year_number(token: &str, calendar: Calendar) -> Option<i32> {
    let y: i32 = token.parse().ok()?;
    let range = match calendar {
        Calendar::Gregorian => 1900..=2100,
        Calendar::Hijri => 1300..=1600,
    };
    range.contains(&y).then_some(y)
}

/// The three numbers of a numeric date (28/6/2021, 28-06-2021, 2021-06-28, 28.6.2021).
fn numeric_date_parts(token: &str) -> Option<[u32; 3]> {
    let sep = token.chars().find(|c| matches!(c, '/' | '-' | '.'))?;
    let parts: Vec<u32> = token.split(sep).map(|p| p.parse().ok()).collect::<Option<_>>()?;
    <[u32; 3]>::try_from(parts).ok()
}

/// A numeric date, day first unless the year is first.
fn numeric_date(token: &str) -> Option<CivilDate> {
    let [a, b, c] = numeric_date_parts(token)?;
    let (y, m, d) = if a > 31 { (a, b, c) } else { (c, b, a) };
    CivilDate::new(i32::try_from(y).ok().filter(|y| *y >= 1900)?, u8::try_from(m).ok()?, u8::try_from(d).ok()?)
}

/// A month name with what surrounds it: a day before it, a year after it (past other names of the same month,
/// "/يونيو"), or a word that places it. A month name alone is not taken: "صفر", "آب" and "ماي" are also
/// ordinary words. `Some(None)`: a month expression that names no date.
fn month_date(tokens: &[String], published: CivilDate) -> Option<Option<DateReading>> {
    let mut from = 0;
    while from < tokens.len() {
        let (i, n, (calendar, month)) = find(&tokens[from..], MONTHS)?;
        let (i, mut after) = (from + i, from + i + n);
        from = i + 1;
        while let Some((0, k, _)) = find(&tokens[after..], MONTHS) {
            after += k;
        }
        let day = i.checked_sub(1).and_then(|p| day_number(&tokens[p]));
        let year_at = (after..tokens.len().min(after + 2)).find(|&k| year_number(&tokens[k], calendar).is_some());
        let year = year_at.and_then(|k| year_number(&tokens[k], calendar));
        let direction = direction_after(tokens, year_at.map_or(after, |k| k + 1));
        let month_word_before = i.checked_sub(1).is_some_and(|p| tokens[p] == "شهر");
        if day.is_none() && year.is_none() && direction == Direction::Nearest && !month_word_before {
            continue;
        }
        let named = MonthDate { month, day, year, direction };
        return Some(match calendar {
            Calendar::Gregorian => gregorian(published, named),
            Calendar::Hijri => hijri(published, named),
        });
    }
    None
}

/// What a month expression names: the month, maybe a day and a year, and the word that places it.
#[derive(Clone, Copy)]
struct MonthDate {
    month: u8,
    day: Option<u8>,
    year: Option<i32>,
    direction: Direction,
}

/// A Gregorian day or month, its year chosen when not given.
fn gregorian(published: CivilDate, named: MonthDate) -> Option<DateReading> {
    let MonthDate { month, day, year, direction } = named;
    let make = |y: i32| CivilDate::new(y, month, day.unwrap_or(1));
    let date = match year {
        Some(y) => make(y)?,
        None => choose_year(published, published.year, direction, make)?,
    };
    Some(if day.is_some() { DateReading::day(date) } else { DateReading::month(date) })
}

/// A Hijri day (as a Gregorian day) or month (as the range of Gregorian days it covers).
fn hijri(published: CivilDate, named: MonthDate) -> Option<DateReading> {
    let MonthDate { month, day, year, direction } = named;
    let make = |y: i32| match day {
        Some(d) => calendar::from_hijri(y, month, d),
        None => calendar::hijri_month(y, month).map(|(first, _)| first),
    };
    let year = match year {
        Some(y) => y,
        None => {
            let chosen = choose_year(published, published.hijri_year(), direction, make)?;
            (published.hijri_year() - 1..=published.hijri_year() + 1).find(|y| make(*y) == Some(chosen))?
        }
    };
    match day {
        Some(d) => calendar::from_hijri(year, month, d).map(DateReading::day),
        None => calendar::hijri_month(year, month).map(|(first, last)| DateReading::days(first, last)),
    }
}

/// Of the dates `make` gives in the years around `year`, the one `direction` picks relative to `published`.
fn choose_year(
    published: CivilDate,
    year: i32,
    direction: Direction,
    make: impl Fn(i32) -> Option<CivilDate>,
) -> Option<CivilDate> {
    let candidates: Vec<CivilDate> = (year - 1..=year + 1).filter_map(make).collect();
    match direction {
        Direction::Past => candidates.into_iter().filter(|d| *d <= published).max(),
        Direction::Next => candidates.into_iter().filter(|d| *d > published).min(),
        Direction::Nearest | Direction::Current => candidates.into_iter().min_by_key(|d| d.days_since(published).abs()),
    }
}

/// Days and periods relative to the publication date: اليوم، أمس، أول أمس، قبل ثلاثة أيام، منذ يومين، الأسبوع
/// الماضي، الشهر الجاري، العام الماضي.
fn relative(tokens: &[String], published: CivilDate) -> Option<DateReading> {
    if let Some((_, _, offset)) = find(tokens, RELATIVE_DAYS) {
        return Some(DateReading::day(published.plus_days(offset)));
    }
    if let Some(days) = days_ago(tokens) {
        return Some(DateReading::day(published.plus_days(-days)));
    }
    period(tokens, published)
}

/// "قبل ثلاثة أيام", "منذ يومين", "قبل أسبوع": how many days before the publication date.
fn days_ago(tokens: &[String]) -> Option<i64> {
    let at = tokens.iter().position(|t| t == "قبل" || t == "منذ")?;
    let word = tokens.get(at + 1)?;
    let unit = tokens.get(at + 2).map(String::as_str);
    let count = word.parse::<i64>().ok().or_else(|| NUMBER_WORDS.iter().find(|(w, _)| w == word).map(|(_, n)| *n));
    match (word.as_str(), count, unit) {
        ("يوم", _, _) => Some(1),
        ("يومين", _, _) => Some(2),
        ("اسبوع", _, _) => Some(7),
        ("اسبوعين", _, _) => Some(14),
        ("ساعات" | "ساعه" | "ساعتين", _, _) => Some(0),
        (_, Some(n), Some("ايام" | "يوما" | "يوم")) => Some(n),
        (_, Some(n), Some("اسابيع")) => Some(7 * n),
        _ => None,
    }
}

/// The week, month or year before, of or after the publication date.
fn period(tokens: &[String], published: CivilDate) -> Option<DateReading> {
    let words: &[(&str, u8)] = &[("الاسبوع", 0), ("الشهر", 1), ("العام", 2), ("السنه", 2)];
    let (i, n, kind) = find(tokens, words)?;
    let before = i.checked_sub(1).map(|p| &tokens[p]);
    let direction =
        if is_any(before, &["هذا", "هذه"]) { Direction::Current } else { direction_after(tokens, i + n) };
    let step = match direction {
        Direction::Past => -1,
        Direction::Next => 1,
        Direction::Current => 0,
        Direction::Nearest => return None,
    };
    match kind {
        // A week: the seven days before (or after) the publication date, or the days of its own week so far
        // (weeks start on Saturday in most of the region).
        0 => Some(match step {
            -1 => DateReading::days(published.plus_days(-7), published.plus_days(-1)),
            1 => DateReading::days(published.plus_days(1), published.plus_days(7)),
            _ => DateReading::days(published.plus_days(-i64::from((published.weekday() + 2) % 7)), published),
        }),
        1 => {
            let first = CivilDate::new(published.year, published.month, 1)?;
            let shifted = match step {
                -1 => first.plus_days(-1),
                1 => first.month_end().plus_days(1),
                _ => first,
            };
            Some(DateReading::month(CivilDate::new(shifted.year, shifted.month, 1)?))
        }
        _ => DateReading::year(published.year + step),
    }
}

/// A weekday: the latest such day on or before the publication date, strictly before with "الماضي", after it
/// with "المقبل".
fn weekday(tokens: &[String], published: CivilDate) -> Option<DateReading> {
    let (i, n, day) = find(tokens, WEEKDAYS)?;
    let back = i64::from((published.weekday() + 7 - day) % 7);
    let date = match direction_after(tokens, i + n) {
        Direction::Past if back == 0 => published.plus_days(-7),
        Direction::Next => published.plus_days(if back == 0 { 7 } else { 7 - back }),
        _ => published.plus_days(-back),
    };
    Some(DateReading::day(date))
}

/// A year alone: "عام 2020", "في 2019".
fn year_only(tokens: &[String]) -> Option<DateReading> {
    tokens.iter().find_map(|t| year_number(t, Calendar::Gregorian)).and_then(DateReading::year)
}

/// A range: "بين 20 و25 حزيران", "من الأحد إلى الثلاثاء", "بين 28 حزيران و2 تموز". The second half is read
/// first: it gives the month and year of a bare day in the first.
fn range(tokens: &[String], published: CivilDate) -> Option<DateReading> {
    let (open, close): (usize, usize) = if let Some(b) = tokens.iter().position(|t| t == "بين") {
        (b, (b + 2..tokens.len()).find(|&k| tokens[k].starts_with('و'))?)
    } else {
        let m = tokens.iter().position(|t| t == "من")?;
        (m, (m + 2..tokens.len()).find(|&k| matches!(tokens[k].as_str(), "الي" | "حتي" | "لغايه"))?)
    };
    let mut right: Vec<String> = tokens[close + 1..].to_vec();
    if tokens[close].starts_with('و') && tokens[close].chars().count() > 1 {
        right.insert(0, tokens[close]['و'.len_utf8()..].to_owned());
    }
    let end = single(&right, published, None)?;
    let context = |day: u8| CivilDate::new(end.start.year, end.start.month, day);
    let start = single(&tokens[open + 1..close], published, Some(&context))?;
    let (mut first, last) = (start.start, end.end);
    if first > last && last.days_since(first) >= -7 {
        // Two weekdays across the publication date's week: the first is a week earlier.
        first = first.plus_days(-7);
    }
    (first <= last).then(|| DateReading::days(first, last))
}
