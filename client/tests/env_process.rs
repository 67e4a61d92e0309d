//! `Env::process` over this process's real environment, with a variable that is not UTF-8:
//! a test binary of its own, since it changes the process's environment.

use awsgen_client::credentials::Env;

/// A variable whose value is not UTF-8 (any program may inherit one) is skipped, as the SDKs'
/// `std::env::var` reads it as unset, instead of panicking as `std::env::vars` does.
#[cfg(unix)]
#[test]
fn a_variable_that_is_not_utf8_is_skipped_not_a_panic() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    std::env::set_var("AWSGEN_TEST_NOT_UTF8", OsStr::from_bytes(b"caf\xe9"));
    std::env::set_var(OsStr::from_bytes(b"AWSGEN_TEST_\xff"), "value");
    std::env::set_var("AWSGEN_TEST_PLAIN", "yes");
    let env = Env::process();
    assert_eq!(env.get("AWSGEN_TEST_PLAIN"), Some("yes"));
    assert_eq!(env.get("AWSGEN_TEST_NOT_UTF8"), None);
    // The client reads its settings from the same value.
    awsgen_client::Client::from_env().expect("a client");
}
