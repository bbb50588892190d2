//! The calculator's speed in headless Chromium, on the release bundle:
//!
//! - first render: from navigation start to the moment the figures and the
//!   chart's marker are all in the DOM;
//! - slider: from a slider `input` event to the moment the postpaid figure
//!   and the chart's marker both show the new volume, over moves spread over
//!   the whole volume range;
//!
//! - searched plan: from navigation start until the plan searched over every
//!   purchase month replaces the quick yearly one;
//! - long tasks: every main-thread task over 50 ms (the Long Tasks API)
//!   during the loads (until the cost chart is drawn) and during the moves,
//!   during loads of the default page, which the live page takes over
//!   from the pre-rendered one, and in the 1.5 s after each of the page's
//!   other inputs ([`INPUTS`]: every field, picker and button, once or twice),
//!   and during loads with four pinned scenarios stored, until their plans
//!   are listed; each told apart by what ran in it: no script (the browser's
//!   own work, such as a first layout), the wasm's start, or the page;
//!
//! - pins listed: from navigation start until stored pins are listed, with
//!   two pins stored, and with 5 MB of junk after them (bounded reading);
//!
//! each without throttling and at 4x CPU throttling (DevTools
//! `Emulation.setCPUThrottlingRate`); and the loads of a heavy scenario
//! (four labels, a season, the promotion ending). Prints a report and writes it to
//! `target/bench/browser.txt`. Run by `make bench`; it measures and fails
//! only if the page shows a wrong figure.

use std::fmt::Write as _;

use calculator::{decode, format, slider};
use e2e::Browser;
use pricing::Estimate;
use serde_json::{json, Value};

/// The scenario around the slider: the heaviest the page allows per move.
const QUERY: &str = "months=36&growth=2";
/// Slider moves measured per throttling rate.
const MOVES: usize = 600;
/// Page loads measured per throttling rate.
const LOADS: usize = 15;
/// Four channels on four labels over 36 months, a season, growth and the
/// promotion's end: the most the page computes at once.
const HEAVY: &str = "months=36&growth=2&promo_months=6&profile=1,1,1,1,1,1,1,1,1,1,3,1&extra=general-verify:5000,wechat-compare:3000,general-compare:2000";

/// Where [`INPUTS`] are tried: a volume whose full search is slow (as pinning
/// it is), on the slider's scenario.
const INPUTS_VOLUME: u64 = 250_000;

/// The pins stored for the loads with pins: four volumes of the slider's scenario.
const PINNED_VOLUMES: [u64; 4] = [40_000, 250_000, 900_000, 5_000_000];

/// The page's inputs besides the slider, in an order that works on the page
/// at [`QUERY`] and [`INPUTS_VOLUME`]: (event, element, value); `click` ignores the value.
const INPUTS: [(&str, &str, &str); 28] = [
    ("click", "[data-testid=language-switch]", ""),
    ("click", "[data-testid=language-switch]", ""),
    ("click", "input[name=label][value=general-compare]", ""),
    ("click", "input[name=price][value=list]", ""),
    ("click", "input[name=price][value=promo]", ""),
    ("input", "#months", "12"),
    ("input", "#months", "36"),
    ("input", "#growth", "10"),
    ("input", "#retry", "20"),
    ("input", "#legacy", "500000"),
    ("click", "[data-testid=next-stop]", ""),
    ("click", "[data-testid=previous-stop]", ""),
    ("click", "[data-testid=add-extra]", ""),
    ("change", "#extra-label-0", "wechat-compare"),
    ("click", "[data-testid=remove-extra-0]", ""),
    ("click", "input[name=shape][value=peak]", ""),
    ("change", "#peak-month", "11"),
    ("click", "input[name=shape][value=flat]", ""),
    ("click", "input[name=promo-end][value=limited]", ""),
    ("click", "input[name=promo-end][value=whole]", ""),
    ("click", "[data-testid=label-guide] summary", ""),
    (
        "click",
        "[data-testid=guide-channel-wechat-mini-program]",
        "",
    ),
    ("click", "[data-testid=compare-labels]", ""),
    ("click", "[data-testid=pin]", ""),
    ("click", "[data-testid=open-pin]", ""),
    ("click", "[data-testid=remove-pin]", ""),
    ("click", "[data-testid=download-csv]", ""),
    ("click", "[data-testid=download-json]", ""),
];

