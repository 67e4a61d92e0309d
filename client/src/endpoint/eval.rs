//! Evaluation: rules in order, the first whose conditions all hold decides; a condition holds
//! when its function returns a value that is neither unset nor `false`, and `assign` binds
//! that value for the rest of the rule and its sub-rules.

use super::ruleset::{get_attr, Call, Expr, Outcome, ParamType, Part, Rule, RuleSet};
use super::{functions, Endpoint, Params, Partitions, ResolveError, Value};

/// Names in scope: parameters first, then assignments in the order they were made.
struct Scope<'a> {
    partitions: &'a Partitions,
    names: Vec<(String, Value)>,
}

impl Scope<'_> {
    fn get(&self, name: &str) -> Option<&Value> {
        self.names
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }
}

impl RuleSet {
    /// Resolves the endpoint for `params` with the partitions built into this crate.
    pub fn resolve(&self, params: &Params) -> Result<Endpoint, ResolveError> {
        self.resolve_with(params, Partitions::builtin())
    }

    /// Resolves the endpoint for `params` with the given partitions data.
    pub fn resolve_with(
        &self,
        params: &Params,
        partitions: &Partitions,
    ) -> Result<Endpoint, ResolveError> {
        let mut scope = Scope {
            partitions,
            names: Vec::new(),
        };
        for p in &self.parameters {
            let value = params.get(&p.name).or(p.default.as_ref());
            let Some(value) = value else {
                if p.required {
                    return Err(ResolveError::MissingParameter(p.name.clone()));
                }
                continue;
            };
            let fits = match (p.ty, value) {
                (ParamType::String, Value::String(_)) | (ParamType::Boolean, Value::Bool(_)) => {
                    true
                }
                (ParamType::StringArray, Value::Array(items)) => {
                    items.iter().all(|i| matches!(i, Value::String(_)))
                }
                _ => false,
            };
            if !fits {
                return Err(ResolveError::ParameterType {
                    name: p.name.clone(),
                    expected: match p.ty {
                        ParamType::String => "string",
                        ParamType::Boolean => "boolean",
                        ParamType::StringArray => "list of strings",
                    },
                    got: value.kind().to_owned(),
                });
            }
            scope.names.push((p.name.clone(), value.clone()));
        }
        match rules(&self.rules, &mut scope)? {
            Some(endpoint) => Ok(endpoint),
            None => Err(ResolveError::NoRuleMatched),
        }
    }
}

/// The first matching rule's outcome; `None` when no rule matched.
fn rules(list: &[Rule], scope: &mut Scope) -> Result<Option<Endpoint>, ResolveError> {
    for rule in list {
        let mark = scope.names.len();
        let outcome = rule_outcome(rule, scope);
        scope.names.truncate(mark);
        if let Some(found) = outcome? {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

fn rule_outcome(rule: &Rule, scope: &mut Scope) -> Result<Option<Endpoint>, ResolveError> {
    for condition in &rule.conditions {
        match call(&condition.call, scope)? {
            None | Some(Value::Bool(false)) => return Ok(None),
            Some(value) => {
                if let Some(name) = &condition.assign {
                    scope.names.push((name.clone(), value));
                }
            }
        }
    }
    match &rule.outcome {
        Outcome::Error(message) => Err(ResolveError::Rule(string(message, scope)?)),
        Outcome::Tree(sub) => match rules(sub, scope)? {
            Some(endpoint) => Ok(Some(endpoint)),
            None => Err(ResolveError::NoRuleMatched),
        },
        Outcome::Endpoint {
            url,
            headers,
            properties,
        } => {
            let url = string(url, scope)?;
            let headers = headers
                .iter()
                .map(|(name, values)| {
                    let values = values
                        .iter()
                        .map(|v| string(v, scope))
                        .collect::<Result<_, _>>()?;
                    Ok((name.clone(), values))
                })
                .collect::<Result<_, ResolveError>>()?;
            let properties = properties
                .iter()
                .map(|(k, v)| Ok((k.clone(), required(v, scope)?)))
                .collect::<Result<_, ResolveError>>()?;
            Ok(Some(Endpoint {
                url,
                headers,
                properties,
            }))
        }
    }
}

fn call(call: &Call, scope: &Scope) -> Result<Option<Value>, ResolveError> {
    let args = call
        .args
        .iter()
        .map(|a| expr(a, scope))
        .collect::<Result<Vec<_>, _>>()?;
    functions::apply(call.func, args, scope.partitions)
}

fn expr(e: &Expr, scope: &Scope) -> Result<Option<Value>, ResolveError> {
    Ok(match e {
        Expr::Template(parts) => Some(Value::String(template(parts, scope)?)),
        Expr::Bool(b) => Some(Value::Bool(*b)),
        Expr::Int(i) => Some(Value::Int(*i)),
        Expr::Ref(name) => scope.get(name).cloned(),
        Expr::Call(c) => call(c, scope)?,
        Expr::Array(items) => Some(Value::Array(
            items
                .iter()
                .map(|i| required(i, scope))
                .collect::<Result<_, _>>()?,
        )),
        Expr::Record(fields) => Some(Value::Record(
            fields
                .iter()
                .map(|(k, v)| Ok((k.clone(), required(v, scope)?)))
                .collect::<Result<_, ResolveError>>()?,
        )),
    })
}

/// An expression that must have a value (inside an endpoint, an array or a record).
fn required(e: &Expr, scope: &Scope) -> Result<Value, ResolveError> {
    expr(e, scope)?.ok_or_else(|| ResolveError::Type(format!("unset value in {e:?}")))
}

fn string(e: &Expr, scope: &Scope) -> Result<String, ResolveError> {
    match required(e, scope)? {
        Value::String(s) => Ok(s),
        other => Err(ResolveError::Type(format!(
            "expected a string, got a {}",
            other.kind()
        ))),
    }
}

fn template(parts: &[Part], scope: &Scope) -> Result<String, ResolveError> {
    let mut out = String::new();
    for part in parts {
        match part {
            Part::Literal(s) => out.push_str(s),
            Part::Ref(name, path) => {
                let value = scope.get(name);
                let value = match (value, path) {
                    (Some(v), Some(path)) => get_attr(v, path),
                    (v, None) => v,
                    (None, Some(_)) => None,
                };
                match value {
                    Some(Value::String(s)) => out.push_str(s),
                    Some(other) => {
                        return Err(ResolveError::Type(format!(
                            "template `{{{name}}}` is a {}, not a string",
                            other.kind()
                        )))
                    }
                    None => {
                        return Err(ResolveError::Type(format!(
                            "template `{{{name}}}` is not set"
                        )))
                    }
                }
            }
        }
    }
    Ok(out)
}
