//! The catalog's documentation, generated from the rules themselves: `--explain RULE`, and the
//! book's pages, `docs/lint/rules.md` and one page a rule under `docs/lint/rules/` (a test
//! fails when a page is stale, missing or left over).

use super::{catalog, find, RuleInfo};

/// The book's table of rules, from the workspace's root.
const CATALOG: &str = "docs/lint/rules.md";
/// The folder of the book's rule pages, from the workspace's root: nothing else is in it.
pub const PAGES: &str = "docs/lint/rules";
/// How the pages are written again.
const REGENERATE: &str = "AWSGEN_DOCS=write cargo test -p awsgen-lint catalog";

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

/// Every page of the book the catalog makes, each with its path from the workspace's root:
/// the table of rules, then a page a rule.
pub fn pages() -> Vec<(String, String)> {
    let mut pages = vec![(CATALOG.to_owned(), catalog_page())];
    pages.extend(catalog().map(|rule| (format!("{PAGES}/{}.md", rule.id), rule_page(rule))));
    pages
}

/// The table of every rule, each id linking to its page.
fn catalog_page() -> String {
    let mut out = format!(
        "# Lint rules\n\nThis page is generated from `lint/src/rules` by `{REGENERATE}`.\n\n\
         | id | severity | checks | AWS documentation |\n|---|---|---|---|\n"
    );
    let folder = PAGES.trim_start_matches("docs/lint/");
    for rule in catalog() {
        out.push_str(&format!(
            "| [`{id}`]({folder}/{id}.md) | {} | {} | [\"{}\"]({}) |\n",
            rule.severity.as_str(),
            rule.summary.replace('|', "\\|"),
            rule.quote.replace('|', "\\|"),
            rule.source,
            id = rule.id,
        ));
    }
    out
}

/// A rule's page: what `--explain` says, with the links a page can have.
fn rule_page(rule: &RuleInfo) -> String {
    let id = rule.id.as_str();
    let file = format!("lint/src/rules/{}.rs", id.replace('-', "_"));
    let mut out = format!(
        "# `{id}`\n\n<!-- Generated from {file} by `{REGENERATE}`. -->\n\n\
         Severity: {severity} (a configuration file can change it).\n\n\
         ## What it checks\n\n{summary}.\n",
        severity = rule.severity.as_str(),
        summary = capitalized(rule.summary),
    );
    if rule.needs_whole_input {
        out.push_str(
            "\nIt needs the whole input, so it says nothing about a file that holds only one \
             member of it (Terraform's `container_definitions` or `container_properties`).\n",
        );
    }
    out.push_str(&format!(
        "\n## Why\n\n> {quote}\n\nSource: <{source}>\n\n## Example\n\n",
        quote = rule.quote,
        source = rule.source,
    ));
    if rule.fails.is_empty() {
        out.push_str("None: no task or job definition can break this rule with today's models.\n");
    } else {
        out.push_str(&format!(
            "Reported (`{input}` input):\n\n```{language}\n{fails}\n```\n\n\
             Corrected, not reported:\n\n```{language}\n{passes}\n```\n",
            input = rule.input,
            language = match crate::detect::syntax("example", rule.fails) {
                crate::detect::Syntax::Json => "json",
                crate::detect::Syntax::Yaml => "yaml",
                crate::detect::Syntax::Hcl => "hcl",
            },
            fails = rule.fails,
            passes = rule.passes,
        ));
    }
    let up = "../".repeat(PAGES.matches('/').count() + 2);
    out.push_str(&format!(
        "\n---\n\n[All rules](../../rules.md) · [the rule's code]({up}{file}) · \
         `awsgen-lint --explain {id}` says the same in a terminal\n"
    ));
    out
}
