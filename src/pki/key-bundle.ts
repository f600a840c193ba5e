/**
 * The import front door: a PFX, or PEM text holding a private key and certificates.
 * Keys come out as PKCS#8 whatever went in (PKCS#1, SEC1, encrypted PKCS#8).
 */
import * as asn1js from 'asn1js';
import { leadingElements } from './asn1/reader';
import { equalBytes, toBytes } from './bytes';
import { certificatesInPem, readCertificates } from './certificate-bundle';
import { privateKeyToPkcs8 } from './keys';
import { decodePem, pemTextOf } from './pem';
import { PkiError, isPkiError } from './pki-error';
import { readPkcs12 } from './pkcs12/read-pfx';
import type { Pkcs12Contents } from './pkcs12/safe-contents';
import type { Bytes } from './types';
import type { Work } from './work';

/** The key (PKCS#8) and certificates of an import file; needsPassword = the file was protected. */
export interface KeyBundle {
  format: 'pkcs12' | 'pem';
  pkcs8?: Bytes;
  certificates: Bytes[];
  needsPassword: boolean;
}

/** PFX = PFX ::= SEQUENCE { version INTEGER (v3), authSafe ContentInfo, macData OPTIONAL } (RFC 7292 §4). */
function looksLikePkcs12(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30) return false;
  const [version, authSafe] = leadingElements(bytes);
  return version instanceof asn1js.Integer && version.valueBlock.valueDec === 3 && authSafe instanceof asn1js.Sequence;
}

/**
 * What an import file holds: PFX (password may be empty) or PEM with key + certificates.
 * Key as PKCS#8 whatever the input (PKCS#1/SEC1/encrypted PKCS#8 converted). Throws
 * PkiError('invalid-password') when a password is needed and wrong or missing; `work` watches
 * the key derivation (progress, cancel: pki/work.ts).
 */
export async function readKeyBundle(bytes: Uint8Array, password?: string, work?: Work): Promise<KeyBundle> {
  const data = toBytes(bytes);
  const text = pemTextOf(data);
  if (text !== undefined) return readPemBundle(text, password, work);
  if (looksLikePkcs12(data)) return readPfxBundle(data, password, work);
  return { format: 'pem', certificates: readCertificates(data), needsPassword: false };
}

async function readPemBundle(text: string, password?: string, work?: Work): Promise<KeyBundle> {
  const blocks = decodePem(text);
  const keyBlock = blocks.find((b) => /PRIVATE KEY$/.test(b.label));
  const certificates = certificatesInPem(text);
  if (!keyBlock && certificates.length === 0) throw new PkiError('malformed', 'no key or certificates in pem');
  const needsPassword = keyBlock?.label === 'ENCRYPTED PRIVATE KEY';
  const out: KeyBundle = { format: 'pem', certificates, needsPassword };
  if (keyBlock) out.pkcs8 = await privateKeyToPkcs8(new TextEncoder().encode(text), password, undefined, work);
  return out;
}

async function readPfxBundle(data: Bytes, password?: string, work?: Work): Promise<KeyBundle> {
  // PKCS#12 tells "no password" from "empty password" (RFC 7292 App. B.1); people mean either,
  // and readPkcs12 tries the other one itself, so each candidate's key derivation runs once.
  let contents: Pkcs12Contents;
  try {
    contents = await readPkcs12(data, password, work);
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('malformed', 'cannot read pkcs#12', { cause: e });
  }
  const key = contents.keys.at(0);
  const certs = contents.certificates;
  // The key's own certificate first (same localKeyId, RFC 7292 §4.2 friendly attributes).
  const keyId = key?.localKeyId;
  const own = keyId ? certs.find((c) => c.localKeyId && equalBytes(c.localKeyId, keyId)) : undefined;
  const ordered = own ? [own, ...certs.filter((c) => c !== own)] : certs;
  const out: KeyBundle = { format: 'pkcs12', certificates: ordered.map((c) => c.der), needsPassword: !!password };
  if (key) out.pkcs8 = key.pkcs8;
  return out;
}