/// Performs one of [`INPUTS`]; returns whether its element was there.
const INPUT: &str = "
const [event, selector, value] = arguments[0];
const element = document.querySelector(selector);
if (!element) return false;
if (event === 'click') element.click();
else { element.value = value; element.dispatchEvent(new Event(event, { bubbles: true })); }
return true;";

/// Records, on every page load, when the figures and the chart first stand
/// in the DOM, when the searched plan replaces the quick one, every task
/// over 50 ms, and the scripts that ran in every frame over 50 ms (the Long
/// Animation Frames API), which tell what a long task was.
const FIRST_RENDER_PROBE: &str = "
window.__longTasks = [];
window.__longFrames = [];
new PerformanceObserver(list => list.getEntries().forEach(e => window.__longTasks.push([e.startTime, e.duration])))
  .observe({ type: 'longtask', buffered: true });
new PerformanceObserver(list => list.getEntries().forEach(e =>
  window.__longFrames.push([e.startTime, e.startTime + e.duration, e.scripts.map(s => s.invoker)])))
  .observe({ type: 'long-animation-frame', buffered: true });
new MutationObserver((_, observer) => {
  // The pre-rendered page holds the same hooks: wait for the live one (html[data-live]).
  const live = !document.getElementById('app') || document.documentElement.hasAttribute('data-live');
  if (live && document.querySelector('[data-testid=best-proof][data-refined=true]')) {
    window.__refined = performance.now(); observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true, attributes: true });
new MutationObserver((_, observer) => {
  const ready = ['postpaid-month', 'best-total', 'chart-current']
    .every(id => document.querySelector(`[data-testid=\"${id}\"]`));
  if (ready) { window.__firstRender = performance.now(); observer.disconnect(); }
}).observe(document, { childList: true, subtree: true });
new MutationObserver((_, observer) => {
  if (document.querySelector('[data-testid=open-pin]')) { window.__pinsShown = performance.now(); observer.disconnect(); }
}).observe(document, { childList: true, subtree: true });";

/// Moves the slider through `arguments[0]` ([position, volume, postpaid text] triples),
/// timing each move until both the figure and the chart's marker show it.
const SLIDER_MOVES: &str = "
const [moves, done] = [arguments[0], arguments[arguments.length - 1]];
const slider = document.querySelector('[data-testid=volume-slider]');
const shows = (volume, text) =>
  document.querySelector('[data-testid=chart-current]').dataset.volume === String(volume) &&
  document.querySelector('[data-testid=postpaid-month]').getAttribute('value') === text;
const times = [], wrong = [];
let index = 0;
const next = () => {
  if (index === moves.length) { done({ times, wrong }); return; }
  const [position, volume, text] = moves[index++];
  let start;
  const observer = new MutationObserver(() => {
    if (!shows(volume, text)) return;
    times.push(performance.now() - start);
    observer.disconnect(); clearTimeout(timer);
    setTimeout(next, 0);
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  const timer = setTimeout(() => { observer.disconnect(); wrong.push(volume); setTimeout(next, 0); }, 2000);
  start = performance.now();
  slider.value = String(position);
  slider.dispatchEvent(new Event('input', { bubbles: true }));
};
next();";

/// Drags the slider over its whole range, `arguments[0]` positions a step,
/// a frame and a little more per step as a finger gives it, and samples
/// after each step the page positions of what is under and around the
/// finger (the slider, the months field, the share bar) and the
/// recommendation's height; returns the samples, one array per step.
const DRAG_LAYOUT: &str = "
const [step, done] = [arguments[0], arguments[arguments.length - 1]];
const slider = document.querySelector('[data-testid=volume-slider]');
const sample = () => ['[data-testid=volume-slider]', '#months', '.share-bar', '.recommendation']
  .map((css, i) => {
    const box = document.querySelector(css)?.getBoundingClientRect();
    return box ? Math.round(i === 3 ? box.height : box.top + scrollY) : null;
  });
const samples = [];
let position = 0;
const next = () => {
  if (position > Number(slider.max)) {
    // Let go, as a finger does: the page may settle after the samples.
    slider.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    done(samples);
    return;
  }
  slider.value = String(position);
  slider.dispatchEvent(new Event('input', { bubbles: true }));
  position += step;
  requestAnimationFrame(() => setTimeout(() => { samples.push(sample()); next(); }, 16));
};
// A finger presses the slider first.
slider.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
next();";

/// What moved during a full-range drag of the slider at `width`×`height`:
/// per watched thing, how often its position (or the recommendation's
/// height) changed from one step to the next, and its range.
fn drag_layout(width: u32, height: u32) -> String {
    let browser = Browser::open(width, height);
    browser.goto(&format!("/?{QUERY}"));
    browser.testid("chart-current");
    let step = (slider::max_position() / 120).max(1);
    let samples = browser.execute_async(DRAG_LAYOUT, &[json!(step)]);
    let rows: Vec<Vec<Option<i64>>> = samples
        .as_array()
        .expect("a list of samples")
        .iter()
        .map(|row| {
            row.as_array()
                .map(|row| row.iter().map(Value::as_i64).collect())
                .unwrap_or_default()
        })
        .collect();
    let names = [
        "slider top",
        "months field top",
        "share bar top",
        "recommendation height",
    ];
    let described: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(at, name)| {
            let values: Vec<i64> = rows
                .iter()
                .filter_map(|row| row.get(at).copied().flatten())
                .collect();
            let changes = values.windows(2).filter(|pair| pair[0] != pair[1]).count();
            let (low, high) = (values.iter().min(), values.iter().max());
            match (low, high) {
                (Some(low), Some(high)) => {
                    format!("{name} changed {changes} times ({low}–{high} px)")
                }
                _ => format!("{name}: not on the page"),
            }
        })
        .collect();
    format!(
        "  drag at {width} px ({} steps of {step} positions): {}",
        rows.len(),
        described.join("; ")
    )
}

fn main() {
    let browser = Browser::open(1280, 900);
    browser.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": FIRST_RENDER_PROBE }),
    );
    let moves = slider_moves();
    let mut report = format!(
        "Browser benchmark: headless Chromium {}, release bundle, ?{QUERY}\n",
        chromium_version(&browser)
    );
    for rate in [1, 4] {
        browser.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }));
        let (loads, load_tasks) = first_renders(&browser, QUERY, LOADS);
        let (_, default_tasks) = first_renders(&browser, "", LOADS);
        let (slider, slider_tasks) = slider_times(&browser, &moves);
        let input_tasks = inputs(&browser);
        let pinned_tasks = loads_with_pins(&browser);
        let (two_pins, _) = pins_listed(&browser, "");
        let (junk_listed, junk_tasks) = pins_listed(&browser, JUNK);
        let (heavy, heavy_tasks) = first_renders(&browser, HEAVY, 5);
        let refined = refined_plans(&browser, QUERY);
        let heavy_refined = refined_plans(&browser, HEAVY);
        let _ = writeln!(report, "CPU throttling {rate}x:");
        let _ = writeln!(report, "  first render   {}", summary(&loads));
        let _ = writeln!(report, "  slider move    {}", summary(&slider));
        let _ = writeln!(
            report,
            "  long tasks     loads: {}",
            long_tasks(&load_tasks)
        );
        let _ = writeln!(
            report,
            "                 loads of the default page: {}",
            long_tasks(&default_tasks)
        );
        let _ = writeln!(
            report,
            "                 slider moves: {}",
            long_tasks(&slider_tasks)
        );
        let _ = writeln!(
            report,
            "                 inputs ({} kinds): {}",
            INPUTS.len(),
            inputs_long_tasks(&input_tasks)
        );
        let _ = writeln!(
            report,
            "                 5 loads with 4 pins stored: {}",
            long_tasks(&pinned_tasks)
        );
        let _ = writeln!(
            report,
            "  pins listed    2 pins stored: {}",
            summary(&two_pins)
        );
        let _ = writeln!(
            report,
            "                 the same, 5 MB of junk after them: {}; long tasks: {}",
            summary(&junk_listed),
            long_tasks(&junk_tasks)
        );
        let _ = writeln!(report, "  heavy scenario first render {}", summary(&heavy));
        let _ = writeln!(
            report,
            "                 long tasks: {}",
            long_tasks(&heavy_tasks)
        );
        let _ = writeln!(report, "  searched plan shown {}", summary(&refined));
        let _ = writeln!(
            report,
            "  heavy scenario searched plan shown {}",
            summary(&heavy_refined)
        );
    }
    let _ = writeln!(
        report,
        "Layout during a full-range slider drag, CPU throttling 1x:"
    );
    for (width, height) in [(1280, 900), (390, 844)] {
        let _ = writeln!(report, "{}", drag_layout(width, height));
    }
    let _ = writeln!(report, "(heavy scenario: ?{HEAVY})");
    browser.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 1 }));
    print!("{report}");
    let folder = e2e::workspace_root().join("target/bench");
    std::fs::create_dir_all(&folder).expect("a folder for the report");
    std::fs::write(folder.join("browser.txt"), &report).expect("the report is written");
}

