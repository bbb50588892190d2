//! The cost curve: what postpaid and the cheapest plan cost over the horizon
//! at monthly volumes across the whole range, and where the cheapest plan
//! changes kind. With further channels, the whole estimate scales with the
//! main volume: each channel keeps its share of it.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use pricing::limits::VOLUME_MAX;
use pricing::money::per_call;
use pricing::{Estimate, Optimizer, OptimizerError, Scenario, Strategy, Totals, TotalsWork, Work};

use crate::volume_scale::SNAP_POINTS;

/// The smallest volume the curve starts from: its x axis is logarithmic.
pub const CURVE_FROM: u64 = 100;

/// Samples per power of ten, besides the snap points and the tier bounds.
const SAMPLES_PER_DECADE: u32 = 12;

/// The costs at one monthly volume.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurvePoint {
    /// Calls in the first month.
    pub volume: u64,
    /// Postpaid only, over the horizon.
    pub postpaid: Decimal,
    /// The cheapest plan, over the horizon.
    pub best: Decimal,
    /// The cheapest plan's kind.
    pub strategy: Strategy,
    /// The cheapest plan's average price per call; `None` without calls.
    pub best_per_call: Option<Decimal>,
    /// Postpaid's average price per call; `None` without calls.
    pub postpaid_per_call: Option<Decimal>,
}

/// The first volume at which the cheapest plan starts or stops buying packs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BreakEven {
    /// The volume where the new kind starts.
    pub volume: u64,
    /// The kind below it.
    pub from: Strategy,
    /// The kind from it on.
    pub to: Strategy,
}

/// The curve for everything in a scenario but its volume.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CostCurve {
    /// Samples in ascending volume.
    pub points: Vec<CurvePoint>,
    /// Where the cheapest plan changes kind, ascending.
    pub break_evens: Vec<BreakEven>,
    /// Which plans the "best" line draws.
    pub plans: Plans,
    /// The scenario it was computed for; its volume is not used.
    pub scenario: Scenario,
}

impl CostCurve {
    /// Whether this is the final curve for `scenario`: the cheapest plans',
    /// computed for the same inputs whatever the volume.
    pub fn is_final_for(&self, scenario: &Scenario) -> bool {
        let whatever_volume = |s: &Scenario| Scenario {
            volume: 0,
            ..s.clone()
        };
        self.plans == Plans::Cheapest
            && whatever_volume(&self.scenario) == whatever_volume(scenario)
    }

    /// The first volume above `volume` from which the cheapest plan buys
    /// packs after buying none, if the range has one: where packs start to pay.
    pub fn packs_pay_from(&self, volume: u64) -> Option<u64> {
        self.break_evens
            .iter()
            .find(|change| change.volume > volume && change.from == Strategy::PostpaidOnly)
            .map(|change| change.volume)
    }
}

/// Samples the costs from [`CURVE_FROM`] to the top of the range, finding each
/// change of the cheapest plan's kind exactly by bisection between samples.
pub fn cost_curve(
    optimizer: &Optimizer<'_>,
    scenario: &Scenario,
) -> Result<CostCurve, OptimizerError> {
    let mut work = CurveWork::new(optimizer, scenario, Plans::Cheapest);
    loop {
        if let Some(curve) = work.advance(usize::MAX)? {
            return Ok(curve);
        }
    }
}

/// Which plan a curve's "best" line draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plans {
    /// The yearly plan (packs bought at months 1, 13 and 25 only): quick,
    /// to show while the cheapest is computed.
    Yearly,
    /// The cheapest plan over every purchase month.
    Cheapest,
}

