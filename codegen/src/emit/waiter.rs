//! The `waiter` submodule of a service: for each waiter of a generated operation
//! (`smithy.waiters#waitable`, botocore `waiters-2.json`), a unit struct implementing
//! `awsgen_runtime::http::Waiter` with the model's delays and acceptors as data. The client's
//! waiting loop runs them; nothing here does I/O.

use super::EmitOptions;
use crate::model::{AcceptorState, Comparator, Matcher, Waiter};
use crate::resolve::{naming, ItemKind, OperationItem, Ty, TyKind, TypeSpace};
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

/// The body of the `waiter` module, waiters in name order, and `NOT_GENERATED`: waiters whose
/// paths name a member the output writes under another key (`jsonName`), which the client
/// evaluates over the output's serde form and so would never see.
pub fn waiter_module(space: &TypeSpace, options: &EmitOptions) -> TokenStream {
    let mut waiters: Vec<(&OperationItem, &Waiter)> = waiting_operations(space)
        .flat_map(|op| op.waiters.iter().map(move |w| (op, w)))
        .collect();
    waiters.sort_by(|a, b| a.1.name.cmp(&b.1.name));
    let mut items = Vec::new();
    let mut skipped = Vec::new();
    for (op, w) in waiters {
        match renamed_in_paths(space, op, w) {
            Some(reason) => {
                let name = &w.name;
                skipped.push(quote! { (#name, #reason) });
            }
            None => items.push(waiter(op, w, options)),
        }
    }
    quote! {
        //! The service's waiters: each polls an operation until the resource reaches a state,
        //! with the model's delays; the client's `wait` runs them.

        /// Waiters of the service that have no generated type here, with the reason.
        pub const NOT_GENERATED: &[(&str, &str)] = &[#(#skipped),*];

        #(#items)*
    }
}

/// Why `w` cannot be evaluated over the output's serde form: a name in one of its paths is a
/// member of the output (or of a shape inside it) written under another key.
fn renamed_in_paths(space: &TypeSpace, op: &OperationItem, w: &Waiter) -> Option<String> {
    let mut renamed = std::collections::BTreeMap::new();
    let mut seen = std::collections::BTreeSet::new();
    let mut stack: Vec<String> = op.output.iter().cloned().collect();
    while let Some(name) = stack.pop() {
        if !seen.insert(name.clone()) {
            continue;
        }
        let fields = match space.item(&name).map(|i| &i.kind) {
            Some(ItemKind::Struct(fields) | ItemKind::Union(fields)) => fields,
            _ => continue,
        };
        for f in fields {
            if f.wire_name != f.member {
                renamed.insert(f.member.clone(), f.wire_name.clone());
            }
            named(&f.ty, &mut stack);
        }
    }
    w.acceptors.iter().find_map(|a| {
        let (Matcher::Output(p) | Matcher::InputOutput(p)) = &a.matcher else {
            return None;
        };
        identifiers(&p.path).into_iter().find_map(|id| {
            renamed.get(id).map(|wire| {
                format!(
                    "its path `{}` names `{id}`, which the output writes as `{wire}` (jsonName)",
                    p.path
                )
            })
        })
    })
}

/// The generated items a type names.
fn named(ty: &Ty, out: &mut Vec<String>) {
    match &ty.kind {
        TyKind::Named(n) => out.push(n.clone()),
        TyKind::List { item, .. } => named(item, out),
        TyKind::Map { value, .. } => named(value, out),
        _ => {}
    }
}

/// The identifiers of a JMESPath expression: bare ones and quoted ones (`"Flow"`), not the
/// insides of raw strings (`'x'`) or JSON literals (`` `1` ``).
fn identifiers(path: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut quote: Option<(char, usize)> = None;
    let mut start = None;
    for (i, c) in path.char_indices() {
        if let Some((q, from)) = quote {
            if c == q {
                if q == '"' {
                    out.push(&path[from..i]);
                }
                quote = None;
            }
            continue;
        }
        let ident = c.is_ascii_alphanumeric() || c == '_';
        match (ident, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&path[s..i]);
                start = None;
            }
            _ => {}
        }
        if matches!(c, '\'' | '`' | '"') {
            quote = Some((c, i + 1));
        }
    }
    if let Some(s) = start {
        out.push(&path[s..]);
    }
    out
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
