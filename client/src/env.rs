//! Environment variables as a value, read once: the credential chain and every setting read
//! from it, so tests never touch the process's environment.

use std::collections::BTreeMap;

/// Environment variables, read once.
#[derive(Debug, Clone, Default)]
pub struct Env(BTreeMap<String, String>);

impl Env {
    /// This process's environment. A variable whose name or value is not UTF-8 is left out,
    /// as the SDKs' `std::env::var` reads it as unset (`std::env::vars` would panic on it).
    pub fn process() -> Env {
        Env::from_os(std::env::vars_os())
    }

    /// Variables as the operating system gives them, keeping those that are UTF-8.
    pub fn from_os(
        vars: impl IntoIterator<Item = (std::ffi::OsString, std::ffi::OsString)>,
    ) -> Env {
        vars.into_iter()
            .filter_map(|(name, value)| Some((name.into_string().ok()?, value.into_string().ok()?)))
            .collect()
    }

    /// A variable's value; set but empty reads as unset, as the SDKs read it.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    pub fn with(mut self, name: &str, value: impl Into<String>) -> Env {
        self.0.insert(name.to_owned(), value.into());
        self
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Env {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Env(iter
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect())
    }
}
