//! newsfacts turns Dutch and French news articles into structured facts:
//! money amounts, company names and dates, with exact character offsets.
//!
//! The stages are modules with one job each:
//!
//! * [`source`]: where articles come from (files, folders, stdin, JSON Lines, gzip, charsets);
//! * [`html`]: HTML pages to article text and metadata;
//! * [`fetch`]: downloading pages over HTTP;
//! * [`ingest`]: scheduled collection from feeds, lists and folders with state;
//! * [`langid`]: language detection and routing;
//! * [`lang`]: the per-language tables (lexicons are data, compiled in);
//! * [`extract`]: the shared extraction engines (money, companies, dates);
//! * [`pipeline`]: one article to one record, and the parallel batch runner;
//! * [`statements`]: linking mentions into company/metric/amount/period statements;
//! * [`text`]: character helpers shared by the stages that fold text;
//! * [`export`]: flat CSV / JSON Lines rows per fact or statement;
//! * [`output`]: the record schema and its JSON Lines encoding; [`schema`] its JSON Schema.

// Nothing may panic on input: `unwrap`/`expect` are errors under `-D warnings` outside tests.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod article;
pub mod cli;
pub mod error;
pub mod export;
pub mod extract;
pub mod fetch;
pub mod html;
pub mod ingest;
pub mod lang;
pub mod langid;
pub mod output;
pub mod pipeline;
pub mod schema;
pub mod source;
pub mod statements;
pub mod text;
