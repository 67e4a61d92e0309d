//! Java character classes and escapes, as ECMA-262 writes them: the sets (`\d`, `\p{Alpha}`,
//! `\h`), a class's union and intersection operands (`[a-z&&[^aeiou]]`), and how one character
//! is written in or outside a class.

use super::{Translator, MAX_CLASS_DEPTH};
use std::fmt::Write as _;

/// What an escape stands for.
pub(super) enum Escaped {
    Char(u32),
    Set(Set),
}

/// A set of characters, as ECMA-262 can write it.
pub(super) enum Set {
    /// An escape ECMA-262 reads alike in and outside a class: `\d`, `\p{L}`.
    Escape(String),
    /// Class contents (ranges, several escapes), of the set or of its complement.
    Contents { contents: String, negated: bool },
}

impl Set {
    pub(super) fn outside_class(self) -> String {
        match self {
            Set::Escape(escape) => escape,
            Set::Contents {
                contents,
                negated: false,
            } => format!("[{contents}]"),
            Set::Contents {
                contents,
                negated: true,
            } => format!("[^{contents}]"),
        }
    }
}

/// One operand of a Java class: what a class without `&&` holds.
#[derive(Default)]
struct Union {
    /// Class contents.
    contents: String,
    /// Matchers of one character that cannot be written as class contents (negated nested
    /// classes, intersections).
    others: Vec<String>,
}

impl Union {
    fn is_empty(&self) -> bool {
        self.contents.is_empty() && self.others.is_empty()
    }

    fn push_set(&mut self, set: Set) {
        match set {
            Set::Escape(escape) => self.contents.push_str(&escape),
            Set::Contents {
                contents,
                negated: false,
            } => self.contents.push_str(&contents),
            Set::Contents {
                contents,
                negated: true,
            } => self.others.push(format!("[^{contents}]")),
        }
    }

    fn push_class(&mut self, class: Class) {
        match class.contents {
            Some(contents) => self.contents.push_str(&contents),
            None => self.others.push(class.text),
        }
    }

    fn into_class(self) -> Class {
        if self.others.is_empty() {
            return Class {
                text: format!("[{}]", self.contents),
                contents: Some(self.contents),
            };
        }
        let mut alternatives = Vec::with_capacity(self.others.len() + 1);
        if !self.contents.is_empty() {
            alternatives.push(format!("[{}]", self.contents));
        }
        alternatives.extend(self.others);
        let text = if alternatives.len() == 1 {
            alternatives.remove(0)
        } else {
            format!("(?:{})", alternatives.join("|"))
        };
        Class {
            text,
            contents: None,
        }
    }
}

/// A translated Java class: ECMA-262 that matches one character.
pub(super) struct Class {
    pub(super) text: String,
    /// The contents of `text` when it is a plain class `[...]`, to merge into an enclosing one.
    contents: Option<String>,
}

impl Class {
    /// A class of the union of `operands` (intersected), complemented if `negated`.
    fn new(negated: bool, operands: Vec<Union>) -> Class {
        // Java ignores an empty operand: `[a&&]` is `[a]`.
        let mut classes: Vec<Class> = operands
            .into_iter()
            .filter(|union| !union.is_empty())
            .map(Union::into_class)
            .collect();
        let whole = match classes.len() {
            0 => Class {
                text: "[]".into(),
                contents: Some(String::new()),
            },
            1 => classes.remove(0),
            _ => {
                let first = classes.remove(0);
                let mut text = String::from("(?:");
                for class in &classes {
                    let _ = write!(text, "(?={})", class.text);
                }
                text.push_str(&first.text);
                text.push(')');
                Class {
                    text,
                    contents: None,
                }
            }
        };
        if !negated {
            return whole;
        }
        let text = match whole.contents {
            Some(contents) => format!("[^{contents}]"),
            None => format!(r"(?:(?!{})[\s\S])", whole.text),
        };
        Class {
            text,
            contents: None,
        }
    }
}

