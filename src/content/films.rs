//! The films Lev can load for a night: their ids (which the story's
//! `LoadFilm` effect and scripts name), speeds, grain and colour. Plain
//! data: the camera meters and develops with them, validation checks the
//! ids.

/// A film stock: its speed, its grain and how it renders colour.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Film {
    /// Its id in saves and scripts.
    pub id: &'static str,
    /// Its name on the box.
    pub name: &'static str,
    /// Its speed, ISO.
    pub iso: u32,
    /// How coarse its grain is, 0 (none) to 1.
    pub grain: f32,
    /// How it renders colour.
    pub colour: FilmColour,
}

/// How a film renders colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilmColour {
    /// Black and white.
    Mono,
    /// Colour balanced for daylight: lamps come out warm.
    Daylight,
    /// Colour balanced for lamplight: lamps come out true, the rest cold.
    Tungsten,
}

/// The films Lev can load.
pub const FILMS: [Film; 3] = [
    Film {
        id: "svema-400",
        name: "Svema 400",
        iso: 400,
        grain: 0.6,
        colour: FilmColour::Mono,
    },
    Film {
        id: "tasma-64",
        name: "Tasma 64",
        iso: 64,
        grain: 0.15,
        colour: FilmColour::Daylight,
    },
    Film {
        id: "tasma-160t",
        name: "Tasma 160T",
        iso: 160,
        grain: 0.3,
        colour: FilmColour::Tungsten,
    },
];

/// The film a night starts with loaded.
pub const FIRST_FILM: Film = FILMS[0];

/// The film with this id.
pub fn film(id: &str) -> Option<Film> {
    FILMS.iter().copied().find(|f| f.id == id)
}
