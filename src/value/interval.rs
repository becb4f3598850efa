//! Closed-or-half-open numeric intervals: the common currency of every
//! quantitative value kind.
//!
//! News text rarely states an exact number: "over $100 million", "nearly a
//! decade", "hundreds of millions of dollars". Rather than guessing a point,
//! each such phrase becomes the interval of values it admits, and two claims
//! agree exactly when their intervals overlap. Either bound may be open, so
//! that strict wording keeps its meaning: "hundreds of millions" is
//! `[1e8, 1e9)` and does not admit "$1 billion"; "more than 500" is
//! `(500, ∞)` and does not admit "500"; "less than three minutes" is
//! `[0, 3)`.

use std::fmt;

/// A range of real numbers `[lo, hi]` or `[lo, hi)`; `hi` may be infinite.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
    /// `true` when `lo` itself is excluded ("more than", "over").
    pub lo_open: bool,
    /// `true` when `hi` itself is excluded ("under", "fewer than").
    pub hi_open: bool,
}

impl Interval {
    /// Exactly `x`.
    pub fn point(x: f64) -> Self {
        Interval {
            lo: x,
            hi: x,
            lo_open: false,
            hi_open: false,
        }
    }

    /// `[lo, hi]`; the bounds are swapped if given in the wrong order.
    pub fn closed(lo: f64, hi: f64) -> Self {
        Interval {
            lo: lo.min(hi),
            hi: lo.max(hi),
            lo_open: false,
            hi_open: false,
        }
    }

    /// `[lo, hi)`: the shape of "hundreds of millions".
    pub fn half_open(lo: f64, hi: f64) -> Self {
        Interval {
            lo,
            hi,
            lo_open: false,
            hi_open: true,
        }
    }

    /// `[x, ∞)`: "at least", "$100M+", "or more".
    pub fn at_least(x: f64) -> Self {
        Interval {
            lo: x,
            hi: f64::INFINITY,
            lo_open: false,
            hi_open: true,
        }
    }

    /// `(x, ∞)`: "over", "more than", "upwards of".
    pub fn more_than(x: f64) -> Self {
        Interval {
            lo_open: true,
            ..Interval::at_least(x)
        }
    }

    /// `[0, x]`: "up to", "at most", "as many as".
    pub fn at_most(x: f64) -> Self {
        Interval {
            lo: 0.0,
            hi: x,
            lo_open: false,
            hi_open: false,
        }
    }

    /// `[0, x)`: "under", "less than", "fewer than".
    pub fn under(x: f64) -> Self {
        Interval {
            hi_open: true,
            ..Interval::at_most(x)
        }
    }

    pub fn is_point(&self) -> bool {
        self.lo == self.hi && !self.hi_open && !self.lo_open
    }

    /// Whether some number lies in both intervals.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let below = |a: &Interval, b: &Interval| {
            // `a` lies entirely below `b`.
            if a.hi_open || b.lo_open {
                a.hi <= b.lo
            } else {
                a.hi < b.lo
            }
        };
        !below(self, other) && !below(other, self)
    }

    /// Scales both bounds, e.g. to turn "150 million" into 150e6.
    pub fn scale(&self, factor: f64) -> Self {
        Interval {
            lo: self.lo * factor,
            hi: self.hi * factor,
            ..*self
        }
    }

    /// Widens the interval by a relative tolerance on each side
    /// (`0.05` turns 100 into `[95, 105]`). Used when a rule declares a
    /// `tolerance`, so that rounding in one outlet is not a conflict.
    pub fn widen(&self, tolerance: f64) -> Self {
        if tolerance <= 0.0 {
            return *self;
        }
        Interval {
            lo: self.lo * (1.0 - tolerance),
            hi: self.hi * (1.0 + tolerance),
            ..*self
        }
    }
}