/// [position, volume, postpaid figure] for moves over the whole range, each to a new volume.
fn slider_moves() -> Vec<Value> {
    let max = slider::max_position();
    let mut moves = Vec::with_capacity(MOVES);
    let mut last = None;
    // A stride coprime with the range visits low, middle and high volumes in turn.
    let stride = (max / 7).max(1) | 1;
    let mut position = 0;
    while moves.len() < MOVES {
        position = (position + stride) % (max + 1);
        let volume = slider::volume_at(position);
        if last == Some(volume) {
            continue;
        }
        last = Some(volume);
        let text = postpaid_first_month(volume);
        moves.push(json!([position, volume, text]));
    }
    moves
}

fn postpaid_first_month(volume: u64) -> String {
    let (page, _) = decode(&format!("{QUERY}&volume={volume}"));
    let optimizer = pricing::Optimizer::embedded().expect("the price book loads");
    let estimate = Estimate::new(optimizer, &page.scenario).expect("a plan");
    format::plain(estimate.postpaid_first_month())
}

/// Milliseconds from navigation start to the first complete render, per
/// load of `query` (each at another volume; an empty query loads the default
/// page, pre-rendered); and the long tasks seen until the chart was drawn.
fn first_renders(browser: &Browser, query: &str, loads: usize) -> (Vec<f64>, Vec<LongTask>) {
    let mut tasks = Vec::new();
    let renders = (0..loads)
        .map(|i| {
            match query {
                "" => browser.goto("/"),
                _ => browser.goto(&format!("/?{query}&volume={}", 1000 + i)),
            }
            browser.testid("chart-current");
            tasks.extend(long_tasks_so_far(browser));
            let at = browser.execute("return window.__firstRender;", &[]);
            at.as_f64().expect("the probe saw the first render")
        })
        .collect();
    (renders, tasks)
}

