//! Partial dates and periods, as sources give them: "2014", "2014-10", "2014-10-16", and
//! ranges such as "2014-10-16/2014-10-18" or "1997-05-03/..".
//!
//! A partial date stands for every day it covers: "2014" is 1 January to 31 December
//! 2014, so it overlaps "2014-10-16" and contains it, while "2014-10-16" does not contain
//! "2014". Ordering sorts by the first day covered, then by the last, so a year comes
//! before its months and a month before its days when they start together.
//!
//! ```
//! use kzrel_core::time::{PartialDate, Period};
//! let year: PartialDate = "2014".parse()?;
//! let day: PartialDate = "2014-10-16".parse()?;
//! assert!(year.overlaps(&day) && year.contains(&day) && !day.contains(&year));
//! assert!(year < day);
//!
//! let forum: Period = "2014-10-16/2014-10-18".parse()?;
//! assert!(forum.includes(&"2014".parse()?) && !forum.includes(&"2014-11".parse()?));
//! let ongoing: Period = "2022-06-08/..".parse()?;
//! assert!(ongoing.includes(&"2030".parse()?));
//! assert_eq!(ongoing.to_string(), "2022-06-08/..");
//! # Ok::<(), kzrel_core::time::DateError>(())
//! ```

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use time::{Date, Month};

/// A date known to the year, the month or the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    year: i16,
    /// 1–12, or 0 when only the year is known.
    month: u8,
    /// 1–31, or 0 when the day is not known.
    day: u8,
}

/// How much of a [`PartialDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// The year only.
    Year,
    /// The year and the month.
    Month,
    /// The full date.
    Day,
}

/// A date or period that could not be read or built, with the text and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    input: String,
    reason: String,
}

impl DateError {
    fn new(input: impl Into<String>, reason: impl Into<String>) -> Self {
        Self {
            input: input.into(),
            reason: reason.into(),
        }
    }

    /// The text (or the numbers, written as a date) that was rejected.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What was wrong with it.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "invalid date {:?}: {} (write YYYY, YYYY-MM or YYYY-MM-DD; a period as START/END, \
             with .. for an open end)",
            self.input, self.reason
        )
    }
}

impl std::error::Error for DateError {}

/// Years a partial date may name: the field's sources reach back centuries, not millennia.
const YEARS: std::ops::RangeInclusive<i16> = 1..=9999;

impl PartialDate {
    /// A date known to the year.
    pub fn year(year: i16) -> Result<Self, DateError> {
        Self::new(year, 0, 0)
    }

    /// A date known to the month (1–12).
    pub fn month(year: i16, month: u8) -> Result<Self, DateError> {
        if month == 0 {
            return Err(DateError::new(
                format!("{year:04}-00"),
                "month 0 is not 1–12",
            ));
        }
        Self::new(year, month, 0)
    }

    /// A full date.
    pub fn day(year: i16, month: u8, day: u8) -> Result<Self, DateError> {
        if month == 0 || day == 0 {
            return Err(DateError::new(
                format!("{year:04}-{month:02}-{day:02}"),
                "month and day start at 1",
            ));
        }
        Self::new(year, month, day)
    }

    fn new(year: i16, month: u8, day: u8) -> Result<Self, DateError> {
        let shown = Self { year, month, day }.to_string();
        if !YEARS.contains(&year) {
            return Err(DateError::new(shown, format!("year {year} is not 1–9999")));
        }
        if month > 12 {
            return Err(DateError::new(shown, format!("month {month} is not 1–12")));
        }
        if day > 0 {
            let last = days_in_month(year, month);
            if day > last {
                return Err(DateError::new(
                    shown,
                    format!("day {day} is past the month's last day, {last}"),
                ));
            }
        }
        Ok(Self { year, month, day })
    }

    /// Today's date (UTC), to the day: the default `as_of` of lookups.
    pub fn today() -> Self {
        let d = time::OffsetDateTime::now_utc().date();
        // The clock's year is far inside 1–9999.
        Self {
            year: i16::try_from(d.year()).unwrap_or(9999),
            month: u8::from(d.month()),
            day: d.day(),
        }
    }

