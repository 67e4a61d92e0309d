//! The first step from model HTML to Markdown: the tags AWS documentation uses, read by a
//! small tokenizer, repaired (unclosed and stray tags, bare angle brackets) and marked up so
//! that htmd's conversion in the parent module gives Markdown rustdoc renders as meant.

use std::collections::HashSet;

/// Marks the start of `<pre>` text so htmd does not backslash-escape a leading backtick in it.
pub(super) const PRE_SENTINEL: char = '\u{E000}';
pub(super) const NOTE_CLASS: &str = "awsgen-note";
pub(super) const IMPORTANT_CLASS: &str = "awsgen-important";

/// What the preprocessor does with a tag it recognizes as markup.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Passed on to htmd as `<name>` (attributes dropped); `true` for block-level tags.
    Keep(bool),
    /// Dropped, keeping its text.
    Drop,
    Code,
    Pre,
    Link,
    Callout(&'static str),
}

/// Tags AWS documentation uses as markup. Any other `<name>` is literal text (`<key>=<value>`)
/// unless the same input also closes it (`<fullname>...</fullname>`), which makes it a tag to drop.
fn kind_of(name: &str) -> Option<Kind> {
    Some(match name {
        "p" | "ul" | "ol" | "li" | "dl" | "dt" | "dd" | "br" | "hr" | "div" | "blockquote"
        | "table" | "thead" | "tbody" | "tfoot" | "tr" | "td" | "th" | "caption" | "h1" | "h2"
        | "h3" | "h4" | "h5" | "h6" => Kind::Keep(true),
        "i" | "em" | "b" | "strong" => Kind::Keep(false),
        "code" | "tt" | "kbd" | "samp" => Kind::Code,
        "pre" => Kind::Pre,
        "a" => Kind::Link,
        "note" => Kind::Callout(NOTE_CLASS),
        "important" => Kind::Callout(IMPORTANT_CLASS),
        "span" | "img" | "u" | "sup" | "sub" | "small" | "big" | "font" | "cite" | "abbr"
        | "var" | "wbr" | "ins" | "del" | "s" => Kind::Drop,
        _ => return None,
    })
}

struct Tag<'a> {
    /// The tag as written, for putting it back as text inside code.
    raw: &'a str,
    name: String,
    closing: bool,
    self_closing: bool,
    attrs: &'a str,
}

enum Token<'a> {
    Text(&'a str),
    Tag(Tag<'a>),
}

/// Parses `<name attrs>` or `</name>` at the start of `s`.
fn parse_tag(s: &str) -> Option<Tag<'_>> {
    let bytes = s.as_bytes();
    let closing = bytes.get(1) == Some(&b'/');
    let start = if closing { 2 } else { 1 };
    if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_end = start
        + bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
            .count();
    if !bytes
        .get(name_end)
        .is_some_and(|b| b">/ \t\n\r".contains(b))
    {
        return None;
    }
    let mut quote = None;
    let end = (name_end..bytes.len()).find(|&i| {
        match (quote, bytes[i]) {
            (Some(q), b) if b == q => quote = None,
            (None, b @ (b'"' | b'\'')) if !closing => quote = Some(b),
            (None, b'>') => return true,
            _ => {}
        }
        false
    })?;
    let inner = s[name_end..end].trim_end();
    Some(Tag {
        raw: &s[..=end],
        name: s[start..name_end].to_ascii_lowercase(),
        closing,
        self_closing: inner.ends_with('/'),
        attrs: inner.trim_end_matches('/'),
    })
}

