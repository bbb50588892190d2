use std::rc::Rc;

use calculator::format::{self, fixed};
use calculator::Lang;
use calculator::{CostCurve, CurvePoint};
use pricing::cliff::Cliff;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use web_sys::Element;
use yew::prelude::*;

use crate::hooks::{use_lang, use_narrow};

use crate::chart_scale::{
    coord, path, place_labels, thin_labels, volume_at_x, x_of, Layout, Side, Vertical, LABEL_OFFSET,
};
use crate::i18n::{break_even_words, chart_readout, short_number, text};

/// Properties of a [`CostChart`].
#[derive(Properties, PartialEq)]
pub struct CostChartProps {
    /// The sampled costs.
    pub curve: Rc<CostCurve>,
    /// The costs at the current volume.
    pub current: CurvePoint,
    /// The tier cliffs of the label and column.
    pub cliffs: Vec<Cliff>,
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
    let totals = vertical_for_totals(points);
    let per_call = vertical_for_per_call(points);
    let onmousemove = {
        let (focused, volumes) = (focused.clone(), volumes(points));
        move |event: MouseEvent| {
            let svg: Element = event.target_unchecked_into();
            let width = f64::from(svg.client_width().max(1));
            let x = f64::from(event.offset_x()) / width * l.width;
            focused.set(nearest(&volumes, volume_at_x(&l.totals, x)));
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
        <figure class="chart" data-testid="cost-chart">
            <figcaption>{ t.chart_title }</figcaption>
            <svg class={classes!((l == Layout::NARROW).then_some("narrow"))} viewBox={format!("0 0 {} {}", fixed(l.width, 0), fixed(l.height, 0))} role="img" tabindex="0"
                aria-label={format!("{}. {}", t.chart_title, t.chart_hint)} aria-describedby="chart-readout"
                {onmousemove} {onkeydown}
                onmouseleave={ let focused = focused.clone(); move |_: MouseEvent| focused.set(None) }>
                { axes(&l, &totals, &per_call, lang) }
                { cliff_lines(&l, &props.cliffs, t.chart_cliff, lang) }
                <path class="line postpaid" d={path(points.iter().map(|p| (x_of(&l.totals, p.volume), totals.y_of(&l.totals, p.postpaid))))} />
                <path class="line best" d={path(points.iter().map(|p| (x_of(&l.totals, p.volume), totals.y_of(&l.totals, p.best))))} />
                <path class="line postpaid" d={path(points.iter().filter_map(|p| Some((x_of(&l.per_call, p.volume), per_call.y_of(&l.per_call, p.postpaid_per_call?)))))} />
                <path class="line best" d={path(points.iter().filter_map(|p| Some((x_of(&l.per_call, p.volume), per_call.y_of(&l.per_call, p.best_per_call?)))))} />
                { break_even_lines(&l, &props.curve, lang) }
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
            <p class="field-help">{ t.purchase_model }</p>
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

fn volumes(points: &[CurvePoint]) -> Vec<u64> {
    points.iter().map(|p| p.volume).collect()
}

/// The index of the sample closest to `volume` on the chart's log scale.
fn nearest(volumes: &[u64], volume: f64) -> Option<usize> {
    let target = volume.max(1.0).log10();
    volumes
        .iter()
        .enumerate()
        .min_by(|(_, a), (_, b)| {
            let da = ((**a).max(1) as f64).log10() - target;
            let db = ((**b).max(1) as f64).log10() - target;
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

fn axes(l: &Layout, totals: &Vertical, per_call: &Vertical, lang: Lang) -> Html {
    let decades = [
        100u64,
        1_000,
        10_000,
        100_000,
        1_000_000,
        10_000_000,
        100_000_000,
        1_000_000_000,
    ];
    // Each decade's label stays inside the view box; on a phone the labels
    // would touch, and those that would are left out. (`max`/`min`, not
    // `clamp`: its panic message brings in the float formatter, 8 KB gzip.)
    let texts: Vec<String> = decades
        .iter()
        .map(|&v| short_number(v as f64, lang))
        .collect();
    let widths: Vec<f64> = texts.iter().map(|text| l.label_width(text)).collect();
    let centres: Vec<f64> = decades
        .iter()
        .zip(&widths)
        .map(|(&v, w)| x_of(&l.per_call, v).max(w / 2.0).min(l.width - w / 2.0))
        .collect();
    let shown = thin_labels(&centres, &widths, l.font * 0.5);
    let decade_labels: Vec<(usize, f64, String)> = centres
        .into_iter()
        .zip(texts)
        .enumerate()
        .zip(shown)
        .filter_map(|((at, (x, text)), shown)| shown.then_some((at, x, text)))
        .collect();
    html! {
        <g class="axes">
            <rect class="plot" x={coord(l.totals.left)} y={coord(l.totals.top)} width={coord(l.totals.width)} height={coord(l.totals.height)} />
            <rect class="plot" x={coord(l.per_call.left)} y={coord(l.per_call.top)} width={coord(l.per_call.width)} height={coord(l.per_call.height)} />
            for (at, x, text) in decade_labels {
                <text key={at} class="tick" x={coord(x)} y={coord(l.per_call.bottom() + l.font * 1.4)} text-anchor="middle">
                    { text }
                </text>
            }
            for value in totals.ticks() {
                <text key={format!("t{}", fixed(value, 2))} class="tick" x={coord(l.totals.left - 6.0)} text-anchor="end"
                    y={coord(totals.y_of_value(&l.totals, value) + l.font * 0.35)}>
                    { short_number(value, lang) }
                </text>
            }
            for value in per_call.ticks() {
                <text key={format!("p{}", fixed(value, 2))} class="tick" x={coord(l.per_call.left - 6.0)} text-anchor="end"
                    y={coord(per_call.y_of_value(&l.per_call, value) + l.font * 0.35)}>
                    { fixed(value, 2) }
                </text>
            }
        </g>
    }
}

fn cliff_lines(l: &Layout, cliffs: &[Cliff], name: &str, lang: Lang) -> Html {
    let names: Vec<String> = cliffs
        .iter()
        .map(|cliff| {
            let bound = short_number(cliff.bound as f64, lang);
            match l.named_tiers {
                true => format!("{name} {bound}"),
                false => bound,
            }
        })
        .collect();
    let lines: Vec<f64> = cliffs.iter().map(|c| x_of(&l.totals, c.bound)).collect();
    let widths: Vec<f64> = names.iter().map(|text| l.label_width(text)).collect();
    // Neighbouring bounds (100 000 and 200 000) sit close: a label goes to
    // the other side of its line or a row lower, or is left out.
    let span = (l.totals.left, l.totals.left + l.totals.width);
    let spots = place_labels(&lines, &widths, 2, l.font * 0.5, span);
    html! {
        <g class="cliffs">
            for (((cliff, text), spot), x) in cliffs.iter().zip(names).zip(spots).zip(lines) {
                <g key={cliff.bound} data-testid="chart-cliff" data-volume={cliff.bound.to_string()}>
                    <line x1={coord(x)} x2={coord(x)}
                        y1={coord(l.totals.top)} y2={coord(l.per_call.bottom())} />
                    if let Some((row, side)) = spot {
                        <text x={coord(label_x(x, side))} text-anchor={anchor(side)}
                            y={coord(l.totals.top + l.font * (1.1 + 1.2 * row as f64))}>{ text.clone() }</text>
                    }
                    <title>{ text }</title>
                </g>
            }
        </g>
    }
}

/// Where a label beside the line at `x` is anchored.
fn label_x(x: f64, side: Side) -> f64 {
    match side {
        Side::Right => x + LABEL_OFFSET,
        Side::Left => x - LABEL_OFFSET,
    }
}

/// The SVG anchor of a label on `side` of its line.
fn anchor(side: Side) -> &'static str {
    match side {
        Side::Right => "start",
        Side::Left => "end",
    }
}

fn break_even_lines(l: &Layout, curve: &CostCurve, lang: Lang) -> Html {
    html! {
        <g class="break-even-lines">
            for (i, change) in curve.break_evens.iter().enumerate() {
                <g key={change.volume}>
                    <line x1={coord(x_of(&l.totals, change.volume))} x2={coord(x_of(&l.totals, change.volume))}
                        y1={coord(l.totals.top)} y2={coord(l.totals.bottom())} />
                    <text x={coord(x_of(&l.totals, change.volume) + 3.0)} y={coord(l.totals.bottom() - l.font * (0.6 + 1.3 * i as f64))}>
                        { format::grouped_calls(change.volume.into()) }
                    </text>
                </g>
            }
            <title>{ curve.break_evens.iter().map(|c| break_even_words(c, lang)).collect::<Vec<_>>().join("; ") }</title>
        </g>
    }
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
