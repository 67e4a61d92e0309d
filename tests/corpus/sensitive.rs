//! No generated code prints a `@sensitive` value, checked on the sensitive fixture and every
//! corpus model by reading the generated source: each path of docs/sensitive.md that generated
//! code decides. Which values are sensitive is found from the model itself, not from what
//! resolve or emit computed, so a mistake there shows here.

use super::{corpus, parallel};
use awsgen::model::{Member, Model, Shape, ShapeId, ShapeKind};
use awsgen::resolve::{naming, Field, Item, ItemKind, TyKind, TypeSpace};
use awsgen::{EmitOptions, Selection};
use std::collections::BTreeSet;
use std::path::Path;

/// Why a member's value may be `@sensitive`, found from the model itself: the member, its
/// owner, its target, or a list item, map key or map value on the way into a list or map is
/// sensitive. `None` when nothing on the way is.
fn sensitive_reason(model: &Model, owner: &Shape, member: &Member) -> Option<String> {
    if owner.traits.sensitive {
        return Some(format!("{} is sensitive", owner.id.name));
    }
    let mut stack = vec![member];
    let mut seen = 0;
    while let Some(m) = stack.pop() {
        seen += 1;
        if seen > 64 {
            break;
        }
        if m.traits.sensitive {
            return Some(format!("member {} is sensitive", m.name));
        }
        let Some(target) = model.shapes.get(&m.target) else {
            continue;
        };
        if target.traits.sensitive {
            return Some(format!("{} is sensitive", target.id.name));
        }
        match &target.kind {
            ShapeKind::List(item) => stack.push(item),
            ShapeKind::Map { key, value } => stack.extend([&**key, &**value]),
            _ => {}
        }
    }
    None
}

/// The structures and unions whose values may be inside a sensitive value: sensitive ones,
/// those below a sensitive member, target, list item, map key or map value, and everything
/// those hold.
fn inside_sensitive(model: &Model) -> BTreeSet<ShapeId> {
    let mut stack: Vec<&ShapeId> = Vec::new();
    for shape in model.shapes.values() {
        let (ShapeKind::Structure(members) | ShapeKind::Union(members)) = &shape.kind else {
            continue;
        };
        if shape.traits.sensitive {
            stack.push(&shape.id);
        }
        for m in members {
            held(model, m, false, 0, &mut stack);
        }
    }
    let mut inside = BTreeSet::new();
    while let Some(id) = stack.pop() {
        if !inside.insert(id.clone()) {
            continue;
        }
        if let Some(ShapeKind::Structure(members) | ShapeKind::Union(members)) =
            model.shapes.get(id).map(|s| &s.kind)
        {
            for m in members {
                held(model, m, true, 0, &mut stack);
            }
        }
    }
    inside
}

/// Pushes the structures and unions a member's value is or holds through lists and maps that
/// are inside a sensitive value: all of them when `inside`, else those at or below the first
/// sensitive position.
fn held<'m>(
    model: &'m Model,
    m: &'m Member,
    inside: bool,
    depth: usize,
    out: &mut Vec<&'m ShapeId>,
) {
    let Some(target) = model.shapes.get(&m.target) else {
        return;
    };
    let inside = inside || m.traits.sensitive || target.traits.sensitive;
    match &target.kind {
        ShapeKind::Structure(_) | ShapeKind::Union(_) if inside => out.push(&m.target),
        ShapeKind::List(item) if depth < 32 => held(model, item, inside, depth + 1, out),
        ShapeKind::Map { key, value } if depth < 32 => {
            held(model, key, inside, depth + 1, out);
            held(model, value, inside, depth + 1, out);
        }
        _ => {}
    }
}

/// An impl of the trait named `name` in `file`, as tokens.
fn impl_of(file: &syn::File, name: &str) -> Option<String> {
    file.items.iter().find_map(|i| match i {
        syn::Item::Impl(imp)
            if imp
                .trait_
                .as_ref()
                .is_some_and(|(_, p, _)| p.segments.last().is_some_and(|s| s.ident == name)) =>
        {
            Some(quote::ToTokens::to_token_stream(imp).to_string())
        }
        _ => None,
    })
}

/// Where a structure's or union's members are read: its `Members` or `Deserialize` impl.
fn reads_of(file: &syn::File) -> String {
    ["Deserialize", "Members"]
        .iter()
        .filter_map(|name| impl_of(file, name))
        .collect::<String>()
        // The formatter puts a long arm in a block.
        .replace("=> { ", "=> ")
}

