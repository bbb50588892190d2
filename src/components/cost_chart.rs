use std::rc::Rc;

use calculator::format::{self, fixed};
use calculator::{CostCurve, CurvePoint};
use pricing::cliff::Cliff;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use web_sys::Element;
use yew::prelude::*;

use super::chart_plot::ChartPlot;
use crate::chart_scale::{coord, volume_at_x, x_of, Layout, Vertical};
use crate::hooks::{use_lang, use_narrow};
use crate::i18n::{break_even_words, chart_readout, text};

/// Properties of a [`CostChart`].
#[derive(Properties, PartialEq)]
pub struct CostChartProps {
    /// The sampled costs.
    pub curve: Rc<CostCurve>,
    /// The costs at the current volume.
    pub current: CurvePoint,
    /// The tier cliffs of the label and column.
    pub cliffs: Vec<Cliff>,
    /// Whether the curve is the final one for the page's inputs.
    pub refined: bool,
}

/// Total cost and price per call against monthly volume, for postpaid only
/// and the cheapest plan, with the tier cliffs, the break-even volumes and
/// the current volume marked; a readout follows the pointer or the arrow keys.
#[component]
pub fn CostChart(props: &CostChartProps) -> Html {
    let lang = use_lang();
    let t = text(lang);
    let l = if use_narrow() {
        Layout::NARROW
    } else {
        Layout::WIDE
    };
    let points = &props.curve.points;
    let focused = use_state(|| None::<usize>);
    let scales = use_memo(props.curve.clone(), |curve| {
        (
            vertical_for_totals(&curve.points),
            vertical_for_per_call(&curve.points),
        )
    });
    let (totals, per_call) = *scales;
    let onmousemove = {
        let (focused, curve) = (focused.clone(), props.curve.clone());
        move |event: MouseEvent| {
            let svg: Element = event.target_unchecked_into();
            let width = f64::from(svg.client_width().max(1));
            let x = f64::from(event.offset_x()) / width * l.width;
            focused.set(nearest(&curve.points, volume_at_x(&l.totals, x)));
        }
    };
    let onkeydown = {
        let (focused, last) = (focused.clone(), points.len().saturating_sub(1));
        move |event: KeyboardEvent| {
            let now = focused.unwrap_or(0);
            let next = match event.key().as_str() {
                "ArrowRight" | "ArrowUp" => now.saturating_add(1).min(last),
                "ArrowLeft" | "ArrowDown" => now.saturating_sub(1),
                "Home" => 0,
                "End" => last,
                _ => return,
            };
            event.prevent_default();
            focused.set(Some(next));
        }
    };
    let shown = focused
        .and_then(|i| points.get(i))
        .unwrap_or(&props.current);
    html! {
        <figure class="chart" data-testid="cost-chart" data-refined={props.refined.to_string()}>
            <figcaption>{ t.chart_title }</figcaption>
            <svg class={classes!((l == Layout::NARROW).then_some("narrow"))} viewBox={format!("0 0 {} {}", fixed(l.width, 0), fixed(l.height, 0))} role="img" tabindex="0"
                aria-label={format!("{}. {}", t.chart_title, t.chart_hint)} aria-describedby="chart-readout"
                {onmousemove} {onkeydown}
                onmouseleave={ let focused = focused.clone(); move |_: MouseEvent| focused.set(None) }>
                <ChartPlot curve={props.curve.clone()} cliffs={props.cliffs.clone()} layout={l} {totals} {per_call} />
                { marker(&l, &props.current, &totals, "current") }
                if let Some(point) = focused.and_then(|i| points.get(i)) {
                    { marker(&l, point, &totals, "focus") }
                }
                <text class="panel-title" x={coord(l.per_call.left)} y={coord(l.per_call.top - l.font * 0.7)}>{ t.chart_per_call_title }</text>
            </svg>
            <p class="legend">
                <span class="key postpaid">{ t.chart_postpaid }</span>
                <span class="key best">{ t.chart_best }</span>
                <span class="key current">{ t.chart_current }</span>
            </p>
            <p id="chart-readout" class="readout" data-testid="chart-readout" aria-live="polite">{ chart_readout(shown, lang) }</p>
            <ul class="break-evens">
                for change in &props.curve.break_evens {
                    <li key={change.volume} data-testid="break-even" data-volume={change.volume.to_string()}>
                        { break_even_words(change, lang) }
                    </li>
                }
            </ul>
        </figure>
    }
}

/// The index of the sample closest to `volume` on the chart's log scale.
fn nearest(points: &[CurvePoint], volume: f64) -> Option<usize> {
    let target = volume.max(1.0).log10();
    points
        .iter()
        .map(|p| p.volume)
        .enumerate()
        .min_by(|(_, a), (_, b)| {
            let da = ((*a).max(1) as f64).log10() - target;
            let db = ((*b).max(1) as f64).log10() - target;
            da.abs().total_cmp(&db.abs())
        })
        .map(|(i, _)| i)
}

fn vertical_for_totals(points: &[CurvePoint]) -> Vertical {
    let values = points
        .iter()
        .flat_map(|p| [p.postpaid, p.best])
        .filter(|v| *v > Decimal::ZERO);
    let (low, high) = bounds(values);
    Vertical {
        low,
        high,
        logarithmic: true,
    }
}

fn vertical_for_per_call(points: &[CurvePoint]) -> Vertical {
    let values = points
        .iter()
        .flat_map(|p| [p.postpaid_per_call, p.best_per_call])
        .flatten();
    let (_, high) = bounds(values);
    Vertical {
        low: 0.0,
        high: (high * 4.0).ceil() / 4.0,
        logarithmic: false,
    }
}

fn bounds(values: impl Iterator<Item = Decimal>) -> (f64, f64) {
    values
        .filter_map(|v| v.to_f64())
        .fold((f64::MAX, 0.0), |(low, high), v| (low.min(v), high.max(v)))
}

fn marker(l: &Layout, point: &CurvePoint, totals: &Vertical, class: &'static str) -> Html {
    let testid = format!("chart-{class}");
    let x = x_of(&l.totals, point.volume);
    html! {
        <g class={classes!("marker", class)} data-testid={testid} data-volume={point.volume.to_string()}
            data-best={format::plain(point.best)} data-postpaid={format::plain(point.postpaid)}>
            <line x1={coord(x)} x2={coord(x)} y1={coord(l.totals.top)} y2={coord(l.per_call.bottom())} />
            <circle cx={coord(x)} cy={coord(totals.y_of(&l.totals, point.postpaid))} r="4" class="postpaid" />
            <circle cx={coord(x)} cy={coord(totals.y_of(&l.totals, point.best))} r="4" class="best" />
        </g>
    }
}
