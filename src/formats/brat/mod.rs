//! brat standoff export and import: the code moves here whole first (as `read.rs`, the biggest piece it will
//! keep), so that its history follows, and is split by job in the next commit.

mod read;

pub use read::*;