/// What one item's generated code prints that it must not, as `shape.member: why`.
fn item_leaks(model: &Model, inside: &BTreeSet<ShapeId>, item: &Item, source: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Some(shape) = model.shapes.get(&item.shape) else {
        return out;
    };
    let name = &shape.id.name;
    let file = match syn::parse_file(source) {
        Ok(file) => file,
        Err(e) => return vec![format!("{name}: does not parse: {e}")],
    };
    // The formatter puts a long arm in a block.
    let debug = impl_of(&file, "Debug").map(|d| d.replace("=> { ", "=> "));
    let validate = impl_of(&file, "Validate").unwrap_or_default();
    let is_enum = matches!(item.kind, ItemKind::Enum(_) | ItemKind::IntEnum(_));
    if shape.traits.sensitive && debug.is_none() {
        out.push(format!("{name}: sensitive, with a derived Debug"));
    }
    if shape.traits.sensitive && is_enum && !validate.contains("Rules :: SENSITIVE") {
        out.push(format!(
            "{name}: sensitive, but validated on its own as if not"
        ));
    }
    // Display is asked for by name; only an enum has one, so nothing prints one's value
    // without being asked to.
    if !is_enum && impl_of(&file, "Display").is_some() {
        out.push(format!("{name}: a structure or union with a Display"));
    }
    let (members, fields) = match (&shape.kind, &item.kind) {
        (ShapeKind::Structure(m), ItemKind::Struct(f))
        | (ShapeKind::Union(m), ItemKind::Union(f)) => (m.as_slice(), f.as_slice()),
        _ => return out,
    };
    let is_union = matches!(item.kind, ItemKind::Union(_));
    if inside.contains(&item.shape) {
        let hidden = debug.as_deref().is_some_and(|d| {
            d.contains(
                "\"unknown_members\" , & :: awsgen_runtime :: redact :: RedactedMembers (& self . unknown_members)",
            ) || d.contains(
                "Self :: Unknown { .. } => f . debug_tuple (\"Unknown\") . field (& :: awsgen_runtime :: RedactedValue)",
            )
        });
        if !hidden {
            out.push(format!(
                "{name}: inside a sensitive value, but Debug prints its unknown members"
            ));
        }
    }
    if shape.traits.sensitive {
        let call = if is_union {
            "v :: sensitive_unknown_member ("
        } else {
            "v :: sensitive_unknown_members ("
        };
        if !validate.contains(call) {
            out.push(format!(
                "{name}: sensitive, but validation names its unknown members"
            ));
        }
    }
    let reads = reads_of(&file);
    for (member, field) in members.iter().zip(fields) {
        if let Some(why) = sensitive_reason(model, shape, member) {
            out.extend(
                member_leaks(debug.as_deref(), &reads, field)
                    .map(|what| format!("{name}.{}: {why}, but {what}", member.name)),
            );
        }
    }
    out
}

/// How a sensitive member is printed: by `Debug`, or by the plain read (whose errors quote it).
fn member_leaks(
    debug: Option<&str>,
    reads: &str,
    field: &Field,
) -> impl Iterator<Item = &'static str> {
    let ident = naming::ident(&field.rust_name).to_string();
    // A unit variant has no value: its name is all there is.
    let unit = matches!(field.ty.kind, TyKind::Unit);
    let redacted = unit
        || debug.is_some_and(|d| {
            let label = format!("\"{}\"", field.rust_name);
            d.contains(&format!("{label} , & :: awsgen_runtime :: Redacted"))
                || d.contains(&format!("Self :: {ident} (_)"))
        });
    // Read so that an error inside the value never prints it (a unit variant has none).
    let key = format!("{:?} =>", field.wire_name);
    let read_redacted = unit
        || reads.contains(&format!("{key} :: awsgen_runtime :: de :: sensitive_member"))
        || reads.contains(&format!(
            "{key} if let :: std :: option :: Option :: Some (value) = :: awsgen_runtime :: de :: sensitive_variant"
        ));
    [
        (!redacted).then_some("Debug prints it"),
        (!read_redacted).then_some("read by the plain read"),
    ]
    .into_iter()
    .flatten()
}

