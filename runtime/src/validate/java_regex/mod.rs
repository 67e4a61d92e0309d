//! Java regular expressions as AWS models write some `@pattern`s (inline flags, possessive
//! quantifiers, POSIX and Unicode classes, class intersection, `\A` and `\z`), rewritten
//! into ECMA-262 patterns with Java's meaning, for the matcher in [`pattern`](super::pattern).

mod classes;

use classes::{char_text, Escaped};
use std::fmt::Write as _;

/// A Java pattern rewritten as an ECMA-262 pattern for Unicode mode, with the flags its
/// leading inline flags set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Translated {
    pub(crate) pattern: String,
    pub(crate) icase: bool,
    pub(crate) multiline: bool,
    pub(crate) dot_all: bool,
}

impl Translated {
    pub(crate) fn flags(&self) -> regress::Flags {
        regress::Flags {
            icase: self.icase,
            multiline: self.multiline,
            dot_all: self.dot_all,
            unicode: true,
            ..regress::Flags::default()
        }
    }
}

/// Rewrites a pattern in `java.util.regex` syntax as an ECMA-262 pattern (Unicode mode) that
/// matches the same strings, or `None` for what Java rejects or this does not translate (then
/// the pattern fails as written). It reads the pattern token by token: escapes (`\+` is a
/// plus), classes (inside `[...]` a `+` is a plus), groups and quantifiers. ECMA-262 syntax
/// that Java reads alike passes through. What it rewrites:
///
/// - Inline flags `(?i)`, `(?m)`, `(?s)`, `(?is-m)` (and `(?u)`, which adds nothing to
///   ECMA-262's Unicode case folding). Java applies them from there to the end of the group,
///   across `|`. At the very start (after nothing but `^`) they become the regex's flags;
///   elsewhere a modifier group `(?i:...)` covers the rest of each alternative of the group.
///   `m` becomes a flag only at the very start, because a `^` before `(?m)` still matches only
///   at the start of the input. Caveat: Java's `(?i)` folds ASCII letters only (without
///   `(?u)`) where ECMA-262 folds Unicode, so `(?i)s` also matches `ſ` (U+017F) and `(?i)é`
///   also `É`.
/// - Possessive quantifiers `X*+`, `X++`, `X?+`, `X{n}+`, `X{n,}+`, `X{n,m}+` become greedy:
///   ECMA-262 has no atomic matching. Caveat: possessive never gives back what it took, so
///   `a*+a` never matches where `a*a` does; the result differs only when what follows could
///   match what the quantifier took. The AWS patterns quantify a fixed count (`\d{12}+`,
///   where possessive and greedy are the same) or a class the next token cannot match
///   (`[\/]?+[a-zA-Z0-9!_.*'()-]+`).
/// - A quantifier on an assertion (`^`, `$`, `\b`, `\B`, `\A`, `\z`, a lookaround): repeating
///   a zero-width assertion one or more times is the assertion, so with a minimum of one or
///   more the quantifier goes; with a minimum of zero it always succeeds, so an anchor goes
///   too (a lookaround, which may hold capture groups, is kept in `(?:...)` with its
///   quantifier).
/// - A braced quantifier with nothing before it to repeat: at the start of a group or
///   alternative, or right after another quantifier (`[0-9a-zA-Z]{11}{0,1011}`). Java applies
///   it to the empty string (`a{2}{3}` matches `aa`, not six), so it goes.
/// - `\A` and `\z` (start and end of input) become `^` and `$`, or lookarounds where `m` is on;
///   `\Z` (the end, or before a line terminator that ends the input) becomes lookarounds.
/// - POSIX classes (`\p{Print}`, `\p{Alnum}`, ... ASCII only, as in Java), `\p{all}`,
///   `\p{LD}` (letter or digit), `\p{IsAlphabetic}`-style binary properties, general
///   categories with `Is` (`\p{IsL}`), and `\h`, `\v` (Java's horizontal and vertical space).
/// - Classes: nested classes (`[a-c[x-z]]`, a union), intersection (`[\p{Print}&&[^|:/]]`,
///   written as lookaheads), a `-` after a class escape (`[\p{L}-_]`, where Java reads `-` as
///   itself), `]` first in a class (itself in Java), and escapes Unicode mode forbids.
/// - Escapes: `\x{h...}` and octal `\0ooo` become `\u{...}`; `\e`, `\a` and `\cX` their
///   characters; `\:`, `\-` and other escaped punctuation Unicode mode forbids are written
///   plainly; a lone `{` that is not a quantifier, `}` and `]` are escaped; a backreference
///   `\17` when fewer than 17 groups have opened is `\1` then `7`, as in Java; `\Q...\E`
///   becomes the characters between.
///
/// Not translated (the pattern then fails as written): atomic groups `(?>...)`, the flags `d`,
/// `x`, `U`, `c`, `\R`, `\X`, `\G`, Unicode blocks (`\p{InGreek}`) and scripts
/// (`\p{IsLatin}`).
///
/// Left as ECMA-262 reads it, in translated patterns as in those that compile as written (the
/// differences are about line terminators and non-ASCII space): Java's `$` also matches before
/// a line terminator that ends the input, its `^` with `m` never at the end of the input, its
/// `.` never `U+0085`; its `\s` is ASCII only, its `\b` reads non-ASCII letters as word
/// characters.
pub(crate) fn translate(source: &str) -> Option<Translated> {
    Translator {
        chars: source.chars().collect(),
        pos: 0,
        out: String::with_capacity(source.len() + 16),
        frames: vec![Frame {
            open: 0,
            lookaround: false,
            wraps: Vec::new(),
            multiline: false,
            alternated: false,
        }],
        last: Last::Nothing,
        captures: 0,
        icase: false,
        multiline: false,
        dot_all: false,
    }
    .run()
}