fn tokenize(html: &str) -> Vec<Token<'_>> {
    // Names both opened and closed somewhere in the input; only those count as unknown tags.
    let (mut opened, mut closed) = (HashSet::new(), HashSet::new());
    for tag in html
        .match_indices('<')
        .filter_map(|(i, _)| parse_tag(&html[i..]))
    {
        let names = if tag.closing {
            &mut closed
        } else {
            &mut opened
        };
        names.insert(tag.name);
    }
    let is_tag = |t: &Tag| {
        kind_of(&t.name).is_some() || (opened.contains(&t.name) && closed.contains(&t.name))
    };
    let mut tokens = Vec::new();
    let (mut pos, mut text_start) = (0, 0);
    while let Some(offset) = html[pos..].find('<') {
        let at = pos + offset;
        let rest = &html[at..];
        let (tag, len) = if rest.starts_with("<!--") {
            (None, rest.find("-->").map_or(rest.len(), |e| e + 3))
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            (None, rest.find('>').map_or(0, |e| e + 1))
        } else {
            let tag = parse_tag(rest).filter(is_tag);
            let len = tag.as_ref().map_or(0, |t| t.raw.len());
            (tag, len)
        };
        if len == 0 {
            pos = at + 1;
            continue;
        }
        if text_start < at {
            tokens.push(Token::Text(&html[text_start..at]));
        }
        tokens.extend(tag.map(Token::Tag));
        pos = at + len;
        text_start = pos;
    }
    if text_start < html.len() {
        tokens.push(Token::Text(&html[text_start..]));
    }
    tokens
}

/// A piece of the cleaned HTML handed to htmd.
enum Piece {
    /// Text whose whitespace may still be collapsed and trimmed next to block tags.
    Flow(String),
    /// Text to pass on as it is (code, preformatted text).
    Fixed(String),
    /// Markup, and whether it is block-level.
    Tag(String, bool),
}

/// Collapses whitespace runs to one space. `char::is_whitespace` includes U+2028, which models
/// have (raw, or as `&#x2028;`) where the other source of the same model has a plain space.
fn collapse_ws(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let lead = s.starts_with(char::is_whitespace);
    let trail = s.ends_with(char::is_whitespace) && !words.is_empty();
    let space = |yes: bool| if yes { " " } else { "" };
    format!("{}{}{}", space(lead), words.join(" "), space(trail))
}

/// Escapes the `<`/`>` that survived tokenizing as text so html5ever does not see tags in them.
fn escape_angles(s: &str) -> String {
    s.replace('<', "&lt;").replace('>', "&gt;")
}

/// The `href` value among raw tag attributes (AWS models write `href="..."` without spaces).
fn href(attrs: &str) -> Option<&str> {
    let mut pairs = attrs.split_whitespace();
    let value = pairs.find_map(|kv| {
        kv.get(5..)
            .filter(|_| kv[..5].eq_ignore_ascii_case("href="))
    });
    value.map(|v| v.trim_matches(['"', '\'']))
}

pub(super) fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|rest| !rest.is_empty())
}

