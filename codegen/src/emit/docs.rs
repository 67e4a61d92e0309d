//! Turns the HTML documentation of AWS models into Markdown that rustdoc renders with no
//! warnings and no doctests, and into one-line plain-text summaries for changelogs.

use std::collections::HashSet;
use std::sync::OnceLock;

use htmd::element_handler::{HandlerResult, Handlers};
use htmd::options::{BrStyle, BulletListMarker, Options};
use htmd::{Element, HtmlToMarkdown};
use proc_macro2::TokenStream;
use quote::quote;

/// Converts model documentation (HTML) to Markdown that rustdoc renders cleanly with no warnings.
pub fn to_markdown(html: &str) -> String {
    let prepared = prepare(html);
    if prepared.trim().is_empty() {
        return String::new();
    }
    // `convert` only fails on I/O errors, which cannot happen for an in-memory string.
    let markdown = converter().convert(&prepared).unwrap_or_default();
    normalize(&markdown)
}

/// The first sentence of the documentation, as plain text on one line (for changelogs): markup
/// stripped, whitespace collapsed.
pub fn first_sentence(html: &str) -> String {
    let markdown = to_markdown(html);
    let first_block: Vec<&str> = markdown
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .collect();
    let chars = plain_text(&first_block);
    let mut end = chars.len();
    for (i, &(c, in_code)) in chars.iter().enumerate() {
        if c == '.' && !in_code && ends_sentence(&chars, i) {
            end = i + 1;
            break;
        }
    }
    chars[..end]
        .iter()
        .map(|&(c, _)| c)
        .collect::<String>()
        .trim()
        .to_string()
}

