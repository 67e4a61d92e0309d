//! Turns the HTML documentation of AWS models into Markdown that rustdoc renders with no
//! warnings and no doctests, and into one-line plain-text summaries for changelogs.

use std::collections::HashSet;
use std::sync::OnceLock;

use htmd::element_handler::{HandlerResult, Handlers};
use htmd::options::{BulletListMarker, Options};
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
    normalize(&converter().convert(&prepared).unwrap_or_default())
}

/// The first sentence of the documentation, as plain text on one line (for changelogs): markup
/// stripped, whitespace collapsed.
pub fn first_sentence(html: &str) -> String {
    let markdown = to_markdown(html);
    // The first paragraph, list or note; a code block is no sentence.
    let mut blocks = markdown.split("\n\n");
    let block = blocks
        .find(|b| !b.trim_start().starts_with("```"))
        .unwrap_or("");
    let block: Vec<&str> = block.lines().collect();
    let chars = plain_text(&block);
    let end = (0..chars.len())
        .find(|&i| chars[i] == ('.', false) && ends_sentence(&chars, i))
        .map_or(chars.len(), |i| i + 1);
    let sentence: String = chars[..end].iter().map(|&(c, _)| c).collect();
    sentence.trim().to_string()
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
        let text = format!(" {line}").trim_end().to_string();
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

fn is_web_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|rest| !rest.is_empty())
}

/// Cleans the model's HTML so htmd sees only markup it handles well, and whitespace that no
/// longer depends on how the source was indented.
fn prepare(html: &str) -> String {
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

fn converter() -> &'static HtmlToMarkdown {
    static CONVERTER: OnceLock<HtmlToMarkdown> = OnceLock::new();
    CONVERTER.get_or_init(|| {
        let options = Options {
            bullet_list_marker: BulletListMarker::Dash,
            ul_bullet_spacing: 1,
            ol_number_spacing: 1,
            ..Options::default()
        };
        // A paragraph break stands in for a line break: it never leaves a dangling `\`.
        let br = |_: &dyn Handlers, _: Element| Some("\n\n".into());
        HtmlToMarkdown::builder()
            .options(options)
            .add_handler(vec!["a"], link_handler)
            .add_handler(vec!["pre"], pre_handler)
            .add_handler(vec!["blockquote"], blockquote_handler)
            .add_handler(vec!["dt"], term_handler)
            .add_handler(vec!["li"], list_item_handler)
            .add_handler(vec!["br"], br)
            .build()
    })
}

fn block(content: &str) -> Option<HandlerResult> {
    Some(format!("\n\n{content}\n\n").into())
}

fn attr<'a>(element: &'a Element, name: &str) -> Option<&'a str> {
    let attr = element.attrs.iter().find(|a| &*a.name.local == name);
    attr.map(|a| &*a.value)
}

