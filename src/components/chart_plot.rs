use std::rc::Rc;

use calculator::format::{self, fixed};
use calculator::{CostCurve, Lang};
use pricing::cliff::Cliff;
use yew::prelude::*;

use crate::chart_scale::{
    coord, path, place_labels, thin_labels, x_of, Layout, Side, Vertical, LABEL_OFFSET,
};
use crate::hooks::use_lang;
use crate::i18n::{break_even_words, short_number, text};

/// Properties of a [`ChartPlot`].
#[derive(Properties, PartialEq)]
pub struct ChartPlotProps {
    /// The sampled costs.
    pub curve: Rc<CostCurve>,
    /// The tier cliffs of the label and column.
    pub cliffs: Vec<Cliff>,
    /// The chart's proportions.
    pub layout: Layout,
    /// The total cost panel's scale.
    pub totals: Vertical,
    /// The price per call panel's scale.
    pub per_call: Vertical,
}

/// What the cost chart shows whatever the volume: the axes, the tier cliffs,
/// both plans' curves in both panels and the break-even lines. A component
/// of its own so that moving the volume redraws only the marker.
#[component]
pub fn ChartPlot(props: &ChartPlotProps) -> Html {
    let lang = use_lang();
    let (l, totals, per_call) = (&props.layout, &props.totals, &props.per_call);
    let points = &props.curve.points;
    html! {
        <>
            { axes(l, totals, per_call, lang) }
            { cliff_lines(l, &props.cliffs, text(lang).chart_cliff, lang) }
            <path class="line postpaid" d={path(points.iter().map(|p| (x_of(&l.totals, p.volume), totals.y_of(&l.totals, p.postpaid))))} />
            <path class="line best" d={path(points.iter().map(|p| (x_of(&l.totals, p.volume), totals.y_of(&l.totals, p.best))))} />
            <path class="line postpaid" d={path(points.iter().filter_map(|p| Some((x_of(&l.per_call, p.volume), per_call.y_of(&l.per_call, p.postpaid_per_call?)))))} />
            <path class="line best" d={path(points.iter().filter_map(|p| Some((x_of(&l.per_call, p.volume), per_call.y_of(&l.per_call, p.best_per_call?)))))} />
            { break_even_lines(l, &props.curve, lang) }
        </>
    }
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