/// `#[doc = "..."]` attributes, one per line of the Markdown, for putting on an item; empty when
/// the input is empty or whitespace-only.
pub fn doc_attrs(markdown: &str) -> TokenStream {
    let lines: Vec<&str> = markdown.lines().map(str::trim_end).collect();
    let Some(first) = lines.iter().position(|l| !l.is_empty()) else {
        return TokenStream::new();
    };
    let last = lines.iter().rposition(|l| !l.is_empty()).unwrap_or(first);
    let attrs = lines[first..=last].iter().map(|line| {
        // A leading space makes prettyplease print `/// text`; rustdoc strips the common indent.
        let text = if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        };
        quote! { #[doc = #text] }
    });
    quote! { #(#attrs)* }
}

/// Marks the start of `<pre>` text so htmd does not backslash-escape a leading backtick in it.
const PRE_SENTINEL: char = '\u{E000}';
const NOTE_CLASS: &str = "awsgen-note";
const IMPORTANT_CLASS: &str = "awsgen-important";

/// What the preprocessor does with a tag it recognizes as markup.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// Passed on to htmd as `<name>` (attributes dropped); `true` for block-level tags.
    Keep(bool),
    /// Dropped, keeping its text; `true` for block-level tags (whitespace around them is dropped).
    Drop(bool),
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
        "html" | "body" | "head" | "section" | "article" | "header" | "footer" | "nav" | "main" => {
            Kind::Drop(true)
        }
        "span" | "img" | "u" | "sup" | "sub" | "small" | "big" | "font" | "cite" | "abbr"
        | "var" | "wbr" | "ins" | "del" | "s" => Kind::Drop(false),
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

/// Parses `<name attrs>` or `</name>` at the start of `s`, returning the tag and its byte length.
fn parse_tag(s: &str) -> Option<(Tag<'_>, usize)> {
    let bytes = s.as_bytes();
    let closing = bytes.get(1) == Some(&b'/');
    let start = if closing { 2 } else { 1 };
    if !bytes.get(start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_len = bytes[start..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .count();
    let name_end = start + name_len;
    match bytes.get(name_end) {
        Some(b'>' | b'/') => {}
        Some(b) if b.is_ascii_whitespace() => {}
        _ => return None,
    }
    let mut quote = None;
    let mut end = None;
    for (i, &b) in bytes.iter().enumerate().skip(name_end) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if (b == b'"' || b == b'\'') && !closing => quote = Some(b),
            None if b == b'>' => {
                end = Some(i);
                break;
            }
            None => {}
        }
    }
    let end = end?;
    let inner = s[name_end..end].trim_end();
    let self_closing = inner.ends_with('/');
    let tag = Tag {
        raw: &s[..=end],
        name: s[start..name_end].to_ascii_lowercase(),
        closing,
        self_closing,
        attrs: inner.trim_end_matches('/'),
    };
    Some((tag, end + 1))
}

fn tokenize(html: &str) -> Vec<Token<'_>> {
    // Names both opened and closed somewhere in the input; only those count as unknown tags.
    let mut opened = HashSet::new();
    let mut closed = HashSet::new();
    for (i, _) in html.match_indices('<') {
        if let Some((tag, _)) = parse_tag(&html[i..]) {
            if tag.closing {
                &mut closed
            } else {
                &mut opened
            }
            .insert(tag.name);
        }
    }
    let mut tokens = Vec::new();
    let (mut pos, mut text_start) = (0, 0);
    while let Some(offset) = html[pos..].find('<') {
        let at = pos + offset;
        let rest = &html[at..];
        let parsed = if rest.starts_with("<!--") {
            Some((None, rest.find("-->").map_or(rest.len(), |e| e + 3)))
        } else if rest.starts_with("<!") || rest.starts_with("<?") {
            rest.find('>').map(|e| (None, e + 1))
        } else {
            parse_tag(rest)
                .filter(|(tag, _)| {
                    kind_of(&tag.name).is_some()
                        || (opened.contains(&tag.name) && closed.contains(&tag.name))
                })
                .map(|(tag, len)| (Some(tag), len))
        };
        match parsed {
            Some((tag, len)) => {
                if text_start < at {
                    tokens.push(Token::Text(&html[text_start..at]));
                }
                tokens.extend(tag.map(Token::Tag));
                pos = at + len;
                text_start = pos;
            }
            None => pos = at + 1,
        }
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
    /// Text to pass on as it is (code, preformatted text, link text of a bare URL).
    Fixed(String),
    Tag {
        html: String,
        block: bool,
    },
}

/// Whitespace that separates words. U+2028/U+2029 appear in models (raw or as `&#x2028;`)
/// where the other source of the same model has a plain space.
fn is_space(c: char) -> bool {
    c.is_whitespace()
}

fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if is_space(c) {
            space = true;
        } else {
            if space {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Replaces numeric character references to line/paragraph separators with a space.
fn replace_separator_entities(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let (hex, digits) = match after.strip_prefix(['x', 'X']) {
            Some(h) => (true, h),
            None => (false, after),
        };
        let len = digits.bytes().take_while(u8::is_ascii_hexdigit).count();
        let code = u32::from_str_radix(&digits[..len], if hex { 16 } else { 10 }).ok();
        if digits[len..].starts_with(';') && matches!(code, Some(0x2028 | 0x2029 | 0x85)) {
            out.push(' ');
            rest = &digits[len + 1..];
        } else {
            out.push_str("&#");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// Escapes the `<`/`>` that survived tokenizing as text so html5ever does not see tags in them.
fn escape_angles(s: &str) -> String {
    s.replace('<', "&lt;").replace('>', "&gt;")
}

fn attr_value<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    loop {
        rest = rest.trim_start();
        let key_len = rest
            .find(|c: char| c == '=' || c.is_whitespace())
            .unwrap_or(rest.len());
        if key_len == 0 {
            return None;
        }
        let key = &rest[..key_len];
        rest = rest[key_len..].trim_start();
        let Some(after_eq) = rest.strip_prefix('=') else {
            continue;
        };
        let after_eq = after_eq.trim_start();
        let (value, remainder) = match after_eq.chars().next() {
            Some(q @ ('"' | '\'')) => {
                let body = &after_eq[1..];
                let end = body.find(q).unwrap_or(body.len());
                (&body[..end], body.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = after_eq.find(char::is_whitespace).unwrap_or(after_eq.len());
                (&after_eq[..end], &after_eq[end..])
            }
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        rest = remainder;
    }
}

fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://"].iter().any(|scheme| {
        lower
            .strip_prefix(scheme)
            .is_some_and(|rest| !rest.is_empty())
    })
}

/// The URL at the start of `text` (raw, entity-encoded HTML), without trailing punctuation.
fn url_prefix(text: &str) -> &str {
    let mut end = text
        .find(|c: char| is_space(c) || matches!(c, '<' | '>' | '"' | '\'' | '`'))
        .unwrap_or(text.len());
    for stop in ["&lt;", "&gt;", "&quot;"] {
        end = end.min(text.find(stop).unwrap_or(end));
    }
    let mut url = &text[..end];
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '*']);
        // A closing bracket belongs to the URL only when the URL also opened it.
        let unbalanced = |open: char, close: char| {
            trimmed.ends_with(close)
                && trimmed.matches(close).count() > trimmed.matches(open).count()
        };
        let next = if unbalanced('(', ')') || unbalanced('[', ']') {
            &trimmed[..trimmed.len() - 1]
        } else {
            trimmed
        };
        if next.len() == url.len() {
            return url;
        }
        url = next;
    }
}

