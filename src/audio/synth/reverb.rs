//! A small Schroeder reverb: the echo of a hall, a tower, a street.

/// A feedback comb filter with damping, one voice of [`Reverb`].
#[derive(Clone, Debug)]
struct Comb {
    line: Vec<f32>,
    at: usize,
    feedback: f32,
    damp: f32,
    store: f32,
}

impl Comb {
    fn run(&mut self, x: f32) -> f32 {
        let out = self.line[self.at];
        self.store = out + self.damp * (self.store - out);
        self.line[self.at] = x + self.feedback * self.store;
        self.at += 1;
        if self.at == self.line.len() {
            self.at = 0;
        }
        out
    }
}

/// An all-pass diffuser, the other voice of [`Reverb`].
#[derive(Clone, Debug)]
struct AllPass {
    line: Vec<f32>,
    at: usize,
}

impl AllPass {
    fn run(&mut self, x: f32) -> f32 {
        let delayed = self.line[self.at];
        self.line[self.at] = x + 0.5 * delayed;
        self.at += 1;
        if self.at == self.line.len() {
            self.at = 0;
        }
        delayed - x
    }
}

/// A small Schroeder reverb: parallel damped combs into all-pass diffusers.
#[derive(Clone, Debug)]
pub(super) struct Reverb {
    combs: Vec<Comb>,
    allpasses: Vec<AllPass>,
}

impl Reverb {
    /// A room: `size` scales the delays (1: a large hall), `feedback` (below
    /// 1) sets how long it rings, `damp` (0 to 1) how fast highs die.
    pub(super) fn new(size: f32, feedback: f32, damp: f32) -> Self {
        const COMBS: [usize; 6] = [1116, 1188, 1277, 1356, 1422, 1491];
        const ALLPASSES: [usize; 3] = [556, 441, 341];
        let scaled = |length: usize| ((length as f32 * size) as usize).max(1);
        Self {
            combs: COMBS
                .iter()
                .map(|length| Comb {
                    line: vec![0.0; scaled(*length)],
                    at: 0,
                    feedback,
                    damp,
                    store: 0.0,
                })
                .collect(),
            allpasses: ALLPASSES
                .iter()
                .map(|length| AllPass {
                    line: vec![0.0; scaled(*length)],
                    at: 0,
                })
                .collect(),
        }
    }

    /// The reverberation of one more sample (the wet signal only).
    pub(super) fn run(&mut self, x: f32) -> f32 {
        let input = 0.03 * x;
        let mut wet: f32 = self.combs.iter_mut().map(|comb| comb.run(input)).sum();
        for allpass in &mut self.allpasses {
            wet = allpass.run(wet);
        }
        wet
    }
}
