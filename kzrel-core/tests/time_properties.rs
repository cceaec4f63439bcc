//! Property tests of partial dates and periods.

use kzrel_core::time::{PartialDate, Period, Precision};
use proptest::prelude::*;

fn any_date() -> impl Strategy<Value = PartialDate> {
    (1i16..=9999, 0u8..=12, 0u8..=31).prop_filter_map("a valid date", |(y, m, d)| match (m, d) {
        (0, _) => PartialDate::year(y).ok(),
        (m, 0) => PartialDate::month(y, m).ok(),
        (m, d) => PartialDate::day(y, m, d).ok(),
    })
}

proptest! {
    #[test]
    fn dates_round_trip_and_agree(a in any_date(), b in any_date()) {
        prop_assert_eq!(a.to_string().parse::<PartialDate>().unwrap(), a);
        prop_assert!(a.first_day() <= a.last_day());
        prop_assert!(a.contains(&a) && a.overlaps(&a));
        if a.contains(&b) {
            prop_assert!(a.overlaps(&b));
            prop_assert!(a.precision() <= b.precision() || a == b);
        }
        prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
        prop_assert_eq!(a.cmp(&b) == std::cmp::Ordering::Equal, a == b);
        if a.precision() == Precision::Day && b.precision() == Precision::Day {
            prop_assert_eq!(a.overlaps(&b), a == b);
        }
    }

    #[test]
    fn periods_round_trip_and_include_their_ends(a in any_date(), b in any_date()) {
        let (start, end) = if a.first_day() <= b.last_day() { (a, b) } else { (b, a) };
        if let Ok(p) = Period::new(Some(start), Some(end)) {
            prop_assert_eq!(p.to_string().parse::<Period>().unwrap(), p);
            prop_assert!(p.includes(&start) && p.includes(&end));
            prop_assert!(p.overlaps(&Period::of(start)));
        }
        let open: Period = format!("{start}/..").parse().unwrap();
        prop_assert!(open.includes(&end) || end.last_day() < start.first_day());
    }

    #[test]
    fn no_text_panics(s in "\\PC{0,24}") {
        let _ = s.parse::<PartialDate>();
        let _ = s.parse::<Period>();
    }
}
