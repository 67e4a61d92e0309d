//! `HttpOperation::build_request` of a generated operation: idempotency tokens filled, the
//! protocol's request built, the `@endpoint` host prefix expanded.

use crate::resolve::{naming, OperationItem, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;

pub(super) fn build_request(space: &TypeSpace, op: &OperationItem) -> TokenStream {
    let input_fields = space.struct_fields(op.input.as_ref());
    let tokens: Vec<_> = input_fields
        .iter()
        .filter(|f| {
            f.traits.idempotency_token && matches!(f.ty.kind, crate::resolve::TyKind::String)
        })
        .map(|f| naming::ident(&f.rust_name))
        .collect();
    let fill = if tokens.is_empty() {
        quote! { let _ = ctx; }
    } else {
        quote! {
            let filled;
            let input = if #(input.#tokens.is_none())||* {
                let mut with_tokens = input.clone();
                #(
                    if with_tokens.#tokens.is_none() {
                        with_tokens.#tokens = ::std::option::Option::Some(ctx.idempotency_token());
                    }
                )*
                filled = with_tokens;
                &filled
            } else {
                input
            };
        }
    };
    let checksum = match op.checksum_required {
        true => quote! { ::awsgen_runtime::http::set_content_md5(&mut request); },
        false => TokenStream::new(),
    };
    // gzip is the one encoding the AWS SDKs implement, and the only one models name.
    let compress = match op.request_compression.iter().any(|e| e == "gzip") {
        true => quote! { ::awsgen_runtime::http::gzip_request(&mut request, ctx); },
        false => TokenStream::new(),
    };
    // Statements on the built request: the host prefix, compression, then the checksum of the
    // body as sent.
    let host = host_prefix(space, op);
    let finish = quote! { #host #compress #checksum };
    if space.wire.is_rest() {
        return super::operation_rest::build_request(space, op, fill, finish);
    }
    if space.wire.is_query() {
        let input_arg = match &op.input {
            Some(name) => {
                let ident = naming::ident(name);
                quote! { ::std::option::Option::Some((input, &schema::#ident)) }
            }
            None => quote! { { let _ = input; ::std::option::Option::None::<(&(), _)> } },
        };
        return quote! {
            #[inline]
            fn build_request(
                input: &Self::Input,
                ctx: &::awsgen_runtime::http::RequestContext,
            ) -> ::std::result::Result<::awsgen_runtime::http::Request<::std::vec::Vec<u8>>, ::awsgen_runtime::http::BuildError> {
                #fill
                #[allow(unused_mut, reason = "only operations with a host prefix or a checksum change the request")]
                let mut request = ::awsgen_runtime::http::query_protocol::query_request(&SERVICE, Self::NAME, #input_arg)?;
                #finish
                ::std::result::Result::Ok(request)
            }
        };
    }
    let body = match &op.input {
        Some(_) => quote! { ::awsgen_runtime::json::to_request_body(input) },
        None => quote! { { let _ = input; b"{}".to_vec() } },
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
            #[allow(unused_mut, reason = "only operations with a host prefix or a checksum change the request")]
            let mut request = ::awsgen_runtime::http::json_protocol::aws_json_request(&SERVICE, Self::NAME, #body)?;
            #finish
            ::std::result::Result::Ok(request)
        }
    }
}

/// The `@endpoint` host prefix with its `{Label}`s replaced by the input's host labels, put
/// in the request's extensions.
fn host_prefix(space: &TypeSpace, op: &OperationItem) -> TokenStream {
    let Some(template) = &op.host_prefix else {
        return TokenStream::new();
    };
    let input_fields = space.struct_fields(op.input.as_ref());
    let mut parts = Vec::new();
    let mut rest = template.as_str();
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let literal = &rest[..start];
        let label = &rest[start + 1..start + len];
        parts.push(quote! { host.push_str(#literal); });
        match input_fields.iter().find(|f| f.member == label) {
            Some(f) => {
                let ident = naming::ident(&f.rust_name);
                parts.push(quote! {
                    host.push_str(::awsgen_runtime::http::json_protocol::host_label(Self::NAME, #label, input.#ident.as_deref())?);
                });
            }
            None => {
                let message = format!("the host prefix names `{label}`, which the input lacks");
                parts.push(quote! {
                    return ::std::result::Result::Err(::awsgen_runtime::http::BuildError::new(Self::NAME, #label, #message));
                });
                break;
            }
        }
        rest = &rest[start + len + 1..];
    }
    parts.push(quote! { host.push_str(#rest); });
    quote! {
        let mut host = ::std::string::String::new();
        #(#parts)*
        request.extensions_mut().insert(::awsgen_runtime::http::HostPrefix(host));
    }
}
