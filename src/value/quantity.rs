//! A quantity as news states it, and the one rule by which it widens
//! before two claims are compared.
//!
//! Every numeric kind (money, counts, durations, and later lengths, speeds
//! and masses) holds a [`Quantity`]: what the words *state* (a number, a
//! range, a bound, a round magnitude), how precisely the number was
//! written, and which hedge stood before it. Keeping these apart, instead
//! of baking one widened interval in at read time, is what lets a fact or
//! the configuration choose the hedge width, and lets the comparison say
//! which step made two values agree.
//!
//! The widening rule, applied by [`Quantity::span`] and documented with
//! worked numbers in `docs/rules.md`:
//!
//! 1. **Written precision.** A number written in digits stands for
//!    everything that rounds to it: "$152 million" is `[151.5M, 152.5M)`,
//!    "2.4 miles" is `[2.35, 2.45)`. Words ("two", "a dozen") and round
//!    magnitudes ("hundreds of millions") are exact as stated. A bound
//!    ("more than 500") is a threshold the writer chose, not a measurement,
//!    and is not widened.
//! 2. **Hedge.** "about X" widens by the hedge width `w` on both sides,
//!    "nearly X" below only, "just over X" above only. `w` is set per fact
//!    (`hedge = 0.05`), per kind in factlint.toml (`[hedge] duration =
//!    0.05`), and defaults to [`DEFAULT_HEDGE`].
//! 3. **Tolerance.** The fact's relative `tolerance` widens both ends.
//!
//! Two quantities conflict only when the resulting intervals are disjoint.
//! A vague quantity ("several", "numerous") never conflicts on its own.

use super::interval::{self, Interval};
use std::fmt;

/// The hedge width used when neither the fact nor the configuration sets
/// one: ten percent is how far newsroom usage of "nearly" and "about"
/// stretches before an editor would call the figure wrong.
pub const DEFAULT_HEDGE: f64 = 0.1;

/// The approximating word before a number; bounds ("over", "up to") are
/// not hedges but part of the stated interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hedge {
    None,
    /// "about", "around", "roughly", "some", "an estimated", "~".
    About,
    /// "nearly", "almost", "just under", "close to": at most the number.
    Nearly,
    /// "just over", "just above": at least the number.
    JustOver,
}

impl Hedge {
    pub fn word(self) -> Option<&'static str> {
        match self {
            Hedge::None => None,
            Hedge::About => Some("about"),
            Hedge::Nearly => Some("nearly"),
            Hedge::JustOver => Some("just over"),
        }
    }
}

/// A stated quantity; see the module doc for how it widens.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// What the words say, before any widening.
    pub stated: Interval,
    /// Half a unit of the last digit written (0 for words, bounds and
    /// round magnitudes), in the same unit as `stated`.
    pub precision: f64,
    pub hedge: Hedge,
    /// The vague word ("several", "numerous") when the quantity names no
    /// number; it is shown, never compared.
    pub vague: Option<String>,
}

impl Quantity {
    /// Exactly as stated, no precision, no hedge.
    pub fn exact(stated: Interval) -> Quantity {
        Quantity {
            stated,
            precision: 0.0,
            hedge: Hedge::None,
            vague: None,
        }
    }

    /// A vague quantity: `word` with the interval it suggests (shown in
    /// JSON, never compared).
    pub fn vague(word: &str, suggests: Interval) -> Quantity {
        Quantity {
            vague: Some(word.to_string()),
            ..Quantity::exact(suggests)
        }
    }

    /// Whether the words state one exact number.
    pub fn is_point(&self) -> bool {
        self.vague.is_none() && self.hedge == Hedge::None && self.stated.is_point()
    }

    /// Multiplies everything by `k`, e.g. a magnitude or a unit's size.
    pub fn scale(&self, k: f64) -> Quantity {
        Quantity {
            stated: self.stated.scale(k),
            precision: self.precision * k,
            ..self.clone()
        }
    }

