//! The pre-rendered page's deferred sections (`data-later`, see
//! [`Later`](crate::components::later::Later)), kept while the live page
//! replaces the rest, so that each stays on screen until its live version is rendered.

use std::cell::RefCell;

use web_sys::Element;

thread_local! {
    /// The sections taken out of the pre-rendered page, by name.
    static SECTIONS: RefCell<Vec<(String, Element)>> = const { RefCell::new(Vec::new()) };
}

/// Keeps the deferred sections of the pre-rendered page in `host`, before the
/// live page clears it.
#[cfg(target_arch = "wasm32")]
pub fn keep_sections(host: &Element) {
    let Ok(found) = host.query_selector_all("[data-later]") else {
        return;
    };
    let sections = (0..found.length())
        .filter_map(|at| found.item(at))
        .filter_map(|node| wasm_bindgen::JsCast::dyn_into::<Element>(node).ok())
        .filter_map(|element| Some((element.get_attribute("data-later")?, element)));
    SECTIONS.with(|kept| {
        for (name, element) in sections {
            // A hook for tests: the page is not all live while one stands in.
            let _ = element.set_attribute("data-stand-in", "");
            kept.borrow_mut().push((name, element));
        }
    });
}

/// The kept section named `name`, handed out once (none natively, or when the
/// live page did not take a pre-rendered one over).
pub fn take_section(name: &str) -> Option<Element> {
    SECTIONS.with(|kept| {
        let mut kept = kept.borrow_mut();
        let at = kept.iter().position(|(kept_name, _)| kept_name == name)?;
        Some(kept.swap_remove(at).1)
    })
}
