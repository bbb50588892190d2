//! One component per file, each named for what it shows.

pub mod amount;
pub mod cliff_note;
pub mod cost_chart;
pub mod extra_channels;
pub mod label_comparison;
pub mod label_guide;
pub mod label_picker;
pub mod language_switch;
pub mod month_breakdown;
pub mod month_profile;
pub mod notice_list;
pub mod number_field;
pub mod pack_table;
pub mod page;
pub mod pinned_scenarios;
pub mod postpaid_summary;
pub mod price_column_picker;
pub mod price_tables;
pub mod promotion_end;
pub mod recommendation_panel;
pub mod scenario_inputs;
pub mod season_area;
pub mod share_bar;
pub mod stop_buttons;
pub mod tier_table;
pub mod volume_control;