/// Formats a magnitude compactly, as an editor would write it in a margin:
/// `150M`, `4.5B`, `40M`, `725M`, `2`, `12.5K`.
pub fn compact(x: f64) -> String {
    if x.is_infinite() {
        return "∞".to_string();
    }
    let (div, suffix) = match x.abs() {
        a if a >= 1e12 => (1e12, "T"),
        a if a >= 1e9 => (1e9, "B"),
        a if a >= 1e6 => (1e6, "M"),
        a if a >= 1e4 => (1e3, "K"),
        _ => (1.0, ""),
    };
    let scaled = x / div;
    let mut s = format!("{scaled:.3}");
    while s.contains('.') && (s.ends_with('0') || s.ends_with('.')) {
        s.pop();
    }
    format!("{s}{suffix}")
}

impl fmt::Display for Interval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_interval(f, self, "", compact)
    }
}

/// Writes an interval in words an editor reads without knowing interval
/// notation: `150M`, `at least 100M`, `more than 100M`, `at most 5`,
/// `under 3`, `100M to 1B`.
/// `prefix` goes before every number (a currency code, say).
pub fn write_interval(
    f: &mut fmt::Formatter<'_>,
    i: &Interval,
    prefix: &str,
    num: impl Fn(f64) -> String,
) -> fmt::Result {
    if i.is_point() {
        write!(f, "{prefix}{}", num(i.lo))
    } else if i.hi.is_infinite() {
        let word = if i.lo_open { "more than" } else { "at least" };
        write!(f, "{word} {prefix}{}", num(i.lo))
    } else if i.lo <= 0.0 && !i.lo_open {
        let word = if i.hi_open { "under" } else { "at most" };
        write!(f, "{word} {prefix}{}", num(i.hi))
    } else {
        write!(f, "{prefix}{} to {prefix}{}", num(i.lo), num(i.hi))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_open_upper_bound_excludes_the_bound() {
        let hundreds_of_millions = Interval::half_open(1e8, 1e9);
        assert!(!hundreds_of_millions.overlaps(&Interval::point(1e9)));
        assert!(hundreds_of_millions.overlaps(&Interval::point(1.5e8)));
        assert!(hundreds_of_millions.overlaps(&Interval::point(1e8)));
    }

    #[test]
    fn unbounded_intervals_overlap_everything_above() {
        let over = Interval::at_least(1e8);
        assert!(over.overlaps(&Interval::point(5e9)));
        assert!(!over.overlaps(&Interval::point(9e7)));
        assert!(over.overlaps(&Interval::at_most(1e8)));
    }

    #[test]
    fn strict_bounds_exclude_their_number() {
        assert!(!Interval::more_than(500.0).overlaps(&Interval::point(500.0)));
        assert!(Interval::at_least(500.0).overlaps(&Interval::point(500.0)));
        assert!(!Interval::under(3.0).overlaps(&Interval::point(3.0)));
        assert!(Interval::at_most(3.0).overlaps(&Interval::point(3.0)));
        assert!(!Interval::under(3.0).overlaps(&Interval::more_than(3.0)));
        assert_eq!(Interval::more_than(5e8).to_string(), "more than 500M");
        assert_eq!(Interval::under(3.0).to_string(), "under 3");
    }

    #[test]
    fn widen_is_relative() {
        let w = Interval::point(100.0).widen(0.05);
        assert_eq!((w.lo, w.hi), (95.0, 105.0));
        assert!(!Interval::point(100.0).overlaps(&Interval::point(104.0)));
        assert!(w.overlaps(&Interval::point(104.0)));
    }

    #[test]
    fn compact_numbers() {
        assert_eq!(compact(150e6), "150M");
        assert_eq!(compact(4.5e9), "4.5B");
        assert_eq!(compact(2.0), "2");
        assert_eq!(compact(12_500.0), "12.5K");
        assert_eq!(compact(284e6), "284M");
        assert_eq!(Interval::half_open(1e8, 1e9).to_string(), "100M to 1B");
        assert_eq!(Interval::at_least(5e8).to_string(), "at least 500M");
    }
}
