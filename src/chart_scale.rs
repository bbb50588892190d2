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

/// The chart's view box and its two panels, in view-box units, and the size
/// of its text: one layout for wide screens and one for phones, so that the
/// text stays readable once the SVG is scaled to the screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Layout {
    /// View-box width.
    pub width: f64,
    /// View-box height.
    pub height: f64,
    /// The total cost panel.
    pub totals: Frame,
    /// The price per call panel.
    pub per_call: Frame,
    /// Font size of every label.
    pub font: f64,
    /// Whether a tier line's label names it ("tier 10k") or gives its bound
    /// only ("10k"), where decades are too narrow for the name.
    pub named_tiers: bool,
}

impl Layout {
    /// Wide screens: the SVG is drawn at about its view-box size or larger.
    pub const WIDE: Layout = Layout {
        width: 720.0,
        height: 420.0,
        totals: Frame {
            left: 58.0,
            top: 14.0,
            width: 644.0,
            height: 220.0,
        },
        per_call: Frame {
            left: 58.0,
            top: 270.0,
            width: 644.0,
            height: 110.0,
        },
        font: 11.0,
        named_tiers: true,
    };

    /// Phones: a 360 px screen draws the 400-unit view box at about 0.82, so
    /// 15-unit text shows at 12 px or more.
    pub const NARROW: Layout = Layout {
        width: 400.0,
        height: 470.0,
        // Room on the left for the widest axis label, 1000万, at 15 units.
        totals: Frame {
            left: 62.0,
            top: 18.0,
            width: 326.0,
            height: 240.0,
        },
        per_call: Frame {
            left: 62.0,
            top: 306.0,
            width: 326.0,
            height: 120.0,
        },
        font: 15.0,
        named_tiers: false,
    };

    /// The width a label of `chars` characters takes, generously: CJK
    /// characters are about one font size wide, Latin ones about 0.6.
    pub fn label_width(&self, text: &str) -> f64 {
        text.chars()
            .map(|c| if c.is_ascii() { 0.62 } else { 1.0 })
            .sum::<f64>()
            * self.font
    }
}

/// Which side of its line a label is drawn on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Starting just right of the line.
    Right,
    /// Ending just left of the line.
    Left,
}

/// How far a label stands off its line.
pub const LABEL_OFFSET: f64 = 3.0;

/// Places a label beside each vertical line (`lines` ascending, `widths[i]`
/// the label's width) so that no label crosses another line or another
/// label: right of its line if it ends before the next line, else left of it
/// if it starts after the previous line, in the first of `rows` rows where
/// it clears the labels placed before it. `None` where nothing fits (the
/// label is left out; its line and tooltip stay). `span` bounds the first
/// and the last label.
pub fn place_labels(
    lines: &[f64],
    widths: &[f64],
    rows: usize,
    gap: f64,
    span: (f64, f64),
) -> Vec<Option<(usize, Side)>> {
    let mut ends = vec![f64::MIN; rows];
    (0..lines.len())
        .map(|i| {
            let (x, width) = (lines[i], widths[i]);
            let previous = if i == 0 { span.0 } else { lines[i - 1] };
            let next = lines.get(i + 1).copied().unwrap_or(span.1);
            let right = (x + LABEL_OFFSET, Side::Right);
            let left = (x - LABEL_OFFSET - width, Side::Left);
            [right, left].into_iter().find_map(|(start, side)| {
                let end = start + width;
                if start < previous + gap || end + gap > next {
                    return None;
                }
                let row = ends.iter().position(|&taken| taken + gap <= start)?;
                ends[row] = end;
                Some((row, side))
            })
        })
        .collect()
}

/// Which of the labels centred at `centres` (ascending), `widths[i]` wide,
/// are drawn: each one that clears the last one drawn by `gap`.
pub fn thin_labels(centres: &[f64], widths: &[f64], gap: f64) -> Vec<bool> {
    let mut end = f64::MIN;
    centres
        .iter()
        .zip(widths)
        .map(|(&centre, &width)| {
            let fits = centre - width / 2.0 >= end + gap;
            if fits {
                end = centre + width / 2.0;
            }
            fits
        })
        .collect()
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

/// Round values from 0 to `high` to label a linear axis with: multiples of
/// 1, 2 or 5 times a power of ten, two to five of them past zero.
pub fn round_ticks(high: f64) -> Vec<f64> {
    if high.is_nan() || high <= 0.0 {
        return vec![0.0];
    }
    let rough = high / 5.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * power)
        .find(|&step| step >= rough)
        .unwrap_or(10.0 * power);
    (0..=5)
        .map(|i| step * f64::from(i))
        .take_while(|&tick| tick <= high * (1.0 + 1e-9))
        .collect()
}

