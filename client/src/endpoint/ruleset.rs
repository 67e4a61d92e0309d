//! The rule set as a tree, parsed once from its JSON: parameters, rules (endpoint, error,
//! tree), conditions, expressions, and string templates (`"https://{Region}.{P#dnsSuffix}"`).

use super::{Params, RuleSetError};
use serde_json::Value as Json;

/// A declared parameter of the rule set.
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub name: String,
    pub ty: ParamType,
    pub required: bool,
    pub default: Option<super::Value>,
    /// `AWS::Region`, `AWS::UseFIPS`, `SDK::Endpoint`, ...: what the client fills in itself.
    pub built_in: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamType {
    String,
    Boolean,
    StringArray,
}

/// A parsed rule set; see [`RuleSet::resolve`](super::eval).
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub parameters: Vec<Parameter>,
    pub(super) rules: Vec<Rule>,
}

#[derive(Debug, Clone)]
pub(super) struct Rule {
    pub conditions: Vec<Condition>,
    pub outcome: Outcome,
}

#[derive(Debug, Clone)]
pub(super) enum Outcome {
    Endpoint {
        url: Expr,
        headers: Vec<(String, Vec<Expr>)>,
        properties: Vec<(String, Expr)>,
    },
    Error(Expr),
    Tree(Vec<Rule>),
}

#[derive(Debug, Clone)]
pub(super) struct Condition {
    pub call: Call,
    pub assign: Option<String>,
}

#[derive(Debug, Clone)]
pub(super) struct Call {
    pub func: Func,
    pub args: Vec<Expr>,
}

#[derive(Debug, Clone)]
pub(super) enum Expr {
    Template(Vec<Part>),
    Bool(bool),
    Int(i64),
    Array(Vec<Expr>),
    Record(Vec<(String, Expr)>),
    Ref(String),
    Call(Box<Call>),
}

/// A piece of a string template.
#[derive(Debug, Clone)]
pub(super) enum Part {
    Literal(String),
    /// `{Name}` or `{Name#path}`.
    Ref(String, Option<Vec<PathStep>>),
}

/// One step of a `getAttr` path (`a.b[0]`).
#[derive(Debug, Clone, PartialEq)]
pub(super) enum PathStep {
    Key(String),
    Index(usize),
}

impl RuleSet {
    /// Parses the rule set's JSON text.
    pub fn parse(text: &str) -> Result<RuleSet, RuleSetError> {
        let json: Json = serde_json::from_str(text).map_err(|e| err("", e.to_string()))?;
        Self::from_json(&json)
    }

    pub fn from_json(json: &Json) -> Result<RuleSet, RuleSetError> {
        let params = json
            .get("parameters")
            .and_then(Json::as_object)
            .ok_or_else(|| err("parameters", "expected an object"))?;
        let parameters = params
            .iter()
            .map(|(name, p)| parameter(name, p))
            .collect::<Result<_, _>>()?;
        let rules = rules(json.get("rules"), "rules")?;
        Ok(RuleSet { parameters, rules })
    }

    /// The parameter a built-in (`AWS::Region`, `SDK::Endpoint`, ...) fills, if the rule set
    /// declares one.
    pub fn built_in(&self, built_in: &str) -> Option<&Parameter> {
        self.parameters
            .iter()
            .find(|p| p.built_in.as_deref() == Some(built_in))
    }

    /// Sets `built_in`'s parameter in `params`, when the rule set has one.
    pub fn set_built_in(&self, params: &mut Params, built_in: &str, value: super::Value) {
        if let Some(p) = self.built_in(built_in) {
            params.insert(p.name.clone(), value);
        }
    }
}

fn err(path: &str, message: impl Into<String>) -> RuleSetError {
    RuleSetError {
        path: path.to_owned(),
        message: message.into(),
    }
}

fn parameter(name: &str, p: &Json) -> Result<Parameter, RuleSetError> {
    let path = format!("parameters.{name}");
    let ty = match p.get("type").and_then(Json::as_str) {
        Some(t) if t.eq_ignore_ascii_case("string") => ParamType::String,
        Some(t) if t.eq_ignore_ascii_case("boolean") => ParamType::Boolean,
        Some(t) if t.eq_ignore_ascii_case("stringArray") => ParamType::StringArray,
        other => return Err(err(&path, format!("unknown parameter type {other:?}"))),
    };
    Ok(Parameter {
        name: name.to_owned(),
        ty,
        required: p.get("required").and_then(Json::as_bool).unwrap_or(false),
        default: p.get("default").and_then(super::Value::from_json),
        built_in: p.get("builtIn").and_then(Json::as_str).map(str::to_owned),
    })
}

