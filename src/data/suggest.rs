//! Suggestions for a misspelt name: the nearest choice by edit distance
//! ("did you mean `floors`?") and the list of choices when it is short.

/// Lists with at most this many choices are spelt out in messages.
const SHORT_LIST: usize = 12;

/// The choice nearest to `word`, if one is near enough to be a slip of the
/// keyboard: at most a third of its letters (at least one) inserted,
/// deleted, changed or swapped, ignoring case. Ties go to the first choice.
pub fn nearest<'a>(word: &str, choices: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_lowercase();
    let allowed = (word.chars().count() / 3).max(1);
    choices
        .into_iter()
        .filter(|choice| !choice.is_empty())
        .map(|choice| (distance(&word, &choice.to_lowercase()), choice))
        .filter(|(d, _)| *d <= allowed)
        .min_by_key(|(d, _)| *d)
        .map(|(_, choice)| choice)
}

/// `` `a`, `b`, `c` ``: names quoted in backticks, in a list.
fn quoted<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<String> = names.into_iter().map(|n| format!("`{n}`")).collect();
    names.join(", ")
}

/// What to say after "unknown X `word`": the nearest choice if there is
/// one (`: did you mean `x`?`), else the choices themselves when there are
/// at most [`SHORT_LIST`] (`` (what: `a`, `b`) ``), else nothing.
pub fn hint(word: &str, choices: &[&str], what: &str) -> String {
    if let Some(near) = nearest(word, choices.iter().copied()) {
        format!(": did you mean `{near}`?")
    } else if choices.is_empty() || choices.len() > SHORT_LIST {
        String::new()
    } else {
        format!(" ({what}: {})", quoted(choices.iter().copied()))
    }
}

/// Optimal string alignment distance: insertions, deletions, changes and
/// swaps of two neighbouring letters each count one.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // rows[i][j]: the distance between a[..i] and b[..j].
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let change = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + change);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_each_slip_once() {
        assert_eq!(distance("floors", "floors"), 0);
        assert_eq!(distance("flors", "floors"), 1);
        assert_eq!(distance("flaors", "floors"), 1);
        assert_eq!(distance("folors", "floors"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn the_nearest_choice_is_suggested_only_when_near() {
        let fields = ["id", "floors", "walls", "stairs", "spawns"];
        assert_eq!(nearest("flors", fields), Some("floors"));
        assert_eq!(nearest("Spawn", fields), Some("spawns"));
        assert_eq!(nearest("stiars", fields), Some("stairs"));
        assert_eq!(nearest("roof", fields), None);
        assert_eq!(nearest("satellite_dish", ["crate", "antenna"]), None);
        assert_eq!(nearest("crat", ["crate", "cat"]), Some("crate"));
    }

    #[test]
    fn hints_suggest_or_list_the_choices() {
        let spawns = ["start", "from_streets"];
        assert_eq!(hint("strat", &spawns, "spawns"), ": did you mean `start`?");
        assert_eq!(
            hint("roof", &spawns, "spawn points there"),
            " (spawn points there: `start`, `from_streets`)"
        );
        assert_eq!(hint("roof", &[], "spawns"), "");
        let many: Vec<String> = (0..20).map(|i| format!("name{i:02}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(hint("zzzzzz", &many, "names"), "");
    }
}
