use calculator::{format, Lang};
use pricing::{Label, PriceColumn};
use yew::prelude::*;

use crate::hooks::use_lang;

use crate::book::Book;
use crate::i18n::{column_name, label_name, text, tier_range};

/// Properties of a [`LabelComparison`].
#[derive(Properties, PartialEq)]
pub struct LabelComparisonProps {
    /// The price book.
    pub book: Book,
    /// The chosen label, whose columns are marked.
    pub label: Label,
}

/// Both tables with all four labels side by side, as the announcement prints them.
#[component]
pub fn LabelComparison(props: &LabelComparisonProps) -> Html {
    let lang = use_lang();
    let t = text(lang);
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
                    <thead>{ header(book, props, t.pack_size, lang) }</thead>
                    <tbody>
                        for calls in sizes {
                            <tr key={calls}>
                                <th scope="row">{ format::grouped_calls(calls.into()) }</th>
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
                    <thead>{ header(book, props, t.monthly_calls, lang) }</thead>
                    <tbody>
                        for (index, tier) in book.labels().iter().take(1).flat_map(|first| &first.tiers).enumerate() {
                            <tr key={index}>
                                <th scope="row">{ tier_range(tier, lang) }</th>
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
                <td class="number">{ format::grouped_exact(price.list) }</td>
                <td class="number">{ format::grouped_exact(price.promo) }</td>
            </>
        },
        None => html! { <td class="number" colspan="2" title={not_sold}>{ "-" }</td> },
    }
}

fn header(book: Book, props: &LabelComparisonProps, first: &str, lang: Lang) -> Html {
    html! {
        <>
            <tr>
                <th scope="col" rowspan="2">{ first.to_string() }</th>
                for prices in book.labels() {
                    <th scope="colgroup" colspan="2" key={prices.label.id()}
                        class={classes!((prices.label == props.label).then_some("chosen"))}>
                        { label_name(prices.label, lang) }
                    </th>
                }
            </tr>
            <tr>
                for prices in book.labels() {
                    for column in [PriceColumn::List, PriceColumn::Promo] {
                        <th scope="col" class="number" key={format!("{}-{}", prices.label.id(), column.id())}>
                            { column_name(column, lang) }
                        </th>
                    }
                }
            </tr>
        </>
    }
}