fn rules(json: Option<&Json>, path: &str) -> Result<Vec<Rule>, RuleSetError> {
    let list = json
        .and_then(Json::as_array)
        .ok_or_else(|| err(path, "expected a list of rules"))?;
    list.iter()
        .enumerate()
        .map(|(i, r)| rule(r, &format!("{path}[{i}]")))
        .collect()
}

fn rule(json: &Json, path: &str) -> Result<Rule, RuleSetError> {
    let conditions = json
        .get("conditions")
        .and_then(Json::as_array)
        .ok_or_else(|| err(path, "a rule needs `conditions`"))?
        .iter()
        .enumerate()
        .map(|(i, c)| condition(c, &format!("{path}.conditions[{i}]")))
        .collect::<Result<_, _>>()?;
    let outcome = match json.get("type").and_then(Json::as_str) {
        Some("endpoint") => {
            let path = format!("{path}.endpoint");
            let e = json.get("endpoint").ok_or_else(|| err(&path, "missing"))?;
            let url = expr(e.get("url").ok_or_else(|| err(&path, "no url"))?, &path)?;
            let headers = match e.get("headers").and_then(Json::as_object) {
                Some(h) => h
                    .iter()
                    .map(|(name, values)| {
                        let values = values
                            .as_array()
                            .ok_or_else(|| err(&path, "header values must be a list"))?
                            .iter()
                            .map(|v| expr(v, &path))
                            .collect::<Result<_, _>>()?;
                        Ok((name.clone(), values))
                    })
                    .collect::<Result<_, _>>()?,
                None => Vec::new(),
            };
            let properties = match e.get("properties").and_then(Json::as_object) {
                Some(p) => p
                    .iter()
                    .map(|(k, v)| Ok((k.clone(), expr(v, &path)?)))
                    .collect::<Result<_, _>>()?,
                None => Vec::new(),
            };
            Outcome::Endpoint {
                url,
                headers,
                properties,
            }
        }
        Some("error") => Outcome::Error(expr(
            json.get("error").ok_or_else(|| err(path, "no error"))?,
            path,
        )?),
        Some("tree") => Outcome::Tree(rules(json.get("rules"), &format!("{path}.rules"))?),
        other => return Err(err(path, format!("unknown rule type {other:?}"))),
    };
    Ok(Rule {
        conditions,
        outcome,
    })
}

fn condition(json: &Json, path: &str) -> Result<Condition, RuleSetError> {
    let call = call(json, path)?;
    let assign = json.get("assign").and_then(Json::as_str).map(str::to_owned);
    Ok(Condition { call, assign })
}

fn call(json: &Json, path: &str) -> Result<Call, RuleSetError> {
    let name = json
        .get("fn")
        .and_then(Json::as_str)
        .ok_or_else(|| err(path, "expected a function call"))?;
    let func =
        Func::from_name(name).ok_or_else(|| err(path, format!("unknown function `{name}`")))?;
    let args: Vec<Expr> = json
        .get("argv")
        .and_then(Json::as_array)
        .ok_or_else(|| err(path, "a call needs `argv`"))?
        .iter()
        .map(|a| expr(a, path))
        .collect::<Result<_, _>>()?;
    if !func.arity().contains(&args.len()) {
        return Err(err(
            path,
            format!(
                "`{name}` takes {:?} arguments, got {}",
                func.arity(),
                args.len()
            ),
        ));
    }
    Ok(Call { func, args })
}

fn expr(json: &Json, path: &str) -> Result<Expr, RuleSetError> {
    Ok(match json {
        Json::String(s) => Expr::Template(template(s).map_err(|m| err(path, m))?),
        Json::Bool(b) => Expr::Bool(*b),
        Json::Number(n) => Expr::Int(
            n.as_i64()
                .ok_or_else(|| err(path, format!("not an integer: {n}")))?,
        ),
        Json::Array(items) => Expr::Array(
            items
                .iter()
                .map(|i| expr(i, path))
                .collect::<Result<_, _>>()?,
        ),
        Json::Object(map) if map.contains_key("ref") => Expr::Ref(
            map["ref"]
                .as_str()
                .ok_or_else(|| err(path, "`ref` must be a string"))?
                .to_owned(),
        ),
        Json::Object(map) if map.contains_key("fn") => Expr::Call(Box::new(call(json, path)?)),
        Json::Object(map) => Expr::Record(
            map.iter()
                .map(|(k, v)| Ok((k.clone(), expr(v, path)?)))
                .collect::<Result<_, _>>()?,
        ),
        Json::Null => return Err(err(path, "null is not an expression")),
    })
}