/// The x of `value` on a linear axis from 0 to `high` across `frame`.
pub fn x_linear(frame: &Frame, value: f64, high: f64) -> f64 {
    let fraction = if high > 0.0 { value / high } else { 0.0 };
    frame.left + fraction.clamp(0.0, 1.0) * frame.width
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
    fn labels_stay_between_their_neighbouring_lines() {
        // Lines at 10, 120, 150 and 400: the label of 120 (width 50) would
        // cross 150 on its right, so it goes left; 150's fits right; 400's
        // fits nowhere right (the span ends at 420) and goes left.
        let placed = place_labels(
            &[10.0, 120.0, 150.0, 400.0],
            &[50.0; 4],
            2,
            4.0,
            (0.0, 420.0),
        );
        assert_eq!(
            placed,
            vec![
                Some((0, Side::Right)),
                Some((0, Side::Left)),
                Some((0, Side::Right)),
                Some((0, Side::Left)),
            ]
        );
        // A line with close neighbours on both sides: its label is left out.
        let placed = place_labels(&[100.0, 110.0, 120.0], &[50.0; 3], 2, 4.0, (0.0, 420.0));
        assert_eq!(
            placed,
            vec![Some((0, Side::Left)), None, Some((0, Side::Right))]
        );
    }

    #[test]
    fn tick_labels_that_would_touch_are_thinned() {
        let shown = thin_labels(&[0.0, 40.0, 80.0, 120.0], &[50.0; 4], 4.0);
        assert_eq!(shown, vec![true, false, true, false]);
        let roomy = thin_labels(&[0.0, 100.0], &[50.0, 50.0], 4.0);
        assert_eq!(roomy, vec![true, true]);
    }

    #[test]
    fn narrow_text_reads_at_twelve_pixels_on_a_360_pixel_phone() {
        // The page's padding leaves about 320 px for the chart on a 360 px screen.
        let scale = 320.0 / Layout::NARROW.width;
        assert!(Layout::NARROW.font * scale >= 12.0);
        for layout in [Layout::WIDE, Layout::NARROW] {
            assert!(layout.per_call.bottom() + 2.0 * layout.font <= layout.height);
            assert!(layout.totals.left + layout.totals.width <= layout.width);
        }
    }

    #[test]
    fn round_ticks_cover_the_range_in_round_steps() {
        assert_eq!(round_ticks(12_100.0), vec![0.0, 5_000.0, 10_000.0]);
        assert_eq!(
            round_ticks(98_736.0),
            vec![0.0, 20_000.0, 40_000.0, 60_000.0, 80_000.0]
        );
        assert_eq!(round_ticks(400.0), vec![0.0, 100.0, 200.0, 300.0, 400.0]);
        assert_eq!(round_ticks(0.0), vec![0.0]);
        for high in [3.0, 77.0, 1_234.5, 9.9e6, 2.0e11] {
            let ticks = round_ticks(high);
            assert!(ticks.len() >= 3 && ticks.len() <= 6, "{high}: {ticks:?}");
            assert!(*ticks.last().unwrap() <= high * (1.0 + 1e-9));
            assert!(ticks.last().unwrap() * 2.0 > high, "{high}: {ticks:?}");
        }
    }

    #[test]
    fn linear_positions_run_from_the_left_edge_to_the_right() {
        let frame = Layout::WIDE.totals;
        assert_eq!(x_linear(&frame, 0.0, 500.0), frame.left);
        assert_eq!(
            x_linear(&frame, 250.0, 500.0),
            frame.left + frame.width / 2.0
        );
        assert_eq!(x_linear(&frame, 900.0, 500.0), frame.left + frame.width);
    }

    #[test]
    fn paths_join_points_with_one_decimal() {
        assert_eq!(path([(1.0, 2.25), (3.04, 4.0)]), "M1.0,2.3 L3.0,4.0");
    }
}
