//! Hooks that connect the page to the browser.

mod use_page_state;

pub use use_page_state::use_page_state;