/// The cost curve computed a step at a time, so that a page can spread it
/// over several tasks: [`CurveWork::advance`] until it returns the curve. A
/// step is one volume's costs with [`Plans::Yearly`], one month of one
/// label's search with [`Plans::Cheapest`].
pub struct CurveWork<'o> {
    optimizer: &'o Optimizer<'o>,
    plans: Plans,
    scenario: Scenario,
    volumes: Vec<u64>,
    points: Vec<CurvePoint>,
    break_evens: Vec<BreakEven>,
    /// The pair of samples whose break-even is being looked for, and the
    /// bisection's bounds: the kind at `low` is the lower sample's.
    bisecting: Option<(usize, u64, u64)>,
    /// The next pair of samples to check for a change of kind.
    next_pair: usize,
    /// The volume being searched, and its search.
    pending: Option<(u64, TotalsWork<'o>)>,
}

impl Work for CurveWork<'_> {
    type Output = Result<CostCurve, OptimizerError>;

    /// One more step: a point, a bisection or a pair compared.
    fn step(&mut self) -> Option<Self::Output> {
        self.advance(1).transpose()
    }
}

impl<'o> CurveWork<'o> {
    /// The work for a scenario's curve, nothing computed yet.
    pub fn new(optimizer: &'o Optimizer<'o>, scenario: &Scenario, plans: Plans) -> CurveWork<'o> {
        CurveWork {
            optimizer,
            plans,
            volumes: sample_volumes(optimizer, scenario),
            scenario: scenario.clone(),
            points: Vec::new(),
            break_evens: Vec::new(),
            bisecting: None,
            next_pair: 0,
            pending: None,
        }
    }

    /// Takes at most `steps` more steps; the curve once done.
    pub fn advance(&mut self, steps: usize) -> Result<Option<CostCurve>, OptimizerError> {
        for _ in 0..steps {
            if self.points.len() < self.volumes.len() {
                let volume = self.volumes[self.points.len()];
                if let Some(point) = self.evaluate(volume)? {
                    self.points.push(point);
                }
            } else if let Some((pair, low, high)) = self.bisecting {
                self.bisect(pair, low, high)?;
            } else if self.next_pair + 1 < self.points.len() {
                let pair = self.next_pair;
                self.next_pair += 1;
                let (below, above) = (&self.points[pair], &self.points[pair + 1]);
                if buys_packs(below.strategy) != buys_packs(above.strategy) {
                    self.bisecting = Some((pair, below.volume, above.volume));
                }
            } else {
                return Ok(Some(CostCurve {
                    points: std::mem::take(&mut self.points),
                    break_evens: std::mem::take(&mut self.break_evens),
                    plans: self.plans,
                    scenario: self.scenario.clone(),
                }));
            }
        }
        Ok(None)
    }

    /// One step towards the costs at `volume`; the point once known.
    fn evaluate(&mut self, volume: u64) -> Result<Option<CurvePoint>, OptimizerError> {
        let scenario = at_volume(&self.scenario, volume);
        if self.plans == Plans::Yearly {
            let totals = Totals::yearly(self.optimizer, &scenario)?;
            return Ok(Some(CurvePoint::new(volume, totals)));
        }
        let work = match &mut self.pending {
            Some((searched, work)) if *searched == volume => work,
            _ => {
                let work = TotalsWork::new(self.optimizer, &scenario);
                &mut self.pending.insert((volume, work)).1
            }
        };
        let totals = work.advance(1)?;
        if totals.is_some() {
            self.pending = None;
        }
        Ok(totals.map(|totals| CurvePoint::new(volume, totals)))
    }

    /// One step of the bisection for the smallest volume in `(low, high]`
    /// whose plan differs from the lower sample's in buying packs.
    fn bisect(&mut self, pair: usize, low: u64, high: u64) -> Result<(), OptimizerError> {
        let from = self.points[pair].strategy;
        if high - low > 1 {
            let middle = low + (high - low) / 2;
            if let Some(point) = self.evaluate(middle)? {
                self.bisecting = match buys_packs(point.strategy) == buys_packs(from) {
                    true => Some((pair, middle, high)),
                    false => Some((pair, low, middle)),
                };
            }
            return Ok(());
        }
        let to = match high == self.points[pair + 1].volume {
            true => Some(self.points[pair + 1].strategy),
            false => self.evaluate(high)?.map(|point| point.strategy),
        };
        if let Some(to) = to {
            self.break_evens.push(BreakEven {
                volume: high,
                from,
                to,
            });
            self.bisecting = None;
        }
        Ok(())
    }
}