/// Wraps the bare `http(s)://` URLs of raw text in links, which become autolinks
/// (rustdoc's `bare_urls` lint rejects bare ones).
fn link_bare_urls(text: &str, pieces: &mut Vec<Piece>) {
    let mut rest = text;
    while let Some(start) = ["http://", "https://"]
        .iter()
        .filter_map(|s| rest.find(s))
        .min()
    {
        let tail = &rest[start..];
        pieces.push(Piece::Flow(rest[..start].to_string()));
        let url = url_prefix(tail);
        if is_web_url(url) {
            pieces.push(Piece::Tag {
                html: format!("<a href=\"{url}\">"),
                block: false,
            });
            pieces.push(Piece::Fixed(url.to_string()));
            pieces.push(Piece::Tag {
                html: "</a>".into(),
                block: false,
            });
            rest = &tail[url.len()..];
        } else {
            // Only a scheme: keep it as text and look further on.
            let skip = tail.find("//").map_or(tail.len(), |i| i + 2);
            pieces.push(Piece::Flow(tail[..skip].to_string()));
            rest = &tail[skip..];
        }
    }
    pieces.push(Piece::Flow(rest.to_string()));
}

/// Cleans the model's HTML so htmd sees only markup it handles well and whitespace that no
/// longer depends on how the source was indented.
fn prepare(html: &str) -> String {
    let html = replace_separator_entities(html);
    let mut pieces = Vec::new();
    // Open `<a>` tags: whether each was kept (absolute http(s) link) or dropped.
    let mut links: Vec<bool> = Vec::new();
    // Text being gathered for the open `<code>` or `<pre>`, with its nesting depth.
    let mut verbatim: Option<(Kind, usize, String)> = None;
    for token in tokenize(&html) {
        let tag = match token {
            Token::Text(text) => {
                match verbatim.as_mut() {
                    Some((_, _, buf)) => buf.push_str(&escape_angles(text)),
                    None if links.contains(&true) => pieces.push(Piece::Flow(escape_angles(text))),
                    None => link_bare_urls(&escape_angles(text), &mut pieces),
                }
                continue;
            }
            Token::Tag(tag) => tag,
        };
        let known = kind_of(&tag.name);
        let kind = known.unwrap_or(Kind::Drop(false));
        if let Some((vkind, depth, buf)) = verbatim.as_mut() {
            if kind == *vkind && !tag.self_closing {
                *depth = if tag.closing {
                    depth.saturating_sub(1)
                } else {
                    *depth + 1
                };
                if *depth == 0 {
                    let (vkind, _, buf) = verbatim.take().unwrap_or((kind, 0, String::new()));
                    flush_verbatim(vkind, &buf, &mut pieces);
                }
            } else if tag.name == "br" {
                buf.push(if *vkind == Kind::Pre { '\n' } else { ' ' });
            } else if !matches!(
                known,
                Some(Kind::Keep(false) | Kind::Drop(false) | Kind::Link | Kind::Code)
            ) {
                // Code samples quote markup (`<row a="1"></row>`, `<p>` in JSON); only inline
                // formatting inside them is markup.
                buf.push_str(&escape_angles(tag.raw));
            }
            continue;
        }
        let name = &tag.name;
        match kind {
            Kind::Code | Kind::Pre if !tag.closing && !tag.self_closing => {
                verbatim = Some((kind, 1, String::new()));
            }
            Kind::Code | Kind::Pre => {}
            Kind::Link if tag.closing => {
                if links.pop() == Some(true) {
                    pieces.push(Piece::Tag {
                        html: "</a>".into(),
                        block: false,
                    });
                }
            }
            Kind::Link if tag.self_closing => {}
            Kind::Link => {
                let href = attr_value(tag.attrs, "href").filter(|h| is_web_url(h));
                links.push(href.is_some());
                if let Some(href) = href {
                    let href = href.trim().replace('"', "&quot;");
                    pieces.push(Piece::Tag {
                        html: format!("<a href=\"{href}\">"),
                        block: false,
                    });
                }
            }
            Kind::Callout(_) if tag.self_closing => {}
            Kind::Callout(class) => {
                let html = if tag.closing {
                    "</blockquote>".to_string()
                } else {
                    format!("<blockquote class=\"{class}\">")
                };
                pieces.push(Piece::Tag { html, block: true });
            }
            Kind::Keep(block) => {
                let void = matches!(name.as_str(), "br" | "hr");
                let html = match (tag.closing, tag.self_closing && !void) {
                    (true, _) => format!("</{name}>"),
                    (false, true) => format!("<{name}></{name}>"),
                    (false, false) => format!("<{name}>"),
                };
                pieces.push(Piece::Tag { html, block });
            }
            Kind::Drop(block) => pieces.push(Piece::Tag {
                html: String::new(),
                block,
            }),
        }
    }
    if let Some((kind, _, buf)) = verbatim {
        flush_verbatim(kind, &buf, &mut pieces);
    }
    join_pieces(pieces)
}

