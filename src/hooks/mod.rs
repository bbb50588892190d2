//! Hooks that connect the page to the browser.

mod use_background;
mod use_cost_curve;
mod use_embed_resize;
mod use_estimate;
mod use_held_height;
mod use_lang;
mod use_later;
mod use_month_names;
mod use_narrow;
mod use_page_actions;
mod use_page_state;
mod use_pin_estimates;
mod use_pins;
mod use_slider_drag;

pub use use_cost_curve::use_cost_curve;
pub use use_embed_resize::use_embed_resize;
#[cfg(target_arch = "wasm32")]
pub use use_estimate::quick_estimate;
pub use use_estimate::{use_estimate, Quick};
pub use use_held_height::use_held_height;
pub use use_lang::use_lang;
pub use use_later::use_later;
pub use use_month_names::use_month_names;
pub use use_narrow::use_narrow;
pub use use_page_actions::{use_page_actions, PageActions};
pub use use_page_state::use_page_state;
pub use use_pin_estimates::use_pin_estimates;
pub use use_pins::{use_pins, PinActions, Pins};
pub use use_slider_drag::use_slider_drag;
