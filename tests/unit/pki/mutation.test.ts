import { describe, expect, it } from 'vitest';
import {
  createCsr,
  createSelfSignedCertificate,
  generateKeyPair,
  importPrivateKey,
  isPkiError,
  orderChain,
  parseCertificate,
  parseCsr,
  readCertificates,
  readKeyBundle,
  readPkcs7Certificates,
  writePkcs7Certificates,
} from '../../../src/pki';

/** A deterministic PRNG so a failure replays (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mutate(bytes: Uint8Array, rand: () => number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes);
  const kind = Math.floor(rand() * 3);
  if (kind === 0) {
    for (let i = 0; i < 1 + rand() * 4; i++) out[Math.floor(rand() * out.length)] = Math.floor(rand() * 256);
    return out;
  }
  if (kind === 1) return out.slice(0, Math.floor(rand() * out.length));
  // Length bytes are where parsers go wrong: hit the first 8 bytes.
  out[Math.floor(rand() * Math.min(8, out.length))] = Math.floor(rand() * 256);
  return out;
}

async function onlyPkiErrors(run: () => unknown): Promise<void> {
  try {
    await run();
  } catch (e) {
    expect(isPkiError(e), `raw error escaped: ${String(e)}`).toBe(true);
  }
}

describe('mutated inputs give a result or a PkiError, never a raw error', () => {
  it('certificates, CSRs, P7B, keys, chains (6 × 300 mutations)', async () => {
    const keys = await generateKeyPair({ kty: 'EC', curve: 'P-256' }, true);
    const cert = await createSelfSignedCertificate({
      subject: 'CN=m,O=Mutants',
      subjectAlternativeNames: { dnsNames: ['m.test'], ipAddresses: ['::1'], userPrincipalNames: ['m@test'] },
      keyUsage: ['digitalSignature'],
      enhancedKeyUsage: ['1.3.6.1.5.5.7.3.1'],
      keys,
      notBefore: new Date('2026-01-01T00:00:00Z'),
      validityInMonths: 12,
    });
    const csr = await createCsr({ subject: 'CN=m', keys, subjectAlternativeNames: { dnsNames: ['m.test'] } });
    const p7 = writePkcs7Certificates([cert, cert]);
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
    const rand = rng(20261123);
    // MUTATIONS=5000 for a longer local run.
    const rounds = Number(process.env.MUTATIONS ?? 300);
    for (let i = 0; i < rounds; i++) {
      const c = mutate(cert, rand);
      await onlyPkiErrors(async () => parseCertificate(readCertificates(c)[0]));
      await onlyPkiErrors(() => orderChain([cert, c]));
      await onlyPkiErrors(() => parseCsr(mutate(csr, rand)));
      await onlyPkiErrors(() => readPkcs7Certificates(mutate(p7, rand)));
      await onlyPkiErrors(() => importPrivateKey(mutate(pkcs8, rand), { extractable: false }));
      await onlyPkiErrors(() => readKeyBundle(mutate(p7, rand)));
    }
  }, 60_000);
});
