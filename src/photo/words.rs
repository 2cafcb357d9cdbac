//! A photograph's settings and sharpness in the words a player reads in
//! the album (and a script's trace): "1/15 s at f/1.4, focused at 4 m",
//! "a little soft: 1/15 s handheld at 85 mm", "two stops dark". Plain
//! functions of the records the shutter kept.

use super::exposure::{
    exposure_words, f_number, film, focus_label, is_sharp, sharpness_word, shutter_label,
};
use super::keeping::Note;
use crate::story::{CameraRecord, PhotoRecord, Smear, SubjectShot};

/// Farther than this, in metres, a thing is "far off".
const FAR_OFF: f32 = 100.0;

/// How the camera was set and how the frame was exposed, in a line:
/// "1/15 s at f/1.4, focused at 4 m (auto), handheld, Svema 400, the
/// automatic mode: well exposed".
pub fn settings_line(camera: &CameraRecord) -> String {
    let shutter = shutter_with_unit(camera.tv);
    let film = film(&camera.film).map_or(camera.film.as_str(), |f| f.name);
    format!(
        "{shutter} at f/{}, focused at {}, {}, {film} (ISO {}), {}: {}",
        f_number(camera.av),
        focus_label(camera.focus),
        if camera.braced { "braced" } else { "handheld" },
        camera.iso,
        if camera.auto { "automatic" } else { "manual" },
        exposure_words(camera.stops)
    )
}

/// How sharp a subject came out, and what smeared it most when it is not:
/// "sharp", "a little soft: 1/15 s handheld at 85 mm", "blurred: it moved
/// 12 px in 1/4 s", "a little soft: focused at 2 m, it was 8 m away".
pub fn sharpness_line(smear: &Smear, camera: &CameraRecord, focal: u32) -> String {
    let total = smear.total();
    let word = sharpness_word(total);
    if is_sharp(total) {
        return word.to_owned();
    }
    let shutter = shutter_with_unit(camera.tv);
    let why = if smear.motion >= smear.shake && smear.motion >= smear.focus {
        format!("it moved {:.0} px in {shutter}", smear.motion)
    } else if smear.shake >= smear.focus {
        format!("{shutter} handheld at {focal} mm")
    } else if smear.distance > FAR_OFF {
        format!("focused at {}, it was far off", focus_label(camera.focus))
    } else {
        format!(
            "focused at {}, it was {:.0} m away",
            focus_label(camera.focus),
            smear.distance
        )
    };
    format!("{word}: {why}")
}

/// What made a subject's score, as the album shows it: `The cracked
/// mirror 58: in frame 100%, clear 100%, size 0.59, composition 0.78,
/// facing 1.0, sharp`.
pub fn subject_line(subject: &SubjectShot, photo: &PhotoRecord) -> String {
    let b = &subject.breakdown;
    let third = if b.on_third { " on a third" } else { "" };
    let moment = match b.moment {
        Some(true) => ", caught in its moment",
        Some(false) => ", missed its moment (0.8)",
        None => "",
    };
    let exposure = b
        .exposure
        .filter(|e| *e < 1.0)
        .map_or(String::new(), |e| format!(", exposure {e:.2}"));
    let sharpness = match (&subject.smear, &photo.camera) {
        (Some(smear), Some(camera)) => {
            let factor = b.sharpness.filter(|s| *s < 1.0);
            let factor = factor.map_or(String::new(), |s| format!(" ({s:.2})"));
            format!(", {}{factor}", sharpness_line(smear, camera, photo.focal))
        }
        _ => String::new(),
    };
    format!(
        "{} {}: in frame {:.0}%, clear {:.0}%, size {:.2}, composition {:.2}{third}, facing {:.1}{moment}{exposure}{sharpness}",
        subject.name,
        subject.score,
        b.in_frame * 100.0,
        b.clear * 100.0,
        b.size,
        b.composition,
        b.facing,
    )
}