/// Cleans the model's HTML so htmd sees only markup it handles well, and whitespace that no
/// longer depends on how the source was indented.
pub(super) fn prepare(html: &str) -> String {
    let mut html = html.to_string();
    for separator in [
        "&#x2028;", "&#X2028;", "&#8232;", "&#x2029;", "&#X2029;", "&#8233;",
    ] {
        html = html.replace(separator, " ");
    }
    let mut pieces = Vec::new();
    // Open `<a>` tags: whether each was kept (absolute http(s) link) or dropped.
    let mut links: Vec<bool> = Vec::new();
    // Text gathered for the open `<code>` or `<pre>`, with its nesting depth.
    let mut verbatim: Option<(Kind, usize, String)> = None;
    for token in tokenize(&html) {
        let tag = match token {
            Token::Tag(tag) => tag,
            Token::Text(text) => {
                let text = escape_angles(text);
                match verbatim.as_mut() {
                    Some((_, _, buf)) => buf.push_str(&text),
                    None => pieces.push(Piece::Flow(text)),
                }
                continue;
            }
        };
        let known = kind_of(&tag.name);
        let kind = known.unwrap_or(Kind::Drop);
        if let Some((vkind, depth, buf)) = verbatim.as_mut() {
            if kind == *vkind && !tag.self_closing {
                *depth = if tag.closing { *depth - 1 } else { *depth + 1 };
                if *depth == 0 {
                    flush_verbatim(*vkind, buf, &mut pieces);
                    verbatim = None;
                }
            } else if tag.name == "br" {
                buf.push(if *vkind == Kind::Pre { '\n' } else { ' ' });
            } else if !matches!(
                known,
                Some(Kind::Keep(false) | Kind::Drop | Kind::Link | Kind::Code)
            ) {
                // Code samples quote markup (`<row a="1"></row>`, `<p>` in JSON); only inline
                // formatting inside them is markup.
                buf.push_str(&escape_angles(tag.raw));
            }
            continue;
        }
        let (name, closing) = (&tag.name, tag.closing);
        let piece = match kind {
            Kind::Code | Kind::Pre if !closing && !tag.self_closing => {
                verbatim = Some((kind, 1, String::new()));
                continue;
            }
            Kind::Link if closing => match links.pop() {
                Some(true) => Piece::Tag("</a>".into(), false),
                _ => continue,
            },
            Kind::Link if !tag.self_closing => {
                let url = href(tag.attrs).filter(|h| is_web_url(h));
                links.push(url.is_some());
                match url {
                    Some(url) => {
                        let url = url.trim().replace('"', "&quot;");
                        Piece::Tag(format!("<a href=\"{url}\">"), false)
                    }
                    None => continue,
                }
            }
            Kind::Callout(class) if !tag.self_closing => match closing {
                true => Piece::Tag("</blockquote>".into(), true),
                false => Piece::Tag(format!("<blockquote class=\"{class}\">"), true),
            },
            Kind::Keep(block) => {
                // html5ever ignores `/>` on non-void elements: `<p/>` would swallow what follows.
                let empty = tag.self_closing && !matches!(name.as_str(), "br" | "hr");
                let html = match (closing, empty) {
                    (true, _) => format!("</{name}>"),
                    (false, true) => format!("<{name}></{name}>"),
                    (false, false) => format!("<{name}>"),
                };
                Piece::Tag(html, block)
            }
            // Dropped tags leave nothing, so the text on both sides joins up.
            _ => continue,
        };
        pieces.push(piece);
    }
    if let Some((kind, _, buf)) = verbatim {
        flush_verbatim(kind, &buf, &mut pieces);
    }
    join_pieces(pieces)
}

fn flush_verbatim(kind: Kind, buf: &str, pieces: &mut Vec<Piece>) {
    let (name, text) = match kind {
        Kind::Pre => ("pre", dedent(buf)),
        _ => ("code", collapse_ws(buf).trim().to_string()),
    };
    if !text.is_empty() {
        let block = kind == Kind::Pre;
        let text = if block {
            format!("{PRE_SENTINEL}{text}")
        } else {
            text
        };
        pieces.push(Piece::Tag(format!("<{name}>"), block));
        pieces.push(Piece::Fixed(text));
        pieces.push(Piece::Tag(format!("</{name}>"), block));
    }
}

/// Preformatted text without the indentation it had in the model, trailing whitespace, or
/// leading and trailing blank lines.
fn dedent(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .skip_while(|l| l.is_empty())
        .collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    let indents = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len());
    let indent = indents.min().unwrap_or(0);
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or(""))
        .collect();
    lines.join("\n")
}

/// Joins the pieces, dropping whitespace next to block tags and collapsing the rest, so inputs
/// that differ only in indentation and line breaks give the same HTML.
fn join_pieces(pieces: Vec<Piece>) -> String {
    let mut merged: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match (merged.last_mut(), piece) {
            (Some(Piece::Flow(prev)), Piece::Flow(text)) => prev.push_str(&text),
            (_, piece) => merged.push(piece),
        }
    }
    let is_block = |p: Option<&Piece>| matches!(p, None | Some(Piece::Tag(_, true)));
    let mut out = String::new();
    for (i, piece) in merged.iter().enumerate() {
        match piece {
            Piece::Flow(text) => {
                let mut text = collapse_ws(text);
                if is_block(i.checked_sub(1).and_then(|j| merged.get(j))) {
                    text = text.trim_start().to_string();
                }
                if is_block(merged.get(i + 1)) {
                    text.truncate(text.trim_end().len());
                }
                out.push_str(&text);
            }
            Piece::Fixed(text) | Piece::Tag(text, _) => out.push_str(text),
        }
    }
    out
}
