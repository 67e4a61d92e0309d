//! The awsQuery and ec2Query protocols, called by generated operations: the form-encoded
//! request (`Action=…&Version=…&…`), the XML output (inside `<{Operation}Result>` for
//! awsQuery, the response element itself for ec2Query), and the code, message and request id
//! of an XML error (`<ErrorResponse><Error>…` and `<Response><Errors><Error>…`).

use super::json_protocol::malformed;
use super::{BuildError, ErrorMeta, Protocol, ResponseBody, ResponseError, ServiceMeta};
use crate::query::{push_pair, write_form, Dialect};
use crate::schema::{Schema, Structure};
use crate::xml::{self, Element, XmlError};
use ::http::{Request, Response};

fn dialect(service: &ServiceMeta) -> Dialect {
    match service.protocol {
        Protocol::Ec2Query => Dialect::Ec2Query,
        _ => Dialect::AwsQuery,
    }
}

/// `POST /` with the form body: the action, the API version, then the input's fields.
pub fn query_request<T: serde::Serialize>(
    service: &ServiceMeta,
    operation: &'static str,
    input: Option<(&T, &'static Structure)>,
) -> Result<Request<Vec<u8>>, BuildError> {
    let mut body = String::with_capacity(128);
    push_pair(&mut body, "Action", operation);
    push_pair(&mut body, "Version", service.api_version);
    // Without the leading `&` of the first pair.
    body.remove(0);
    if let Some((input, schema)) = input {
        write_form(input, schema, dialect(service), &mut body)
            .map_err(|e| BuildError::new(operation, "", e.to_string()))?;
    }
    Request::builder()
        .method(::http::Method::POST)
        .uri("/")
        .header(
            ::http::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .body(body.into_bytes())
        .map_err(|e| BuildError::new(operation, "", e.to_string()))
}

/// The body as an XML document, or why it is not one.
fn document<'a, E>(response: &'a Response<&[u8]>) -> Result<Element<'a>, ResponseError<E>> {
    let text = std::str::from_utf8(response.body())
        .map_err(|e| malformed(response, format!("the body is not UTF-8: {e}")))?;
    xml::parse(text).map_err(|e| malformed(response, e.to_string()))
}

/// Reads the output `T` (`schema`, when the operation has output) of a success response.
pub fn parse_output<T, E>(
    service: &ServiceMeta,
    operation: &'static str,
    response: &Response<&[u8]>,
    schema: &'static Structure,
) -> Result<T, ResponseError<E>>
where
    T: serde::de::DeserializeOwned + Default,
{
    if response.body().iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    let root = document(response)?;
    let read = |element: &Element<'_>, skip: &[&str]| {
        xml::from_element_skipping::<T>(element, Schema::Structure(schema), skip)
            .map_err(|e| malformed(response, e.to_string()))
    };
    match dialect(service) {
        // The response element holds the output's members, and the request id.
        Dialect::Ec2Query => read(&root, &["requestId"]),
        Dialect::AwsQuery => {
            let wrapper = format!("{operation}Result");
            match root.child(&wrapper) {
                Some(result) => read(result, &[]),
                None => Ok(T::default()),
            }
        }
    }
}

/// Reads a restXml body (or payload) as `T`, whose root element `schema` describes (its name
/// is not checked); an empty body is `T::default()`.
pub fn parse_xml_body<T, E>(
    response: &Response<&[u8]>,
    schema: Schema,
) -> Result<T, ResponseError<E>>
where
    T: serde::de::DeserializeOwned + Default,
{
    if response.body().iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    parse_xml_payload(response, schema)
}

/// Reads a restXml payload (a structure or union) as `T` from a body that has one.
pub fn parse_xml_payload<T, E>(
    response: &Response<&[u8]>,
    schema: Schema,
) -> Result<T, ResponseError<E>>
where
    T: serde::de::DeserializeOwned,
{
    let root = document(response)?;
    xml::from_element(&root, schema).map_err(|e| malformed(response, e.to_string()))
}

