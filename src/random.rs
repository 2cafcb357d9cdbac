//! A small deterministic random source for generated art and sound: the same
//! seed gives the same skyline and the same noise every time.

/// Xorshift32: tiny and fast; not for anything that must be unpredictable.
#[derive(Clone, Debug)]
pub struct Random(u32);

impl Random {
    /// A source started from `seed` (any value; 0 is moved to 1, since
    /// xorshift would stay at 0).
    pub fn new(seed: u32) -> Self {
        Self(seed.max(1))
    }

    /// The next number, 0 to 1.
    pub fn unit(&mut self) -> f32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        (self.0 >> 8) as f32 / (1 << 24) as f32
    }

    /// The next number from `low` to `high`.
    pub fn range(&mut self, low: f32, high: f32) -> f32 {
        low + (high - low) * self.unit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_repeats_and_numbers_stay_in_range() {
        let take = |seed| {
            let mut random = Random::new(seed);
            (0..1000)
                .map(|_| random.range(-2.0, 3.0))
                .collect::<Vec<f32>>()
        };
        assert_eq!(take(7), take(7));
        assert_ne!(take(7), take(8));
        assert!(take(0).iter().all(|x| (-2.0..3.0).contains(x)));
        let mean = take(9).iter().sum::<f32>() / 1000.0;
        assert!((mean - 0.5).abs() < 0.2, "{mean}");
    }
}