fn flush_verbatim(kind: Kind, buf: &str, pieces: &mut Vec<Piece>) {
    if kind == Kind::Pre {
        let text = dedent(buf);
        if !text.is_empty() {
            pieces.push(Piece::Tag {
                html: "<pre>".into(),
                block: true,
            });
            pieces.push(Piece::Fixed(format!("{PRE_SENTINEL}{text}")));
            pieces.push(Piece::Tag {
                html: "</pre>".into(),
                block: true,
            });
        }
        return;
    }
    let text = collapse_ws(buf);
    let text = text.trim();
    if !text.is_empty() {
        pieces.push(Piece::Tag {
            html: "<code>".into(),
            block: false,
        });
        pieces.push(Piece::Fixed(text.to_string()));
        pieces.push(Piece::Tag {
            html: "</code>".into(),
            block: false,
        });
    }
}

/// Preformatted text without the indentation it had in the model, trailing whitespace, or
/// leading and trailing blank lines.
fn dedent(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let indent = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let lines: Vec<&str> = lines
        .iter()
        .map(|l| l.get(indent..).unwrap_or(""))
        .collect();
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(first, |i| i + 1);
    lines[first..last.max(first)].join("\n")
}

/// Joins the pieces, dropping whitespace next to block tags and collapsing the rest, so inputs
/// that differ only in indentation and line breaks give the same HTML.
fn join_pieces(pieces: Vec<Piece>) -> String {
    let is_block = |p: Option<&Piece>| match p {
        None => true,
        Some(Piece::Tag { block, .. }) => *block,
        Some(_) => false,
    };
    // Merge adjacent flow text (and drop empty dropped-tag markers between them).
    let mut merged: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match (merged.last_mut(), piece) {
            (_, Piece::Tag { html, block: false }) if html.is_empty() => {}
            (Some(Piece::Flow(prev)), Piece::Flow(text)) => prev.push_str(&text),
            (_, piece) => merged.push(piece),
        }
    }
    let mut out = String::new();
    for i in 0..merged.len() {
        match &merged[i] {
            Piece::Flow(text) => {
                let mut text = collapse_ws(text);
                if is_block(i.checked_sub(1).and_then(|j| merged.get(j))) {
                    text = text.trim_start().to_string();
                }
                if is_block(merged.get(i + 1)) {
                    text = text.trim_end().to_string();
                }
                out.push_str(&text);
            }
            Piece::Fixed(text) => out.push_str(text),
            Piece::Tag { html, .. } => out.push_str(html),
        }
    }
    out
}

fn converter() -> &'static HtmlToMarkdown {
    static CONVERTER: OnceLock<HtmlToMarkdown> = OnceLock::new();
    CONVERTER.get_or_init(|| {
        let options = Options {
            bullet_list_marker: BulletListMarker::Dash,
            ul_bullet_spacing: 1,
            ol_number_spacing: 1,
            br_style: BrStyle::Backslash,
            ..Options::default()
        };
        HtmlToMarkdown::builder()
            .options(options)
            .add_handler(vec!["a"], link_handler)
            .add_handler(vec!["pre"], pre_handler)
            .add_handler(vec!["blockquote"], blockquote_handler)
            .add_handler(vec!["dt"], term_handler)
            .add_handler(vec!["li"], list_item_handler)
            // A paragraph break stands in for a line break: it never leaves a dangling `\`.
            .add_handler(vec!["br"], |_: &dyn Handlers, _: Element| {
                Some("\n\n".into())
            })
            .build()
    })
}

fn block(content: &str) -> Option<HandlerResult> {
    Some(format!("\n\n{content}\n\n").into())
}