/// A restXml body: `value` as the document rooted at `root`, or no body when no member of it
/// is in the body.
pub fn xml_body<T: serde::Serialize + ?Sized>(
    operation: &'static str,
    value: &T,
    root: &str,
    schema: &'static Structure,
    namespace: Option<crate::schema::Namespace>,
) -> Result<Vec<u8>, BuildError> {
    xml::to_xml(value, root, schema, namespace)
        .map_err(|e| BuildError::new(operation, "", e.to_string()))
}

/// The `<Error>` element of an error document, and the document's request id.
fn error_element<'e, 'a>(root: &'e Element<'a>) -> (Option<&'e Element<'a>>, Option<String>) {
    let request_id = ["RequestId", "RequestID", "requestId"]
        .iter()
        .find_map(|n| root.child(n))
        .map(|e| e.text.trim().to_owned());
    let error = match root.name.as_ref() {
        "Error" => Some(root),
        _ => root
            .child("Error")
            .or_else(|| root.child("Errors").and_then(|e| e.child("Error"))),
    };
    (error, request_id)
}

/// An error response as the operation's error: `modelled` picks the variant for a code and
/// reads it from the `<Error>` element; `unhandled` makes the catch-all.
pub fn parse_error<E>(
    response: &Response<&[u8]>,
    modelled: impl FnOnce(&str, ErrorMeta, &Element<'_>) -> Option<Result<E, XmlError>>,
    unhandled: impl FnOnce(ErrorMeta, ResponseBody) -> E,
) -> ResponseError<E> {
    let mut meta = ErrorMeta {
        code: None,
        message: None,
        status: response.status().as_u16(),
        request_id: super::rest::header(response, "x-amzn-requestid").map(str::to_owned),
    };
    let root = std::str::from_utf8(response.body())
        .ok()
        .and_then(|text| xml::parse(text).ok());
    if let Some(root) = &root {
        let (error, request_id) = error_element(root);
        meta.request_id = meta.request_id.or(request_id);
        if let Some(error) = error {
            let text = |name: &str| error.child(name).map(|e| e.text.trim().to_owned());
            meta.code = text("Code").filter(|c| !c.is_empty());
            meta.message = text("Message").or_else(|| text("message"));
            if let Some(code) = meta.code.clone() {
                match modelled(&code, meta.clone(), error) {
                    Some(Ok(e)) => return ResponseError::Service(e),
                    Some(Err(e)) => return malformed(response, format!("error `{code}`: {e}")),
                    None => {}
                }
            }
        }
    }
    ResponseError::Service(unhandled(meta, ResponseBody::from(*response.body())))
}

/// Reads a modelled error's shape from its `<Error>` element.
pub fn error_body<'de, T: serde::Deserialize<'de>>(
    error: &Element<'de>,
    schema: &'static Structure,
) -> Result<T, XmlError> {
    xml::from_element_skipping(error, Schema::Structure(schema), &["Type", "Code"])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_element_is_found_in_both_forms() {
        for (body, id) in [
            (
                "<ErrorResponse><Error><Type>Sender</Type><Code>Bad</Code><Message>m</Message></Error><RequestId>r1</RequestId></ErrorResponse>",
                "r1",
            ),
            (
                "<Response><Errors><Error><Code>Bad</Code><Message>m</Message></Error></Errors><RequestID>r1</RequestID></Response>",
                "r1",
            ),
        ] {
            let response = Response::builder().status(400).body(body.as_bytes()).unwrap();
            let error: ResponseError<ErrorMeta> =
                parse_error(&response, |_, _, _| None, |meta, _| meta);
            let ResponseError::Service(meta) = error else {
                panic!("{body}")
            };
            assert_eq!(meta.code.as_deref(), Some("Bad"));
            assert_eq!(meta.message.as_deref(), Some("m"));
            assert_eq!(meta.request_id.as_deref(), Some(id));
        }
    }
}
