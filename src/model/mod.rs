//! The explainer's logic that does not need a browser: URL state, diagram geometry,
//! translations, input parsing. Components in `ui` only wire signals to these types.