/// Milliseconds from navigation start until the searched plan replaced the
/// quick one (the search starts once the inputs have rested 150 ms), per load.
fn refined_plans(browser: &Browser, query: &str) -> Vec<f64> {
    (0..5)
        .map(|i| {
            browser.goto(&format!("/?{query}&volume={}", 2000 + i));
            wait_for_searched_plan(browser);
            let at = browser.execute("return window.__refined;", &[]);
            at.as_f64().expect("the probe saw the searched plan")
        })
        .collect()
}

/// Hands over, once the current frame has been reported, each long task the
/// probe has seen on this page as [duration, what ran in it], and forgets them.
/// What ran is read from the long frame the task fell in: no script, the
/// wasm's start (the loader's `fetch` continuation compiles and starts it), or
/// the page's own scripts.
const LONG_TASKS_SO_FAR: &str = "
const done = arguments[arguments.length - 1];
requestAnimationFrame(() => setTimeout(() => {
  const tasks = (window.__longTasks || []).map(([start, duration]) => {
    const frame = (window.__longFrames || []).find(([from, to]) => from <= start + 1 && start < to);
    const cause = !frame ? 'unknown' : frame[2].length === 0 ? 'no script'
      : frame[2].some(invoker => invoker.includes('fetch.then')) ? 'the wasm start' : 'the page';
    return [duration, cause];
  });
  window.__longTasks = []; window.__longFrames = [];
  done(tasks);
}, 0));";