    /// How much of the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (0, _) => Precision::Year,
            (_, 0) => Precision::Month,
            _ => Precision::Day,
        }
    }

    /// The year.
    pub fn year_number(&self) -> i16 {
        self.year
    }

    /// The month (1–12), if known.
    pub fn month_number(&self) -> Option<u8> {
        (self.month > 0).then_some(self.month)
    }

    /// The day of the month, if known.
    pub fn day_number(&self) -> Option<u8> {
        (self.day > 0).then_some(self.day)
    }

    /// The first day the date covers.
    pub fn first_day(&self) -> Date {
        calendar(self.year, self.month.max(1), self.day.max(1))
    }

    /// The last day the date covers.
    pub fn last_day(&self) -> Date {
        let month = if self.month == 0 { 12 } else { self.month };
        let day = if self.day == 0 {
            days_in_month(self.year, month)
        } else {
            self.day
        };
        calendar(self.year, month, day)
    }

    /// Whether the two dates share a day: "2014" and "2014-10-16" do.
    pub fn overlaps(&self, other: &PartialDate) -> bool {
        self.first_day() <= other.last_day() && other.first_day() <= self.last_day()
    }

    /// Whether every day of `other` is a day of this date.
    pub fn contains(&self, other: &PartialDate) -> bool {
        self.first_day() <= other.first_day() && other.last_day() <= self.last_day()
    }
}

/// A valid calendar date; the constructors have checked the fields.
fn calendar(year: i16, month: u8, day: u8) -> Date {
    Month::try_from(month)
        .ok()
        .and_then(|m| Date::from_calendar_date(i32::from(year), m, day).ok())
        .unwrap_or(Date::MIN)
}

fn days_in_month(year: i16, month: u8) -> u8 {
    Month::try_from(month).map_or(31, |m| time::util::days_in_month(m, i32::from(year)))
}

impl Ord for PartialDate {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.first_day(), self.last_day()).cmp(&(other.first_day(), other.last_day()))
    }
}

impl PartialOrd for PartialDate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if self.month > 0 {
            write!(f, "-{:02}", self.month)?;
        }
        if self.day > 0 {
            write!(f, "-{:02}", self.day)?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = |reason: &str| DateError::new(s, reason);
        let mut parts = s.split('-');
        let year = parts.next().unwrap_or_default();
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad("the year must be four digits"));
        }
        let year: i16 = year
            .parse()
            .map_err(|_| bad("the year must be four digits"))?;
        let mut field = |what: &str| -> Result<Option<u8>, DateError> {
            match parts.next() {
                None => Ok(None),
                Some(p) if p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()) => {
                    p.parse().map(Some).map_err(|_| bad(what))
                }
                Some(_) => Err(bad(what)),
            }
        };
        let month = field("the month must be two digits")?;
        let day = field("the day must be two digits")?;
        if parts.next().is_some() {
            return Err(bad("too many parts"));
        }
        let built = match (month, day) {
            (Some(m), Some(d)) => Self::day(year, m, d),
            (Some(m), None) => Self::month(year, m),
            (None, _) => Self::year(year),
        };
        // Report the text as given, not as rebuilt.
        built.map_err(|e| DateError::new(s, e.reason))
    }
}

/// Serde as the written form: `"2014-10"`, `"1997/.."`.
macro_rules! serde_as_text {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}

serde_as_text!(PartialDate, Period);

/// A span of time between two partial dates, either end open (unknown or ongoing).
///
/// Written `START/END` with `..` for an open end ("1997/..", "../2022-06-07"); a single
/// partial date is the period of the days it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Period {
    start: Option<PartialDate>,
    end: Option<PartialDate>,
}

impl Period {
    /// A period from `start` to `end`; an error if it ends before it starts.
    pub fn new(start: Option<PartialDate>, end: Option<PartialDate>) -> Result<Self, DateError> {
        if let (Some(s), Some(e)) = (start, end) {
            if e.last_day() < s.first_day() {
                return Err(DateError::new(
                    format!("{s}/{e}"),
                    "the period ends before it starts",
                ));
            }
        }
        Ok(Self { start, end })
    }

    /// The period without bounds: always.
    pub fn always() -> Self {
        Self::default()
    }

    /// The days of one partial date.
    pub fn of(date: PartialDate) -> Self {
        Self {
            start: Some(date),
            end: Some(date),
        }
    }

    /// Where it starts, if known.
    pub fn start(&self) -> Option<PartialDate> {
        self.start
    }

    /// Where it ends, if it has ended (or the end is known).
    pub fn end(&self) -> Option<PartialDate> {
        self.end
    }

    /// Whether the period may include some day of `date`: the date overlaps it. Open ends
    /// reach as far as they need to.
    pub fn includes(&self, date: &PartialDate) -> bool {
        self.start.is_none_or(|s| s.first_day() <= date.last_day())
            && self.end.is_none_or(|e| date.first_day() <= e.last_day())
    }

