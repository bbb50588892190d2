use yew::prelude::*;

/// A numeric column's heading: its name, then its unit, which never breaks
/// inside (`元/次` split after the slash reads as two words). A function, not
/// a component: the price tables call it six times and it keeps no state.
pub fn column_heading(name: &str, unit: &str) -> Html {
    html! {
        <th scope="col" class="number">
            { name }{ " " }<span class="nowrap">{ format!("({unit})") }</span>
        </th>
    }
}