/// Deeper class nesting than any pattern needs is refused, so hostile input cannot exhaust the
/// stack.
const MAX_CLASS_DEPTH: usize = 16;

struct Translator {
    chars: Vec<char>,
    pos: usize,
    out: String,
    /// The open groups, the whole pattern first; never empty.
    frames: Vec<Frame>,
    last: Last,
    /// Capture groups opened so far.
    captures: u32,
    icase: bool,
    multiline: bool,
    dot_all: bool,
}

struct Frame {
    /// Where the group's `(` is in the output.
    open: usize,
    lookaround: bool,
    /// The modifiers (`i`, `s-m`) of the modifier groups opened in this group for inline flags,
    /// outermost first. They are closed before each `|` and the group's `)`, and reopened
    /// after each `|`: Java's inline flags hold to the end of the group, across alternatives.
    wraps: Vec<String>,
    /// Whether `^` and `$` match at line ends here.
    multiline: bool,
    /// Whether a `|` has been seen in this group.
    alternated: bool,
}

/// What a quantifier would apply to.
#[derive(Debug, Clone, Copy)]
enum Last {
    /// Nothing: the start of the pattern, a group or an alternative, or inline flags.
    Nothing,
    /// Something a quantifier applies to as written.
    Atom,
    /// A zero-width assertion, starting at this offset of the output.
    Assertion(usize),
    /// A lookaround group, starting at this offset of the output.
    Lookaround(usize),
    /// A quantified atom.
    Quantified,
}

impl Translator {
    fn run(mut self) -> Option<Translated> {
        while let Some(c) = self.next() {
            match c {
                '\\' => self.escape()?,
                '[' => {
                    let class = self.class(0)?;
                    self.atom(&class.text);
                }
                '(' => self.open_group()?,
                ')' => self.close_group()?,
                '|' => self.alternative(),
                '*' => self.quantifier("*", 0, false)?,
                '+' => self.quantifier("+", 1, false)?,
                '?' => self.quantifier("?", 0, false)?,
                '{' => match self.braced_quantifier() {
                    Some((text, min)) => self.quantifier(&text, min, true)?,
                    None => self.atom(r"\{"),
                },
                '^' => self.assertion("^"),
                '$' => self.assertion("$"),
                '}' => self.atom(r"\}"),
                ']' => self.atom(r"\]"),
                c => self.atom(c.encode_utf8(&mut [0; 4])),
            }
        }
        if self.frames.len() != 1 {
            return None;
        }
        self.close_wraps();
        Some(Translated {
            pattern: self.out,
            icase: self.icase,
            multiline: self.multiline,
            dot_all: self.dot_all,
        })
    }

