//! `@pattern` checked at generation time with the engine generated code uses at run time, so a
//! pattern that engine cannot compile is an error naming the shape, never a surprise later.
//! Both compile with `awsgen_runtime::validate::compile_pattern`, which also reads the Java
//! syntax some AWS models use (`^(?i)(true|false)$`, `^[0-9A-Z]{2}+$`) by translating it to
//! ECMA-262; the error, when there is one, is about the pattern as the model writes it.

use super::{ItemKind, ResolveError, Ty, TyKind, TypeSpace};

/// Whether a position's `@pattern` is checked: only strings and string enums have one.
pub fn pattern_applies(ty: &Ty) -> bool {
    matches!(ty.kind, TyKind::String | TyKind::Named(_))
}

/// Every `@pattern` that validation will use, with where it is (`ns#Shape$member`, plus the
/// list item, map key or value it sits on), in item and member order.
pub fn patterns(space: &TypeSpace) -> Vec<(String, &str)> {
    let mut out = Vec::new();
    for item in &space.items {
        let (ItemKind::Struct(fields) | ItemKind::Union(fields)) = &item.kind else {
            continue;
        };
        for field in fields {
            collect(&field.ty, item.shape.member(&field.member), &mut out);
        }
    }
    out
}

fn collect<'a>(ty: &'a Ty, at: String, out: &mut Vec<(String, &'a str)>) {
    if let Some(pattern) = ty.traits.pattern.as_deref().filter(|_| pattern_applies(ty)) {
        out.push((at.clone(), pattern));
    }
    match &ty.kind {
        TyKind::List { item, .. } => collect(item, format!("{at} (list item)"), out),
        TyKind::Map { key, value, .. } => {
            collect(key, format!("{at} (map key)"), out);
            collect(value, format!("{at} (map value)"), out);
        }
        _ => {}
    }
}

/// Fails on the first pattern the ECMA-262 engine rejects, as written and translated from Java.
pub fn check_patterns(space: &TypeSpace) -> Result<(), ResolveError> {
    for (shape, pattern) in patterns(space) {
        if let Err(e) = awsgen_runtime::validate::compile_pattern(pattern) {
            return Err(ResolveError::Pattern {
                shape,
                pattern: pattern.to_owned(),
                message: e.to_string(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::model::{Member, Model, Service, Shape, ShapeId, ShapeKind, Traits};
    use crate::resolve::{resolve, ResolveError, Selection};

    fn model_with_pattern(pattern: &str, on_list_item: bool) -> Model {
        let ns = "example";
        let id = |n: &str| ShapeId::new(ns, n);
        let string = Shape {
            id: id("Name"),
            kind: ShapeKind::String,
            traits: Traits {
                pattern: Some(pattern.into()),
                ..Traits::default()
            },
        };
        let list = Shape {
            id: id("Names"),
            kind: ShapeKind::List(Box::new(Member {
                name: "member".into(),
                target: id("Name"),
                traits: Traits::default(),
            })),
            traits: Traits::default(),
        };
        let target = if on_list_item { "Names" } else { "Name" };
        let input = Shape {
            id: id("Input"),
            kind: ShapeKind::Structure(vec![Member {
                name: "name".into(),
                target: id(target),
                traits: Traits::default(),
            }]),
            traits: Traits::default(),
        };
        let op = Shape {
            id: id("Op"),
            kind: ShapeKind::Operation(Box::new(crate::model::Operation {
                input: Some(id("Input")),
                ..Default::default()
            })),
            traits: Traits::default(),
        };
        Model {
            service: Service {
                id: id("Service"),
                version: "1".into(),
                title: None,
                abbreviation: None,
                documentation: None,
                operations: vec![id("Op")],
                rename: Default::default(),
                wire: Default::default(),
            },
            shapes: [string, list, input, op]
                .into_iter()
                .map(|s| (s.id.clone(), s))
                .collect(),
        }
    }

    #[test]
    fn a_pattern_the_engine_rejects_fails_generation_naming_the_shape() {
        // Java's comments flag: neither ECMA-262 nor translated.
        let model = model_with_pattern("^(?x) (true|false) $", true);
        let err = resolve(&model, &Selection::All).unwrap_err();
        assert!(matches!(err, ResolveError::Pattern { .. }));
        let text = err.to_string();
        assert!(
            text.contains("example#Input$name (list item)")
                && text.contains("^(?x) (true|false) $"),
            "{text}"
        );
    }

    #[test]
    fn java_patterns_of_aws_models_pass() {
        for pattern in [
            // FSx, Payment Cryptography, SageMaker, Amplify, route53-recovery-readiness.
            "^(?i)(true|false)$",
            "^[0-9A-Z]{2}+$",
            r"^([\p{L}\p{Z}\p{N}_.:\/=+\-@]*)${1,128}$",
            "^(?s).+$",
            r"^\A[a-zA-Z0-9_]+\z$",
        ] {
            let model = model_with_pattern(pattern, true);
            assert!(resolve(&model, &Selection::All).is_ok(), "{pattern}");
        }
    }

    #[test]
    fn ecma_patterns_pass() {
        for pattern in [
            r"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$",
            r"^arn\:aws\-cn$",
            "[a-z]+",
        ] {
            let model = model_with_pattern(pattern, false);
            assert!(resolve(&model, &Selection::All).is_ok(), "{pattern}");
        }
    }
}