/// A task over 50 ms: how long it took and what ran in it.
struct LongTask {
    ms: f64,
    cause: String,
}

/// The long tasks the probe has seen on this page, which it then forgets.
fn long_tasks_so_far(browser: &Browser) -> Vec<LongTask> {
    let seen = browser.execute_async(LONG_TASKS_SO_FAR, &[]);
    seen.as_array()
        .map(|all| {
            all.iter()
                .filter_map(|task| {
                    Some(LongTask {
                        ms: task[0].as_f64()?,
                        cause: task[1].as_str()?.to_owned(),
                    })
                })
                .collect()
        })
        .unwrap_or_default()
}

/// "none over 50 ms" or "3 over 50 ms, longest 72.0 ms (2 no script, 1 the page)".
fn long_tasks(tasks: &[LongTask]) -> String {
    let Some(longest) = tasks.iter().map(|task| task.ms).reduce(f64::max) else {
        return "none over 50 ms".to_owned();
    };
    let mut causes: Vec<&str> = tasks.iter().map(|task| task.cause.as_str()).collect();
    causes.sort_unstable();
    causes.dedup();
    let counts: Vec<String> = causes
        .iter()
        .map(|cause| {
            let count = tasks.iter().filter(|task| task.cause == *cause).count();
            format!("{count} {cause}")
        })
        .collect();
    format!(
        "{} over 50 ms, longest {longest:.1} ms ({})",
        tasks.len(),
        counts.join(", ")
    )
}

/// Milliseconds per slider move, and the long tasks during the moves.
fn slider_times(browser: &Browser, moves: &[Value]) -> (Vec<f64>, Vec<LongTask>) {
    browser.goto(&format!("/?{QUERY}"));
    browser.testid("chart-current");
    long_tasks_so_far(browser);
    let result = browser.execute_async(SLIDER_MOVES, &[Value::Array(moves.to_vec())]);
    let wrong = &result["wrong"];
    assert_eq!(
        wrong,
        &json!([]),
        "these volumes never showed their figures"
    );
    let times = result["times"].as_array().expect("a list of times");
    let times = times.iter().filter_map(Value::as_f64).collect();
    (times, long_tasks_so_far(browser))
}

/// The long tasks after each of [`INPUTS`], on the page at [`QUERY`] with
/// its plan searched; each input's tasks are those of the 1.5 s after it.
fn inputs(browser: &Browser) -> Vec<(&'static str, Vec<LongTask>)> {
    browser.goto(&format!("/?{QUERY}&volume={INPUTS_VOLUME}"));
    wait_for_searched_plan(browser);
    long_tasks_so_far(browser);
    INPUTS
        .iter()
        .map(|&(event, selector, value)| {
            let found = browser.execute(INPUT, &[json!([event, selector, value])]);
            assert_eq!(found, json!(true), "no {selector} on the page");
            std::thread::sleep(std::time::Duration::from_millis(1500));
            (selector, long_tasks_so_far(browser))
        })
        .collect()
}

