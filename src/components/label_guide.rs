use pricing::{resolve_label, Channel, Comparison, Label};
use yew::prelude::*;

use crate::hooks::use_lang;

use crate::book::Book;
use crate::i18n::{channel_name, comparison_name, label_name, label_reason, text};

/// Properties of a [`LabelGuide`].
#[derive(Properties, PartialEq)]
pub struct LabelGuideProps {
    /// The price book, for the labels' names.
    pub book: Book,
    /// Receives the label the answers resolve to.
    pub on_resolve: Callback<Label>,
    /// What its inputs' names and test hooks start with: one per guide on the page.
    #[prop_or(AttrValue::Static("guide"))]
    pub name: AttrValue,
}

/// Two questions — access channel and what the face is compared with — that
/// resolve the billing label, with the reason.
#[component]
pub fn LabelGuide(props: &LabelGuideProps) -> Html {
    let lang = use_lang();
    let t = text(lang);
    let channel = use_state(|| None::<Channel>);
    let comparison = use_state(|| None::<Comparison>);
    let resolved = (*channel).zip(*comparison);
    // Each answer keeps the other one; once both are given, the label follows.
    let answer = |next_channel: Option<Channel>, next_comparison: Option<Comparison>| {
        let (channel, comparison, on_resolve) = (
            channel.clone(),
            comparison.clone(),
            props.on_resolve.clone(),
        );
        move |_: Event| {
            channel.set(next_channel);
            comparison.set(next_comparison);
            if let Some((ch, co)) = next_channel.zip(next_comparison) {
                on_resolve.emit(resolve_label(ch, co));
            }
        }
    };
    html! {
        <details class="guide" data-testid="label-guide">
            <summary>{ t.guide_title }</summary>
            <fieldset class="choices">
                <legend>{ t.guide_channel }</legend>
                for value in Channel::ALL {
                    <label class={classes!("choice", (*channel == Some(value)).then_some("chosen"))} key={value.id()}>
                        <input type="radio" name={format!("{}-channel", props.name)} value={value.id()}
                            data-testid={format!("{}-channel-{}", props.name, value.id())}
                            checked={*channel == Some(value)} onchange={answer(Some(value), *comparison)} />
                        <span>{ channel_name(value, lang) }</span>
                    </label>
                }
            </fieldset>
            <fieldset class="choices">
                <legend>{ t.guide_comparison }</legend>
                for value in Comparison::ALL {
                    <label class={classes!("choice", (*comparison == Some(value)).then_some("chosen"))} key={value.id()}>
                        <input type="radio" name={format!("{}-comparison", props.name)} value={value.id()}
                            data-testid={format!("{}-comparison-{}", props.name, value.id())}
                            checked={*comparison == Some(value)} onchange={answer(*channel, Some(value))} />
                        <span>{ comparison_name(value, lang) }</span>
                    </label>
                }
            </fieldset>
            if let Some((ch, co)) = resolved {
                <p class="guide-result" data-testid={format!("{}-result", props.name)} data-label={resolve_label(ch, co).id()} role="status">
                    { label_reason(ch, co, label_name(resolve_label(ch, co), lang), lang) }
                </p>
            }
        </details>
    }
}
