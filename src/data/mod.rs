//! Reading RON data files, and problems reported the way a person can act
//! on them: `file:line:column: error: message`, pointing at the offending
//! value, never a panic.

pub mod kept;
mod spans;
pub mod suggest;

pub use spans::{SpanIndex, token_at};

use std::fmt;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth a look; the data still works.
    Warning,
    /// The data cannot be used as it is.
    Error,
}

/// A problem with a data file, with its place in the file where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// The file the problem is in.
    pub file: PathBuf,
    /// 1-based line and column of the offending text; `None` when the
    /// problem is with the file as a whole (it cannot be read, say).
    pub position: Option<(usize, usize)>,
    /// What is wrong, in words.
    pub message: String,
}

impl Diagnostic {
    /// An error at `position` in `file`.
    pub fn error(file: &Path, position: Option<(usize, usize)>, message: String) -> Self {
        Self {
            severity: Severity::Error,
            file: file.to_path_buf(),
            position,
            message,
        }
    }

    /// Whether this is an error rather than a warning.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        match self.position {
            Some((line, column)) => write!(f, "{}:{line}:{column}: ", self.file.display())?,
            None => write!(f, "{}: ", self.file.display())?,
        }
        write!(f, "{severity}: {}", self.message)
    }
}

impl std::error::Error for Diagnostic {}

/// The RON dialect every data file uses: `Some(..)` may be left out.
fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses RON `text` that came from `file` (used only in messages).
pub fn parse_ron<T: DeserializeOwned>(file: &Path, text: &str) -> Result<T, Diagnostic> {
    ron_options()
        .from_str(text)
        .map_err(|error: ron::error::SpannedError| {
            let at = token_at(text, (error.span.start.line, error.span.start.col));
            Diagnostic::error(file, Some(at), describe(&error.code, text, at))
        })
}

/// The RON reader's complaint in words that say how to fix it: the nearest
/// field or variant name, the choices, the double parentheses a variant
/// holding a struct needs.
fn describe(error: &ron::Error, text: &str, at: (usize, usize)) -> String {
    use ron::Error;
    let named = |outer: &Option<String>| {
        outer
            .as_ref()
            .map(|o| format!("`{o}` "))
            .unwrap_or_default()
    };
    match error {
        Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "{}has no field `{found}`{}",
            named(outer),
            suggest::hint(found, expected, "fields")
        ),
        Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => format!(
            "unknown {} `{found}`{}",
            outer.as_deref().unwrap_or("variant"),
            suggest::hint(found, expected, "choices")
        ),
        Error::ExpectedDifferentStructName { .. }
        | Error::ExpectedNamedStructLike(_)
        | Error::ExpectedStructLike
            if field_follows(text, at) =>
        {
            format!(
                "{error}: a choice that holds a struct takes two pairs of parentheses, \
                 as in `Area((x: 0, y: 16, w: 40, h: 30))`"
            )
        }
        _ => error.to_string(),
    }
}

/// Whether a field name and its colon (`x:`) stand at `at`, where a struct
/// was expected: the struct's own parentheses are missing.
fn field_follows(text: &str, (line, column): (usize, usize)) -> bool {
    let Some(rest) = text.lines().nth(line.saturating_sub(1)).and_then(|l| {
        let skip: usize = l
            .chars()
            .take(column.saturating_sub(1))
            .map(char::len_utf8)
            .sum();
        l.get(skip..)
    }) else {
        return false;
    };
    let name_end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    name_end > 0 && rest[name_end..].trim_start().starts_with(':')
}

/// The largest data file read, in bytes: far above any real level, low
/// enough that a runaway file cannot stall the game.
const MAX_FILE_BYTES: usize = 4 << 20;

/// The bytes of `file` as text: at most [`MAX_FILE_BYTES`], valid UTF-8.
pub fn text_from_bytes<'a>(file: &Path, bytes: &'a [u8]) -> Result<&'a str, Diagnostic> {
    if bytes.len() > MAX_FILE_BYTES {
        let mib = |n: usize| n as f64 / f64::from(1 << 20);
        let message = format!(
            "the file is too large ({:.1} MiB; data files may be at most {:.0} MiB)",
            mib(bytes.len()),
            mib(MAX_FILE_BYTES)
        );
        return Err(Diagnostic::error(file, None, message));
    }
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
        let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let column = 1 + String::from_utf8_lossy(&valid[line_start..])
            .chars()
            .count();
        Diagnostic::error(
            file,
            Some((line, column)),
            "the file is not UTF-8 text".into(),
        )
    })
}

/// Reads the text file at `path`.
pub fn read_text(path: &Path) -> Result<String, Diagnostic> {
    let bytes = std::fs::read(path)
        .map_err(|error| Diagnostic::error(path, None, format!("cannot read the file: {error}")))?;
    text_from_bytes(path, &bytes).map(str::to_owned)
}

/// Reads and parses the RON file at `path`.
pub fn read_ron<T: DeserializeOwned>(path: &Path) -> Result<T, Diagnostic> {
    parse_ron(path, &read_text(path)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    struct Sample {
        name: String,
        count: u32,
    }

    #[test]
    fn parses_with_comments_and_implicit_some() {
        let text = "// a sample\n(name: \"x\", count: 3)";
        let sample: Sample = parse_ron(Path::new("s.ron"), text).unwrap();
        assert_eq!((sample.name.as_str(), sample.count), ("x", 3));
    }

    #[test]
    fn errors_point_at_the_offending_value() {
        let file = Path::new("sample.ron");
        let text = "(\n    name: \"x\",\n    count: \"three\",\n)";
        let error = parse_ron::<Sample>(file, text).unwrap_err();
        assert_eq!(error.position, Some((3, 12)));
        assert!(
            error.to_string().starts_with("sample.ron:3:12: error: "),
            "{error}"
        );
    }

    #[test]
    fn bytes_that_are_not_text_are_reported_where_they_start() {
        let file = Path::new("b.ron");
        let error = text_from_bytes(file, b"(\n  name: \"\xff\"").unwrap_err();
        assert_eq!(
            error.to_string(),
            "b.ron:2:10: error: the file is not UTF-8 text"
        );
        let huge = vec![b' '; MAX_FILE_BYTES + 1];
        let error = text_from_bytes(file, &huge).unwrap_err();
        assert_eq!(
            error.to_string(),
            "b.ron: error: the file is too large (4.0 MiB; data files may be at most 4 MiB)"
        );
    }

    #[test]
    fn an_unreadable_file_names_the_file_and_the_reason() {
        let error = read_ron::<Sample>(Path::new("/nonexistent/x.ron")).unwrap_err();
        assert_eq!(error.position, None);
        let text = error.to_string();
        assert!(
            text.starts_with("/nonexistent/x.ron: error: cannot read the file"),
            "{text}"
        );
    }
}
