/**
 * The one way the vault gets at a private key (ARCHITECTURE §8 "Access"): to use it
 * (`usablePrivateKey`, `signingPairOf`), to let it leave (`exportablePkcs8`, for exportable keys
 * only, called from getSecret and backupCertificate alone) and to keep a new one
 * (`storeNewKey`). crypto-client, secret, backup, create, import, merge and key-material use
 * only these, so the at-rest form of a key is decided here and nowhere else:
 *
 * - unprotected vault: CryptoKeys, extractable only when exportable (as before access control);
 * - protected vault: no CryptoKey, only the PKCS#8 sealed (sealing.ts), under the master key
 *   when unlocked, to the sealing public key when locked (renewal in the service worker);
 * - protected vault, RSA-HSM / EC-HSM: a non-extractable CryptoKey marked `deviceBound` (never
 *   extractable anywhere; the lock and the permissions still gate its use).
 *
 * WebCrypto binds an algorithm (and RSA's hash) to a CryptoKey when it is generated or
 * imported. A sealed key is unsealed and imported non-extractable for exactly the algorithm
 * and usage asked, so it does every JWA algorithm of its type; so does an exportable stored
 * key (re-imported from its PKCS#8). A non-extractable stored key does only what it was made
 * for. Imported keys are cached in the session (session.ts) until lock() or close().
 */
import { ENCRYPTION_SCHEMES, SIGNATURE_SCHEMES } from '../key-operations';
import type { KeySpec } from '../../pki/types';
import type { VaultContext } from '../context';
import type { Bytes, KeyProtection } from '../types';
import { VaultError } from '../vault-error';
import type { KeyRecord } from '../vault-store';
import { readHeader, type ProtectionHeader } from './access-store';
import { lockedError } from './gate';
import { keyLabel, openSealedKey, sealToPublicKey, sealUnderMasterKey } from './sealing';

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

/** What protects a key row at rest. */
export function keyProtectionOf(k: KeyRecord): KeyProtection {
  return k.sealed ? 'sealed' : k.deviceBound ? 'device-bound' : 'none';
}

/**
 * The private key of `k` as a CryptoKey for exactly `algorithm` and `usage`. Locked when the
 * key is sealed and the vault is locked; Unsupported when a stored non-extractable key is bound
 * to another algorithm.
 */
