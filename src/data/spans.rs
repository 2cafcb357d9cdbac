//! Where each value of a RON text starts, by its path from the root, so a
//! problem found in the parsed data can be reported at the offending value.
//!
//! Paths name struct fields with `.field` and list, tuple and enum-variant
//! items with `[index]`: `subjects[2].bounds`, `triggers[0].when[0]`. The
//! index is built best-effort: text after a syntax error is not indexed, and
//! [`SpanIndex::find`] falls back to the nearest indexed parent.

use std::collections::HashMap;

/// Line and column (1-based) of each value in a RON text, by path.
#[derive(Debug, Default)]
pub struct SpanIndex {
    positions: HashMap<String, (usize, usize)>,
}

impl SpanIndex {
    /// Indexes `text`.
    pub fn build(text: &str) -> Self {
        let mut scanner = Scanner::new(text);
        scanner.skip_attributes();
        // A syntax error ends indexing; whatever was indexed stays useful.
        let _ = scanner.value(String::new());
        scanner.index
    }

    /// Position of the value at `path`, or of its nearest indexed parent.
    pub fn find(&self, path: &str) -> Option<(usize, usize)> {
        let mut path = path;
        loop {
            if let Some(&position) = self.positions.get(path) {
                return Some(position);
            }
            if path.is_empty() {
                return None;
            }
            path = &path[..path.rfind(['.', '[']).unwrap_or(0)];
        }
    }
}

/// The start of the first token at or after `(line, column)` in `text`,
/// skipping blanks and comments: parsers often report the position just
/// before a value, and people want the value itself.
pub fn token_at(text: &str, (line, column): (usize, usize)) -> (usize, usize) {
    let mut scanner = Scanner::new(text);
    while (scanner.line, scanner.column) < (line, column) && scanner.bump().is_some() {}
    scanner.skip_blank();
    (scanner.line, scanner.column)
}

/// Nesting deeper than this is not indexed (the parser rejects it anyway).
const MAX_DEPTH: usize = 256;

struct Scanner {
    chars: Vec<char>,
    at: usize,
    line: usize,
    column: usize,
    index: SpanIndex,
    depth: usize,
}

/// Indexing stopped: the text is not valid RON from here on.
struct Stop;