    /// The interval compared: the stated one widened by precision, then
    /// the hedge of width `hedge`, then the relative `tolerance`.
    pub fn span(&self, hedge: f64, tolerance: f64) -> Interval {
        let mut i = self.stated;
        if self.precision > 0.0 {
            // Rounding is half-open: "2" is [1.5, 2.5), "3" is [2.5, 3.5).
            i.lo -= self.precision;
            if i.hi.is_finite() {
                i.hi += self.precision;
                i.hi_open = true;
            }
        }
        match self.hedge {
            Hedge::None => {}
            Hedge::About => {
                i.lo -= hedge * self.stated.lo.abs();
                i.hi += hedge * self.stated.hi.abs();
            }
            Hedge::Nearly if self.stated.hi.is_finite() => {
                i.lo -= hedge * self.stated.hi.abs();
            }
            Hedge::JustOver => i.hi += hedge * self.stated.hi.abs(),
            Hedge::Nearly => {}
        }
        i.widen(tolerance)
    }

    /// Whether both can be true, with the hedge width and tolerance of the
    /// fact they belong to.
    pub fn compatible(&self, other: &Quantity, hedge: f64, tolerance: f64) -> bool {
        self.vague.is_some()
            || other.vague.is_some()
            || self
                .span(hedge, tolerance)
                .overlaps(&other.span(hedge, tolerance))
    }

    /// The interval shown to a reader: the stated one with the default
    /// hedge applied (precision is implied by the digits and not shown).
    pub fn shown(&self) -> Interval {
        Quantity {
            precision: 0.0,
            ..self.clone()
        }
        .span(DEFAULT_HEDGE, 0.0)
    }

    /// Writes the quantity with `prefix` before each number (a currency).
    pub fn write(
        &self,
        f: &mut fmt::Formatter<'_>,
        prefix: &str,
        num: impl Fn(f64) -> String,
    ) -> fmt::Result {
        match &self.vague {
            Some(word) => write!(f, "{prefix}{word}"),
            None => interval::write_interval(f, &self.shown(), prefix, num),
        }
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, "", interval::compact)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(x: f64, precision: f64) -> Quantity {
        Quantity {
            precision,
            ..Quantity::exact(Interval::point(x))
        }
    }

    #[test]
    fn precision_is_half_open_rounding() {
        let two = digits(2.0, 0.5);
        let three = digits(3.0, 0.5);
        assert!(!two.compatible(&three, DEFAULT_HEDGE, 0.0));
        assert!(two.compatible(&Quantity::exact(Interval::point(2.0)), 0.1, 0.0));
        // 2.4 rounds from [2.35, 2.45).
        let s = digits(2.4, 0.05).span(0.1, 0.0);
        assert!((s.lo - 2.35).abs() < 1e-9 && (s.hi - 2.45).abs() < 1e-9 && s.hi_open);
    }

    #[test]
    fn hedge_width_decides_about_12_against_about_11() {
        let about = |x| Quantity {
            hedge: Hedge::About,
            ..digits(x, 0.5)
        };
        // Default ten percent: [10.35, 13.75) and [9.45, 12.65) overlap.
        assert!(about(12.0).compatible(&about(11.0), DEFAULT_HEDGE, 0.0));
        // A fact that sets `hedge = 0.02`: [11.27, 12.75) and [10.29, 11.73)
        // still overlap; precision alone makes them adjacent. At 0 they
        // are disjoint.
        assert!(!about(12.0).compatible(&about(11.0), 0.0, 0.0));
    }

    #[test]
    fn vague_never_conflicts() {
        let several = Quantity::vague("several", Interval::half_open(3.0, 10.0));
        assert!(several.compatible(&digits(200.0, 0.5), 0.1, 0.0));
        assert_eq!(several.to_string(), "several");
    }

    #[test]
    fn bounds_are_not_widened_by_hedge_or_shown_with_it() {
        let over = Quantity::exact(Interval::more_than(500.0));
        assert_eq!(over.to_string(), "more than 500");
        assert!(!over.compatible(&Quantity::exact(Interval::point(500.0)), 0.1, 0.0));
    }
}
