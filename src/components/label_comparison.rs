use pricing::{money, Label, Lang, PriceColumn};
use yew::prelude::*;

use crate::book::Book;
use crate::i18n::{column_name, label_name, text, tier_range};

/// Properties of a [`LabelComparison`].
#[derive(Properties, PartialEq)]
pub struct LabelComparisonProps {
    /// The price book.
    pub book: Book,
    /// The chosen label, whose columns are marked.
    pub label: Label,
    /// Page language.
    pub lang: Lang,
}

/// Both tables with all four labels side by side, as the announcement prints them.
#[component]
pub fn LabelComparison(props: &LabelComparisonProps) -> Html {
    let t = text(props.lang);
    let book = props.book;
    let mut sizes: Vec<u64> = book
        .labels()
        .iter()
        .flat_map(|p| p.packs.iter().map(|pack| pack.calls))
        .collect();
    sizes.sort_unstable();
    sizes.dedup();
    html! {
        <div class="comparison" data-testid="label-comparison">
            <div class="table-scroll" tabindex="0">
                <table class="prices wide">
                    <caption>{ format!("{} ({})", t.packs_title, t.yuan) }</caption>
                    <thead>{ header(book, props, t.pack_size) }</thead>
                    <tbody>
                        for calls in sizes {
                            <tr key={calls}>
                                <th scope="row">{ money::grouped_calls(calls.into()) }</th>
                                for prices in book.labels() {
                                    { price_cells(prices.packs.iter().find(|p| p.calls == calls).map(|p| p.price), t.not_sold) }
                                }
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
            <div class="table-scroll" tabindex="0">
                <table class="prices wide">
                    <caption>{ format!("{} ({})", t.tiers_title, t.yuan_per_call) }</caption>
                    <thead>{ header(book, props, t.monthly_calls) }</thead>
                    <tbody>
                        for (index, tier) in book.labels().iter().take(1).flat_map(|first| &first.tiers).enumerate() {
                            <tr key={index}>
                                <th scope="row">{ tier_range(tier, props.lang) }</th>
                                for prices in book.labels() {
                                    { price_cells(prices.tiers.get(index).map(|tier| tier.unit), t.not_sold) }
                                }
                            </tr>
                        }
                    </tbody>
                </table>
            </div>
        </div>
    }
}

fn price_cells(price: Option<pricing::Price>, not_sold: &'static str) -> Html {
    match price {
        Some(price) => html! {
            <>
                <td class="number">{ money::grouped_exact(price.list) }</td>
                <td class="number">{ money::grouped_exact(price.promo) }</td>
            </>
        },
        None => html! { <td class="number" colspan="2" title={not_sold}>{ "-" }</td> },
    }
}

fn header(book: Book, props: &LabelComparisonProps, first: &str) -> Html {
    html! {
        <>
            <tr>
                <th scope="col" rowspan="2">{ first.to_string() }</th>
                for prices in book.labels() {
                    <th scope="colgroup" colspan="2" key={prices.label.id()}
                        class={classes!((prices.label == props.label).then_some("chosen"))}>
                        { label_name(prices, props.lang) }
                    </th>
                }
            </tr>
            <tr>
                for prices in book.labels() {
                    for column in [PriceColumn::List, PriceColumn::Promo] {
                        <th scope="col" class="number" key={format!("{}-{}", prices.label.id(), column.id())}>
                            { column_name(column, props.lang) }
                        </th>
                    }
                }
            </tr>
        </>
    }
}
