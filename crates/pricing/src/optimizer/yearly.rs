//! The yearly plan: packs bought only at the start of each 12-month window
//! (months 1, 13, 25), what a buyer who renews once a year gets. It is one
//! of the plans the any-month search compares, and the baseline it is
//! measured against.

use rust_decimal::Decimal;

use crate::billing::Order;

use super::span::{Bounds, Candidate, Span};

/// The cheapest order at the start of a window whose packs serve only it.
pub(super) fn window_order(span: &Span<'_>, first_month: usize) -> Option<Order> {
    let bills = span.bills();
    let mut rest = Decimal::ZERO;
    let mut best: Option<Candidate> = None;
    let mut consider = |candidate: Candidate| {
        if best.is_none_or(|known| candidate.key() < known.key()) {
            best = Some(candidate);
        }
    };
    for j in (0..span.volumes.len()).rev() {
        span.for_each_piece(j, rest, 1, Bounds::Skip, |piece| {
            piece.best.into_iter().for_each(&mut consider)
        });
        rest += bills[j];
    }
    span.covers_all(1).into_iter().for_each(&mut consider);
    // Buying nothing is the piece of month 0 with no capacity, when it wins.
    let best = best.filter(|candidate| candidate.units > 0)?;
    Some(Order {
        month: first_month,
        purchases: span.purchases(best.units),
    })
}