/// Percent-encodes the characters that would end or break a Markdown link destination or autolink.
fn encode_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        match c {
            ' ' | '<' | '>' | '(' | ')' | '[' | ']' | '\\' | '`' | '"' => {
                out.push_str(&format!("%{:02X}", u32::from(c)));
            }
            c if c.is_whitespace() || c.is_control() => {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Removes Markdown backslash escapes (htmd escapes `_`, `*`, ... in link text).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

fn link_handler(handlers: &dyn Handlers, element: Element) -> Option<HandlerResult> {
    let content = handlers.walk_children(element.node).content;
    let text = content.trim().replace('\n', " ");
    let href = element
        .attrs
        .iter()
        .find(|a| &*a.name.local == "href")
        .map(|a| &*a.value);
    // The preprocessor keeps only absolute web links; anything else keeps just its text.
    let Some(href) = href.filter(|h| is_web_url(h)) else {
        return Some(content.into());
    };
    let url = encode_url(href);
    let lead = if content.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if content.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let plain = unescape(&text);
    let link = if text.is_empty() || plain == href.trim() || plain == url {
        format!("<{url}>")
    } else {
        format!("[{text}]({url})")
    };
    Some(format!("{lead}{link}{trail}").into())
}

fn pre_handler(handlers: &dyn Handlers, element: Element) -> Option<HandlerResult> {
    let content = handlers.walk_children(element.node).content;
    let code = content
        .strip_prefix(PRE_SENTINEL)
        .unwrap_or(&content)
        .trim_end();
    if code.trim().is_empty() {
        return None;
    }
    let longest_run = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run.max(2) + 1);
    block(&format!("{fence}text\n{code}\n{fence}"))
}

fn blockquote_handler(handlers: &dyn Handlers, element: Element) -> Option<HandlerResult> {
    let content = normalize(&handlers.walk_children(element.node).content);
    if content.is_empty() {
        return None;
    }
    let class = element
        .attrs
        .iter()
        .find(|a| &*a.name.local == "class")
        .map(|a| &*a.value);
    let label = match class {
        Some(NOTE_CLASS) => Some("**Note:**"),
        Some(IMPORTANT_CLASS) => Some("**Important:**"),
        _ => None,
    };
    let first = content.lines().next().unwrap_or("");
    let body = match label {
        // The label joins the first paragraph unless that would break a list, fence or quote.
        Some(label) if !starts_block(first) => format!("{label} {content}"),
        Some(label) => format!("{label}\n\n{content}"),
        None => content,
    };
    let quoted: Vec<String> = body
        .lines()
        .map(|l| {
            if l.is_empty() {
                ">".into()
            } else {
                format!("> {l}")
            }
        })
        .collect();
    block(&quoted.join("\n"))
}

/// Drops empty items (`<li><code/></li>` in models), which would render as stray bullets.
fn list_item_handler(handlers: &dyn Handlers, element: Element) -> Option<HandlerResult> {
    if handlers
        .walk_children(element.node)
        .content
        .trim()
        .is_empty()
    {
        return None;
    }
    handlers.fallback(element)
}

fn term_handler(handlers: &dyn Handlers, element: Element) -> Option<HandlerResult> {
    let content = handlers.walk_children(element.node).content;
    let term = content.trim();
    if term.is_empty() {
        return None;
    }
    if term.contains('\n') || term.contains("**") || term.ends_with('\\') {
        return block(term);
    }
    block(&format!("**{term}**"))
}

/// Whether a Markdown line opens something other than a paragraph.
fn starts_block(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("```")
        || line.starts_with('>')
        || line.starts_with('#')
        || line.starts_with('|')
        || list_marker_width(line).is_some()
}

/// Width of the list marker (with its following space) that `line` starts with, if any.
fn list_marker_width(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let marker = match bytes.first() {
        Some(b'-' | b'*' | b'+') => 1,
        Some(_) if (1..=9).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')')) => {
            digits + 1
        }
        _ => return None,
    };
    let spaces = bytes[marker..].iter().take_while(|&&b| b == b' ').count();
    match bytes.get(marker) {
        None => Some(marker + 1),
        Some(b' ') => Some(marker + spaces.min(4)),
        _ => None,
    }
}

