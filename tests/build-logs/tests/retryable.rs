//! The errors a real model marks `@retryable` (the Price List's `InternalErrorException` and
//! `ThrottlingException`, `throttling: true`) say so through the generated error type's
//! `OperationError::retryable`, which the client consults before the error's code and status
//! (`client/tests/client.rs`, `errors_the_model_marks_retryable_are_retried`); the others say
//! nothing.

#![cfg(not(awsgen_no_corpus))]

use awsgen_build_logs::pricing::operation::{GetProducts, GetProductsError};
use awsgen_runtime::http::{HttpOperation, ModeledRetry, OperationError, Response, ResponseError};

fn error(status: u16, code: &str) -> GetProductsError {
    let body = format!(r#"{{"__type": "{code}", "Message": "m"}}"#);
    let response = Response::builder()
        .status(status)
        .header("content-type", "application/x-amz-json-1.1")
        .body(body.as_bytes())
        .expect("a response");
    match GetProducts::parse_response(&response) {
        Err(ResponseError::Service(e)) => e,
        other => panic!("{code}: not a service error: {other:?}"),
    }
}

#[test]
fn errors_the_model_marks_retryable_say_so() {
    let throttling = error(429, "ThrottlingException");
    assert!(matches!(
        throttling,
        GetProductsError::ThrottlingException { .. }
    ));
    assert_eq!(throttling.retryable(), Some(ModeledRetry::Throttling));
    let internal = error(500, "InternalErrorException");
    assert!(matches!(
        internal,
        GetProductsError::InternalErrorException { .. }
    ));
    assert_eq!(internal.retryable(), Some(ModeledRetry::Transient));
    for code in [
        "InvalidParameterException",
        "NotFoundException",
        "ExpiredNextTokenException",
    ] {
        let e = error(400, code);
        assert!(
            !matches!(e, GetProductsError::Unhandled { .. }),
            "{code} is modelled"
        );
        assert_eq!(e.retryable(), None, "{code}");
    }
    // An error the model does not list for the operation is never modelled as retryable.
    assert_eq!(error(400, "SomethingElse").retryable(), None);
}
