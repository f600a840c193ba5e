// The fuzz loop shared by `node bench/fuzz/run.mjs` (10 000 inputs, the vault bundled by vite)
// and the unit test's 500-input slice (tests/unit/vault/fuzz.test.ts, the vault from src/). It
// takes the vault and its entry points from the caller, so both run the same cases for a seed.
//
// Per case: pick an entry point, a real file it takes (sometimes one of another kind, sometimes
// random bytes), one mutation; run it, timed; classify the outcome (accepted, or a VaultError
// by code; anything else is a finding); undo an accepted change; and compare a dump of every
// store with the one taken before the run.
import { caseRandom } from './prng.mjs';
import { MUTATIONS, mutate, randomBytes } from './mutations.mjs';

/** How often each mutation is picked (structure-aware kinds are where deep parsers break). */
const MUTATION_WEIGHTS = { bits: 3, truncate: 2, splice: 2, length: 3, depth: 2, iterations: 3 };

function weighted(r, weights) {
  const entries = Object.entries(weights);
  let x = r.next() * entries.reduce((n, [, w]) => n + w, 0);
  for (const [k, w] of entries) if ((x -= w) < 0) return k;
  return entries[0][0];
}

/** A seed, each with its `weight` (default 1): the slow 600 000-iteration backup is picked rarely. */
function pickSeed(r, seeds) {
  let x = r.next() * seeds.reduce((n, s) => n + (s.weight ?? 1), 0);
  for (const s of seeds) if ((x -= s.weight ?? 1) < 0) return s;
  return seeds[seeds.length - 1];
}

/** Every record of every store as one string: bytes as hex, dates as ISO, CryptoKeys by their attributes. */
export async function dumpVault(store, storeNames) {
  const rows = await store.read(async (tx) => {
    const out = {};
    for (const s of storeNames) out[s] = await tx.getAll(s);
    return out;
  });
  return JSON.stringify(rows, (_k, v) => {
    if (v instanceof Uint8Array) return `hex:${Buffer.from(v).toString('hex')}`;
    if (typeof CryptoKey !== 'undefined' && v instanceof CryptoKey)
      return { cryptoKey: v.type, extractable: v.extractable, algorithm: v.algorithm, usages: [...v.usages].sort() };
    return v;
  });
}

/**
 * @param {object} o
 * @param {number} o.seed
 * @param {number} o.count
 * @param {number} [o.from] first case index (to rerun one case: from = N, count = 1)
 * @param {{ name: string, weight: number, kinds: string[], run: (bytes: Uint8Array, seed: object) => Promise<unknown>, undo?: () => Promise<void> }[]} o.targets
 * @param {{ kind: string, name: string, bytes: Uint8Array, password?: string, weight?: number }[]} o.seeds
 * @param {() => Promise<string>} o.dump
 * @param {(e: unknown) => boolean} o.isVaultError
 * @param {number} [o.slowMs]
 * @param {(done: number) => void} [o.onProgress]
 * @param {(index: number, bytes: Uint8Array) => void} [o.onInput] sees each input before it runs
 */
export async function runFuzz(o) {
  const slowMs = o.slowMs ?? 2000;
  const from = o.from ?? 0;
  const baseline = await o.dump();
  const result = {
    count: 0,
    accepted: 0,
    byCode: {},
    byTarget: {},
    msByTarget: {},
    byMutation: {},
    findings: [],
    slow: [],
    slowest: { ms: 0 },
    totalMs: 0,
  };
  const weights = Object.fromEntries(o.targets.map((t) => [t.name, t.weight]));
  for (let index = from; index < from + o.count; index++) {
    const r = caseRandom(o.seed, index);
    const targetName = weighted(r, weights);
    const target = o.targets.find((t) => t.name === targetName);
    const own = o.seeds.filter((s) => target.kinds.includes(s.kind));
    const seedFile = pickSeed(r, r.chance(0.1) || own.length === 0 ? o.seeds : own);
    const kind = weighted(r, MUTATION_WEIGHTS);
    const input = r.chance(0.06) ? randomBytes(r) : await mutate(r, seedFile.bytes, kind);
    const label = `#${index} ${target.name} ← ${seedFile.name}: ${input.how}`;
    o.onInput?.(index, input.bytes);
    const t0 = performance.now();
    let outcome;
    try {
      await target.run(input.bytes, seedFile);
      outcome = 'accepted';
    } catch (e) {
      if (!o.isVaultError(e)) {
        outcome = 'raw error';
        result.findings.push({
          case: label,
          problem: `not a VaultError: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`,
        });
      } else {
        outcome = e.code;
        if (e.code === 'Internal' || e.code === 'Cancelled')
          result.findings.push({ case: label, problem: `${e.code}: ${e.message}` });
      }
    }
    const ms = performance.now() - t0;
    result.totalMs += ms;
    result.msByTarget[target.name] = (result.msByTarget[target.name] ?? 0) + ms;
    if (outcome === 'accepted') {
      result.accepted++;
      await target.undo?.();
    }
    result.count++;
    result.byCode[outcome] = (result.byCode[outcome] ?? 0) + 1;
    result.byTarget[target.name] = (result.byTarget[target.name] ?? 0) + 1;
    const mutation = input.how === 'random bytes' ? 'random' : kind;
    result.byMutation[mutation] = (result.byMutation[mutation] ?? 0) + 1;
    if (ms > result.slowest.ms) result.slowest = { ms, case: label, outcome };
    if (ms > slowMs) result.slow.push({ ms, case: label, outcome });
    if ((await o.dump()) !== baseline) {
      result.findings.push({ case: label, problem: `the vault changed (outcome ${outcome})` });
      break; // later cases would all differ: stop at the first
    }
    o.onProgress?.(result.count);
  }
  return result;
}

export { MUTATIONS };
