/**
 * Key pairs with WebCrypto. RSA keys are RSASSA-PKCS1-v1_5 with SHA-256 and EC keys ECDSA,
 * because signing CSRs and certificates is what pki/ does with them.
 */
import * as asn1js from 'asn1js';
import { KEY_ALGORITHM } from './asn1/oids';
import { nodesOf, readDer } from './asn1/reader';
import { equalBytes, fromBase64, toBytes } from './bytes';
import { certificateSpki } from './certificate-der';
import { algorithmLabel, pkcs8Algorithm, webCryptoCurve, wrapPkcs1, wrapSec1 } from './key-der';
import { decodePem, pemTextOf } from './pem';
import { PkiError, isPkiError } from './pki-error';
import { decryptEncryptedPkcs8 } from './encrypted-key';
import type { Work } from './work';
import type { Bytes, EcCurve, KeySpec } from './types';

const RSA_SIZES = [2048, 3072, 4096];
const CURVES: EcCurve[] = ['P-256', 'P-384', 'P-521'];

/**
 * Generates a key pair with WebCrypto. RSA keys are RSASSA-PKCS1-v1_5/SHA-256, EC keys ECDSA.
 * `extractable: false` makes a key nothing can ever export.
 */
export async function generateKeyPair(spec: KeySpec, extractable: boolean): Promise<CryptoKeyPair> {
  let algorithm: RsaHashedKeyGenParams | EcKeyGenParams;
  // A switch with a default, because specs also come from stored records and JavaScript callers.
  switch (spec.kty) {
    case 'RSA':
      if (!RSA_SIZES.includes(spec.size)) throw new PkiError('bad-input', `unsupported rsa key size ${spec.size}`);
      algorithm = {
        name: 'RSASSA-PKCS1-v1_5',
        hash: 'SHA-256',
        modulusLength: spec.size,
        publicExponent: new Uint8Array([1, 0, 1]),
      };
      break;
    case 'EC':
      if (!CURVES.includes(spec.curve)) throw new PkiError('bad-input', `unsupported ec curve ${spec.curve}`);
      algorithm = { name: 'ECDSA', namedCurve: spec.curve };
      break;
    default:
      throw new PkiError('bad-input', 'unsupported key type');
  }
  try {
    return await crypto.subtle.generateKey(algorithm, extractable, ['sign', 'verify']);
  } catch (e) {
    throw new PkiError('unsupported', `key generation failed for ${spec.kty}`, { cause: e });
  }
}

/** An imported key pair with its spec and the PKCS#8 it came from (for export/backup when allowed). */
export interface ImportedKey {
  keyPair: CryptoKeyPair;
  spec: KeySpec;
  pkcs8: Bytes;
}

/** PKCS#8 DER into a key pair (the public key is derived), extractable as asked. */
export async function importPkcs8(pkcs8: Uint8Array, extractable: boolean): Promise<ImportedKey> {
  const der = toBytes(pkcs8);
  const alg = pkcs8Algorithm(der);
  let algorithm: RsaHashedImportParams | EcKeyImportParams;
  if (alg.oid === KEY_ALGORITHM.rsaEncryption) algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  else if (alg.oid === KEY_ALGORITHM.ecPublicKey) {
    if (alg.explicitCurve)
      throw new PkiError('unsupported', 'ec keys with explicit curve parameters are not supported');
    const curve = alg.curveOid ? webCryptoCurve(alg.curveOid) : undefined;
    if (!curve) throw new PkiError('unsupported', `unsupported ec curve ${alg.curveOid}`);
    algorithm = { name: 'ECDSA', namedCurve: curve };
  } else throw new PkiError('unsupported', `unsupported key algorithm ${algorithmLabel(alg.oid)}`);
  try {
    // The public half comes from the private JWK (n/e or x/y), so import extractable once;
    // the key the caller keeps is re-imported with the extractability asked for.
    const temp = await crypto.subtle.importKey('pkcs8', der, algorithm, true, ['sign']);
    const jwk = await crypto.subtle.exportKey('jwk', temp);
    const publicJwk: JsonWebKey =
      jwk.kty === 'RSA' ? { kty: 'RSA', n: jwk.n, e: jwk.e } : { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y };
    const publicKey = await crypto.subtle.importKey('jwk', publicJwk, algorithm, true, ['verify']);
    const privateKey = extractable ? temp : await crypto.subtle.importKey('pkcs8', der, algorithm, false, ['sign']);
    return { keyPair: { privateKey, publicKey }, spec: keySpecOf(publicKey), pkcs8: der };
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('malformed', 'private key does not import', { cause: e });
  }
}

/** PEM or DER: PKCS#8, PKCS#1 RSA, SEC1 EC, encrypted PKCS#8 (PBES2 and legacy PBEs). */
export async function importPrivateKey(
  bytes: Uint8Array,
  options: { password?: string; extractable: boolean; curve?: EcCurve },
): Promise<ImportedKey> {
  const pkcs8 = await privateKeyToPkcs8(bytes, options.password, options.curve);
  return importPkcs8(pkcs8, options.extractable);
}

