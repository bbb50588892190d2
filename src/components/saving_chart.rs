use std::rc::Rc;

use calculator::format::{self, fixed};
use calculator::{CostCurve, CurvePoint};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::chart_scale::{coord, path, round_ticks, x_linear, Frame, Layout, Vertical};
use crate::hooks::{use_lang, use_narrow};
use crate::i18n::{fill, short_number, text};

/// Properties of a [`SavingChart`].
#[derive(Properties, PartialEq)]
pub struct SavingChartProps {
    /// The sampled costs.
    pub curve: Rc<CostCurve>,
    /// The costs at the current volume.
    pub current: CurvePoint,
}

/// Both totals on linear axes from no calls to about twice the current
/// volume (the first sample at twice or more), the saving shaded between them: where the log-log overview draws the two
/// lines on top of each other, this shows the gap.
#[component]
pub fn SavingChart(props: &SavingChartProps) -> Html {
    let lang = use_lang();
    let l = if use_narrow() {
        Layout::NARROW
    } else {
        Layout::WIDE
    };
    let current = &props.current;
    let points = around(&props.curve.points, current);
    let high = points.last().map_or(0, |p| p.volume);
    if high <= current.volume {
        return Html::default();
    }
    let top = points
        .iter()
        .filter_map(|p| p.postpaid.max(p.best).to_f64())
        .fold(0.0, f64::max);
    let totals = Vertical {
        low: 0.0,
        high: top,
        logarithmic: false,
    };
    let frame = Frame {
        top: l.font,
        height: l.totals.height * 0.8,
        ..l.totals
    };
    let view = (l.width, frame.bottom() + l.font * 2.0);
    let title = fill(
        text(lang).saving_chart_title,
        &[("high", &format::grouped_calls(high.into()))],
    );
    let at = |p: &CurvePoint, amount: Decimal| {
        (
            x_linear(&frame, p.volume as f64, high as f64),
            totals.y_of(&frame, amount),
        )
    };
    let best: Vec<(f64, f64)> = points.iter().map(|p| at(p, p.best)).collect();
    let postpaid: Vec<(f64, f64)> = points.iter().map(|p| at(p, p.postpaid)).collect();
    let band = format!(
        "{} Z",
        path(best.iter().copied().chain(postpaid.iter().rev().copied()))
    );
    let x_now = x_linear(&frame, current.volume as f64, high as f64);
    html! {
        <figure class="chart saving-chart" data-testid="saving-chart" data-high={high.to_string()}>
            <figcaption>{ title.clone() }</figcaption>
            <svg viewBox={format!("0 0 {} {}", coord(view.0), coord(view.1))} role="img" aria-label={title}>
                <rect class="plot" x={coord(frame.left)} y={coord(frame.top)} width={coord(frame.width)} height={coord(frame.height)} />
                for value in round_ticks(top) {
                    <text key={format!("y{}", fixed(value, 0))} class="tick" x={coord(frame.left - 6.0)} text-anchor="end"
                        y={coord(totals.y_of_value(&frame, value) + l.font * 0.35)}>{ short_number(value, lang) }</text>
                }
                for value in round_ticks(high as f64) {
                    <text key={format!("x{}", fixed(value, 0))} class="tick" x={coord(x_linear(&frame, value, high as f64))}
                        y={coord(frame.bottom() + l.font * 1.4)} text-anchor="middle">{ short_number(value, lang) }</text>
                }
                <path class="band" d={band} />
                <path class="line postpaid" d={path(postpaid)} />
                <path class="line best" d={path(best)} />
                <g class="marker current">
                    <line x1={coord(x_now)} x2={coord(x_now)} y1={coord(frame.top)} y2={coord(frame.bottom())} />
                </g>
            </svg>
        </figure>
    }
}

/// The samples up to the first at twice the current volume or more, with
/// the current volume's own exact costs in their place among them: the lines
/// end on a computed point, not between two.
fn around(points: &[CurvePoint], current: &CurvePoint) -> Vec<CurvePoint> {
    let twice = current.volume.saturating_mul(2);
    let end = points.partition_point(|p| p.volume < twice);
    let mut shown: Vec<CurvePoint> = points[..points.len().min(end + 1)]
        .iter()
        .filter(|p| p.volume != current.volume)
        .cloned()
        .collect();
    let at = shown.partition_point(|p| p.volume < current.volume);
    shown.insert(at, current.clone());
    shown
}