impl CurvePoint {
    /// The point for a scenario already estimated, at its volume.
    pub fn of_estimate(volume: u64, estimate: &Estimate) -> CurvePoint {
        CurvePoint::new(volume, estimate.totals())
    }

    fn new(volume: u64, totals: Totals) -> CurvePoint {
        CurvePoint {
            volume,
            postpaid: totals.postpaid,
            best: totals.best,
            strategy: totals.strategy,
            best_per_call: per_call(totals.best, totals.calls),
            postpaid_per_call: per_call(totals.postpaid, totals.calls),
        }
    }
}

/// The scenario with `volume` as its main volume and each further channel
/// scaled by the same factor (rounded half away from zero, kept in range);
/// with no main volume to scale from, the channels stay as they are.
fn at_volume(scenario: &Scenario, volume: u64) -> Scenario {
    let scale = |channel_volume: u64| {
        if scenario.volume == 0 {
            return channel_volume;
        }
        let exact =
            Decimal::from(channel_volume) * Decimal::from(volume) / Decimal::from(scenario.volume);
        exact
            .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .to_u64()
            .map_or(VOLUME_MAX, |v| v.min(VOLUME_MAX))
    };
    let extra = scenario
        .extra
        .iter()
        .map(|channel| pricing::ExtraChannel {
            volume: scale(channel.volume),
            ..*channel
        })
        .collect();
    Scenario {
        volume,
        extra,
        ..scenario.clone()
    }
}

/// The costs at one volume.
pub fn point(
    optimizer: &Optimizer<'_>,
    scenario: &Scenario,
    volume: u64,
) -> Result<CurvePoint, OptimizerError> {
    let totals = Totals::new(optimizer, &at_volume(scenario, volume))?;
    Ok(CurvePoint::new(volume, totals))
}

fn sample_volumes(optimizer: &Optimizer<'_>, scenario: &Scenario) -> Vec<u64> {
    let mut volumes: Vec<u64> = SNAP_POINTS
        .iter()
        .copied()
        .filter(|&v| v >= CURVE_FROM)
        .collect();
    let prices = optimizer.book().label(scenario.label);
    for tier in &prices.tiers {
        if let Some(bound) = tier.up_to {
            volumes.extend([bound, bound + 1]);
        }
    }
    let decades = VOLUME_MAX.ilog10() - CURVE_FROM.ilog10();
    let steps = decades * SAMPLES_PER_DECADE;
    let (low, high) = (
        f64::from(CURVE_FROM.ilog10()),
        f64::from(VOLUME_MAX.ilog10()),
    );
    // Sample positions only: every amount is computed exactly at these volumes.
    volumes.extend((0..=steps).map(|i| {
        let exponent = low + (high - low) * f64::from(i) / f64::from(steps);
        10f64.powf(exponent).round() as u64
    }));
    volumes.retain(|&v| (CURVE_FROM..=VOLUME_MAX).contains(&v));
    volumes.sort_unstable();
    volumes.dedup();
    volumes
}

/// Whether a plan buys packs at all: the kinds a break-even separates. (Plans
/// that buy packs flip between covering every call and leaving a few to
/// postpaid at almost every volume; that is no break-even for a reader.)
fn buys_packs(strategy: Strategy) -> bool {
    strategy != Strategy::PostpaidOnly
}

#[cfg(test)]
mod tests {
    use super::*;
    use pricing::Optimizer;