impl Translator {
    /// The escapes Java reads alike in and outside a class, after the `\` and `c`.
    pub(super) fn escaped(&mut self, c: char) -> Option<Escaped> {
        let one = |c: u32| Some(Escaped::Char(c));
        match c {
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => Some(Escaped::Set(Set::Escape(format!("\\{c}")))),
            'p' | 'P' => {
                let name = if self.eat('{') {
                    self.until('}')?
                } else {
                    self.next()?.to_string()
                };
                java_property(&name, c == 'P').map(Escaped::Set)
            }
            'h' | 'H' => Some(Escaped::Set(ranges(HORIZONTAL_SPACE, c == 'H'))),
            'v' | 'V' => Some(Escaped::Set(ranges(VERTICAL_SPACE, c == 'V'))),
            't' => one(0x09),
            'n' => one(0x0A),
            'r' => one(0x0D),
            'f' => one(0x0C),
            'a' => one(0x07),
            'e' => one(0x1B),
            'c' => one(u32::from(self.next()?) ^ 0x40),
            'x' if self.eat('{') => {
                let hex = self.until('}')?;
                one(u32::from_str_radix(&hex, 16)
                    .ok()
                    .filter(|&c| c <= 0x10_FFFF)?)
            }
            'x' => one(self.hex(2)?),
            'u' => {
                let unit = self.hex(4)?;
                // A surrogate pair written as two escapes is one character, in Java too.
                if (0xD800..0xDC00).contains(&unit)
                    && self.peek() == Some('\\')
                    && self.peek_at(1) == Some('u')
                {
                    let back = self.pos;
                    self.pos += 2;
                    match self.hex(4) {
                        Some(low @ 0xDC00..=0xDFFF) => {
                            return one(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
                        }
                        _ => self.pos = back,
                    }
                }
                one(unit)
            }
            '0' => {
                // Java: `\0n`, `\0nn`, `\0mnn` with m at most 3.
                let mut value = 0;
                let mut digits = 0;
                while let Some(digit) = self.peek().and_then(|c| c.to_digit(8)) {
                    if digits == 3 || (digits == 2 && value > 0o37) {
                        break;
                    }
                    value = value * 8 + digit;
                    digits += 1;
                    self.pos += 1;
                }
                if digits == 0 {
                    return None;
                }
                one(value)
            }
            c if c.is_ascii_alphanumeric() => None,
            c => one(u32::from(c)),
        }
    }

    fn hex(&mut self, len: usize) -> Option<u32> {
        let digits: String = self.chars.get(self.pos..self.pos + len)?.iter().collect();
        if !digits.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += len;
        u32::from_str_radix(&digits, 16).ok()
    }

    /// A Java class after its `[`, to its `]`.
    pub(super) fn class(&mut self, depth: usize) -> Option<Class> {
        if depth > MAX_CLASS_DEPTH {
            return None;
        }
        let negated = self.eat('^');
        let mut operands = Vec::new();
        let mut union = Union::default();
        let mut first = true;
        loop {
            match self.next()? {
                // Java reads a `]` first in a class as itself.
                ']' if !first => break,
                '[' => {
                    let nested = self.class(depth + 1)?;
                    union.push_class(nested);
                }
                '&' if self.peek() == Some('&') => {
                    self.pos += 1;
                    if self.peek() == Some('&') {
                        return None;
                    }
                    operands.push(std::mem::take(&mut union));
                }
                '\\' if self.eat('Q') => {
                    // Java reads quoted letters and digits as written, so the last can start
                    // a range (`[\Qa\E-z]` is `[a-z]`), and other characters as escaped.
                    let quoted = self.quoted();
                    if let Some((&last, rest)) = quoted.split_last() {
                        for &c in rest {
                            union.contents.push_str(&char_text(u32::from(c), true));
                        }
                        if last.is_ascii_alphanumeric() || !last.is_ascii() {
                            self.class_char(u32::from(last), &mut union)?;
                        } else {
                            union.contents.push_str(&char_text(u32::from(last), true));
                        }
                    }
                }
                '\\' => {
                    let c = self.next()?;
                    match self.escaped(c)? {
                        Escaped::Char(c) => self.class_char(c, &mut union)?,
                        // Java reads a `-` after a set as itself: the `else` branch below.
                        Escaped::Set(set) => union.push_set(set),
                    }
                }
                c => self.class_char(u32::from(c), &mut union)?,
            }
            first = false;
        }
        operands.push(union);
        Some(Class::new(negated, operands))
    }

    /// A character in a class, or the start of a range.
    fn class_char(&mut self, start: u32, union: &mut Union) -> Option<()> {
        union.contents.push_str(&char_text(start, true));
        if self.peek() != Some('-') || matches!(self.peek_at(1), None | Some(']' | '[')) {
            return Some(());
        }
        self.pos += 1;
        let end = match self.next()? {
            '\\' => {
                let c = self.next()?;
                match self.escaped(c)? {
                    Escaped::Char(end) => end,
                    Escaped::Set(_) => return None,
                }
            }
            c => u32::from(c),
        };
        if end < start {
            return None;
        }
        union.contents.push('-');
        union.contents.push_str(&char_text(end, true));
        Some(())
    }
}

/// How a character is written in ECMA-262 (Unicode mode), in or outside a class.
pub(super) fn char_text(c: u32, in_class: bool) -> String {
    match char::from_u32(c) {
        Some(c @ ('\\' | ']' | '[' | '^' | '-')) if in_class => format!("\\{c}"),
        Some(
            c @ ('^' | '$' | '\\' | '.' | '*' | '+' | '?' | '(' | ')' | '[' | ']' | '{' | '}' | '|'
            | '/'),
        ) if !in_class => format!("\\{c}"),
        Some('\t') => r"\t".into(),
        Some('\n') => r"\n".into(),
        Some('\r') => r"\r".into(),
        Some(c) if c == ' ' || c.is_ascii_graphic() || c.is_alphanumeric() => c.to_string(),
        _ => format!("\\u{{{c:X}}}"),
    }
}

const HORIZONTAL_SPACE: &[(u32, u32)] = &[
    (0x09, 0x09),
    (0x20, 0x20),
    (0xA0, 0xA0),
    (0x1680, 0x1680),
    (0x180E, 0x180E),
    (0x2000, 0x200A),
    (0x202F, 0x202F),
    (0x205F, 0x205F),
    (0x3000, 0x3000),
];
const VERTICAL_SPACE: &[(u32, u32)] = &[(0x0A, 0x0D), (0x85, 0x85), (0x2028, 0x2029)];

/// A set of ranges, or its complement, as class contents. The complement stays a negated
/// class rather than the ranges between: with `i`, Java leaves out both cases of what the
/// set holds (`(?i)\P{Lower}` matches no letter), and so does ECMA-262 for a negated class.
fn ranges(ranges: &[(u32, u32)], negated: bool) -> Set {
    let mut contents = String::new();
    for &(from, to) in ranges {
        contents.push_str(&char_text(from, true));
        if to > from {
            contents.push('-');
            contents.push_str(&char_text(to, true));
        }
    }
    Set::Contents { contents, negated }
}

/// Java's `\p{name}` (`\P{name}` if `negated`) as ECMA-262 writes it, or `None` for names this
/// does not translate. Java's POSIX classes are ASCII only unless `UNICODE_CHARACTER_CLASS`.
fn java_property(name: &str, negated: bool) -> Option<Set> {
    const LOWER: (u32, u32) = (0x61, 0x7A);
    const UPPER: (u32, u32) = (0x41, 0x5A);
    const DIGIT: (u32, u32) = (0x30, 0x39);
    let posix: Option<&[(u32, u32)]> = match name {
        "Lower" => Some(&[LOWER]),
        "Upper" => Some(&[UPPER]),
        "ASCII" => Some(&[(0x00, 0x7F)]),
        "Alpha" => Some(&[UPPER, LOWER]),
        "Digit" => Some(&[DIGIT]),
        "Alnum" => Some(&[DIGIT, UPPER, LOWER]),
        "Punct" => Some(&[(0x21, 0x2F), (0x3A, 0x40), (0x5B, 0x60), (0x7B, 0x7E)]),
        "Graph" => Some(&[(0x21, 0x7E)]),
        "Print" => Some(&[(0x20, 0x7E)]),
        "Blank" => Some(&[(0x09, 0x09), (0x20, 0x20)]),
        "Cntrl" => Some(&[(0x00, 0x1F), (0x7F, 0x7F)]),
        "XDigit" => Some(&[DIGIT, (0x41, 0x46), (0x61, 0x66)]),
        "Space" => Some(&[(0x09, 0x0D), (0x20, 0x20)]),
        "all" => Some(&[(0x00, 0x10_FFFF)]),
        "L1" => Some(&[(0x00, 0xFF)]),
        _ => None,
    };
    if let Some(posix) = posix {
        return Some(ranges(posix, negated));
    }
    let escape = |property: &str, negated: bool| {
        let p = if negated { 'P' } else { 'p' };
        Some(Set::Escape(format!("\\{p}{{{property}}}")))
    };
    if name == "LD" {
        // `Character.isLetterOrDigit`: a letter or a decimal digit.
        return Some(Set::Contents {
            contents: r"\p{L}\p{Nd}".into(),
            negated,
        });
    }
    const CATEGORIES: &[&str] = &[
        "C", "Cc", "Cf", "Cn", "Co", "Cs", "L", "LC", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc",
        "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S",
        "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs",
    ];
    let bare = name.strip_prefix("Is").unwrap_or(name);
    if CATEGORIES.contains(&bare) {
        return escape(bare, negated);
    }
    let Some(binary) = name.strip_prefix("Is") else {
        // Other names (`gc=Lu`, `sc=Latin`) go to the engine as written.
        return escape(name, negated);
    };
    // Java's binary properties, named in any case (`IsWhite_Space`, `IsWhitespace`).
    let (property, negated) = match binary.to_ascii_uppercase().replace('_', "").as_str() {
        "ALPHABETIC" => ("Alphabetic", negated),
        "LETTER" => ("L", negated),
        "IDEOGRAPHIC" => ("Ideographic", negated),
        "LOWERCASE" => ("Lowercase", negated),
        "UPPERCASE" => ("Uppercase", negated),
        "TITLECASE" => ("Lt", negated),
        "PUNCTUATION" => ("P", negated),
        "CONTROL" => ("Cc", negated),
        "WHITESPACE" => ("White_Space", negated),
        "DIGIT" => ("Nd", negated),
        "JOINCONTROL" => ("Join_Control", negated),
        "NONCHARACTERCODEPOINT" => ("Noncharacter_Code_Point", negated),
        "ASSIGNED" => ("Cn", !negated),
        _ => return None,
    };
    escape(property, negated)
}
