//! restJson1 bindings of a generated operation: the request's URI (labels, query), headers
//! and body or payload; the response's headers, status code and body or payload.

use super::ty::rust_type_in;
use crate::resolve::{naming, Field, ItemKind, OperationItem, Ty, TyKind, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;

fn binding(f: &Field) -> Option<&str> {
    f.traits.http_binding.as_deref()
}

/// The wire name of a bound member: its header, query or label name, or the member name.
fn bound_name(f: &Field) -> &str {
    f.traits.http_name.as_deref().unwrap_or(&f.member)
}

/// Members that travel in the JSON body: unbound ones and host labels.
fn in_body(f: &Field) -> bool {
    matches!(binding(f), None | Some("hostLabel"))
}

/// Whether a named type is a string enum, an int enum, or neither.
fn enum_kind(space: &TypeSpace, ty: &Ty) -> Option<bool> {
    let TyKind::Named(name) = &ty.kind else {
        return None;
    };
    match &space.item(name)?.kind {
        ItemKind::Enum(_) => Some(true),
        ItemKind::IntEnum(_) => Some(false),
        _ => None,
    }
}

/// An expression giving the text of `v` (a reference) in a label, query or header.
fn text(space: &TypeSpace, ty: &Ty, default_format: &str, v: TokenStream) -> TokenStream {
    match (&ty.kind, enum_kind(space, ty)) {
        (_, Some(true)) => quote! { #v.as_str().to_owned() },
        (_, Some(false)) => quote! { #v.value().to_string() },
        (TyKind::Timestamp, _) => {
            let format = ty
                .traits
                .timestamp_format
                .as_deref()
                .unwrap_or(default_format);
            quote! { ::awsgen_runtime::http::rest::timestamp_text(#v, #format) }
        }
        (TyKind::String, _) if ty.traits.media_type.is_some() => {
            quote! { ::awsgen_runtime::http::rest::base64_encode(#v) }
        }
        _ => quote! { ::awsgen_runtime::http::rest::HttpText::http_text(#v, "") },
    }
}

/// `build_request` for restJson1.
pub(super) fn build_request(
    space: &TypeSpace,
    op: &OperationItem,
    fill: TokenStream,
    finish: TokenStream,
) -> TokenStream {
    let input = space.struct_fields(op.input.as_ref());
    let (method, template) = op
        .http
        .as_ref()
        .map_or(("POST", "/"), |h| (h.method.as_str(), h.uri.as_str()));
    let (path, literal_query) = template.split_once('?').unwrap_or((template, ""));
    let mut uri = Vec::new();
    let mut rest = path;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let literal = &rest[..start];
        if !literal.is_empty() {
            uri.push(quote! { uri.literal(#literal); });
        }
        let label = &rest[start + 1..start + len];
        let (label, greedy) = match label.strip_suffix('+') {
            Some(l) => (l, true),
            None => (label, false),
        };
        let field = input
            .iter()
            .find(|f| binding(f) == Some("httpLabel") && bound_name(f) == label);
        let member = field.map_or(label, |f| f.member.as_str());
        let value = match field {
            Some(f) => {
                let ident = naming::ident(&f.rust_name);
                let t = text(space, &f.ty, "date-time", quote! { v });
                quote! { input.#ident.as_ref().map(|v| #t) }
            }
            None => quote! { ::std::option::Option::None },
        };
        uri.push(quote! { uri.label(Self::NAME, #member, #value, #greedy)?; });
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        uri.push(quote! { uri.literal(#rest); });
    }
    for pair in literal_query.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        uri.push(quote! { uri.literal_query(#k, #v); });
    }
    let mut headers = Vec::new();
    for f in input {
        let ident = naming::ident(&f.rust_name);
        let name = bound_name(f);
        let member = &f.member;
        match binding(f) {
            Some("httpQuery") => uri.push(repeated(space, f, |v| quote! { uri.query(#name, #v); }, "date-time")),
            Some("httpHeader") => {
                // An empty list is no header, as botocore sends it (an empty header would
                // read back as a list of one empty item).
                let (value, given) = match &f.ty.kind {
                    TyKind::List { item, .. } => {
                        let t = text(space, item, "http-date", quote! { v });
                        let quote_items = matches!(item.kind, TyKind::String) || enum_kind(space, item).is_some();
                        (
                            quote! { ::awsgen_runtime::http::rest::header_list(value.iter().map(|v| #t), #quote_items) },
                            quote! { input.#ident.as_ref().filter(|v| !v.is_empty()) },
                        )
                    }
                    // An enum's text is borrowed as it is (no copy to borrow again).
                    _ if enum_kind(space, &f.ty) == Some(true) => {
                        (quote! { value.as_str() }, quote! { &input.#ident })
                    }
                    _ => (text(space, &f.ty, "http-date", quote! { value }), quote! { &input.#ident }),
                };
                headers.push(quote! {
                    if let ::std::option::Option::Some(value) = #given {
                        ::awsgen_runtime::http::rest::add_header(request.headers_mut(), Self::NAME, #member, #name, #value)?;
                    }
                });
            }
            Some("httpPrefixHeaders") => headers.push(quote! {
                if let ::std::option::Option::Some(map) = &input.#ident {
                    for (key, value) in map {
                        let name = ::std::format!("{}{}", #name, key);
                        ::awsgen_runtime::http::rest::add_header(request.headers_mut(), Self::NAME, #member, &name, value)?;
                    }
                }
            }),
            _ => {}
        }
    }
    // Query maps last: an explicit query member wins over a map entry of the same name.
    for f in input
        .iter()
        .filter(|f| binding(f) == Some("httpQueryParams"))
    {
        let ident = naming::ident(&f.rust_name);
        let TyKind::Map { value, .. } = &f.ty.kind else {
            continue;
        };
        let push = match &value.kind {
            TyKind::List { item, .. } => {
                let t = text(space, item, "date-time", quote! { v });
                quote! { for v in value { uri.query_param(key, #t); } }
            }
            _ => {
                let t = text(space, value, "date-time", quote! { value });
                quote! { uri.query_param(key, #t); }
            }
        };
        uri.push(quote! {
            if let ::std::option::Option::Some(map) = &input.#ident {
                for (key, value) in map { #push }
            }
        });
    }
    let (body, content_type) = request_body(space, op, input);
    let content_type = match content_type {
        // An XML body may come out empty (no body member set): then no content type.
        Some(ct) if space.wire.is_xml() => {
            headers.push(quote! {
                if !request.body().is_empty() && !request.headers().contains_key("content-type") {
                    request.headers_mut().insert("content-type", ::awsgen_runtime::http::HeaderValue::from_static(#ct));
                }
            });
            TokenStream::new()
        }
        Some(ct) => quote! { .header("Content-Type", #ct) },
        None => TokenStream::new(),
    };
    let input_used = if input.is_empty() {
        quote! { let _ = input; }
    } else {
        TokenStream::new()
    };
    quote! {
        // Code generation happens in the crate that calls it, for the operations it calls:
        // this crate stays as cheap to build as its types.
        #[inline]
        fn build_request(
            input: &Self::Input,
            ctx: &::awsgen_runtime::http::RequestContext,
        ) -> ::std::result::Result<::awsgen_runtime::http::Request<::std::vec::Vec<u8>>, ::awsgen_runtime::http::BuildError> {
            #fill
            #input_used
            let mut uri = ::awsgen_runtime::http::rest::UriBuilder::new();
            #(#uri)*
            let body: ::std::vec::Vec<u8> = #body;
            #[allow(unused_mut, reason = "only some operations bind headers or a host prefix")]
            let mut request = ::awsgen_runtime::http::Request::builder()
                .method(#method)
                .uri(uri.build())
                #content_type
                .body(body)
                .map_err(|e| ::awsgen_runtime::http::BuildError::new(Self::NAME, "", e.to_string()))?;
            #(#headers)*
            #finish
            ::std::result::Result::Ok(request)
        }
    }
}

/// A statement for a query member: once for a value, once per item for a list.
fn repeated(
    space: &TypeSpace,
    f: &Field,
    push: impl Fn(TokenStream) -> TokenStream,
    format: &str,
) -> TokenStream {
    let ident = naming::ident(&f.rust_name);
    match &f.ty.kind {
        TyKind::List { item, .. } => {
            let stmt = push(text(space, item, format, quote! { v }));
            quote! { if let ::std::option::Option::Some(items) = &input.#ident { for v in items { #stmt } } }
        }
        _ => {
            let stmt = push(text(space, &f.ty, format, quote! { v }));
            quote! { if let ::std::option::Option::Some(v) = &input.#ident { #stmt } }
        }
    }
}

/// The body expression and its content type: the payload member as the whole body, or the
/// body members as a JSON object (`{}` when none is set), or nothing when the input has no
/// body members.
fn request_body(
    space: &TypeSpace,
    op: &OperationItem,
    input: &[Field],
) -> (TokenStream, Option<String>) {
    let xml = space.wire.is_xml();
    if let Some(p) = input.iter().find(|f| binding(f) == Some("httpPayload")) {
        let ident = naming::ident(&p.rust_name);
        let media = p.traits.media_type.clone();
        return match &p.ty.kind {
            TyKind::Blob => (
                quote! { input.#ident.as_ref().map(|b| b.as_bytes().to_vec()).unwrap_or_default() },
                Some(media.unwrap_or_else(|| "application/octet-stream".into())),
            ),
            TyKind::String => (
                quote! { input.#ident.as_ref().map(|s| s.as_bytes().to_vec()).unwrap_or_default() },
                Some(media.unwrap_or_else(|| "text/plain".into())),
            ),
            _ if enum_kind(space, &p.ty) == Some(true) => (
                quote! { input.#ident.as_ref().map(|s| s.as_str().as_bytes().to_vec()).unwrap_or_default() },
                Some(media.unwrap_or_else(|| "text/plain".into())),
            ),
            TyKind::Document => (
                quote! { input.#ident.as_ref().map(|d| ::serde_json::to_vec(d).unwrap_or_default()).unwrap_or_default() },
                Some("application/json".into()),
            ),
            // restXml: a structure or union payload is the document rooted at the member's
            // `@xmlName` (or its target's, or the target's name); absent, no body.
            TyKind::Named(name) if xml => {
                let item = space.item(name);
                let root = p
                    .traits
                    .xml_name
                    .clone()
                    .or_else(|| item.and_then(|i| i.traits.xml_name.clone()))
                    .or_else(|| item.map(|i| i.shape.name.clone()))
                    .unwrap_or_else(|| name.clone());
                let ns = super::schema::namespace_expr(
                    p.traits
                        .xml_namespace
                        .as_ref()
                        .or(item.and_then(|i| i.traits.xml_namespace.as_ref())),
                );
                let table = naming::ident(name);
                (
                    quote! {
                        match &input.#ident {
                            ::std::option::Option::Some(v) => ::awsgen_runtime::http::query_protocol::xml_body(Self::NAME, v, #root, &schema::#table, #ns)?,
                            ::std::option::Option::None => ::std::vec::Vec::new(),
                        }
                    },
                    Some("application/xml".into()),
                )
            }
            // An absent structure payload is an empty object, as botocore sends it; an absent
            // union payload is no body.
            TyKind::Named(name)
                if matches!(space.item(name).map(|i| &i.kind), Some(ItemKind::Union(_))) =>
            {
                (
                    quote! { input.#ident.as_ref().map(|v| ::awsgen_runtime::json::to_request_body(v)).unwrap_or_default() },
                    Some("application/json".into()),
                )
            }
            _ => (
                quote! { input.#ident.as_ref().map_or_else(|| b"{}".to_vec(), |v| ::awsgen_runtime::json::to_request_body(v)) },
                Some("application/json".into()),
            ),
        };
    }
    if xml {
        if !input.iter().any(in_body) {
            return (quote! { ::std::vec::Vec::new() }, None);
        }
        let Some(item) = op.input.as_ref().and_then(|n| space.item(n)) else {
            return (quote! { ::std::vec::Vec::new() }, None);
        };
        let root = item
            .traits
            .xml_name
            .clone()
            .unwrap_or_else(|| item.shape.name.clone());
        let ns = super::schema::namespace_expr(
            item.traits
                .xml_namespace
                .as_ref()
                .or(space.wire.xml_namespace.as_ref()),
        );
        let table = naming::ident(&item.rust_name);
        return (
            quote! { ::awsgen_runtime::http::query_protocol::xml_body(Self::NAME, input, #root, &schema::#table, #ns)? },
            Some("application/xml".into()),
        );
    }
    let owner = quote! { input };
    let members: Vec<TokenStream> = input
        .iter()
        .filter(|f| in_body(f))
        .map(|f| super::structure::write_json_member(f, &owner))
        .collect();
    if members.is_empty() {
        return (quote! { ::std::vec::Vec::new() }, None);
    }
    (
        quote! {{
            let mut body = ::awsgen_runtime::json::RequestBody(::std::vec::Vec::with_capacity(128));
            let mut object = ::awsgen_runtime::json::Object::new(&mut body);
            #(#members)*
            object.end(&input.unknown_members);
            body.0
        }},
        Some("application/json".into()),
    )
}

/// The success branch of `parse_response` for restJson1: the body or payload, then headers and
/// the status code.
pub(super) fn parse_output(space: &TypeSpace, op: &OperationItem) -> TokenStream {
    let Some(_) = &op.output else {
        return quote! { let _ = response; ::std::result::Result::Ok(()) };
    };
    let output = space.struct_fields(op.output.as_ref());
    let scope = quote! { super };
    let payload = output.iter().find(|f| binding(f) == Some("httpPayload"));
    let xml = space.wire.is_xml();
    let read_body = match (xml, op.output.as_ref()) {
        (true, Some(name)) => {
            let table = naming::ident(name);
            quote! { ::awsgen_runtime::http::query_protocol::parse_xml_body(response, ::awsgen_runtime::schema::Schema::Structure(&schema::#table)) }
        }
        _ => quote! { ::awsgen_runtime::http::json_protocol::parse_json(response) },
    };
    let start = match payload {
        None => {
            quote! { let mut output: Self::Output = #read_body?; }
        }
        Some(p) => {
            let ident = naming::ident(&p.rust_name);
            let value = match &p.ty.kind {
                TyKind::Blob => {
                    quote! { ::std::option::Option::Some(::awsgen_runtime::Blob::new(body.to_vec())) }
                }
                TyKind::String => quote! {
                    ::std::option::Option::Some(::std::string::String::from_utf8(body.to_vec())
                        .map_err(|e| ::awsgen_runtime::http::json_protocol::malformed(response, e.to_string()))?)
                },
                _ if enum_kind(space, &p.ty) == Some(true) => {
                    let t = rust_type_in(&p.ty, &scope);
                    quote! {
                        ::std::option::Option::Some(#t::from(::std::str::from_utf8(body)
                            .map_err(|e| ::awsgen_runtime::http::json_protocol::malformed(response, e.to_string()))?))
                    }
                }
                TyKind::Named(name) if xml => {
                    let table = naming::ident(name);
                    let kind = match space.item(name).map(|i| &i.kind) {
                        Some(ItemKind::Union(_)) => quote! { Union },
                        _ => quote! { Structure },
                    };
                    quote! {
                        ::std::option::Option::Some(::awsgen_runtime::http::query_protocol::parse_xml_payload(
                            response,
                            ::awsgen_runtime::schema::Schema::#kind(&schema::#table),
                        )?)
                    }
                }
                _ => quote! {
                    ::std::option::Option::Some(::awsgen_runtime::de::from_slice(body)
                        .map_err(|e| ::awsgen_runtime::http::json_protocol::malformed(response, e.to_string()))?)
                },
            };
            quote! {
                let mut output = Self::Output::default();
                let body: &[u8] = response.body();
                if !body.is_empty() {
                    output.#ident = #value;
                }
            }
        }
    };
    let mut sets = Vec::new();
    for f in output {
        let ident = naming::ident(&f.rust_name);
        let name = bound_name(f);
        match binding(f) {
            Some("httpHeader") => {
                let read = header_read(space, &f.ty, name, &scope);
                sets.push(quote! { output.#ident = #read; });
            }
            Some("httpPrefixHeaders") => sets.push(quote! {
                // Present and empty when no header has the prefix, as Smithy's
                // `HttpPrefixHeadersAreNotPresent` and botocore read it.
                output.#ident = ::std::option::Option::Some(::awsgen_runtime::http::rest::prefix_headers(response, #name));
            }),
            Some("httpResponseCode") => sets.push(quote! {
                output.#ident = ::std::option::Option::Some(i32::from(response.status().as_u16()));
            }),
            _ => {}
        }
    }
    if sets.is_empty() && payload.is_none() {
        return read_body;
    }
    quote! {
        #start
        #(#sets)*
        ::std::result::Result::Ok(output)
    }
}

/// Reads a header into a member of type `ty`, through the runtime's readers only: their
/// errors name the header and the type expected and never quote the text, which may be
/// `@sensitive`.
fn header_read(space: &TypeSpace, ty: &Ty, name: &str, scope: &TokenStream) -> TokenStream {
    let parse = |t: &Ty| rust_type_in(t, scope);
    match (&ty.kind, enum_kind(space, ty)) {
        (_, Some(true)) => {
            let t = parse(ty);
            quote! { ::awsgen_runtime::http::rest::parse_header::<::std::string::String, _>(response, #name)?.map(|s| #t::from(s.as_str())) }
        }
        (_, Some(false)) => {
            let t = parse(ty);
            quote! { ::awsgen_runtime::http::rest::parse_header::<i32, _>(response, #name)?.map(#t::from) }
        }
        (TyKind::String, _) if ty.traits.media_type.is_some() => quote! {
            ::awsgen_runtime::http::rest::parse_media_type_header(response, #name)?
        },
        (TyKind::List { item, .. }, _) => {
            let is_timestamp = matches!(item.kind, TyKind::Timestamp);
            match enum_kind(space, item) {
                Some(true) => {
                    let t = parse(item);
                    quote! { ::awsgen_runtime::http::rest::parse_header_list::<::std::string::String, _>(response, #name, false)?
                    .map(|items| items.iter().map(|s| #t::from(s.as_str())).collect()) }
                }
                _ => {
                    let t = parse(item);
                    quote! { ::awsgen_runtime::http::rest::parse_header_list::<#t, _>(response, #name, #is_timestamp)? }
                }
            }
        }
        _ => {
            let t = parse(ty);
            quote! { ::awsgen_runtime::http::rest::parse_header::<#t, _>(response, #name)? }
        }
    }
}
