//! Judging a photograph: a pure function of the frame and the subjects'
//! data, with no `App` and no GPU, so the same shot always scores the same.
//!
//! Each subject's score is 100 times the product of its factors, each from
//! 0 to 1, so every flaw costs its share and the breakdown says which:
//!
//! - **in frame**: the share of the subject's area inside the frame;
//! - **clear**: the share of that part that no occluding prop (at its depth
//!   or nearer) and no nearer subject hides;
//! - **size**: `0.3 + 0.7 * min(1, filled / 0.2)`, where `filled` is the
//!   share of the frame the visible part fills (a fifth of the frame or more
//!   is full marks; a speck keeps 0.3);
//! - **composition**: `0.6 + 0.4 * c`, where `c` is the better of how near
//!   the visible part's centre is to the frame's centre (1 at the centre, 0
//!   half a diagonal away) and to the nearest third (1 on it, 0 a tenth of
//!   the diagonal away);
//! - **facing**: 1 when it faces the camera (front, or towards Lev), 0.6
//!   turned away sideways, 0.4 with its back to him (a subject facing left
//!   or right that moves sideways faces the way it goes);
//! - **moment**: 1 when caught in one of its moments or when it has none,
//!   0.8 when it has moments and none is on (a moment `while_moving` is on
//!   only while the subject moves faster than 1 pixel a second).
//!
//! - **exposure** (with the camera's settings): 1 within half a stop of a
//!   good exposure, 0.3 less for each stop beyond, never below 0.1;
//! - **sharpness** (likewise): from how many virtual pixels the subject is
//!   smeared while the shutter is open, its own motion, the camera's shake
//!   and the focus together (`sqrt(m² + s² + f²)`): 1 within a pixel, 0.1
//!   less for each pixel beyond, never below 0.4 (see `exposure`).
//!
//! A moving subject, and a moving occluder, is judged where its motion
//! puts it at the instant of the shutter (the caller places it), and its
//! speed then is recorded with it.
//!
//! A subject less than 5 % visible is not in the photograph. The photo's
//! score is its best subject's; a photo of nothing scores 0.

use super::exposure::{defocus, distance, exposure_factor, shake, sharpness_factor};
use crate::content::schema::{Area, ClockTime, Facing, Moment};
use crate::story::{Breakdown, Smear, SubjectShot};

/// A subject as judging sees it.
#[derive(Clone, Debug)]
pub struct SubjectView<'a> {
    /// `level/subject`.
    pub key: &'a str,
    /// Its name.
    pub name: &'a str,
    /// Its tags.
    pub tags: &'a [String],
    /// Its extent.
    pub area: Area,
    /// Which way it faces.
    pub facing: Facing,
    /// Its depth: nearer subjects (greater depth) hide it.
    pub depth: f32,
    /// Its moments.
    pub moments: &'a [Moment],
    /// How fast and which way it moves at the instant, in level pixels a
    /// second (its speed is recorded with it; the judge scores where it is,
    /// and a subject that faces left or right faces the way it goes).
    pub velocity: (f32, f32),
}

/// Something that hides subjects behind it (a prop with `occludes`).
#[derive(Clone, Copy, Debug)]
pub struct Occluder {
    /// Its extent.
    pub area: Area,
    /// Its depth: it hides subjects at this depth or behind.
    pub depth: f32,
}

/// How the camera was set, as judging sees it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CameraView {
    /// Seconds the shutter stays open.
    pub seconds: f32,
    /// The aperture's f-number.
    pub f_number: f32,
    /// The focal length, in millimetres.
    pub focal: u32,
    /// Where it is focused, in metres (none: infinity).
    pub focus: Option<f32>,
    /// Whether it is held braced.
    pub braced: bool,
    /// How far from a good exposure the frame is, in stops.
    pub stops: f32,
}

/// A photograph about to be judged.
#[derive(Clone, Debug)]
pub struct Shot<'a> {
    /// The frame, in level pixels.
    pub frame: Area,
    /// Where the camera stands (Lev's x), for which way subjects face.
    pub camera_x: f32,
    /// The night's clock.
    pub time: ClockTime,
    /// Every subject of the level.
    pub subjects: &'a [SubjectView<'a>],
    /// Every occluding prop of the level.
    pub occluders: &'a [Occluder],
    /// How the camera was set (none: judged as framed, with no exposure
    /// and no blur).
    pub camera: Option<CameraView>,
}