/// Percent-encodes what would end or break a Markdown link destination or autolink.
fn encode_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.trim().chars() {
        if c.is_whitespace() || c.is_control() || "<>()[]\\`\"".contains(c) {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn link_handler(handlers: &dyn Handlers, element: Element) -> Option<HandlerResult> {
    let content = handlers.walk_children(element.node).content;
    // The preprocessor keeps only absolute web links; anything else keeps just its text, and so
    // does a link around another (html5ever can nest them), as Markdown cannot nest links.
    let href = attr(&element, "href").filter(|h| is_web_url(h));
    let Some(href) = href.filter(|_| !content.contains("](") && !content.contains("<http")) else {
        return Some(content.into());
    };
    let text = content.trim().replace('\n', " ");
    let url = encode_url(href);
    let plain: String = plain_text(&[&text]).iter().map(|&(c, _)| c).collect();
    let link = if text.is_empty() || plain == href.trim() || plain == url {
        format!("<{url}>")
    } else {
        format!("[{text}]({url})")
    };
    // Keep the whitespace around the text, which separates the link from its neighbours.
    Some(content.replacen(content.trim(), &link, 1).into())
}

fn pre_handler(handlers: &dyn Handlers, element: Element) -> Option<HandlerResult> {
    let content = handlers.walk_children(element.node).content;
    let code = content.trim_start_matches(PRE_SENTINEL).trim_end();
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
    let label = match attr(&element, "class") {
        Some(NOTE_CLASS) => "**Note:**",
        Some(IMPORTANT_CLASS) => "**Important:**",
        _ => "",
    };
    let body = match content.lines().next() {
        _ if label.is_empty() => content,
        // The label joins the first paragraph unless that would break a list, fence or quote.
        Some(first) if !starts_block(first) => format!("{label} {content}"),
        _ => format!("{label}\n\n{content}"),
    };
    let quoted: Vec<String> = body
        .lines()
        .map(|l| format!("> {l}").trim_end().to_string())
        .collect();
    block(&quoted.join("\n"))
}

/// Drops empty items (`<li><code/></li>` in models), which would render as stray bullets.
fn list_item_handler(handlers: &dyn Handlers, element: Element) -> Option<HandlerResult> {
    let content = handlers.walk_children(element.node).content;
    if content.trim().is_empty() {
        return None;
    }
    handlers.fallback(element)
}

fn term_handler(handlers: &dyn Handlers, element: Element) -> Option<HandlerResult> {
    let content = handlers.walk_children(element.node).content;
    match content.trim() {
        "" => None,
        term if term.contains(['\n', '*']) || term.ends_with('\\') => block(term),
        term => block(&format!("**{term}**")),
    }
}

/// Whether a Markdown line opens something other than a paragraph.
fn starts_block(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with(['`', '>', '#', '|']) || list_marker_width(line).is_some()
}

/// Width of the list marker (with the spaces after it) that `line` starts with, if any.
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
    for line in markdown.lines().map(str::trim_end) {
        let body = line.trim_start();
        let prev_blank = out.last().is_none_or(String::is_empty);
        // Fences also open in list items and notes: look past their markers.
        let mut content = body;
        while let Some(rest) = content
            .strip_prefix('>')
            .or_else(|| list_marker_width(content).map(|w| content.get(w..).unwrap_or("")))
        {
            content = rest.trim_start();
        }
        if let Some(marker) = &fence {
            if content == marker {
                fence = None;
            }
            out.push(line.to_string());
        } else if body.is_empty() {
            if !prev_blank {
                out.push(String::new());
            }
        } else {
            let mut indent = line.len() - body.len();
            let marker = list_marker_width(body);
            while (prev_blank || marker.is_some()) && items.last().is_some_and(|&c| indent < c) {
                items.pop();
            }
            indent = indent.min(items.last().copied().unwrap_or(0));
            items.extend(marker.map(|width| indent + width));
            let ticks = content.len() - content.trim_start_matches('`').len();
            if ticks >= 3 && &content[ticks..] == "text" {
                fence = Some(content[..ticks].to_string());
            }
            out.push(format!("{}{}", " ".repeat(indent), escape_inline(body)));
        }
    }
    while out.last().is_some_and(String::is_empty) {
        out.pop();
    }
    out.join("\n")
}

/// Length of the code span (or, if unclosed, the backtick run) at the start of `s`.
fn code_span_len(s: &str) -> usize {
    let run = s.len() - s.trim_start_matches('`').len();
    let mut at = run;
    while let Some(i) = s[at..].find('`') {
        let close = s[at + i..].len() - s[at + i..].trim_start_matches('`').len();
        if close == run {
            return at + i + close;
        }
        at += i + close;
    }
    run
}

/// The URL at the start of Markdown text: it ends at whitespace, at Markdown syntax, or before
/// trailing punctuation and a closing parenthesis it did not open.
fn url_prefix(text: &str) -> &str {
    let end = text.find(|c: char| c.is_whitespace() || "<>`\"'[]".contains(c));
    let mut url = &text[..end.unwrap_or(text.len())];
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?', '*', '\\']);
        let trimmed = match trimmed.matches(')').count() > trimmed.matches('(').count() {
            true => trimmed.strip_suffix(')').unwrap_or(trimmed),
            false => trimmed,
        };
        if trimmed.len() == url.len() {
            return url;
        }
        url = trimmed;
    }
}

/// Whether `<` followed by `rest` would open an HTML tag for rustdoc.
fn is_tag_start(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some('/') => chars.next().is_some_and(|c| c.is_ascii_alphabetic()),
        Some(c) => c.is_ascii_alphabetic() || c == '!' || c == '?',
        None => false,
    }
}

