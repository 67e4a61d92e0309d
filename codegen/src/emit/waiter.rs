//! The `waiter` submodule of a service: for each waiter of a generated operation
//! (`smithy.waiters#waitable`, botocore `waiters-2.json`), a unit struct implementing
//! `awsgen_runtime::http::Waiter` with the model's delays and acceptors as data. The client's
//! waiting loop runs them; nothing here does I/O.

use super::EmitOptions;
use crate::model::{AcceptorState, Comparator, Matcher, Waiter};
use crate::resolve::{naming, OperationItem, TypeSpace};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// The operations whose waiters are generated: those the `operation` module generates.
fn waiting_operations(space: &TypeSpace) -> impl Iterator<Item = &OperationItem> {
    let generated = space.wire.json_protocol().is_some();
    space
        .operations
        .iter()
        .filter(move |op| generated && op.unsupported.is_none() && !op.waiters.is_empty())
}

/// Whether the service has a `waiter` module.
pub fn has_waiters(space: &TypeSpace) -> bool {
    waiting_operations(space).next().is_some()
}

/// The body of the `waiter` module, waiters in name order.
pub fn waiter_module(space: &TypeSpace, options: &EmitOptions) -> TokenStream {
    let mut waiters: Vec<(&OperationItem, &Waiter)> = waiting_operations(space)
        .flat_map(|op| op.waiters.iter().map(move |w| (op, w)))
        .collect();
    waiters.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    let items = waiters.iter().map(|(op, w)| waiter(op, w, options));
    quote! {
        //! The service's waiters: each polls an operation until the resource reaches a state,
        //! with the model's delays; the client's `wait` runs them.
        #(#items)*
    }
}

fn waiter(op: &OperationItem, w: &Waiter, options: &EmitOptions) -> TokenStream {
    let ident = format_ident!("{}", w.name);
    let name = &w.name;
    let op_ident = naming::ident(&naming::type_name(&op.name));
    // The model's documentation, then what the waiter does, as one Markdown text.
    let mut text = match &w.documentation {
        Some(html) if options.docs => super::docs::to_markdown(html),
        _ => String::new(),
    };
    if !text.is_empty() {
        text.push_str("\n\n");
    }
    text.push_str(&format!(
        "Calls [`{}`](super::operation::{op_ident}) until an acceptor matches: the first\n\
         retry after {} s, later ones after exponential backoff with jitter, {} to {} s.",
        op.name, w.min_delay, w.min_delay, w.max_delay
    ));
    let docs = super::docs::doc_attrs(&text);
    let deprecated = if w.deprecated {
        quote! { #[deprecated] }
    } else {
        TokenStream::new()
    };
    let min = proc_macro2::Literal::u64_unsuffixed(w.min_delay);
    let max = proc_macro2::Literal::u64_unsuffixed(w.max_delay);
    let status = proc_macro2::Literal::u16_unsuffixed(op.http.as_ref().map_or(200, |h| h.code));
    let acceptors = w.acceptors.iter().map(|a| {
        let state = match a.state {
            AcceptorState::Success => quote! { Success },
            AcceptorState::Failure => quote! { Failure },
            AcceptorState::Retry => quote! { Retry },
        };
        let matcher = match &a.matcher {
            Matcher::Output(p) | Matcher::InputOutput(p) => {
                let kind = if matches!(a.matcher, Matcher::Output(_)) {
                    quote! { Output }
                } else {
                    quote! { InputOutput }
                };
                let path = &p.path;
                let expected = &p.expected;
                let comparator = format_ident!("{}", comparator(p.comparator));
                quote! {
                    ::awsgen_runtime::http::Matcher::#kind {
                        path: #path,
                        expected: #expected,
                        comparator: ::awsgen_runtime::http::Comparator::#comparator,
                    }
                }
            }
            Matcher::Success(b) => quote! { ::awsgen_runtime::http::Matcher::Success(#b) },
            Matcher::ErrorType(e) => quote! { ::awsgen_runtime::http::Matcher::ErrorType(#e) },
            Matcher::Status(s) => quote! { ::awsgen_runtime::http::Matcher::Status(#s) },
        };
        quote! {
            ::awsgen_runtime::http::Acceptor {
                state: ::awsgen_runtime::http::AcceptorState::#state,
                matcher: #matcher,
            }
        }
    });
    quote! {
        #docs
        #deprecated
        #[derive(Debug, Clone, Copy, Default)]
        pub struct #ident;

        impl ::awsgen_runtime::http::Waiter for #ident {
            type Operation = super::operation::#op_ident;
            const NAME: &'static str = #name;
            const MIN_DELAY: ::std::time::Duration = ::std::time::Duration::from_secs(#min);
            const MAX_DELAY: ::std::time::Duration = ::std::time::Duration::from_secs(#max);
            const SUCCESS_STATUS: u16 = #status;
            const ACCEPTORS: &'static [::awsgen_runtime::http::Acceptor] = &[#(#acceptors),*];
        }
    }
}

fn comparator(c: Comparator) -> &'static str {
    match c {
        Comparator::StringEquals => "StringEquals",
        Comparator::BooleanEquals => "BooleanEquals",
        Comparator::AllStringEquals => "AllStringEquals",
        Comparator::AnyStringEquals => "AnyStringEquals",
    }
}