/// How a photograph was judged: its score and each subject in it, best first.
#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    /// 0 to 100: the best subject's score, 0 with none.
    pub score: u32,
    /// The subjects in the photograph, best first.
    pub subjects: Vec<SubjectShot>,
}

/// Less visible than this, a subject is not in the photograph.
const MIN_VISIBLE: f32 = 0.05;
/// Filling this share of the frame is full marks for size.
const FULL_SIZE: f32 = 0.2;
/// Slower than this, in pixels a second, a subject is still.
const STILL: f32 = 1.0;
/// The most samples per side when measuring how much is hidden.
const SAMPLES: f32 = 32.0;

/// Judges `shot`. Only what touches the frame is looked at, so judging
/// costs the same in a level of ten subjects or ten thousand.
pub fn judge(shot: &Shot) -> Judgement {
    let touches = |area: &Area| intersection(area, &shot.frame).is_some();
    let near = Near {
        subjects: shot.subjects.iter().filter(|s| touches(&s.area)).collect(),
        occluders: shot.occluders.iter().filter(|o| touches(&o.area)).collect(),
    };
    let mut subjects: Vec<SubjectShot> = near
        .subjects
        .iter()
        .filter_map(|subject| judge_subject(shot, &near, subject))
        .collect();
    subjects.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.key.cmp(&b.key)));
    Judgement {
        score: subjects.first().map_or(0, |s| s.score),
        subjects,
    }
}

/// The subjects and occluders that touch the frame.
struct Near<'a> {
    subjects: Vec<&'a SubjectView<'a>>,
    occluders: Vec<&'a Occluder>,
}

fn judge_subject(shot: &Shot, near: &Near, subject: &SubjectView) -> Option<SubjectShot> {
    let area = subject.area;
    let whole = area.w * area.h;
    let seen = intersection(&area, &shot.frame).filter(|_| whole > 0.0)?;
    let in_frame = seen.w * seen.h / whole;
    let clear = 1.0 - hidden(near, subject, &seen);
    if in_frame * clear < MIN_VISIBLE {
        return None;
    }
    let filled = seen.w * seen.h * clear / (shot.frame.w * shot.frame.h);
    let size = 0.3 + 0.7 * (filled / FULL_SIZE).min(1.0);
    let (placement, on_third) = placement(&shot.frame, &seen);
    let composition = 0.6 + 0.4 * placement;
    let facing = facing(subject, shot.camera_x);
    let speed = subject.velocity.0.hypot(subject.velocity.1);
    let moment = (!subject.moments.is_empty()).then(|| {
        subject
            .moments
            .iter()
            .any(|m| m.from <= shot.time && shot.time < m.to && (!m.while_moving || speed > STILL))
    });
    let moment_factor = if moment == Some(false) { 0.8 } else { 1.0 };
    let smear = shot
        .camera
        .map(|camera| smeared(&camera, subject, speed, shot.frame.w));
    let exposure = shot.camera.map(|camera| exposure_factor(camera.stops));
    let sharpness = smear.map(|smear| sharpness_factor(smear.total()));
    let product = in_frame
        * clear
        * size
        * composition
        * facing
        * moment_factor
        * exposure.unwrap_or(1.0)
        * sharpness.unwrap_or(1.0);
    Some(SubjectShot {
        key: subject.key.to_owned(),
        name: subject.name.to_owned(),
        tags: subject.tags.to_vec(),
        score: (100.0 * product).round().clamp(0.0, 100.0) as u32,
        breakdown: Breakdown {
            in_frame,
            clear,
            size,
            composition,
            on_third,
            facing,
            moment,
            exposure,
            sharpness,
        },
        speed,
        smear,
    })
}

/// How `subject`, moving at `speed` pixels a second, is smeared in a frame
/// `frame_w` pixels wide with the camera set as `camera`.
fn smeared(camera: &CameraView, subject: &SubjectView, speed: f32, frame_w: f32) -> Smear {
    let at = distance(subject.depth);
    Smear {
        motion: speed * camera.seconds,
        shake: shake(camera.seconds, camera.focal, camera.braced),
        focus: defocus(camera.focal, camera.f_number, camera.focus, at, frame_w),
        distance: at,
    }
}