/// Final whitespace pass: no trailing whitespace, single blank lines, and no line indented past
/// the content column of the list item it belongs to, so no indented code block (doctest) appears.
fn normalize(markdown: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut fence: Option<String> = None;
    // Content columns of the list items open at this point.
    let mut items: Vec<usize> = Vec::new();
    let mut prev_blank = true;
    for line in markdown.lines() {
        let line = line.trim_end();
        if let Some(marker) = &fence {
            if line.trim_start() == marker {
                fence = None;
            }
            out.push(line.to_string());
            prev_blank = false;
            continue;
        }
        let body = line.trim_start();
        if body.is_empty() {
            if !prev_blank {
                out.push(String::new());
            }
            prev_blank = true;
            continue;
        }
        let mut indent = line.len() - body.len();
        let marker = list_marker_width(body);
        if prev_blank || marker.is_some() {
            while items.last().is_some_and(|&col| indent < col) {
                items.pop();
            }
        }
        indent = indent.min(items.last().copied().unwrap_or(0));
        if let Some(width) = marker {
            items.push(indent + width);
        }
        let backticks = body.len() - body.trim_start_matches('`').len();
        if backticks >= 3 && &body[backticks..] == "text" {
            fence = Some("`".repeat(backticks));
        }
        out.push(format!("{}{body}", " ".repeat(indent)));
        prev_blank = false;
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out.join("\n")
}

/// Plain text of Markdown lines, each character flagged with whether it was inside code.
fn plain_text(lines: &[&str]) -> Vec<(char, bool)> {
    let mut out: Vec<(char, bool)> = Vec::new();
    for line in lines {
        let mut line = line.trim_start();
        while let Some(rest) = line.strip_prefix('>') {
            line = rest.trim_start();
        }
        if let Some(width) = list_marker_width(line) {
            line = line.get(width..).unwrap_or("").trim_start();
        }
        if line.starts_with("```") {
            continue;
        }
        if !out.is_empty() {
            out.push((' ', false));
        }
        let chars: Vec<char> = line.chars().collect();
        let mut code: Option<usize> = None;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            let run = chars[i..].iter().take_while(|&&b| b == '`').count();
            if run > 0 && (code.is_none() || code == Some(run)) {
                code = if code.is_some() { None } else { Some(run) };
                i += run;
                continue;
            }
            if code.is_some() {
                out.push((c, true));
            } else if c == '\\' && chars.get(i + 1).is_some_and(char::is_ascii_punctuation) {
                i += 1;
                out.push((chars[i], false));
            } else if c == ']' && chars.get(i + 1) == Some(&'(') {
                // Skip the link destination; URLs are percent-encoded so `)` ends it.
                i += chars[i..]
                    .iter()
                    .position(|&d| d == ')')
                    .unwrap_or(chars.len() - i);
            } else if c == '<' && chars[i + 1..].starts_with(&['h', 't', 't', 'p']) {
                // An autolink: keep the URL, drop the angle brackets.
                let len = chars[i..]
                    .iter()
                    .position(|&d| d == '>')
                    .unwrap_or(chars.len() - i);
                out.extend(chars[i + 1..i + len].iter().map(|&d| (d, false)));
                i += len;
            } else if !matches!(c, '*' | '[') {
                out.push((c, false));
            }
            i += 1;
        }
    }
    let mut collapsed: Vec<(char, bool)> = Vec::with_capacity(out.len());
    for (c, in_code) in out {
        let c = if is_space(c) { ' ' } else { c };
        if !(c == ' ' && collapsed.last().is_none_or(|&(p, _)| p == ' ')) {
            collapsed.push((c, in_code));
        }
    }
    collapsed
}

/// Whether the `.` at `i` ends a sentence rather than an abbreviation, number or file name.
fn ends_sentence(chars: &[(char, bool)], i: usize) -> bool {
    let Some(&(next, _)) = chars.get(i + 1) else {
        return true;
    };
    if next != ' ' {
        return false;
    }
    if chars.get(i + 2).is_some_and(|&(c, _)| c.is_lowercase()) {
        return false;
    }
    let start = chars[..i]
        .iter()
        .rposition(|&(c, _)| c == ' ' || c == '(')
        .map_or(0, |p| p + 1);
    let word: String = chars[start..i]
        .iter()
        .map(|&(c, _)| c.to_ascii_lowercase())
        .collect();
    !matches!(word.as_str(), "e.g" | "i.e" | "vs" | "approx" | "cf")
}

#[cfg(test)]
#[path = "docs_tests.rs"]
mod tests;
#[doc(hidden)]
pub fn prepare_pub(h: &str) -> String {
    prepare(h)
}
