//! `@requestCompression`: a body at least as large as the context's minimum is sent gzipped,
//! with `gzip` appended to any `Content-Encoding` the input set, as the AWS SDKs do. Only with
//! the `gzip` feature: without it bodies are sent as they are, which services accept as well
//! (compression saves bytes on the wire; the SDKs let users turn it off).

use super::{Request, RequestContext};

/// Without the `gzip` feature: leaves the request as it is.
#[cfg(not(feature = "gzip"))]
#[inline]
pub fn gzip_request(request: &mut Request<Vec<u8>>, ctx: &RequestContext) {
    let _ = (request, ctx);
}

/// Gzips the request's body when the context allows it and the body is at least the minimum
/// size (`requestMinCompressionSizeBytes`), and appends `gzip` to `Content-Encoding`.
#[cfg(feature = "gzip")]
pub fn gzip_request(request: &mut Request<Vec<u8>>, ctx: &RequestContext) {
    use super::HeaderValue;
    use flate2::write::GzEncoder;
    use flate2::Compression;
    use std::io::Write;

    let Some(min) = ctx.min_compression_size() else {
        return;
    };
    if request.body().len() < min {
        return;
    }
    let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
    // Writing to a `Vec` cannot fail; on an error the body is sent as it is.
    let Ok(gzipped) = encoder
        .write_all(request.body())
        .and_then(|()| encoder.finish())
    else {
        return;
    };
    let encoding = match request.headers().get("content-encoding") {
        Some(given) => match given.to_str() {
            Ok(given) if !given.trim().is_empty() => format!("{given}, gzip"),
            _ => "gzip".to_owned(),
        },
        None => "gzip".to_owned(),
    };
    if let Ok(value) = HeaderValue::from_str(&encoding) {
        request.headers_mut().insert("content-encoding", value);
        *request.body_mut() = gzipped;
    }
}

#[cfg(all(test, feature = "gzip"))]
mod tests {
    use super::*;
    use crate::http::HeaderValue;
    use flate2::read::GzDecoder;
    use std::io::Read;

    fn request(body: &[u8], encoding: Option<&'static str>) -> Request<Vec<u8>> {
        let mut request = Request::new(body.to_vec());
        if let Some(e) = encoding {
            let value = HeaderValue::from_static(e);
            request.headers_mut().insert("content-encoding", value);
        }
        request
    }

    #[test]
    fn a_body_of_the_minimum_size_is_gzipped_and_reads_back() {
        let body = "abc".repeat(4000).into_bytes();
        let mut r = request(&body, None);
        gzip_request(&mut r, &RequestContext::new());
        assert_eq!(r.headers()["content-encoding"], "gzip");
        let mut back = Vec::new();
        GzDecoder::new(&r.body()[..])
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, body);
        let mut r = request(&body, Some("custom"));
        gzip_request(&mut r, &RequestContext::new());
        assert_eq!(r.headers()["content-encoding"], "custom, gzip");
    }

    #[test]
    fn a_small_body_or_disabled_compression_sends_the_body_as_is() {
        let mut r = request(b"{}", None);
        gzip_request(&mut r, &RequestContext::new());
        assert_eq!((r.body().as_slice(), r.headers().len()), (&b"{}"[..], 0));
        let body = vec![b'a'; 20_000];
        let mut r = request(&body, None);
        gzip_request(&mut r, &RequestContext::new().disable_request_compression());
        assert_eq!(r.body(), &body);
        let mut r = request(b"{}", None);
        gzip_request(&mut r, &RequestContext::new().with_min_compression_size(0));
        assert_eq!(r.headers()["content-encoding"], "gzip");
    }
}