    /// Whether the two periods share a day.
    pub fn overlaps(&self, other: &Period) -> bool {
        let starts_before_other_ends = match (self.start, other.end) {
            (Some(s), Some(e)) => s.first_day() <= e.last_day(),
            _ => true,
        };
        let other_starts_before_end = match (other.start, self.end) {
            (Some(s), Some(e)) => s.first_day() <= e.last_day(),
            _ => true,
        };
        starts_before_other_ends && other_starts_before_end
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.start, self.end) {
            (Some(s), Some(e)) if s == e => write!(f, "{s}"),
            (s, e) => {
                match s {
                    Some(s) => write!(f, "{s}")?,
                    None => f.write_str("..")?,
                }
                f.write_str("/")?;
                match e {
                    Some(e) => write!(f, "{e}"),
                    None => f.write_str(".."),
                }
            }
        }
    }
}

impl FromStr for Period {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bound = |part: &str| -> Result<Option<PartialDate>, DateError> {
            match part {
                ".." => Ok(None),
                p => p
                    .parse()
                    .map(Some)
                    .map_err(|e: DateError| DateError::new(s, e.reason)),
            }
        };
        match s.split_once('/') {
            None => bound(s)?
                .map(Period::of)
                .ok_or_else(|| DateError::new(s, "a period needs at least one date")),
            Some((a, b)) => {
                Period::new(bound(a)?, bound(b)?).map_err(|e| DateError::new(s, e.reason))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    fn p(s: &str) -> Period {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn partial_dates_cover_their_days() {
        assert_eq!(d("2014").first_day().to_string(), "2014-01-01");
        assert_eq!(d("2014").last_day().to_string(), "2014-12-31");
        assert_eq!(d("2016-02").last_day().to_string(), "2016-02-29");
        assert_eq!(d("2014-02").last_day().to_string(), "2014-02-28");
        assert!(d("2014").overlaps(&d("2014-10-16")));
        assert!(d("2014-10").overlaps(&d("2014-10-16")));
        assert!(!d("2014-09").overlaps(&d("2014-10-16")));
        assert!(d("2014").contains(&d("2014-10")));
        assert!(!d("2014-10").contains(&d("2014")));
        assert_eq!(d("2014-10").precision(), Precision::Month);
    }

    #[test]
    fn order_is_by_first_then_last_day() {
        let mut v = [
            d("2014-10-16"),
            d("2014-10"),
            d("2015"),
            d("2014"),
            d("2014-10-01"),
        ];
        v.sort();
        let shown: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            ["2014", "2014-10-01", "2014-10", "2014-10-16", "2015"]
        );
    }

    #[test]
    fn bad_dates_say_what_is_wrong() {
        for (input, reason) in [
            ("14", "four digits"),
            ("2014-1", "month must be two digits"),
            ("2014-13", "month 13"),
            ("2014-00", "month 0"),
            ("2015-02-29", "last day, 28"),
            ("2014-10-16-1", "too many parts"),
            ("0000", "year 0"),
            ("２０１４", "four digits"),
        ] {
            let e = input.parse::<PartialDate>().unwrap_err();
            assert_eq!(e.input(), input);
            assert!(e.to_string().contains(reason), "{input}: {e}");
        }
        assert!(PartialDate::day(2014, 0, 1).is_err());
    }

    #[test]
    fn periods_read_and_write_iso_intervals() {
        for s in [
            "2014-10-16/2014-10-18",
            "1997/..",
            "../2022-06-07",
            "2014",
            "../..",
        ] {
            assert_eq!(p(s).to_string(), s);
        }
        assert_eq!(p("2014/2014").to_string(), "2014");
        let e = "2022/1997".parse::<Period>().unwrap_err();
        assert!(e.to_string().contains("ends before it starts"), "{e}");
        assert_eq!(e.input(), "2022/1997");
        assert!("2014/2015-13".parse::<Period>().is_err());
        assert!("..".parse::<Period>().is_err());
    }

    #[test]
    fn periods_include_and_overlap() {
        let span = p("1997-05-03/2022-06-07");
        assert!(span.includes(&d("1997")));
        assert!(span.includes(&d("2022-06")));
        assert!(!span.includes(&d("2022-06-08")));
        assert!(!span.includes(&d("1996")));
        assert!(p("2022-06-08/..").includes(&d("2030")));
        assert!(Period::always().includes(&d("0001")));
        assert!(span.overlaps(&p("2022/..")));
        assert!(!span.overlaps(&p("2022-06-08/..")));
        assert!(p("../1997").overlaps(&p("1997-12/..")));
    }

    #[test]
    fn serde_uses_the_written_form() {
        let v: Vec<Period> = serde_json::from_str(r#"["2014", "1997/.."]"#).unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), r#"["2014","1997/.."]"#);
        let e = serde_json::from_str::<PartialDate>(r#""2014-13""#).unwrap_err();
        assert!(e.to_string().contains("month 13"), "{e}");
    }
}