/// What the operations of `space` print that they must not: a response body in `Debug`, a
/// header's text in an error, a sensitive error message in the error's `Display`.
fn operation_leaks(model: &Model, space: &TypeSpace) -> Vec<String> {
    let code =
        awsgen::emit::operation::operation_module(space, &EmitOptions::default()).to_string();
    let mut out = Vec::new();
    let unhandled = "Unhandled { meta : :: awsgen_runtime :: http :: ErrorMeta , body : ";
    if code.match_indices(unhandled).any(|(at, _)| {
        !code[at + unhandled.len()..].starts_with(":: awsgen_runtime :: http :: ResponseBody")
    }) {
        out.push("an operation error keeps the body as something Debug prints".to_owned());
    }
    // Headers are read only through the runtime's readers, whose errors never quote the text.
    for raw in ["http :: rest :: header (response", "base64_decode"] {
        if code.contains(raw) {
            out.push(format!(
                "an operation reads a header's text itself (`{raw}`)"
            ));
        }
    }
    for item in &space.items {
        let Some(shape) = model.shapes.get(&item.shape) else {
            continue;
        };
        let (ShapeKind::Structure(members), true) = (&shape.kind, shape.traits.error.is_some())
        else {
            continue;
        };
        let sensitive_message = members.iter().any(|m| {
            let wire = m.traits.json_name.as_deref().unwrap_or(&m.name);
            matches!(wire, "message" | "Message" | "errorMessage")
                && sensitive_reason(model, shape, m).is_some()
        });
        let variant = naming::ident(&item.rust_name).to_string();
        let arm = format!("{variant} {{ error : :: std :: boxed :: Box :: new (error) , meta");
        let kept = code.match_indices(&arm).any(|(at, _)| {
            !code[at + arm.len()..].starts_with(
                " : :: awsgen_runtime :: http :: ErrorMeta { message : :: std :: option :: Option :: None",
            )
        });
        if sensitive_message && kept {
            out.push(format!(
                "{}: its message is sensitive, but its ErrorMeta (the error's Display) keeps it",
                shape.id.name
            ));
        }
    }
    out
}

/// Every leak of a model's generated code, as `shape.member: why`.
fn leaks(path: &Path) -> Result<Vec<String>, String> {
    let model = awsgen::load::load_file(path).map_err(|e| e.to_string())?;
    let space = awsgen::resolve::resolve(&model, &Selection::All).map_err(|e| e.to_string())?;
    let context = awsgen::emit::Context::new(&space);
    let inside = inside_sensitive(&model);
    let options = EmitOptions::default();
    let mut out = Vec::new();
    for item in &space.items {
        let Some(shape) = model.shapes.get(&item.shape) else {
            continue;
        };
        let members = match &shape.kind {
            ShapeKind::Structure(m) | ShapeKind::Union(m) => m.as_slice(),
            _ => &[],
        };
        let relevant = shape.traits.sensitive
            || inside.contains(&item.shape)
            || members
                .iter()
                .any(|m| sensitive_reason(&model, shape, m).is_some());
        // Only items with something sensitive are emitted: emitting all takes minutes.
        if !relevant {
            continue;
        }
        let source =
            awsgen::emit::item_source_in(item, &context, &options).map_err(|e| e.to_string())?;
        out.extend(item_leaks(&model, &inside, item, &source));
    }
    out.extend(operation_leaks(&model, &space));
    Ok(out)
}

#[test]
fn no_sensitive_value_is_printed_by_generated_code() {
    // The fixture has each way a value can be sensitive; every one of them must be redacted.
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/models/sensitive.json");
    let found = leaks(&fixture).unwrap();
    assert!(
        found.is_empty(),
        "the fixture prints:\n{}",
        found.join("\n")
    );
    let Some(models) = corpus() else { return };
    let results = parallel(&models, |(module, path)| {
        leaks(path).map_err(|e| format!("{module}: {e}"))
    });
    let mut failures = Vec::new();
    for ((module, _), result) in models.iter().zip(results) {
        match result {
            Ok(found) => failures.extend(found.into_iter().map(|f| format!("{module}: {f}"))),
            Err(e) => failures.push(e),
        }
    }
    println!(
        "{} models checked for sensitive values printed by generated code",
        models.len()
    );
    assert!(
        failures.is_empty(),
        "{} sensitive values are printed by generated code:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
