//! Text with facts of the night in it: `"You took {photos} pictures
//! tonight"`. Braces hold a fact; `{{` and `}}` are braces themselves.
//!
//! | Written | Shows |
//! |---|---|
//! | `{photos}` | the number of photographs taken |
//! | `{time}` | the night's clock, `23:40` |
//! | `{best:warehouse/pigeons}` | the best score of that subject, 0 to 100 |
//! | `{tagged:animal}` | the number of photographs showing that tag |
//! | `{best_photo}` | the name of the best-scoring subject of the night (empty before the first photograph) |
//! | `{best_score}` | its score, 0 to 100 |
//! | `{name}` | the variable `name` (empty if never set) |

/// A piece of a text: as written, or a fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Shown as it is (braces already unescaped).
    Text(String),
    /// A fact of the night.
    Fact(Fact<'a>),
}

/// A fact a text can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact<'a> {
    /// The number of photographs taken.
    Photos,
    /// The night's clock.
    Time,
    /// The best score of a subject (`level/subject`).
    Best(&'a str),
    /// The number of photographs showing a subject with this tag.
    Tagged(&'a str),
    /// The name of the best-scoring subject of the night.
    BestPhoto,
    /// The score of the best-scoring subject of the night.
    BestPhotoScore,
    /// A story variable.
    Var(&'a str),
}

/// Splits `text` into pieces; `Err` says what is wrong with its braces or
/// facts, with the character offset where it starts.
pub fn parse(text: &str) -> Result<Vec<Piece<'_>>, (usize, String)> {
    let mut pieces = Vec::new();
    let mut plain = String::new();
    let mut rest = text.char_indices().peekable();
    while let Some((at, c)) = rest.next() {
        match c {
            '{' if rest.peek().map(|(_, c)| *c) == Some('{') => {
                rest.next();
                plain.push('{');
            }
            '}' if rest.peek().map(|(_, c)| *c) == Some('}') => {
                rest.next();
                plain.push('}');
            }
            '}' => {
                return Err((
                    at,
                    "a `}` with no `{` before it: write `}}` for a brace".into(),
                ));
            }
            '{' => {
                let Some(close) = text[at..].find('}').map(|i| at + i) else {
                    return Err((
                        at,
                        "a `{` that is never closed: write `{{` for a brace".into(),
                    ));
                };
                let fact = fact(&text[at + 1..close]).map_err(|message| (at, message))?;
                while rest.peek().is_some_and(|(i, _)| *i <= close) {
                    rest.next();
                }
                if !plain.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut plain)));
                }
                pieces.push(Piece::Fact(fact));
            }
            c => plain.push(c),
        }
    }
    if !plain.is_empty() {
        pieces.push(Piece::Text(plain));
    }
    Ok(pieces)
}

/// The fact named between braces.
fn fact(inside: &str) -> Result<Fact<'_>, String> {
    let name = inside.trim();
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '/'))
    };
    match name.split_once(':') {
        _ if name.is_empty() => Err("`{}` names no fact".into()),
        None if name == "photos" => Ok(Fact::Photos),
        None if name == "time" => Ok(Fact::Time),
        None if name == "best_photo" => Ok(Fact::BestPhoto),
        None if name == "best_score" => Ok(Fact::BestPhotoScore),
        None if plain(name) && !name.contains('/') => Ok(Fact::Var(name)),
        Some(("best", key)) if plain(key.trim()) => Ok(Fact::Best(key.trim())),
        Some(("tagged", tag)) if plain(tag.trim()) => Ok(Fact::Tagged(tag.trim())),
        Some((kind, _)) if !matches!(kind, "best" | "tagged") => Err(format!(
            "unknown fact `{{{name}}}`: give {{best:level/subject}} or {{tagged:tag}}"
        )),
        _ => Err(format!(
            "`{{{name}}}` is not a fact: give {{photos}}, {{time}}, {{best_photo}}, {{best_score}}, \
             {{best:level/subject}}, {{tagged:tag}} or a variable's name"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_braces_and_mistakes() {
        let text = |s: &str| Piece::Text(s.into());
        assert_eq!(
            parse("You took {photos} pictures, {{ok}}").unwrap(),
            vec![
                text("You took "),
                Piece::Fact(Fact::Photos),
                text(" pictures, {ok}")
            ]
        );
        assert_eq!(
            parse("{best:warehouse/pigeons}{ caller }").unwrap(),
            vec![
                Piece::Fact(Fact::Best("warehouse/pigeons")),
                Piece::Fact(Fact::Var("caller"))
            ]
        );
        assert_eq!(parse("a {b").unwrap_err().0, 2);
        assert_eq!(parse("a } b").unwrap_err().0, 2);
        assert!(parse("{}").unwrap_err().1.contains("names no fact"));
        assert!(parse("{score:x}").unwrap_err().1.contains("unknown fact"));
        assert!(
            parse("{two words}")
                .unwrap_err()
                .1
                .contains("is not a fact")
        );
    }
}
