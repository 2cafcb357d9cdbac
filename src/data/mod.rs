//! Reading RON data files with errors a person can act on.
//!
//! Every problem in a data file is reported as `file:line:column: message`,
//! pointing at the offending value, never as a panic.

mod spans;

pub use spans::{SpanIndex, token_at};

use std::fmt;
use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use serde::de::DeserializeOwned;

/// A problem with a data file, with its place in the file where known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// The file the problem is in.
    pub file: PathBuf,
    /// 1-based line and column of the offending text; `None` when the file
    /// could not be read at all.
    pub position: Option<(usize, usize)>,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => {
                write!(
                    f,
                    "{}:{line}:{column}: {}",
                    self.file.display(),
                    self.message
                )
            }
            None => write!(f, "{}: {}", self.file.display(), self.message),
        }
    }
}

impl std::error::Error for DataError {}

/// The RON dialect every data file uses: `Some(..)` may be left out.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// Parses RON `text` that came from `file` (used only in messages).
pub fn parse_ron<T: DeserializeOwned>(file: &Path, text: &str) -> Result<T, DataError> {
    ron_options()
        .from_str(text)
        .map_err(|error: ron::error::SpannedError| DataError {
            file: file.to_path_buf(),
            position: Some(token_at(
                text,
                (error.span.start.line, error.span.start.col),
            )),
            message: error.code.to_string(),
        })
}

/// Reads and parses the RON file at `path`.
pub fn read_ron<T: DeserializeOwned>(path: &Path) -> Result<T, DataError> {
    let text = std::fs::read_to_string(path).map_err(|error| DataError {
        file: path.to_path_buf(),
        position: None,
        message: format!("cannot read the file: {error}"),
    })?;
    parse_ron(path, &text)
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
            error.to_string().starts_with("sample.ron:3:12: "),
            "{error}"
        );
    }

    #[test]
    fn an_unreadable_file_names_the_file_and_the_reason() {
        let error = read_ron::<Sample>(Path::new("/nonexistent/x.ron")).unwrap_err();
        assert_eq!(error.position, None);
        assert!(
            error
                .to_string()
                .starts_with("/nonexistent/x.ron: cannot read the file")
        );
    }
}
