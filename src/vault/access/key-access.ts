/**
 * The one way the vault gets at a private key (ARCHITECTURE §8 "Access"): to use it
 * (`usablePrivateKey`, `signingPairOf`), to let it leave (`exportablePkcs8`, for exportable keys
 * only, called from getSecret and backupCertificate alone) and to keep a new one
 * (`storeNewKey`). crypto-client, secret, backup, create, import, merge and key-material use
 * only these, so the at-rest form of a key is decided here and nowhere else.
 *
 * WebCrypto binds an algorithm (and RSA's hash) to a CryptoKey when it is generated or
 * imported. A stored key that is bound to another algorithm than the one asked is re-imported
 * from its PKCS#8, non-extractable, for exactly that algorithm and usage; the result is kept in
 * the session's cache (session.ts) until lock() or close().
 */
import { ENCRYPTION_SCHEMES, SIGNATURE_SCHEMES } from '../key-operations';
import type { KeySpec } from '../../pki/types';
import type { VaultContext } from '../context';
import type { Bytes } from '../types';
import { VaultError } from '../vault-error';
import type { KeyRecord } from '../vault-store';

/** The WebCrypto algorithm a private key is imported for (RSASSA-PKCS1-v1_5, RSA-PSS, RSA-OAEP, ECDSA). */
export type KeyImportAlgorithm = RsaHashedImportParams | EcKeyImportParams;

/** Words for messages: which key ("the key of \"web\" (version …)") and which JWA algorithm was asked. */
export interface KeyUseLabel {
  label: string;
  algorithmName: string;
}

/**
 * How the vault binds a key it makes or keeps: RSASSA-PKCS1-v1_5/SHA-256 for RSA (what signs
 * a CSR or a certificate), ECDSA on its curve for EC.
 */
export function defaultKeyAlgorithm(spec: KeySpec): KeyImportAlgorithm {
  return spec.kty === 'RSA'
    ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }
    : { name: 'ECDSA', namedCurve: spec.curve };
}

/**
 * The private key of `k` as a CryptoKey for exactly `algorithm` and `usage`. Unsupported when
 * the key is bound to another algorithm and cannot be re-imported (a non-extractable key).
 */
export async function usablePrivateKey(
  ctx: VaultContext,
  k: KeyRecord,
  algorithm: KeyImportAlgorithm,
  usage: KeyUsage,
  about: KeyUseLabel = { label: 'the key', algorithmName: algorithm.name },
): Promise<CryptoKey> {
  const stored = k.privateKey;
  if (boundTo(stored, algorithm) && stored.usages.includes(usage)) return stored;
  const cacheKey = `${k.id}|${JSON.stringify(algorithm)}|${usage}`;
  const cached = ctx.access.keys.get(cacheKey);
  if (cached) return cached;
  if (!k.exportable || !stored.extractable) {
    const bound = describeBinding(stored);
    throw new VaultError(
      'Unsupported',
      `${about.algorithmName} is not possible with ${about.label}: it is not exportable, and the browser keeps such a key bound to the one algorithm it was made for (${bound}). Use ${bound}, or create the certificate with an exportable policy, which allows every algorithm.`,
    );
  }
  const made = crypto.subtle
    .exportKey('pkcs8', stored)
    .then((der) => crypto.subtle.importKey('pkcs8', der, algorithm, false, [usage]));
  ctx.access.keys.set(cacheKey, made);
  made.catch(() => ctx.access.keys.delete(cacheKey));
  return made;
}

/** The key pair of `k` as the vault signs CSRs and certificates with it (the default binding). */
export async function signingPairOf(ctx: VaultContext, k: KeyRecord): Promise<CryptoKeyPair> {
  return {
    privateKey: await usablePrivateKey(ctx, k, defaultKeyAlgorithm(k.spec), 'sign'),
    publicKey: await publicKeyOf(k),
  };
}

