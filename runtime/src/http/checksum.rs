//! `@httpChecksumRequired`: the request carries the `Content-MD5` of its body (RFC 1864: the
//! base64 of the body's MD5 digest), as botocore's `conditionally_calculate_md5` sets it.

use super::{HeaderValue, Request};
use md5::{Digest, Md5};

/// Sets `Content-MD5` to the base64 MD5 of the request's body, unless the request has one
/// already (an input member bound to the header).
pub fn set_content_md5(request: &mut Request<Vec<u8>>) {
    if request.headers().contains_key("content-md5") {
        return;
    }
    let digest = Md5::digest(request.body());
    let text = crate::base64::encode(&digest);
    // Base64 is ASCII, always a valid header value.
    if let Ok(value) = HeaderValue::from_str(&text) {
        request.headers_mut().insert("content-md5", value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md5_header(body: &[u8]) -> String {
        let mut request = Request::new(body.to_vec());
        set_content_md5(&mut request);
        request.headers()["content-md5"]
            .to_str()
            .unwrap()
            .to_owned()
    }

    #[test]
    fn content_md5_is_the_base64_of_the_bodys_digest() {
        // RFC 1321's test suite, as base64.
        assert_eq!(md5_header(b""), "1B2M2Y8AsgTpgAmY7PhCfg==");
        assert_eq!(md5_header(b"abc"), "kAFQmDzST7DWlj99KOF/cg==");
    }

    #[test]
    fn a_content_md5_already_set_is_kept() {
        let mut request = Request::new(b"abc".to_vec());
        request
            .headers_mut()
            .insert("content-md5", HeaderValue::from_static("given"));
        set_content_md5(&mut request);
        assert_eq!(request.headers()["content-md5"], "given");
    }
}
