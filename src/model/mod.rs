//! The explainer's logic that does not need a browser: state and URL, presets, pasted
//! tensors, translations, colours and diagram geometry. Components in `ui` only wire
//! signals to these types, so all of it is tested natively.

pub mod builtin_image;
pub mod call_text;
pub mod chart;
pub mod colour;
pub mod elsewhere;
pub mod format;
pub mod framework_options;
pub mod framework_strip;
pub mod geometry;
pub mod heat_layout;
pub mod i18n;
pub mod ledger_text;
pub mod lesson;
pub mod modes;
pub mod neighbourhood;
pub mod npy;
pub mod paste;
pub mod picture;
pub mod picture_view;
pub mod pixel_ledger;
pub mod plots;
pub mod presets;
pub mod quiz;
pub mod raster;
pub mod round_trip;
pub mod selection;
pub mod snapshot;
pub mod state;
pub mod strip;