    #[test]
    fn the_curve_spans_the_range_and_its_break_evens_are_exact() {
        let optimizer = Optimizer::embedded().unwrap();
        let mut found = 0;
        for label in pricing::Label::ALL {
            let scenario = Scenario {
                label,
                months: 12,
                ..Scenario::default()
            };
            let curve = cost_curve(optimizer, &scenario).unwrap();
            assert_eq!(curve.points.first().map(|p| p.volume), Some(CURVE_FROM));
            assert_eq!(curve.points.last().map(|p| p.volume), Some(VOLUME_MAX));
            assert!(curve.points.iter().any(|p| p.volume == 1001));
            for point in &curve.points {
                assert!(point.best <= point.postpaid);
            }
            for change in &curve.break_evens {
                let at = |volume| {
                    optimizer
                        .recommend(&Scenario {
                            volume,
                            ..scenario.clone()
                        })
                        .unwrap()
                        .strategy
                };
                assert_eq!(at(change.volume), change.to);
                assert_eq!(at(change.volume - 1), change.from);
                assert_ne!(buys_packs(change.from), buys_packs(change.to));
                found += 1;
            }
        }
        assert!(found > 0, "some label changes between postpaid and packs");
    }

    #[test]
    fn a_curve_advanced_a_few_volumes_at_a_time_is_the_same_curve() {
        let optimizer = Optimizer::embedded().unwrap();
        let scenario = Scenario {
            label: pricing::Label::GeneralVerify,
            months: 6,
            ..Scenario::default()
        };
        let whole = cost_curve(optimizer, &scenario).unwrap();
        for step in [1, 3, 7] {
            let mut work = CurveWork::new(optimizer, &scenario, Plans::Cheapest);
            let mut advances = 0;
            let curve = loop {
                advances += 1;
                if let Some(curve) = work.advance(step).unwrap() {
                    break curve;
                }
            };
            assert_eq!(curve, whole);
            // A step is one month of one search: six per volume at least.
            assert!(advances * step >= 6 * whole.points.len());
        }
        // The quick curve draws the yearly plans: never below the cheapest.
        let mut work = CurveWork::new(optimizer, &scenario, Plans::Yearly);
        let yearly = loop {
            if let Some(curve) = work.advance(1).unwrap() {
                break curve;
            }
        };
        assert_eq!(yearly.points.len(), whole.points.len());
        for (quick, cheapest) in yearly.points.iter().zip(&whole.points) {
            assert_eq!(quick.postpaid, cheapest.postpaid);
            assert!(quick.best >= cheapest.best);
        }
    }

    #[test]
    fn only_the_cheapest_curve_of_the_same_inputs_is_final() {
        let optimizer = Optimizer::embedded().unwrap();
        let scenario = Scenario {
            label: pricing::Label::WechatCompare,
            months: 3,
            ..Scenario::default()
        };
        let finished = |plans| {
            let mut work = CurveWork::new(optimizer, &scenario, plans);
            loop {
                if let Some(curve) = work.advance(50).unwrap() {
                    break curve;
                }
            }
        };
        let cheapest = finished(Plans::Cheapest);
        let moved = Scenario {
            volume: scenario.volume * 7 + 1,
            ..scenario.clone()
        };
        assert!(cheapest.is_final_for(&scenario));
        assert!(
            cheapest.is_final_for(&moved),
            "the volume is the curve's axis"
        );
        let longer = Scenario {
            months: 4,
            ..scenario.clone()
        };
        assert!(!cheapest.is_final_for(&longer));
        assert!(!finished(Plans::Yearly).is_final_for(&scenario));
    }

    #[test]
    fn a_point_from_an_estimate_equals_a_sampled_point() {
        let optimizer = Optimizer::embedded().unwrap();
        let scenario = Scenario {
            volume: 4321,
            months: 30,
            growth: Decimal::from(3),
            ..Scenario::default()
        };
        let estimate = Estimate::new(optimizer, &scenario).unwrap();
        assert_eq!(
            CurvePoint::of_estimate(4321, &estimate),
            point(optimizer, &scenario, 4321).unwrap()
        );
    }
}
