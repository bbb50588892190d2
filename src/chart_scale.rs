//! Where things go in the cost chart: logarithmic volume across, cost up.
//! Positions only; every figure the chart prints comes exact from the engine.

use calculator::format::fixed;
use calculator::CURVE_FROM;
use pricing::limits::VOLUME_MAX;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The drawing area inside the SVG's view box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Frame {
    /// The bottom edge.
    pub fn bottom(&self) -> f64 {
        self.top + self.height
    }
}

fn log(value: f64) -> f64 {
    value.max(f64::MIN_POSITIVE).log10()
}

/// The x of a monthly volume; volumes below the curve's start sit on its left edge.
pub fn x_of(frame: &Frame, volume: u64) -> f64 {
    let (low, high) = (log(CURVE_FROM as f64), log(VOLUME_MAX as f64));
    let at = log(volume.max(CURVE_FROM) as f64);
    frame.left + (at - low) / (high - low) * frame.width
}

/// The volume at an x, the inverse of [`x_of`].
pub fn volume_at_x(frame: &Frame, x: f64) -> f64 {
    let (low, high) = (log(CURVE_FROM as f64), log(VOLUME_MAX as f64));
    let fraction = ((x - frame.left) / frame.width).clamp(0.0, 1.0);
    10f64.powf(low + fraction * (high - low))
}

/// A vertical scale over `low..=high`, logarithmic or linear.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Vertical {
    /// The value at the bottom.
    pub low: f64,
    /// The value at the top.
    pub high: f64,
    /// Powers of ten evenly spaced, rather than values.
    pub logarithmic: bool,
}

impl Vertical {
    /// The y of an amount.
    pub fn y_of(&self, frame: &Frame, amount: Decimal) -> f64 {
        self.y_of_value(frame, amount.to_f64().unwrap_or(0.0))
    }

    /// The y of a value already placed on the axis, such as a tick.
    pub fn y_of_value(&self, frame: &Frame, value: f64) -> f64 {
        let (value, low, high) = if self.logarithmic {
            (log(value), log(self.low), log(self.high))
        } else {
            (value, self.low, self.high)
        };
        let span = if high > low { high - low } else { 1.0 };
        frame.bottom() - ((value - low) / span).clamp(0.0, 1.0) * frame.height
    }

    /// Round values to label the axis with: powers of ten, or fifths of a linear range.
    pub fn ticks(&self) -> Vec<f64> {
        if self.logarithmic {
            let (from, to) = (log(self.low).ceil() as i32, log(self.high).floor() as i32);
            (from..=to).map(|e| 10f64.powi(e)).collect()
        } else {
            (0..=4)
                .map(|i| self.low + (self.high - self.low) * f64::from(i) / 4.0)
                .collect()
        }
    }
}

/// An SVG path through points.
pub fn path(points: impl IntoIterator<Item = (f64, f64)>) -> String {
    let mut out = String::new();
    for (i, (x, y)) in points.into_iter().enumerate() {
        out.push_str(if i == 0 { "M" } else { " L" });
        out.push_str(&coord(x));
        out.push(',');
        out.push_str(&coord(y));
    }
    out
}

/// A coordinate to one decimal, as SVG attributes take it.
pub fn coord(value: f64) -> String {
    fixed(value, 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_points_with_one_decimal() {
        assert_eq!(path([(1.0, 2.25), (3.04, 4.0)]), "M1.0,2.3 L3.0,4.0");
    }
}