    fn next(&mut self) -> Option<char> {
        let c = self.chars.get(self.pos).copied();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    fn peek(&self) -> Option<char> {
        self.peek_at(0)
    }

    fn peek_at(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.pos + ahead).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        let found = self.peek() == Some(c);
        if found {
            self.pos += 1;
        }
        found
    }

    /// The characters up to `end`, consumed with it.
    fn until(&mut self, end: char) -> Option<String> {
        let len = self.chars.get(self.pos..)?.iter().position(|&c| c == end)?;
        let text = self.chars.get(self.pos..self.pos + len)?.iter().collect();
        self.pos += len + 1;
        Some(text)
    }

    fn frame_multiline(&self) -> bool {
        self.frames.last().is_some_and(|frame| frame.multiline)
    }

    fn atom(&mut self, text: &str) {
        self.out.push_str(text);
        self.last = Last::Atom;
    }

    fn assertion(&mut self, text: &str) {
        self.last = Last::Assertion(self.out.len());
        self.out.push_str(text);
    }

    /// A quantifier (`text` as ECMA-262 writes it, with its minimum), then Java's suffix: `?`
    /// (lazy, as in ECMA-262) or `+` (possessive, written greedy; see `translate`).
    fn quantifier(&mut self, text: &str, min: u32, braced: bool) -> Option<()> {
        let lazy = if self.eat('?') { "?" } else { "" };
        if lazy.is_empty() {
            self.eat('+');
        }
        match self.last {
            // Java applies a braced quantifier to the empty string here, and rejects others.
            Last::Nothing | Last::Quantified if braced => {}
            Last::Nothing | Last::Quantified => return None,
            Last::Assertion(start) => {
                if min == 0 {
                    self.out.truncate(start);
                }
            }
            Last::Lookaround(start) => {
                if min == 0 {
                    self.out.insert_str(start, "(?:");
                    self.out.push(')');
                    self.out.push_str(text);
                    self.out.push_str(lazy);
                }
            }
            Last::Atom => {
                self.out.push_str(text);
                self.out.push_str(lazy);
            }
        }
        self.last = Last::Quantified;
        Some(())
    }

    /// `{n}`, `{n,}` or `{n,m}` after its `{`, as ECMA-262 writes it and with its minimum;
    /// `None`, consuming nothing, when the `{` starts no quantifier.
    fn braced_quantifier(&mut self) -> Option<(String, u32)> {
        let start = self.pos;
        let digits = |t: &mut Self| {
            let from = t.pos;
            while t.peek().is_some_and(|c| c.is_ascii_digit()) {
                t.pos += 1;
            }
            t.chars
                .get(from..t.pos)
                .map(|d| d.iter().collect::<String>())
        };
        let min = digits(self).filter(|d| !d.is_empty());
        let quantifier = min.and_then(|min| {
            let max = if self.eat(',') {
                Some(digits(self)?)
            } else {
                None
            };
            if !self.eat('}') {
                return None;
            }
            // Only whether the minimum is zero matters; a huge one is left to the engine.
            let at_least = min.parse().unwrap_or(u32::MAX);
            let text = match max {
                None => format!("{{{min}}}"),
                Some(max) => format!("{{{min},{max}}}"),
            };
            Some((text, at_least))
        });
        if quantifier.is_none() {
            self.pos = start;
        }
        quantifier
    }