export async function usablePrivateKey(
  ctx: VaultContext,
  k: KeyRecord,
  algorithm: KeyImportAlgorithm,
  usage: KeyUsage,
  about: KeyUseLabel = { label: 'the key', algorithmName: algorithm.name },
): Promise<CryptoKey> {
  const stored = k.privateKey;
  if (stored && boundTo(stored, algorithm) && stored.usages.includes(usage)) return stored;
  const cacheKey = `${k.id}|${JSON.stringify(algorithm)}|${usage}`;
  const cached = ctx.access.keys.get(cacheKey);
  if (cached) return cached;
  let made: Promise<CryptoKey>;
  if (k.sealed) {
    const pkcs8 = unsealed(ctx, k, about.label);
    made = pkcs8.then((der) =>
      crypto.subtle.importKey('pkcs8', der, algorithm, false, [usage]).finally(() => der.fill(0)),
    );
  } else if (stored?.extractable && k.exportable) {
    made = crypto.subtle
      .exportKey('pkcs8', stored)
      .then((der) => crypto.subtle.importKey('pkcs8', der, algorithm, false, [usage]));
  } else {
    throw stored ? boundKeyError(stored, about) : missingKey(about.label);
  }
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
export async function publicKeyOf(k: KeyRecord): Promise<CryptoKey> {
  return k.publicKey ?? crypto.subtle.importKey('spki', k.spki, defaultKeyAlgorithm(k.spec), true, ['verify']);
}

/**
 * The PKCS#8 of an exportable key, for getSecret and backupCertificate only; undefined for a
 * non-exportable key, which never leaves (the browser refuses to export it, and so does the vault).
 */
export async function exportablePkcs8(ctx: VaultContext, k: KeyRecord): Promise<Bytes | undefined> {
  if (!k.exportable) return undefined;
  if (k.sealed) return unsealed(ctx, k, 'the key');
  if (!k.privateKey?.extractable) return undefined;
  return new Uint8Array(await crypto.subtle.exportKey('pkcs8', k.privateKey));
}

/** The form a new key takes in this vault now, with what sealing it needs. */
export type NewKeyForm = { form: 'plain' } | { form: 'device-bound' } | { form: 'sealed'; header: ProtectionHeader };

/** How a new key is kept: `hsm` for RSA-HSM / EC-HSM policies. */
export async function newKeyForm(ctx: VaultContext, hsm: boolean): Promise<NewKeyForm> {
  const header = await ctx.store.read((tx) => readHeader(tx));
  if (!header) return { form: 'plain' };
  return hsm ? { form: 'device-bound' } : { form: 'sealed', header };
}

/** A new key as the vault got it: a generated pair, or PKCS#8 from a file or a backup (or both). */
export interface NewKeySource {
  pair?: CryptoKeyPair;
  pkcs8?: Bytes;
}

/** How storeNewKey keeps a new key: its row id, whether a version already used it, its kind. */
export interface NewKeyOptions {
  id: string;
  merged?: boolean;
  /** RSA-HSM / EC-HSM */
  hsm?: boolean;
  /** from newKeyForm, when the caller asked already (it generated the pair to match) */
  form?: NewKeyForm;
}

/**
 * The key row for a new key, in the at-rest form the vault needs; the caller puts it in its
 * write transaction (the store refuses a row whose form no longer fits, seal-guard.ts). A pair
 * given must be extractable when the key is to be sealed (key-material.ts generates it so).
 */
export async function storeNewKey(
  ctx: VaultContext,
  certificateKey: string,
  source: NewKeySource,
  spec: KeySpec,
  exportable: boolean,
  options: NewKeyOptions,
): Promise<KeyRecord> {
  const form = options.form ?? (await newKeyForm(ctx, options.hsm === true));
  const base = { id: options.id, certificateKey, spec, exportable, merged: options.merged ?? false };
  if (form.form !== 'sealed') {
    const pair = source.pair ?? (await importPair(source, spec, exportable));
    const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
    const row: KeyRecord = { ...base, privateKey: pair.privateKey, publicKey: pair.publicKey, spki };
    return form.form === 'device-bound' ? { ...row, deviceBound: true } : row;
  }
  const pkcs8 =
    source.pkcs8 ?? (source.pair && new Uint8Array(await crypto.subtle.exportKey('pkcs8', source.pair.privateKey)));
  if (!pkcs8) throw new Error('storeNewKey: neither a key pair nor PKCS#8 given');
  const publicKey = source.pair?.publicKey ?? (await importPair({ pkcs8 }, spec, false)).publicKey;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  const s = ctx.access.unlocked;
  const label = keyLabel(options.id);
  const sealed =
    s?.headerId === form.header.id
      ? await sealUnderMasterKey(s.masterKey, pkcs8, label)
      : await sealToPublicKey(form.header.sealingPublicKey, pkcs8, label);
  if (!source.pkcs8) pkcs8.fill(0);
  return { ...base, spki, sealed };
}

/** PKCS#8 into a pair bound the default way, the private half extractable only when `extractable`. */
export async function importPair(source: NewKeySource, spec: KeySpec, extractable: boolean): Promise<CryptoKeyPair> {
  if (!source.pkcs8) throw new Error('importPair: no PKCS#8 given');
  const algorithm = defaultKeyAlgorithm(spec);
  // The public half comes from the private key's JWK, which needs an extractable import.
  const whole = await crypto.subtle.importKey('pkcs8', source.pkcs8, algorithm, true, ['sign']);
  const jwk = await crypto.subtle.exportKey('jwk', whole);
  const publicJwk: JsonWebKey =
    jwk.kty === 'RSA' ? { kty: 'RSA', n: jwk.n, e: jwk.e } : { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y };
  const publicKey = await crypto.subtle.importKey('jwk', publicJwk, algorithm, true, ['verify']);
  const privateKey = extractable
    ? whole
    : await crypto.subtle.importKey('pkcs8', source.pkcs8, algorithm, false, ['sign']);
  return { privateKey, publicKey };
}

/** The PKCS#8 of a sealed key (the caller zeroes it when done); Locked while the vault is locked. */
function unsealed(ctx: VaultContext, k: KeyRecord, label: string): Promise<Bytes> {
  const s = ctx.access.unlocked;
  if (!k.sealed) return Promise.reject(new Error('unsealed: the key is not sealed'));
  if (!s) return Promise.reject(lockedError(`${capitalised(label)} is sealed: unlock the vault to use it.`));
  return openSealedKey(k.sealed, s, keyLabel(k.id));
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function missingKey(label: string): VaultError {
  return new VaultError('Internal', `${capitalised(label)} has no private key in its stored row: report this.`);
}

function boundKeyError(stored: CryptoKey, about: KeyUseLabel): VaultError {
  const bound = describeBinding(stored);
  return new VaultError(
    'Unsupported',
    `${about.algorithmName} is not possible with ${about.label}: it is not exportable, and the browser keeps such a key bound to the one algorithm it was made for (${bound}). Use ${bound}, or create the certificate with an exportable policy, which allows every algorithm (in a protected vault, a non-exportable RSA or EC key does too).`,
  );
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