/// A photograph's PNG text chunks, read by any image tool: `Title`,
/// `Author`, `Software`, `Creation Time` (the night's clock), `Location`
/// (`place`), `Description` (its settings in words), `Subjects` and
/// `Score`, and each setting on its own (`Shutter`, `Aperture`, `Focus`,
/// `Film`, `ISO`, `Focal Length`, `Exposure`, `Held`).
pub fn notes(photo: &PhotoRecord, place: &str) -> Vec<Note> {
    let subjects: Vec<String> = photo
        .subjects
        .iter()
        .map(|s| format!("{} ({} {})", s.name, s.key, s.score))
        .collect();
    let mut notes: Vec<Note> = vec![
        (
            "Title",
            format!("Long Exposure, photograph {}", photo.number),
        ),
        ("Author", "Lev Kalmurzaev".to_owned()),
        ("Software", "Long Exposure".to_owned()),
        ("Creation Time", photo.at.to_string()),
        ("Location", place.to_owned()),
        ("Subjects", subjects.join("; ")),
        ("Score", photo.score.to_string()),
        ("Focal Length", format!("{} mm", photo.focal)),
    ];
    if let Some(camera) = &photo.camera {
        let film = film(&camera.film).map_or(camera.film.clone(), |f| f.name.to_owned());
        notes.extend([
            ("Description", settings_line(camera)),
            ("Shutter", shutter_with_unit(camera.tv)),
            ("Aperture", format!("f/{}", f_number(camera.av))),
            ("Focus", focus_label(camera.focus)),
            ("Film", film),
            ("ISO", camera.iso.to_string()),
            ("Exposure", format!("{:+.1} stops", camera.stops)),
            (
                "Held",
                if camera.braced { "braced" } else { "handheld" }.to_owned(),
            ),
        ]);
    }
    notes
}

/// A shutter speed with its unit: "1/15 s", "4 s".
fn shutter_with_unit(tv: i32) -> String {
    let label = shutter_label(tv);
    if label.ends_with(" s") {
        label
    } else {
        format!("{label} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn camera() -> CameraRecord {
        CameraRecord {
            tv: 4,
            av: 1,
            focus: Some(4.0),
            film: "svema-400".into(),
            iso: 400,
            braced: false,
            auto: true,
            light: 8.0,
            stops: 0.0,
        }
    }

    #[test]
    fn the_settings_read_as_a_photographer_says_them() {
        assert_eq!(
            settings_line(&camera()),
            "1/15 s at f/1.4, focused at 4 m, handheld, Svema 400 (ISO 400), automatic: well exposed"
        );
        let dark = CameraRecord {
            tv: -2,
            av: 3,
            focus: None,
            braced: true,
            auto: false,
            stops: -2.1,
            ..camera()
        };
        assert_eq!(
            settings_line(&dark),
            "4 s at f/2.8, focused at inf, braced, Svema 400 (ISO 400), manual: two stops dark"
        );
    }

    #[test]
    fn a_soft_subject_says_what_smeared_it_most() {
        let smear = |motion, shake, focus, distance| Smear {
            motion,
            shake,
            focus,
            distance,
        };
        assert_eq!(
            sharpness_line(&smear(0.0, 0.7, 0.0, 4.0), &camera(), 35),
            "sharp"
        );
        assert_eq!(
            sharpness_line(&smear(0.0, 1.7, 0.3, 4.0), &camera(), 85),
            "a little soft: 1/15 s handheld at 85 mm"
        );
        assert_eq!(
            sharpness_line(&smear(12.2, 1.0, 0.0, 4.0), &camera(), 35),
            "blurred: it moved 12 px in 1/15 s"
        );
        assert_eq!(
            sharpness_line(&smear(0.0, 0.0, 2.5, 8.0), &camera(), 35),
            "a little soft: focused at 4 m, it was 8 m away"
        );
        assert_eq!(
            sharpness_line(&smear(0.0, 0.0, 6.0, 2048.0), &camera(), 35),
            "blurred: focused at 4 m, it was far off"
        );
    }

    #[test]
    fn a_photographs_notes_name_its_time_place_and_settings() {
        let photo = PhotoRecord {
            number: 3,
            level: "streets".into(),
            at: crate::content::schema::ClockTime::from_minutes(331.0),
            frame: crate::content::schema::Area {
                x: 0.0,
                y: 0.0,
                w: 10.0,
                h: 10.0,
            },
            focal: 85,
            score: 61,
            subjects: Vec::new(),
            image: None,
            developed: None,
            waiting: false,
            camera: Some(camera()),
        };
        let notes = notes(&photo, "The streets");
        let get = |key: &str| {
            notes
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.as_str())
        };
        assert_eq!(get("Creation Time"), Some("23:31"));
        assert_eq!(get("Location"), Some("The streets"));
        assert_eq!(get("Shutter"), Some("1/15 s"));
        assert_eq!(get("Aperture"), Some("f/1.4"));
        assert_eq!(get("Focus"), Some("4 m"));
        assert_eq!(get("Film"), Some("Svema 400"));
        assert_eq!(get("Exposure"), Some("+0.0 stops"));
        assert_eq!(get("Focal Length"), Some("85 mm"));
    }
}