/// The overlap of two areas, if they overlap.
fn intersection(a: &Area, b: &Area) -> Option<Area> {
    let x = a.x.max(b.x);
    let y = a.y.max(b.y);
    let w = (a.x + a.w).min(b.x + b.w) - x;
    let h = (a.y + a.h).min(b.y + b.h) - y;
    (w > 0.0 && h > 0.0).then_some(Area { x, y, w, h })
}

/// The share of `seen` (the subject's part in frame) that occluders at its
/// depth or nearer, and nearer subjects, hide: sampled on a grid of at most
/// 32 by 32 points, one per pixel for small subjects.
fn hidden(near: &Near, subject: &SubjectView, seen: &Area) -> f32 {
    let hiders: Vec<Area> = near
        .occluders
        .iter()
        .filter(|o| o.depth >= subject.depth)
        .map(|o| o.area)
        .chain(
            near.subjects
                .iter()
                .filter(|other| other.depth > subject.depth)
                .map(|other| other.area),
        )
        .filter(|a| intersection(a, seen).is_some())
        .collect();
    if hiders.is_empty() {
        return 0.0;
    }
    let columns = seen.w.ceil().clamp(1.0, SAMPLES) as usize;
    let rows = seen.h.ceil().clamp(1.0, SAMPLES) as usize;
    let mut covered = 0;
    for row in 0..rows {
        for column in 0..columns {
            let x = seen.x + (column as f32 + 0.5) * seen.w / columns as f32;
            let y = seen.y + (row as f32 + 0.5) * seen.h / rows as f32;
            let inside = |a: &Area| x > a.x && x < a.x + a.w && y > a.y && y < a.y + a.h;
            if hiders.iter().any(inside) {
                covered += 1;
            }
        }
    }
    covered as f32 / (rows * columns) as f32
}

/// How well `seen` is placed in `frame`, 0 to 1: the better of nearness to
/// the centre and to the nearest third; and whether it is on a third.
fn placement(frame: &Area, seen: &Area) -> (f32, bool) {
    let (cx, cy) = seen.centre();
    let diagonal = frame.w.hypot(frame.h);
    let (fx, fy) = frame.centre();
    let centre = 1.0 - ((cx - fx).hypot(cy - fy) / (0.5 * diagonal)).min(1.0);
    let thirds = [1.0 / 3.0, 2.0 / 3.0];
    let to_third = thirds
        .iter()
        .flat_map(|tx| thirds.iter().map(move |ty| (tx, ty)))
        .map(|(tx, ty)| (cx - (frame.x + tx * frame.w)).hypot(cy - (frame.y + ty * frame.h)))
        .fold(f32::MAX, f32::min);
    let third = 1.0 - (to_third / (0.1 * diagonal)).min(1.0);
    (centre.max(third), third > 0.5)
}

