//! Sound synthesis: pure functions from parameters to mono samples in
//! [-1, 1] at [`SAMPLE_RATE`]. Everything is deterministic: noise comes
//! from [`crate::random::Random`] with fixed seeds.
//!
//! Short effects (the camera, footsteps, voices, the phone), the street
//! (pigeons, a tram, crows, and a tram's and a car's loops while they
//! move), the tower (its clock and chime), and the loops
//! ([`ambience()`], [`music()`], [`clock_ticking()`]). Loops are built
//! circularly: events that run past the end wrap into the start and filters
//! run twice round the loop, so the end flows into the start with no seam.
//! [`catalogue()`] lists every sound the game plays, for writing WAV files.

mod ambience;
mod catalogue;
mod dsp;
mod effects;
mod music;
mod reverb;
mod street;
mod tower;

#[cfg(test)]
mod tests;

pub use ambience::{AMBIENCE_SECONDS, ambience};
pub use catalogue::{FILE_SAMPLE_RATE, SoundFile, catalogue, names, sound, wav_bytes, write_all};
pub use effects::{bell_stroke, film_advance, footstep, phone_ring, shutter, tick, voice};
pub use music::{MUSIC_SECONDS, music};
pub use street::{
    CAR_RUNNING_SECONDS, TRAM_RUNNING_SECONDS, car_running, crows, pigeons_take_off, tram_passing,
    tram_running,
};
pub use tower::{CLOCK_TICKING_SECONDS, chime, clock_tick, clock_ticking};

/// Samples per second of every synthesized sound.
pub const SAMPLE_RATE: u32 = 44_100;

/// How far a loop jumps where its end meets its start: the difference
/// between its last and first samples (0 for an empty loop). Compare it
/// with the steps inside the loop; a click is a step far bigger than those.
pub fn loop_seam_jump(samples: &[f32]) -> f32 {
    match (samples.first(), samples.last()) {
        (Some(first), Some(last)) => (last - first).abs(),
        _ => 0.0,
    }
}