/// Wraps the bare URLs of a Markdown line in `<...>` (rustdoc's `bare_urls` lint) and escapes
/// `<` that would open a tag (`invalid_html_tags`), leaving code spans, autolinks and links
/// alone. Done on the Markdown because text nodes of different elements can end up side by
/// side only after html5ever and htmd have built it.
fn escape_inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    let mut link_text = 0usize;
    while let Some(c) = rest.chars().next() {
        let skip = match c {
            '\\' => 1 + rest[1..].chars().next().map_or(0, char::len_utf8),
            '`' => code_span_len(rest),
            '<' if rest[1..].starts_with("http") => rest.find('>').map_or(1, |e| e + 1),
            '<' if is_tag_start(&rest[1..]) => {
                // Text nodes that html5ever put side by side can still form a tag.
                out.push('\\');
                1
            }
            '[' => {
                link_text += 1;
                1
            }
            ']' if rest[1..].starts_with('(') => {
                link_text = link_text.saturating_sub(1);
                rest.find(')').map_or(1, |e| e + 1)
            }
            'h' if link_text == 0
                && (rest.starts_with("http://") || rest.starts_with("https://")) =>
            {
                let url = url_prefix(rest);
                let host = url.split_once("://").map_or("", |(_, host)| host);
                if !host.is_empty() && !host.starts_with('/') {
                    let plain: String = plain_text(&[url]).iter().map(|&(c, _)| c).collect();
                    out.push_str(&format!("<{}>", encode_url(&plain)));
                    rest = &rest[url.len()..];
                    continue;
                }
                1
            }
            c => c.len_utf8(),
        };
        let skip = skip.clamp(1, rest.len());
        out.push_str(&rest[..skip]);
        rest = &rest[skip..];
    }
    out
}

/// Plain text of Markdown lines, each character flagged with whether it was inside code.
fn plain_text(lines: &[&str]) -> Vec<(char, bool)> {
    let mut out: Vec<(char, bool)> = Vec::new();
    for line in lines {
        let mut rest = line.trim_start();
        while let Some(unquoted) = rest.strip_prefix('>') {
            rest = unquoted.trim_start();
        }
        rest = rest
            .get(list_marker_width(rest).unwrap_or(0)..)
            .unwrap_or("");
        out.push((' ', false));
        while let Some(c) = rest.chars().next() {
            let to = |c: char| rest.find(c).map_or(rest.len(), |e| e + 1);
            let (len, text, code) = match c {
                '\\' if rest[1..].starts_with(|n: char| n.is_ascii_punctuation()) => {
                    (2, &rest[1..2], false)
                }
                '`' => {
                    let (len, run) = (
                        code_span_len(rest),
                        rest.len() - rest.trim_start_matches('`').len(),
                    );
                    (len, rest.get(run..len - run).unwrap_or(""), true)
                }
                // An autolink keeps its URL; a link its text, not its destination.
                '<' if rest[1..].starts_with("http") => {
                    (to('>'), rest[1..to('>')].trim_end_matches('>'), false)
                }
                ']' if rest[1..].starts_with('(') => (to(')'), "", false),
                '*' | '[' => (1, "", false),
                c => (c.len_utf8(), &rest[..c.len_utf8()], false),
            };
            out.extend(text.chars().map(|c| (c, code)));
            rest = &rest[len..];
        }
    }
    let mut collapsed: Vec<(char, bool)> = Vec::with_capacity(out.len());
    for (c, in_code) in out {
        let c = if c.is_whitespace() { ' ' } else { c };
        if c != ' ' || collapsed.last().is_some_and(|&(p, _)| p != ' ') {
            collapsed.push((c, in_code));
        }
    }
    collapsed
}

/// Whether the `.` at `i` ends a sentence rather than an abbreviation, number or file name.
fn ends_sentence(chars: &[(char, bool)], i: usize) -> bool {
    let mut after = chars[i + 1..].iter().map(|&(c, _)| c);
    match (after.next(), after.next()) {
        (None, _) | (Some(' '), None) => return true,
        (Some(' '), Some(next)) if !next.is_lowercase() => {}
        _ => return false,
    }
    let start = chars[..i].iter().rposition(|&(c, _)| c == ' ' || c == '(');
    let word = chars[start.map_or(0, |p| p + 1)..i]
        .iter()
        .map(|&(c, _)| c.to_ascii_lowercase());
    let word: String = word.collect();
    !matches!(word.as_str(), "e.g" | "i.e" | "vs" | "approx" | "cf")
}

#[cfg(test)]
#[path = "docs_tests.rs"]
mod tests;
