//! Member traits that change the wire or how an absent value reads, compared at one position:
//! `jsonName`, `timestampFormat`, the HTTP binding and its name, `@idempotencyToken`,
//! `@mediaType`, `@default` and `@clientOptional`.

use super::ChangeKind;
use awsgen::model::Traits;

/// The changes between the effective traits of two member positions.
pub(crate) fn member_traits(old: &Traits, new: &Traits) -> Vec<ChangeKind> {
    let flag = |on: bool| on.then(|| "true".to_owned());
    let binding = |t: &Traits| {
        t.http_binding.as_ref().map(|b| match &t.http_name {
            Some(name) => format!("{b} {name}"),
            None => b.clone(),
        })
    };
    let default = |t: &Traits| t.default.as_ref().map(|v| v.to_string());
    let pairs: [(&'static str, Option<String>, Option<String>); 7] = [
        ("jsonName", old.json_name.clone(), new.json_name.clone()),
        (
            "timestampFormat",
            old.timestamp_format.clone(),
            new.timestamp_format.clone(),
        ),
        ("httpBinding", binding(old), binding(new)),
        (
            "idempotencyToken",
            flag(old.idempotency_token),
            flag(new.idempotency_token),
        ),
        ("mediaType", old.media_type.clone(), new.media_type.clone()),
        ("default", default(old), default(new)),
        (
            "clientOptional",
            flag(old.client_optional),
            flag(new.client_optional),
        ),
    ];
    pairs
        .into_iter()
        .filter(|(_, o, n)| o != n)
        .map(|(name, old, new)| ChangeKind::TraitChanged { name, old, new })
        .collect()
}