/// Splits a template into literal text and `{ref}` / `{ref#path}` parts; `{{` and `}}` are
/// literal braces.
fn template(s: &str) -> Result<Vec<Part>, String> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                literal.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                literal.push('}');
            }
            '{' => {
                let inner: String = chars.by_ref().take_while(|&c| c != '}').collect();
                if !literal.is_empty() {
                    parts.push(Part::Literal(std::mem::take(&mut literal)));
                }
                parts.push(match inner.split_once('#') {
                    Some((name, path)) => Part::Ref(name.to_owned(), Some(attr_path(path)?)),
                    None => Part::Ref(inner, None),
                });
            }
            c => literal.push(c),
        }
    }
    if !literal.is_empty() {
        parts.push(Part::Literal(literal));
    }
    Ok(parts)
}

/// Parses a `getAttr` path: keys separated by `.`, each optionally followed by `[index]`.
pub(super) fn attr_path(path: &str) -> Result<Vec<PathStep>, String> {
    let mut steps = Vec::new();
    for piece in path.split('.') {
        let (key, mut rest) = match piece.find('[') {
            Some(i) => (&piece[..i], &piece[i..]),
            None => (piece, ""),
        };
        if !key.is_empty() {
            steps.push(PathStep::Key(key.to_owned()));
        }
        while let Some(r) = rest.strip_prefix('[') {
            let (index, after) = r
                .split_once(']')
                .ok_or_else(|| format!("unclosed `[` in path `{path}`"))?;
            let index = index
                .parse()
                .map_err(|_| format!("bad index `{index}` in path `{path}`"))?;
            steps.push(PathStep::Index(index));
            rest = after;
        }
        if !rest.is_empty() {
            return Err(format!("bad path `{path}`"));
        }
    }
    Ok(steps)
}

/// A function of the rules language, by the name a rule set calls it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Func {
    IsSet,
    Not,
    GetAttr,
    Substring,
    StringEquals,
    BooleanEquals,
    UriEncode,
    ParseUrl,
    IsValidHostLabel,
    Partition,
    ParseArn,
    IsVirtualHostableS3Bucket,
}

impl Func {
    pub fn from_name(name: &str) -> Option<Func> {
        Some(match name {
            "isSet" => Func::IsSet,
            "not" => Func::Not,
            "getAttr" => Func::GetAttr,
            "substring" => Func::Substring,
            "stringEquals" => Func::StringEquals,
            "booleanEquals" => Func::BooleanEquals,
            "uriEncode" => Func::UriEncode,
            "parseURL" => Func::ParseUrl,
            "isValidHostLabel" => Func::IsValidHostLabel,
            "aws.partition" => Func::Partition,
            "aws.parseArn" => Func::ParseArn,
            "aws.isVirtualHostableS3Bucket" => Func::IsVirtualHostableS3Bucket,
            _ => return None,
        })
    }

    pub fn arity(self) -> std::ops::RangeInclusive<usize> {
        match self {
            Func::IsSet | Func::Not | Func::UriEncode | Func::ParseUrl => 1..=1,
            Func::Partition | Func::ParseArn => 1..=1,
            Func::GetAttr | Func::StringEquals | Func::BooleanEquals => 2..=2,
            Func::IsValidHostLabel | Func::IsVirtualHostableS3Bucket => 2..=2,
            Func::Substring => 4..=4,
        }
    }
}

/// Follows a `getAttr` path; unset when a key or index is missing.
pub(super) fn get_attr<'v>(value: &'v super::Value, path: &[PathStep]) -> Option<&'v super::Value> {
    path.iter().try_fold(value, |v, step| match (v, step) {
        (super::Value::Record(map), PathStep::Key(k)) => map.get(k),
        (super::Value::Array(items), PathStep::Index(i)) => items.get(*i),
        _ => None,
    })
}