/// The long tasks of 5 loads of the page with [`PINNED_VOLUMES`] pinned,
/// each until 1.5 s after its searched plan is shown (the pins' plans are
/// searched after the page's own).
fn loads_with_pins(browser: &Browser) -> Vec<LongTask> {
    let pins: Vec<_> = PINNED_VOLUMES
        .iter()
        .map(|volume| decode(&format!("{QUERY}&volume={volume}")).0.scenario)
        .collect();
    let store = format!(
        "localStorage.setItem({}, {});",
        json!(calculator::pinned::PINS_KEY),
        json!(calculator::pinned::encode(&pins))
    );
    browser.goto(&format!("/?{QUERY}"));
    browser.execute(&store, &[]);
    let tasks = (0..5)
        .flat_map(|i| {
            browser.goto(&format!("/?{QUERY}&volume={}", 3000 + i));
            wait_for_searched_plan(browser);
            std::thread::sleep(std::time::Duration::from_millis(1500));
            assert_eq!(
                browser.find_all("[data-testid=open-pin]").len(),
                PINNED_VOLUMES.len(),
                "the stored pins are listed"
            );
            long_tasks_so_far(browser)
        })
        .collect();
    browser.execute("localStorage.clear();", &[]);
    tasks
}

/// What another page of the origin might leave after the pins: 5 MB of lines
/// that are not pins (JavaScript, run in the page).
const JUNK: &str = "'x\\n'.repeat(2500000)";

/// Milliseconds from navigation start until the pins are listed, over 5 loads
/// of the default page with two pins stored and then `junk` (a JavaScript
/// expression for text, or nothing), stored afresh before each load (the page
/// cleans it); and the long tasks of those loads.
fn pins_listed(browser: &Browser, junk: &str) -> (Vec<f64>, Vec<LongTask>) {
    let junk = if junk.is_empty() { "''" } else { junk };
    let store = format!(
        "localStorage.setItem({}, 'volume=5\\nvolume=6\\n' + {junk});",
        json!(calculator::pinned::PINS_KEY)
    );
    browser.goto("/");
    let mut tasks = Vec::new();
    let times = (0..5)
        .map(|_| {
            browser.execute(&store, &[]);
            browser.goto("/");
            e2e::wait_until("the pins", std::time::Duration::from_secs(60), || {
                browser
                    .execute("return window.__pinsShown || 0;", &[])
                    .as_f64()
                    > Some(0.0)
            });
            tasks.extend(long_tasks_so_far(browser));
            let at = browser.execute("return window.__pinsShown;", &[]);
            at.as_f64().expect("the probe saw the pins")
        })
        .collect();
    browser.execute("localStorage.clear();", &[]);
    (times, tasks)
}

/// Waits until the probe has seen the searched plan replace the quick one.
fn wait_for_searched_plan(browser: &Browser) {
    e2e::wait_until(
        "the searched plan",
        std::time::Duration::from_secs(60),
        || {
            browser
                .execute("return window.__refined || 0;", &[])
                .as_f64()
                > Some(0.0)
        },
    );
}

/// "none over 50 ms" or "#months: 1 over 50 ms, longest 61.0 ms; …".
fn inputs_long_tasks(seen: &[(&str, Vec<LongTask>)]) -> String {
    let long: Vec<String> = seen
        .iter()
        .filter(|(_, tasks)| !tasks.is_empty())
        .map(|(selector, tasks)| format!("{selector}: {}", long_tasks(tasks)))
        .collect();
    if long.is_empty() {
        long_tasks(&[])
    } else {
        long.join("; ")
    }
}

/// "median 1.2 ms, p95 2.3 ms, max 4.5 ms (n = 600)".
fn summary(samples: &[f64]) -> String {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let at = |fraction: f64| {
        let index = ((sorted.len() as f64 - 1.0) * fraction).round() as usize;
        sorted.get(index).copied().unwrap_or(f64::NAN)
    };
    format!(
        "median {:.1} ms, p95 {:.1} ms, max {:.1} ms (n = {})",
        at(0.5),
        at(0.95),
        at(1.0),
        sorted.len()
    )
}

fn chromium_version(browser: &Browser) -> String {
    let agent = browser.execute("return navigator.userAgent;", &[]);
    let agent = agent.as_str().unwrap_or_default();
    agent
        .split_whitespace()
        .find_map(|part| part.strip_prefix("HeadlessChrome/"))
        .unwrap_or("(version unknown)")
        .to_owned()
}