    fn open_group(&mut self) -> Option<()> {
        let open = self.out.len();
        let mut lookaround = false;
        let mut multiline = self.frame_multiline();
        if self.eat('?') {
            match self.next()? {
                ':' => self.out.push_str("(?:"),
                c @ ('=' | '!') => {
                    lookaround = true;
                    let _ = write!(self.out, "(?{c}");
                }
                '<' => match self.peek() {
                    Some(c @ ('=' | '!')) => {
                        self.pos += 1;
                        lookaround = true;
                        let _ = write!(self.out, "(?<{c}");
                    }
                    _ => {
                        let name = self.until('>')?;
                        let mut chars = name.chars();
                        if !chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                            || !chars.all(|c| c.is_ascii_alphanumeric())
                        {
                            return None;
                        }
                        self.captures += 1;
                        let _ = write!(self.out, "(?<{name}>");
                    }
                },
                c if c == '-' || c.is_ascii_alphabetic() => {
                    self.pos -= 1;
                    let (flags, end) = InlineFlags::parse(self)?;
                    if end == ')' {
                        self.inline_flags(flags);
                        return Some(());
                    }
                    // `(?i:...)`: a modifier group, ECMA-262 has them too.
                    let modifiers = flags.modifiers();
                    if modifiers.is_empty() {
                        self.out.push_str("(?:");
                    } else {
                        let _ = write!(self.out, "(?{modifiers}:");
                    }
                    multiline = flags.m.unwrap_or(multiline);
                }
                _ => return None,
            }
        } else {
            self.captures += 1;
            self.out.push('(');
        }
        self.frames.push(Frame {
            open,
            lookaround,
            wraps: Vec::new(),
            multiline,
            alternated: false,
        });
        self.last = Last::Nothing;
        Some(())
    }

    fn close_group(&mut self) -> Option<()> {
        if self.frames.len() == 1 {
            return None;
        }
        self.close_wraps();
        let frame = self.frames.pop()?;
        self.out.push(')');
        self.last = if frame.lookaround {
            Last::Lookaround(frame.open)
        } else {
            Last::Atom
        };
        Some(())
    }

    fn close_wraps(&mut self) {
        if let Some(frame) = self.frames.last() {
            for _ in &frame.wraps {
                self.out.push(')');
            }
        }
    }

    fn alternative(&mut self) {
        self.close_wraps();
        self.out.push('|');
        if let Some(frame) = self.frames.last_mut() {
            for modifiers in &frame.wraps {
                let _ = write!(self.out, "(?{modifiers}:");
            }
            frame.alternated = true;
        }
        self.last = Last::Nothing;
    }

    /// `(?flags)`: the regex's flags at the very start, else a modifier group to the end of
    /// the alternative (reopened after each later `|` of the group).
    fn inline_flags(&mut self, flags: InlineFlags) {
        let leading = self.frames.len() == 1
            && self
                .frames
                .first()
                .is_some_and(|top| top.wraps.is_empty() && !top.alternated)
            && self.out.chars().all(|c| c == '^');
        let mut rest = InlineFlags::default();
        if leading {
            let empty = self.out.is_empty();
            for (wanted, global, rest, can_set) in [
                (flags.i, &mut self.icase, &mut rest.i, true),
                (flags.m, &mut self.multiline, &mut rest.m, empty),
                (flags.s, &mut self.dot_all, &mut rest.s, true),
            ] {
                match wanted {
                    Some(true) if can_set => *global = true,
                    Some(false) if !*global => {}
                    other => *rest = other,
                }
            }
            if let Some(top) = self.frames.first_mut() {
                top.multiline = self.multiline;
            }
        } else {
            rest = flags;
        }
        let modifiers = rest.modifiers();
        if let Some(frame) = self.frames.last_mut() {
            frame.multiline = rest.m.unwrap_or(frame.multiline);
            if !modifiers.is_empty() {
                let _ = write!(self.out, "(?{modifiers}:");
                frame.wraps.push(modifiers);
            }
        }
        self.last = Last::Nothing;
    }

