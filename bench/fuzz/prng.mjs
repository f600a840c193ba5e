// A seeded PRNG (mulberry32): the same --seed gives the same 10 000 inputs, so a finding
// reproduces with `--seed S --only N`.

/** @param {number} seed */
export function prng(seed) {
  let s = seed | 0;
  const next = () => {
    s = (s + 0x6d2b79f5) | 0;
    let r = Math.imul(s ^ (s >>> 15), 1 | s);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)], chance: (p) => next() < p };
}

/** The PRNG of case `index` of run `seed`: each case is reproducible on its own. */
export function caseRandom(seed, index) {
  return prng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) | 0);
}