/// 1 facing the camera (front, or turned towards `camera_x`), 0.6 turned
/// away sideways, 0.4 with its back to it.
fn facing(subject: &SubjectView, camera_x: f32) -> f32 {
    let (x, _) = subject.area.centre();
    let going = match subject.velocity.0 {
        vx if vx < -STILL => Facing::Left,
        vx if vx > STILL => Facing::Right,
        _ => subject.facing,
    };
    let facing = match subject.facing {
        Facing::Left | Facing::Right => going,
        still => still,
    };
    match facing {
        Facing::Front => 1.0,
        Facing::Back => 0.4,
        Facing::Left if camera_x <= x => 1.0,
        Facing::Right if camera_x >= x => 1.0,
        Facing::Left | Facing::Right => 0.6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(x: f32, y: f32, w: f32, h: f32) -> Area {
        Area { x, y, w, h }
    }

    fn time(text: &str) -> ClockTime {
        ClockTime::try_from(text.to_owned()).unwrap()
    }

    fn subject<'a>(key: &'a str, area: Area, moments: &'a [Moment]) -> SubjectView<'a> {
        SubjectView {
            key,
            name: key,
            tags: &[],
            area,
            facing: Facing::Front,
            depth: 0.0,
            moments,
            velocity: (0.0, 0.0),
        }
    }

    /// The 60 by 40 frame at the origin, at 23:12, the camera far left.
    fn shoot(subjects: &[SubjectView], occluders: &[Occluder]) -> Judgement {
        judge(&Shot {
            frame: area(0.0, 0.0, 60.0, 40.0),
            camera_x: -100.0,
            time: time("23:12"),
            subjects,
            occluders,
            camera: None,
        })
    }

    /// The camera at 1/60 s, f/2.8, 50 mm, focused at 4 m (depth 0),
    /// handheld, well exposed.
    fn camera() -> CameraView {
        CameraView {
            seconds: 1.0 / 64.0,
            f_number: 2.8,
            focal: 50,
            focus: Some(4.0),
            braced: false,
            stops: 0.0,
        }
    }

    /// `subjects` in the 60 by 40 frame at the origin, taken with `camera`.
    fn shoot_with(subjects: &[SubjectView], camera: CameraView) -> Judgement {
        judge(&Shot {
            frame: area(0.0, 0.0, 60.0, 40.0),
            camera_x: -100.0,
            time: time("23:12"),
            subjects,
            occluders: &[],
            camera: Some(camera),
        })
    }

    #[test]
    fn a_well_exposed_sharp_photograph_keeps_its_score() {
        // 1/60 s handheld at 50 mm shakes 0.25 px: sharp.
        let judged = shoot_with(&[subject("a", area(20.0, 10.0, 20.0, 20.0), &[])], camera());
        assert_eq!(judged.score, 88);
        let b = judged.subjects[0].breakdown;
        assert_eq!((b.exposure, b.sharpness), (Some(1.0), Some(1.0)));
        let smear = judged.subjects[0].smear.unwrap();
        assert!((smear.shake - 0.25).abs() < 1e-6, "{smear:?}");
        assert_eq!((smear.motion, smear.focus, smear.distance), (0.0, 0.0, 4.0));
    }

    #[test]
    fn two_stops_dark_costs_nearly_half() {
        // 88.33 * 0.55 = 48.6.
        let dark = CameraView {
            stops: -2.0,
            ..camera()
        };
        let judged = shoot_with(&[subject("a", area(20.0, 10.0, 20.0, 20.0), &[])], dark);
        assert_eq!(judged.score, 49);
    }

    #[test]
    fn a_long_exposure_handheld_is_blurred_and_braced_is_sharp() {
        // 1/2 s handheld at 50 mm: 8 px of shake: 1 - 0.1 * 7 = 0.3,
        // kept at 0.4: 88.33 * 0.4 = 35.3. Braced: 88.
        let slow = CameraView {
            seconds: 0.5,
            ..camera()
        };
        let still = [subject("a", area(20.0, 10.0, 20.0, 20.0), &[])];
        let handheld = shoot_with(&still, slow);
        assert_eq!(handheld.score, 35);
        assert_eq!(handheld.subjects[0].breakdown.sharpness, Some(0.4));
        let braced = CameraView {
            braced: true,
            ..slow
        };
        assert_eq!(shoot_with(&still, braced).score, 88);
    }

    #[test]
    fn a_moving_subject_smears_with_the_shutter_open_longer() {
        // 40 px/s for 1/8 s, braced: 5 px: 1 - 0.4 = 0.6: 88.33 * 0.6 = 53.
        // At 1/500 s it moves 0.08 px: sharp.
        let mut tram = subject("a", area(20.0, 10.0, 20.0, 20.0), &[]);
        tram.velocity = (40.0, 0.0);
        let slow = CameraView {
            seconds: 0.125,
            braced: true,
            ..camera()
        };
        let judged = shoot_with(std::slice::from_ref(&tram), slow);
        assert_eq!(judged.subjects[0].smear.unwrap().motion, 5.0);
        assert_eq!(judged.score, 53);
        let fast = CameraView {
            seconds: 1.0 / 512.0,
            ..slow
        };
        assert_eq!(shoot_with(&[tram], fast).score, 88);
    }

    #[test]
    fn what_the_lens_is_not_focused_on_is_soft() {
        // At depth -1 (8 m), focused at 2 m, 50 mm at f/1.4, the frame 60
        // px wide: 2500 / 1.4 * (1/2 - 1/8) / 1000 = 0.6696 mm, * 60 / 36
        // = 1.116 px; braced, nothing else: 1 - 0.1 * 0.116 = 0.9884.
        let mut far = subject("a", area(20.0, 10.0, 20.0, 20.0), &[]);
        far.depth = -1.0;
        let near_focus = CameraView {
            f_number: 1.4,
            focus: Some(2.0),
            braced: true,
            ..camera()
        };
        let judged = shoot_with(&[far], near_focus);
        let smear = judged.subjects[0].smear.unwrap();
        assert!((smear.focus - 1.116).abs() < 1e-3, "{smear:?}");
        assert_eq!(smear.distance, 8.0);
        let sharpness = judged.subjects[0].breakdown.sharpness.unwrap();
        assert!((sharpness - 0.9884).abs() < 1e-3, "{sharpness}");
    }

    #[test]
    fn fully_in_frame_and_centred() {
        // 20x20 at the centre fills 400 / 2400 = 1/6 of the frame:
        // size 0.3 + 0.7 * (1/6) / 0.2 = 0.8833; everything else 1.
        let judged = shoot(&[subject("a", area(20.0, 10.0, 20.0, 20.0), &[])], &[]);
        assert_eq!(judged.score, 88);
        let b = judged.subjects[0].breakdown;
        assert_eq!(
            (b.in_frame, b.clear, b.composition, b.facing),
            (1.0, 1.0, 1.0, 1.0)
        );
        assert!((b.size - 0.8833).abs() < 1e-3, "{b:?}");
        assert_eq!(b.moment, None);
    }

    #[test]
    fn half_cropped() {
        // Half of it (x 50..60) in frame: in frame 0.5; it fills 200/2400:
        // size 0.3 + 0.7 * 0.4167 = 0.5917. Its visible centre (55, 20) is
        // 25 px from the centre (30, 20): 1 - 25 / 36.06 = 0.3066; the
        // nearest third (40, 26.67) is 16.4 px away, over 7.21: 0. So
        // composition 0.6 + 0.4 * 0.3066 = 0.7226, and
        // 100 * 0.5 * 0.5917 * 0.7226 = 21.4.
        let judged = shoot(&[subject("a", area(50.0, 10.0, 20.0, 20.0), &[])], &[]);
        assert_eq!(judged.score, 21);
        let b = judged.subjects[0].breakdown;
        assert_eq!(b.in_frame, 0.5);
        assert!((b.composition - 0.7226).abs() < 1e-3, "{b:?}");
        assert!(!b.on_third);
    }

    #[test]
    fn tiny() {
        // 2x2 fills 4/2400: size 0.3 + 0.7 * 0.00833 = 0.3058: 31.
        let judged = shoot(&[subject("a", area(29.0, 19.0, 2.0, 2.0), &[])], &[]);
        assert_eq!(judged.score, 31);
    }

    #[test]
    fn occluded_by_half() {
        // A prop over its left half: clear 0.5, and it fills half as much
        // (200/2400: size 0.5917): 100 * 0.5 * 0.5917 = 29.6.
        let prop = Occluder {
            area: area(20.0, 10.0, 10.0, 20.0),
            depth: 0.0,
        };
        let judged = shoot(&[subject("a", area(20.0, 10.0, 20.0, 20.0), &[])], &[prop]);
        assert_eq!(judged.score, 30);
        assert_eq!(judged.subjects[0].breakdown.clear, 0.5);
        // A prop behind it (lower depth) hides nothing.
        let behind = Occluder {
            depth: -1.0,
            ..prop
        };
        let judged = shoot(
            &[subject("a", area(20.0, 10.0, 20.0, 20.0), &[])],
            &[behind],
        );
        assert_eq!(judged.score, 88);
    }

    #[test]
    fn facing_away() {
        // With its back turned: 88.33 * 0.4 = 35.3. The camera stands on
        // its left: facing left is towards it, full marks; facing right is
        // away, 88.33 * 0.6 = 53.
        let mut a = subject("a", area(20.0, 10.0, 20.0, 20.0), &[]);
        a.facing = Facing::Back;
        assert_eq!(shoot(std::slice::from_ref(&a), &[]).score, 35);
        a.facing = Facing::Left;
        assert_eq!(shoot(std::slice::from_ref(&a), &[]).score, 88);
        a.facing = Facing::Right;
        assert_eq!(shoot(std::slice::from_ref(&a), &[]).score, 53);
        // Going left, it faces left whatever the level says; standing, the level's way.
        a.velocity = (-30.0, 0.0);
        assert_eq!(shoot(std::slice::from_ref(&a), &[]).score, 88);
        a.velocity = (0.5, 0.0);
        assert_eq!(shoot(std::slice::from_ref(&a), &[]).score, 53);
        // Front and back stay as they are.
        a.facing = Facing::Back;
        a.velocity = (-30.0, 0.0);
        assert_eq!(shoot(std::slice::from_ref(&a), &[]).score, 35);
    }

    #[test]
    fn outside_the_frame_is_a_photo_of_nothing() {
        let judged = shoot(&[subject("a", area(100.0, 10.0, 20.0, 20.0), &[])], &[]);
        assert_eq!(
            judged,
            Judgement {
                score: 0,
                subjects: vec![]
            }
        );
    }

    #[test]
    fn a_moment_inside_and_outside_its_window() {
        let on = [Moment {
            name: "take off".into(),
            from: time("23:10"),
            to: time("23:14"),
            while_moving: false,
        }];
        let judged = shoot(&[subject("a", area(20.0, 10.0, 20.0, 20.0), &on)], &[]);
        assert_eq!(judged.score, 88);
        assert_eq!(judged.subjects[0].breakdown.moment, Some(true));
        // Missed (a window that closed at 23:12; it ends before `to`): * 0.8.
        let late = [Moment {
            to: time("23:12"),
            ..on[0].clone()
        }];
        let judged = shoot(&[subject("a", area(20.0, 10.0, 20.0, 20.0), &late)], &[]);
        assert_eq!(judged.score, 71);
        assert_eq!(judged.subjects[0].breakdown.moment, Some(false));
    }

    #[test]
    fn a_moment_while_moving_is_on_only_while_the_subject_moves() {
        let flying = [Moment {
            name: "in the air".into(),
            from: time("23:00"),
            to: time("23:59"),
            while_moving: true,
        }];
        let mut flock = subject("a", area(20.0, 10.0, 20.0, 20.0), &flying);
        let still = shoot(std::slice::from_ref(&flock), &[]);
        assert_eq!(still.subjects[0].breakdown.moment, Some(false));
        assert_eq!(still.score, 71);
        flock.velocity = (-40.0, 3.0);
        let moving = shoot(&[flock], &[]);
        assert_eq!(moving.subjects[0].breakdown.moment, Some(true));
        assert_eq!(moving.score, 88);
    }

    #[test]
    fn two_subjects_in_one_frame() {
        // The centred one scores 88; a 10x10 on the lower-left third
        // (20, 13.33): in frame, fills 100/2400 (size 0.4458), on a third
        // (composition 1): 44.6. The photo scores its best.
        let judged = shoot(
            &[
                subject("corner", area(15.0, 8.33, 10.0, 10.0), &[]),
                subject("centre", area(20.0, 10.0, 20.0, 20.0), &[]),
            ],
            &[],
        );
        assert_eq!(judged.score, 88);
        let keys: Vec<&str> = judged.subjects.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["centre", "corner"]);
        assert_eq!(judged.subjects[1].score, 45);
        assert!(judged.subjects[1].breakdown.on_third);
    }

    #[test]
    fn a_nearer_subject_hides_one_behind_it() {
        let mut front = subject("front", area(20.0, 10.0, 10.0, 20.0), &[]);
        front.depth = 1.0;
        let back = subject("back", area(20.0, 10.0, 20.0, 20.0), &[]);
        let judged = shoot(&[front, back], &[]);
        let back = judged.subjects.iter().find(|s| s.key == "back").unwrap();
        assert_eq!(back.breakdown.clear, 0.5);
    }
}