impl Scanner {
    fn new(text: &str) -> Self {
        Self {
            chars: text.chars().collect(),
            at: 0,
            line: 1,
            column: 1,
            index: SpanIndex::default(),
            depth: 0,
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn starts_with(&self, s: &str) -> bool {
        s.chars()
            .enumerate()
            .all(|(i, c)| self.chars.get(self.at + i) == Some(&c))
    }

    fn skip_blank(&mut self) {
        loop {
            match self.peek() {
                Some(c) if c.is_whitespace() => {
                    self.bump();
                }
                Some('/') if self.starts_with("//") => {
                    while self.peek().is_some_and(|c| c != '\n') {
                        self.bump();
                    }
                }
                Some('/') if self.starts_with("/*") => {
                    let mut depth = 0usize;
                    while self.peek().is_some() {
                        if self.starts_with("/*") {
                            depth += 1;
                            self.bump();
                        } else if self.starts_with("*/") {
                            depth -= 1;
                            self.bump();
                            if depth == 0 {
                                self.bump();
                                break;
                            }
                        }
                        self.bump();
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_attributes(&mut self) {
        self.skip_blank();
        while self.starts_with("#![") {
            while self.peek().is_some_and(|c| c != ']') {
                self.bump();
            }
            self.bump();
            self.skip_blank();
        }
    }

    fn expect(&mut self, c: char) -> Result<(), Stop> {
        self.skip_blank();
        if self.peek() == Some(c) {
            self.bump();
            Ok(())
        } else {
            Err(Stop)
        }
    }

    fn identifier(&mut self) -> String {
        let mut name = String::new();
        if self.starts_with("r#") {
            self.bump();
            self.bump();
        }
        while let Some(c) = self.peek().filter(|c| c.is_alphanumeric() || *c == '_') {
            name.push(c);
            self.bump();
        }
        name
    }

    /// Indexes the value starting here under `path`.
    fn value(&mut self, path: String) -> Result<(), Stop> {
        self.skip_blank();
        self.index
            .positions
            .entry(path.clone())
            .or_insert((self.line, self.column));
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Stop);
        }
        let result = match self.peek().ok_or(Stop)? {
            '(' => self.parenthesized(&path),
            '[' => self.sequence(&path, ']'),
            '{' => self.map(&path),
            '"' => self.string(),
            'r' if self.starts_with("r\"") || self.starts_with("r#\"") => self.raw_string(),
            '\'' => self.character(),
            c if c.is_alphabetic() || c == '_' => {
                self.identifier();
                self.skip_blank();
                if self.peek() == Some('(') {
                    self.parenthesized(&path)
                } else {
                    Ok(())
                }
            }
            _ => self.number(),
        };
        self.depth -= 1;
        result
    }

    /// `( ... )`: named fields, or unnamed items indexed like a list.
    fn parenthesized(&mut self, path: &str) -> Result<(), Stop> {
        self.expect('(')?;
        self.skip_blank();
        let save = (self.at, self.line, self.column);
        let name = self.identifier();
        self.skip_blank();
        let named = !name.is_empty() && self.peek() == Some(':') && !self.starts_with("::");
        (self.at, self.line, self.column) = save;
        if !named {
            return self.sequence(path, ')');
        }
        loop {
            self.skip_blank();
            if self.peek() == Some(')') {
                self.bump();
                return Ok(());
            }
            let field = self.identifier();
            if field.is_empty() {
                return Err(Stop);
            }
            self.expect(':')?;
            let child = if path.is_empty() {
                field
            } else {
                format!("{path}.{field}")
            };
            self.value(child)?;
            self.separator(')')?;
        }
    }

    /// Items up to `close` (the opening bracket is consumed here if present).
    fn sequence(&mut self, path: &str, close: char) -> Result<(), Stop> {
        if close == ']' {
            self.expect('[')?;
        }
        let mut index = 0;
        loop {
            self.skip_blank();
            if self.peek() == Some(close) {
                self.bump();
                return Ok(());
            }
            self.value(format!("{path}[{index}]"))?;
            index += 1;
            self.separator(close)?;
        }
    }

    fn map(&mut self, path: &str) -> Result<(), Stop> {
        self.expect('{')?;
        loop {
            self.skip_blank();
            if self.peek() == Some('}') {
                self.bump();
                return Ok(());
            }
            let start = self.at;
            self.value(format!("{path}{{key}}"))?;
            let key: String = self.chars[start..self.at].iter().collect();
            self.expect(':')?;
            self.value(format!("{path}[{}]", key.trim()))?;
            self.separator('}')?;
        }
    }

    /// After an item: a comma, or the closing bracket (left for the caller).
    fn separator(&mut self, close: char) -> Result<(), Stop> {
        self.skip_blank();
        match self.peek() {
            Some(',') => {
                self.bump();
                Ok(())
            }
            Some(c) if c == close => Ok(()),
            _ => Err(Stop),
        }
    }

    fn string(&mut self) -> Result<(), Stop> {
        self.bump();
        loop {
            match self.bump().ok_or(Stop)? {
                '\\' => {
                    self.bump();
                }
                '"' => return Ok(()),
                _ => {}
            }
        }
    }

    fn raw_string(&mut self) -> Result<(), Stop> {
        self.bump();
        let mut hashes = 0;
        while self.peek() == Some('#') {
            hashes += 1;
            self.bump();
        }
        self.expect('"')?;
        let end: String = std::iter::once('"')
            .chain(std::iter::repeat_n('#', hashes))
            .collect();
        while !self.starts_with(&end) {
            self.bump().ok_or(Stop)?;
        }
        for _ in 0..end.len() {
            self.bump();
        }
        Ok(())
    }

    fn character(&mut self) -> Result<(), Stop> {
        self.bump();
        if self.bump() == Some('\\') {
            self.bump();
        }
        while self.peek().is_some_and(|c| c != '\'') {
            self.bump();
        }
        self.bump().map(|_| ()).ok_or(Stop)
    }

    fn number(&mut self) -> Result<(), Stop> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '+' | '_'))
        {
            self.bump();
        }
        if self.at == start { Err(Stop) } else { Ok(()) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEVEL: &str = r##"#![enable(implicit_some)]
// A comment with (brackets] and "quotes
Level(
    id: "warehouse",
    spawns: [
        (id: "door", at: (10, 20)),
        (id: "roof", at: (-4.5e1, 2_0)),
    ],
    when: Area((min: (0, 0), max: (1, 1))),
    /* nested /* block */ comment */
    tags: {"a": 1, "b": [2, 3]},
    text: r#"raw "string""#,
    letter: '\'',
    next: Some("x"),
)"##;

    #[test]
    fn finds_fields_items_variants_and_map_values() {
        let index = SpanIndex::build(LEVEL);
        assert_eq!(index.find("id"), Some((4, 9)));
        assert_eq!(index.find("spawns"), Some((5, 13)));
        assert_eq!(index.find("spawns[1]"), Some((7, 9)));
        assert_eq!(index.find("spawns[1].at"), Some((7, 26)));
        assert_eq!(index.find("spawns[1].at[1]"), Some((7, 35)));
        assert_eq!(index.find("when[0].max"), Some((9, 35)));
        assert_eq!(index.find("tags[\"b\"][1]"), Some((11, 29)));
        assert_eq!(index.find("letter"), Some((13, 13)));
        assert_eq!(index.find("next[0]"), Some((14, 16)));
    }

    #[test]
    fn unknown_paths_fall_back_to_the_nearest_parent() {
        let index = SpanIndex::build(LEVEL);
        assert_eq!(index.find("spawns[1].facing"), Some((7, 9)));
        assert_eq!(index.find("spawns[9]"), Some((5, 13)));
        assert_eq!(index.find("nothing"), Some((3, 1)));
    }

    #[test]
    fn token_at_skips_blanks_and_comments_to_the_value() {
        let text = "(\n  a:  // note\n    1,\n)";
        assert_eq!(token_at(text, (2, 5)), (3, 5));
        assert_eq!(token_at(text, (3, 5)), (3, 5));
        assert_eq!(token_at(text, (9, 9)), (4, 2));
    }

    #[test]
    fn stops_quietly_at_a_syntax_error() {
        let index = SpanIndex::build("(a: 1, b: [2, 3 4], c: 5)");
        assert_eq!(index.find("a"), Some((1, 5)));
        assert_eq!(index.find("b[1]"), Some((1, 15)));
        assert_eq!(index.find("c"), Some((1, 1)));
        // Nothing at all, or only garbage, indexes just the root.
        assert_eq!(SpanIndex::build("").find("x"), Some((1, 1)));
        assert_eq!(SpanIndex::build(")))").find("x"), Some((1, 1)));
    }
}
