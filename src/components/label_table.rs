use calculator::Lang;
use pricing::Label;
use yew::prelude::*;

use crate::i18n::label_name;

/// One label's table in a scrolling frame, captioned with the label's name
/// when the estimate has several: the frame the month breakdown and the
/// purchase schedule share. Below 600 px its rows turn into blocks, each cell
/// a line after its column's name (`data-column`). `after` follows the frame: a sentence in a
/// scrolling box would be cut with the table.
pub fn label_table(label: Label, captioned: bool, lang: Lang, rows: Html, after: Html) -> Html {
    html! {
        <div key={label.id()}>
            <div class="table-scroll" tabindex="0">
                <table class="prices compact" data-label={label.id()}>
                    if captioned {
                        <caption>{ label_name(label, lang) }</caption>
                    }
                    { rows }
                </table>
            </div>
            { after }
        </div>
    }
}
