//! The `operation` submodule of a service: for each operation of a JSON-protocol service, a
//! unit struct implementing `awsgen_runtime::http::HttpOperation` (request building and
//! response parsing, sans-IO), its error enum, and `Paginated` where the model paginates it.
//! Operations that cannot be generated are listed in `NOT_GENERATED`, with the reason.

use super::ty::rust_type_in;
use super::{doc, EmitOptions};
use crate::resolve::{naming, Field, OperationItem, TyKind, TypeSpace};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The protocols whose operations are generated.
pub const GENERATED_PROTOCOLS: [&str; 5] = [
    "awsJson1_0",
    "awsJson1_1",
    "restJson1",
    "awsQuery",
    "ec2Query",
];

/// The body of the `operation` module.
pub fn operation_module(space: &TypeSpace, options: &EmitOptions) -> TokenStream {
    let protocol = space.wire.operations_protocol();
    let mut skipped: Vec<(String, String)> = Vec::new();
    let mut ops = Vec::new();
    let mut arms = Vec::new();
    for op in &space.operations {
        let reason = match protocol {
            None => Some(format!(
                "the service speaks {}; operations are generated for {} only",
                space
                    .wire
                    .protocols
                    .first()
                    .map_or("no known protocol", String::as_str),
                GENERATED_PROTOCOLS.join(", ")
            )),
            Some(_) => op.unsupported.clone(),
        };
        match reason {
            Some(r) => skipped.push((op.name.clone(), r)),
            None => {
                ops.push(operation(space, op, options));
                let name = &op.name;
                let ident = naming::ident(&naming::type_name(name));
                arms.push(
                    quote! { #name => ::std::option::Option::Some(visitor.visit::<#ident>()), },
                );
            }
        }
    }
    let skipped_rows = skipped.iter().map(|(n, r)| quote! { (#n, #r) });
    let not_generated = quote! {
        /// Operations of the service that have no generated type here, with the reason.
        pub const NOT_GENERATED: &[(&str, &str)] = &[#(#skipped_rows),*];
    };
    let service = match protocol {
        Some(p) => service_meta(space, p),
        None => TokenStream::new(),
    };
    let visitor = if arms.is_empty() {
        quote! { _visitor }
    } else {
        quote! { visitor }
    };
    let visit = quote! {
        /// Runs `visitor` on the operation named `name` (e.g. `"RegisterTaskDefinition"`);
        /// `None` when the service has no such generated operation.
        pub fn visit_operation<V: ::awsgen_runtime::http::OperationVisitor>(name: &str, #visitor: V) -> ::std::option::Option<V::Output> {
            match name {
                #(#arms)*
                _ => ::std::option::Option::None,
            }
        }
    };
    let visit = if protocol.is_some() {
        visit
    } else {
        TokenStream::new()
    };
    let schema = match space.wire.is_xml() && !ops.is_empty() {
        true => super::schema::schema_module(space),
        false => TokenStream::new(),
    };
    quote! {
        //! The service's operations: each builds its HTTP request from its input and reads its
        //! output or error from the HTTP response, without doing any I/O.
        #service
        #not_generated
        #visit
        #(#ops)*
        #schema
    }
}

fn service_meta(space: &TypeSpace, protocol: &str) -> TokenStream {
    let w = &space.wire;
    let protocol = format_ident!(
        "{}",
        match protocol {
            "ec2Query" => "Ec2Query".to_owned(),
            "restXml" => "RestXml".to_owned(),
            p => p.replace("aws", "Aws").replace("rest", "Rest"),
        }
    );
    let opt = |v: &Option<String>| match v {
        Some(s) => quote! { ::std::option::Option::Some(#s) },
        None => quote! { ::std::option::Option::None },
    };
    let sdk_id = w.sdk_id.clone().unwrap_or_default();
    let version = &space.service_version;
    let signing = w
        .signing_name
        .clone()
        .or_else(|| w.endpoint_prefix.clone())
        .unwrap_or_default();
    let prefix = w.endpoint_prefix.clone().unwrap_or_default();
    let target = opt(&w.target_prefix);
    let rules = match &w.endpoint_rule_set {
        Some(rules) => {
            let rules = raw_json(rules);
            quote! { ::std::option::Option::Some(#rules) }
        }
        None => quote! { ::std::option::Option::None },
    };
    quote! {
        /// What the operations need to know about the service.
        pub static SERVICE: ::awsgen_runtime::http::ServiceMeta = ::awsgen_runtime::http::ServiceMeta {
            sdk_id: #sdk_id,
            api_version: #version,
            protocol: ::awsgen_runtime::http::Protocol::#protocol,
            target_prefix: #target,
            signing_name: #signing,
            endpoint_prefix: #prefix,
            endpoint_rule_set: #rules,
        };
    }
}

/// A JSON document as a raw string literal, one member per line, so it reads as JSON and a
/// model update's change to it reviews line by line.
fn raw_json(text: &str) -> proc_macro2::Literal {
    let pretty = serde_json::from_str::<serde_json::Value>(text)
        .and_then(|value| serde_json::to_string_pretty(&value))
        .unwrap_or_else(|_| text.to_owned());
    // Enough `#`s that no `"#…` inside the text ends the literal early.
    let mut hashes = String::from("#");
    while pretty.contains(&format!("\"{hashes}")) {
        hashes.push('#');
    }
    format!("r{hashes}\"{pretty}\"{hashes}")
        .parse()
        .unwrap_or_else(|_| proc_macro2::Literal::string(&pretty))
}

fn shape_path(name: Option<&String>) -> TokenStream {
    match name {
        Some(n) => {
            let ident = naming::ident(n);
            quote! { super::#ident }
        }
        None => quote! { () },
    }
}

fn operation(space: &TypeSpace, op: &OperationItem, options: &EmitOptions) -> TokenStream {
    let name = &op.name;
    let ident = naming::ident(&naming::type_name(name));
    let error = format_ident!("{}Error", naming::type_name(name));
    let input = shape_path(op.input.as_ref());
    let output = shape_path(op.output.as_ref());
    let docs = doc(op.documentation.as_deref(), options);
    let build = super::operation_request::build_request(space, op);
    let parse = parse_response(space, op, &error);
    let error_enum = error_enum(op, &error);
    let paginated = paginated(space, op, &ident);
    quote! {
        #docs
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
        pub struct #ident;

        impl ::awsgen_runtime::http::HttpOperation for #ident {
            type Input = #input;
            type Output = #output;
            type Error = #error;
            const SERVICE: &'static ::awsgen_runtime::http::ServiceMeta = &SERVICE;
            const NAME: &'static str = #name;
            #build
            #parse
        }
        #error_enum
        #paginated
    }
}

fn parse_response(
    space: &TypeSpace,
    op: &OperationItem,
    error: &proc_macro2::Ident,
) -> TokenStream {
    if space.wire.is_xml() {
        return parse_xml_response(space, op, error);
    }
    let read = quote! { ::awsgen_runtime::http::json_protocol::error_body(response.body()) };
    let arms = op.error_codes.iter().map(|(rust, code)| {
        let variant = naming::ident(rust);
        // `ErrorMeta`'s `Display` (the error's) prints the message it read from the body; a
        // `@sensitive` one stays only in the typed error, whose `Debug` redacts it.
        let meta = if sensitive_message(space, rust) {
            quote! { meta: ::awsgen_runtime::http::ErrorMeta { message: ::std::option::Option::None, ..meta } }
        } else {
            quote! { meta }
        };
        quote! {
            #code => #read.map(|error| #error::#variant { error: ::std::boxed::Box::new(error), #meta }),
        }
    });
    let output = match &op.output {
        _ if space.wire.is_rest() => super::operation_rest::parse_output(space, op),
        None => quote! { ::std::result::Result::Ok(()) },
        Some(_) => quote! { ::awsgen_runtime::http::json_protocol::parse_json(response) },
    };
    let modelled = if op.error_codes.is_empty() {
        quote! { |_, _| ::std::option::Option::None }
    } else {
        quote! {
            |code, meta| ::std::option::Option::Some(match code {
                #(#arms)*
                _ => return ::std::option::Option::None,
            })
        }
    };
    quote! {
        // Code generation happens in the crate that calls it, for the operations it calls:
        // this crate stays as cheap to build as its types.
        #[inline]
        fn parse_response(
            response: &::awsgen_runtime::http::Response<&[u8]>,
        ) -> ::std::result::Result<Self::Output, ::awsgen_runtime::http::ResponseError<Self::Error>> {
            if !response.status().is_success() {
                return ::std::result::Result::Err(::awsgen_runtime::http::json_protocol::parse_error(
                    response,
                    #modelled,
                    |meta, body| #error::Unhandled { meta, body },
                ));
            }
            #output
        }
    }
}

/// `parse_response` of a restXml, awsQuery or ec2Query operation: XML output and errors.
fn parse_xml_response(
    space: &TypeSpace,
    op: &OperationItem,
    error: &proc_macro2::Ident,
) -> TokenStream {
    let arms = op.error_codes.iter().map(|(rust, code)| {
        let variant = naming::ident(rust);
        let meta = if sensitive_message(space, rust) {
            quote! { meta: ::awsgen_runtime::http::ErrorMeta { message: ::std::option::Option::None, ..meta } }
        } else {
            quote! { meta }
        };
        quote! {
            #code => ::awsgen_runtime::http::query_protocol::error_body(element, &schema::#variant)
                .map(|error| #error::#variant { error: ::std::boxed::Box::new(error), #meta }),
        }
    });
    let modelled = if op.error_codes.is_empty() {
        quote! { |_, _, _| ::std::option::Option::None }
    } else {
        quote! {
            |code, meta, element| ::std::option::Option::Some(match code {
                #(#arms)*
                _ => return ::std::option::Option::None,
            })
        }
    };
    let output = match &op.output {
        _ if space.wire.is_rest() => super::operation_rest::parse_output(space, op),
        None => quote! { ::std::result::Result::Ok(()) },
        Some(name) => {
            let ident = naming::ident(name);
            quote! { ::awsgen_runtime::http::query_protocol::parse_output(&SERVICE, Self::NAME, response, &schema::#ident) }
        }
    };
    quote! {
        #[inline]
        fn parse_response(
            response: &::awsgen_runtime::http::Response<&[u8]>,
        ) -> ::std::result::Result<Self::Output, ::awsgen_runtime::http::ResponseError<Self::Error>> {
            if !response.status().is_success() {
                return ::std::result::Result::Err(::awsgen_runtime::http::query_protocol::parse_error(
                    response,
                    #modelled,
                    |meta, body| #error::Unhandled { meta, body },
                ));
            }
            #output
        }
    }
}

/// Whether the error structure `rust_name` holds a `@sensitive` value in a member the
/// runtime reads its message from (`awsgen_runtime::http::json_protocol::error_meta`:
/// `message`, `Message` or `errorMessage`). proton, account and taxsettings mark theirs.
fn sensitive_message(space: &TypeSpace, rust_name: &str) -> bool {
    space
        .struct_fields(Some(&rust_name.to_owned()))
        .iter()
        .any(|f| {
            matches!(f.wire_name.as_str(), "message" | "Message" | "errorMessage")
                && f.ty.holds_sensitive()
        })
}

fn error_enum(op: &OperationItem, error: &proc_macro2::Ident) -> TokenStream {
    let name = &op.name;
    let doc = format!(
        " An error of `{name}`: one of the errors the model lists (boxed, so a `Result` stays \
         small), or any other."
    );
    let variants = op.error_codes.iter().map(|(rust, code)| {
        let variant = naming::ident(rust);
        let doc = format!(" The service's `{code}` error.");
        quote! {
            #[doc = #doc]
            #variant { error: ::std::boxed::Box<super::#variant>, meta: ::awsgen_runtime::http::ErrorMeta },
        }
    });
    let metas = op.error_codes.iter().map(|(rust, _)| {
        let variant = naming::ident(rust);
        quote! { Self::#variant { meta, .. } => meta, }
    });
    // `@retryable` errors: the client retries them whatever their code and status.
    let retryable = (!op.retryable.is_empty()).then(|| {
        let arms = op.retryable.iter().map(|(rust, throttling)| {
            let variant = naming::ident(rust);
            let kind = match throttling {
                true => quote! { Throttling },
                false => quote! { Transient },
            };
            quote! { Self::#variant { .. } => ::std::option::Option::Some(::awsgen_runtime::http::ModeledRetry::#kind), }
        });
        quote! {
            fn retryable(&self) -> ::std::option::Option<::awsgen_runtime::http::ModeledRetry> {
                match self {
                    #(#arms)*
                    _ => ::std::option::Option::None,
                }
            }
        }
    });
    quote! {
        #[doc = #doc]
        #[derive(Debug)]
        #[non_exhaustive]
        pub enum #error {
            #(#variants)*
            /// An error the model does not list for this operation, with the raw body (which
            /// `Debug` does not print: it may hold sensitive values).
            Unhandled { meta: ::awsgen_runtime::http::ErrorMeta, body: ::awsgen_runtime::http::ResponseBody },
        }

        impl ::awsgen_runtime::http::OperationError for #error {
            fn meta(&self) -> &::awsgen_runtime::http::ErrorMeta {
                match self {
                    #(#metas)*
                    Self::Unhandled { meta, .. } => meta,
                }
            }
            #retryable
        }

        impl ::std::fmt::Display for #error {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(::awsgen_runtime::http::OperationError::meta(self), f)
            }
        }

        impl ::std::error::Error for #error {}
    }
}

/// A member path (`a.b`) as field accesses that give `Option<&T>` of the last member, with
/// the last field; `None` when a member is not a field of the structure it names.
fn member_path<'a>(
    space: &'a TypeSpace,
    root: Option<&String>,
    path: &str,
    base: TokenStream,
) -> Option<(TokenStream, &'a Field)> {
    let mut fields = space.struct_fields(root);
    let mut expr = base;
    let mut last = None;
    for (n, part) in path.split('.').enumerate() {
        let f = fields.iter().find(|f| f.member == part)?;
        let ident = naming::ident(&f.rust_name);
        expr = if n == 0 {
            quote! { #expr.#ident.as_ref() }
        } else {
            quote! { #expr.and_then(|v| v.#ident.as_ref()) }
        };
        fields = match &f.ty.kind {
            TyKind::Named(name) => space.struct_fields(Some(name)),
            _ => &[],
        };
        last = Some(f);
    }
    Some((expr, last?))
}

fn paginated(space: &TypeSpace, op: &OperationItem, ident: &proc_macro2::Ident) -> TokenStream {
    let Some(p) = &op.paginated else {
        return TokenStream::new();
    };
    let (Some(in_token), Some(out_token)) = (&p.input_token, &p.output_token) else {
        return TokenStream::new();
    };
    let Some(in_field) = space
        .struct_fields(op.input.as_ref())
        .iter()
        .find(|f| f.member == *in_token && !f.boxed)
    else {
        return TokenStream::new();
    };
    let Some((out_expr, out_field)) =
        member_path(space, op.output.as_ref(), out_token, quote! { output })
    else {
        return TokenStream::new();
    };
    let scope = quote! { super };
    let in_ty = rust_type_in(&in_field.ty, &scope);
    if in_ty.to_string() != rust_type_in(&out_field.ty, &scope).to_string() {
        return TokenStream::new();
    }
    let in_ident = naming::ident(&in_field.rust_name);
    let empty = matches!(in_field.ty.kind, TyKind::String)
        .then(|| quote! { if token.is_empty() { return ::std::option::Option::None; } });
    let (item_ty, items) = items(space, op, p.items.as_deref());
    quote! {
        impl ::awsgen_runtime::http::Paginated for #ident {
            type Item = #item_ty;
            fn next_input(input: &Self::Input, output: &Self::Output) -> ::std::option::Option<Self::Input> {
                let token = #out_expr?;
                #empty
                if input.#in_ident.as_ref() == ::std::option::Option::Some(token) {
                    return ::std::option::Option::None;
                }
                let mut next = input.clone();
                next.#in_ident = ::std::option::Option::Some(token.clone());
                ::std::option::Option::Some(next)
            }
            fn items(output: Self::Output) -> ::std::vec::Vec<Self::Item> {
                #items
            }
        }
    }
}

/// The item type and the body of `Paginated::items`.
fn items(space: &TypeSpace, op: &OperationItem, path: Option<&str>) -> (TokenStream, TokenStream) {
    let none = (
        quote! { () },
        quote! { let _ = output; ::std::vec::Vec::new() },
    );
    let Some(path) = path else { return none };
    let Some((expr, field)) = member_path(space, op.output.as_ref(), path, quote! { output })
    else {
        return none;
    };
    let scope = quote! { super };
    let mut collect = quote! { items.iter().cloned() };
    let ty = match &field.ty.kind {
        TyKind::List { item, sparse } => {
            let t = rust_type_in(item, &scope);
            if *sparse {
                quote! { ::std::option::Option<#t> }
            } else {
                t
            }
        }
        TyKind::Map { key, value, sparse } => {
            let k = rust_type_in(key, &scope);
            let v = rust_type_in(value, &scope);
            collect = quote! { items.iter().map(|(k, v)| (k.clone(), v.clone())) };
            if *sparse {
                quote! { (#k, ::std::option::Option<#v>) }
            } else {
                quote! { (#k, #v) }
            }
        }
        _ => return none,
    };
    (
        ty,
        quote! { #expr.into_iter().flat_map(|items| #collect).collect() },
    )
}

#[cfg(test)]
mod tests {
    use crate::resolve::{resolve, Selection};

    /// An awsJson service with one operation and two errors, one of whose `message` is
    /// `@sensitive`.
    const MODEL: &str = r#"{
        "smithy": "2.0",
        "shapes": {
            "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Get"}],
                       "traits": {"aws.protocols#awsJson1_1": {}}},
            "ex#Get": {"type": "operation", "input": {"target": "ex#GetInput"},
                       "errors": [{"target": "ex#Denied"}, {"target": "ex#Busy"}]},
            "ex#GetInput": {"type": "structure", "members": {}},
            "ex#Denied": {"type": "structure", "members": {"message": {"target": "ex#Secret"}},
                          "traits": {"smithy.api#error": "client"}},
            "ex#Secret": {"type": "string", "traits": {"smithy.api#sensitive": {}}},
            "ex#Busy": {"type": "structure", "members": {"message": {"target": "smithy.api#String"}},
                        "traits": {"smithy.api#error": "server"}}
        }
    }"#;

    #[test]
    fn a_sensitive_error_message_is_not_kept_in_the_errors_meta() {
        let model = crate::load::load_str(MODEL, std::path::Path::new("ex.json")).unwrap();
        let space = resolve(&model, &Selection::All).unwrap();
        let code = super::operation_module(&space, &super::EmitOptions::default()).to_string();
        let arm = |code_name: &str| {
            let start = code.find(&format!("\"{code_name}\" =>")).unwrap();
            let end = code[start..].find("}) ,").unwrap() + start;
            code[start..end].to_owned()
        };
        // `ErrorMeta`'s `Display` prints its message: a sensitive one is left out of it (the
        // typed error keeps it, redacted in its `Debug`).
        let (denied, busy) = (arm("Denied"), arm("Busy"));
        assert!(
            denied.contains("message : :: std :: option :: Option :: None , .. meta"),
            "{denied}"
        );
        assert!(!busy.contains("message :"), "{busy}");
    }
}
