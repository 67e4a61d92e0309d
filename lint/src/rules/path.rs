//! Paths into an input as rules write them: `steps!["containerDefinitions", i, "memory"]`, and
//! one path under another.

use crate::locate::Seg;

/// A path from its steps: `steps!["containerDefinitions", i, "memory"]`.
macro_rules! steps {
    ($($seg:expr),* $(,)?) => { vec![$($crate::locate::Seg::from($seg)),*] };
}
pub(crate) use steps;

/// `rest` under `at`.
pub fn under(at: &[Seg], rest: Vec<Seg>) -> Vec<Seg> {
    at.iter().cloned().chain(rest).collect()
}

/// A path one step longer.
pub fn join(path: &[Seg], seg: impl Into<Seg>) -> Vec<Seg> {
    let mut longer = path.to_vec();
    longer.push(seg.into());
    longer
}