/** The public key of `k` as a CryptoKey (default binding, verify). */
export function publicKeyOf(k: KeyRecord): Promise<CryptoKey> {
  return Promise.resolve(k.publicKey);
}

/**
 * The PKCS#8 of an exportable key, for getSecret and backupCertificate only; undefined for a
 * non-exportable key, which never leaves (the browser refuses to export it, and so does the vault).
 */
export async function exportablePkcs8(_ctx: VaultContext, k: KeyRecord): Promise<Bytes | undefined> {
  if (!k.exportable || !k.privateKey.extractable) return undefined;
  return new Uint8Array(await crypto.subtle.exportKey('pkcs8', k.privateKey));
}

/** A new key as the vault got it: a generated pair, or PKCS#8 from a file or a backup (or both). */
export interface NewKeySource {
  pair?: CryptoKeyPair;
  pkcs8?: Bytes;
}

/**
 * The key row for a new key, in the at-rest form the vault needs; the caller puts it in its
 * write transaction. `exportable` is the policy's; a pair given must already be extractable as
 * that says (key-material.ts generates it so).
 */
export async function storeNewKey(
  _ctx: VaultContext,
  certificateKey: string,
  source: NewKeySource,
  spec: KeySpec,
  exportable: boolean,
  options: { id: string; merged?: boolean },
): Promise<KeyRecord> {
  const pair = source.pair ?? (await importPair(source, spec, exportable));
  return {
    id: options.id,
    certificateKey,
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    spec,
    exportable,
    spki: new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)),
    merged: options.merged ?? false,
  };
}

/** PKCS#8 into a pair bound the default way, extractable only when exportable. */
async function importPair(source: NewKeySource, spec: KeySpec, exportable: boolean): Promise<CryptoKeyPair> {
  if (!source.pkcs8) throw new Error('storeNewKey: neither a key pair nor PKCS#8 given');
  const algorithm = defaultKeyAlgorithm(spec);
  const privateKey = await crypto.subtle.importKey('pkcs8', source.pkcs8, algorithm, exportable, ['sign']);
  // The public half from the private key's JWK needs an extractable copy; PKCS#8 carries both.
  const jwk = await crypto.subtle.exportKey(
    'jwk',
    await crypto.subtle.importKey('pkcs8', source.pkcs8, algorithm, true, ['sign']),
  );
  const publicJwk: JsonWebKey =
    jwk.kty === 'RSA' ? { kty: 'RSA', n: jwk.n, e: jwk.e } : { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y };
  const publicKey = await crypto.subtle.importKey('jwk', publicJwk, algorithm, true, ['verify']);
  return { privateKey, publicKey };
}

/** True when `key` is already bound to `algorithm` (ECDSA keys pick their hash per call). */
function boundTo(key: CryptoKey, algorithm: KeyImportAlgorithm): boolean {
  const alg = key.algorithm as KeyAlgorithm & { hash?: { name: string }; namedCurve?: string };
  if (alg.name !== algorithm.name) return false;
  if ('namedCurve' in algorithm) return alg.namedCurve === algorithm.namedCurve;
  const hash = typeof algorithm.hash === 'string' ? algorithm.hash : algorithm.hash.name;
  return alg.hash?.name === hash;
}

/** The JWA name(s) a stored private key can do as it is. */
function describeBinding(key: CryptoKey): string {
  const alg = key.algorithm as KeyAlgorithm & { hash?: { name: string }; namedCurve?: string };
  const matches = Object.entries({ ...SIGNATURE_SCHEMES, ...ENCRYPTION_SCHEMES })
    .filter(([, s]) =>
      boundTo(key, 'curve' in s ? { name: s.name, namedCurve: s.curve } : { name: s.name, hash: s.hash }),
    )
    .map(([n]) => n);
  return matches.length > 0 ? matches.join(', ') : `${alg.name}${alg.hash ? `/${alg.hash.name}` : ''}`;
}
