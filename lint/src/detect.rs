//! Which form a file is in: its syntax (JSON or YAML) from its name and its first character.
//! `--input` overrides it.

/// The form of a file, as `--input` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// An operation's input (or describe output) in JSON, as `--cli-input-json` reads it.
    Json,
    /// The same in YAML, as `--cli-input-yaml` reads it.
    Yaml,
}

/// A file's syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Json,
    Yaml,
}

impl Input {
    /// The syntax of a file of this form.
    pub fn syntax(self) -> Syntax {
        match self {
            Input::Json => Syntax::Json,
            Input::Yaml => Syntax::Yaml,
        }
    }
}

/// A file's syntax: `.json` is JSON and `.yaml`/`.yml` YAML (`.template` and others, and
/// standard input, by their first character: a JSON document starts with `{` or `[`; so
/// does a YAML flow collection, which JSON reads the same).
pub fn syntax(name: &str, text: &str) -> Syntax {
    let extension = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("json" | "jsonc") => Syntax::Json,
        Some("yaml" | "yml") => Syntax::Yaml,
        _ => match text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .chars()
            .next()
        {
            Some('{' | '[') | None => Syntax::Json,
            Some(_) => Syntax::Yaml,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_then_the_first_character_tells_the_syntax() {
        assert_eq!(syntax("td.json", "family: x"), Syntax::Json);
        assert_eq!(syntax("td.YML", "{}"), Syntax::Yaml);
        assert_eq!(syntax("<stdin>", "\u{feff}\n  {\"a\": 1}"), Syntax::Json);
        assert_eq!(syntax("stack.template", "Resources:\n"), Syntax::Yaml);
        assert_eq!(Input::Yaml.syntax(), Syntax::Yaml);
    }
}