    /// An escape outside a class, after its `\`.
    fn escape(&mut self) -> Option<()> {
        let c = self.next()?;
        match c {
            'A' if self.frame_multiline() => self.assertion(r"(?<![\s\S])"),
            'A' => self.assertion("^"),
            'z' if self.frame_multiline() => self.assertion(r"(?![\s\S])"),
            'z' => self.assertion("$"),
            // Java's `\Z`, like its `$` without `m`: the end, or before a line terminator
            // that ends the input (not between the `\r` and `\n` of one).
            'Z' => {
                self.assertion(r"(?!(?<=\r)\n)(?=(?:\r\n|[\n\r\u{85}\u{2028}\u{2029}])?(?![\s\S]))")
            }
            'b' => self.assertion(r"\b"),
            'B' => self.assertion(r"\B"),
            'Q' => {
                for c in self.quoted() {
                    self.atom(&char_text(u32::from(c), false));
                }
            }
            '1'..='9' => self.backreference(c)?,
            'k' => {
                if !self.eat('<') {
                    return None;
                }
                let name = self.until('>')?;
                self.atom(&format!(r"\k<{name}>"));
            }
            c => {
                let text = match self.escaped(c)? {
                    Escaped::Char(c) => char_text(c, false),
                    Escaped::Set(set) => set.outside_class(),
                };
                self.atom(&text);
            }
        }
        Some(())
    }

    /// After `\Q`: the characters to `\E` or the end, each itself.
    fn quoted(&mut self) -> Vec<char> {
        let mut quoted = Vec::new();
        while let Some(c) = self.next() {
            if c == '\\' && self.peek() == Some('E') {
                self.pos += 1;
                break;
            }
            quoted.push(c);
        }
        quoted
    }

    /// `\1`..: Java reads more digits only while the number names a group already opened,
    /// then the rest as literal digits.
    fn backreference(&mut self, first: char) -> Option<()> {
        let mut number = first.to_digit(10)?;
        while let Some(digit) = self.peek().and_then(|c| c.to_digit(10)) {
            match number.checked_mul(10).and_then(|n| n.checked_add(digit)) {
                Some(longer) if longer <= self.captures => {
                    number = longer;
                    self.pos += 1;
                }
                _ => break,
            }
        }
        // ECMA-262 would read a digit after it as part of the number.
        let text = if self.peek().is_some_and(|c| c.is_ascii_digit()) {
            format!(r"(?:\{number})")
        } else {
            format!(r"\{number}")
        };
        self.atom(&text);
        Some(())
    }
}

/// `(?flags)` or `(?flags:`: each of `i`, `m`, `s` on, off or as it was (the last mention
/// wins, as in Java).
#[derive(Debug, Default, Clone, Copy)]
struct InlineFlags {
    i: Option<bool>,
    m: Option<bool>,
    s: Option<bool>,
}

impl InlineFlags {
    /// The flags after `(?`, with the `)` or `:` that ends them.
    fn parse(t: &mut Translator) -> Option<(InlineFlags, char)> {
        let mut flags = InlineFlags::default();
        let mut on = true;
        loop {
            match t.next()? {
                '-' if on => on = false,
                'i' => flags.i = Some(on),
                'm' => flags.m = Some(on),
                's' => flags.s = Some(on),
                // Unicode case folding, which ECMA-262's `i` always does.
                'u' => {}
                end @ (')' | ':') => return Some((flags, end)),
                _ => return None,
            }
        }
    }

    /// As a modifier group writes them: `i`, `s-m`; empty when they change nothing.
    fn modifiers(&self) -> String {
        let all = [('i', self.i), ('m', self.m), ('s', self.s)];
        let mut text: String = all
            .iter()
            .filter(|(_, on)| *on == Some(true))
            .map(|(c, _)| c)
            .collect();
        let off: String = all
            .iter()
            .filter(|(_, on)| *on == Some(false))
            .map(|(c, _)| c)
            .collect();
        if !off.is_empty() {
            text.push('-');
            text.push_str(&off);
        }
        text
    }
}
