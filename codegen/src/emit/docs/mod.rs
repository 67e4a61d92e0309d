//! Turns the HTML documentation of AWS models into Markdown that rustdoc renders with no
//! warnings and no doctests, and into one-line plain-text summaries for changelogs.

use std::sync::OnceLock;

use htmd::element_handler::{HandlerResult, Handlers};
use htmd::options::{BulletListMarker, Options};
use htmd::{Element, HtmlToMarkdown};
use proc_macro2::TokenStream;
use quote::quote;

mod html;
use html::{is_web_url, prepare, IMPORTANT_CLASS, NOTE_CLASS, PRE_SENTINEL};

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
mod tests;