/** Any private key form (PEM or DER) as PKCS#8 DER; decrypts with `password` when needed (`work` watches that). */
export async function privateKeyToPkcs8(
  bytes: Uint8Array,
  password?: string,
  curve?: EcCurve,
  work?: Work,
): Promise<Bytes> {
  const text = pemTextOf(bytes);
  if (text !== undefined) {
    const block = decodePem(text).find((b) => /PRIVATE KEY$/.test(b.label));
    if (!block) throw new PkiError('malformed', 'no private key in pem');
    if (block.headers?.['Proc-Type']?.includes('ENCRYPTED')) {
      // RFC 1421 DEK-Info encryption (openssl's "traditional" format) predates PKCS#8.
      throw new PkiError(
        'unsupported',
        `legacy pem encryption (${block.headers['DEK-Info'] ?? 'unknown'}) is not supported; convert with openssl pkcs8 -topk8`,
      );
    }
    return pkcs8FromDer(block.der, block.label, password, curve, work);
  }
  return pkcs8FromDer(bareOrDer(bytes), undefined, password, curve, work);
}

function bareOrDer(bytes: Uint8Array): Bytes {
  if (bytes[0] === 0x30) return toBytes(bytes);
  const der = fromBase64(new TextDecoder().decode(bytes));
  if (!der) throw new PkiError('malformed', 'not a private key');
  return der;
}

/** DER sniffed by content (label only as a hint). */
async function pkcs8FromDer(
  der: Bytes,
  label: string | undefined,
  password?: string,
  curve?: EcCurve,
  work?: Work,
): Promise<Bytes> {
  const kind =
    label === 'RSA PRIVATE KEY'
      ? 'pkcs1'
      : label === 'EC PRIVATE KEY'
        ? 'sec1'
        : label === 'ENCRYPTED PRIVATE KEY'
          ? 'encrypted'
          : sniffKey(der);
  switch (kind) {
    case 'pkcs1':
      return wrapPkcs1(der);
    case 'sec1':
      return wrapSec1(der, curve);
    case 'encrypted':
      return decryptEncryptedPkcs8(der, password, work);
    default:
      return der;
  }
}

/** What a private key DER is: PKCS#8, encrypted PKCS#8, PKCS#1 or SEC1. */
function sniffKey(der: Uint8Array): 'pkcs8' | 'encrypted' | 'pkcs1' | 'sec1' {
  const node = readDer(der, 'private key');
  const items = node instanceof asn1js.Sequence ? nodesOf(node) : [];
  const [first, second, third] = [items.at(0), items.at(1), items.at(2)];
  if (items.length === 2 && first instanceof asn1js.Sequence && second instanceof asn1js.OctetString)
    return 'encrypted';
  if (items.length >= 9 && items.every((i) => i instanceof asn1js.Integer)) return 'pkcs1';
  if (first instanceof asn1js.Integer && second instanceof asn1js.OctetString && first.valueBlock.valueDec === 1)
    return 'sec1';
  if (first instanceof asn1js.Integer && second instanceof asn1js.Sequence && third instanceof asn1js.OctetString)
    return 'pkcs8';
  throw new PkiError('malformed', 'not a private key');
}

/** SubjectPublicKeyInfo DER of a public key (public keys are always exportable in WebCrypto). */
export async function exportSpki(publicKey: CryptoKey): Promise<Bytes> {
  try {
    return new Uint8Array(await crypto.subtle.exportKey('spki', publicKey));
  } catch (e) {
    throw new PkiError('bad-input', 'cannot export public key', { cause: e });
  }
}

/** The KeySpec of a WebCrypto key; PkiError('unsupported') for algorithms outside RSA/EC P-curves. */
export function keySpecOf(key: CryptoKey): KeySpec {
  // WebWorker lib has no RsaHashedKeyAlgorithm/EcKeyAlgorithm types.
  const alg = key.algorithm as KeyAlgorithm & { modulusLength: number; namedCurve: string };
  if (alg.name === 'RSASSA-PKCS1-v1_5' || alg.name === 'RSA-PSS' || alg.name === 'RSA-OAEP')
    return { kty: 'RSA', size: alg.modulusLength };
  if ((alg.name === 'ECDSA' || alg.name === 'ECDH') && CURVES.includes(alg.namedCurve as EcCurve)) {
    return { kty: 'EC', curve: alg.namedCurve as EcCurve };
  }
  throw new PkiError('unsupported', `unsupported key algorithm ${alg.name}`);
}

/** SPKI equality between a public key and a certificate's subject public key. */
export async function publicKeyMatchesCertificate(publicKey: CryptoKey, certificateDer: Uint8Array): Promise<boolean> {
  return spkiMatchesKey(publicKey, certificateSpki(certificateDer));
}

/**
 * Byte equality of SPKIs, after WebCrypto re-encodes the other side when the bytes differ:
 * the same key can be written differently (RSA parameters NULL or absent, a compressed EC
 * point), and those must still match.
 */
export async function spkiMatchesKey(publicKey: CryptoKey, spki: Uint8Array, ownSpki?: Uint8Array): Promise<boolean> {
  const mine = ownSpki ?? (await exportSpki(publicKey));
  if (equalBytes(mine, spki)) return true;
  try {
    const other = await crypto.subtle.importKey('spki', toBytes(spki), publicKey.algorithm, true, ['verify']);
    return equalBytes(mine, new Uint8Array(await crypto.subtle.exportKey('spki', other)));
  } catch {
    return false;
  }
}
