//! The catalog's documentation, generated from the rules themselves: `--explain RULE` and
//! README's rule table (a test fails when README's copy is stale).

use super::{catalog, find};

/// `--explain RULE`: what the rule checks, why, and its two examples; `None` for an unknown id.
pub fn explain(id: &str) -> Option<String> {
    let rule = find(id)?;
    let mut text = format!(
        "{id} ({severity})\n\n{summary}.\n\nAWS: \"{quote}\"\n     {source}\n",
        id = rule.id,
        severity = rule.severity.as_str(),
        summary = capitalized(rule.summary),
        quote = rule.quote,
        source = rule.source,
    );
    if !rule.fails.is_empty() {
        text.push_str(&format!(
            "\nReported ({operation} input):\n  {fails}\n\nClean:\n  {passes}\n",
            operation = rule.input,
            fails = rule.fails,
            passes = rule.passes,
        ));
    }
    Some(text)
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The README's rule table, between its markers.
pub fn readme_catalog() -> String {
    let mut out =
        String::from("| id | severity | checks | AWS documentation |\n|---|---|---|---|\n");
    for rule in catalog() {
        let quote = rule.quote.replace('|', "\\|");
        out.push_str(&format!(
            "| `{}` | {} | {} | [\"{}\"]({}) |\n",
            rule.id,
            rule.severity.as_str(),
            rule.summary.replace('|', "\\|"),
            quote,
            rule.source
        ));
    }
    out
}
