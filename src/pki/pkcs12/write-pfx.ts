/**
 * Writing a PFX (RFC 7292) that openssl, keytool, Windows and macOS read.
 */
import * as asn1js from 'asn1js';
import { sha1 } from '@noble/hashes/legacy.js';
import { BAG, CONTENT_TYPE, PBE, PKCS9 } from '../asn1/oids';
import { children, readDer } from '../asn1/reader';
import { explicitTag, implicitPrimitive, objectIdentifier as oid, octetString, toDer } from '../asn1/writer';
import { looksLikePkcs8 } from '../pbe/decrypt-private-key';
import { DIGESTS } from '../pbe/digests';
import { MAX_ITERATIONS, MAX_JS_ITERATIONS } from '../pbe/limits';
import { encryptPbes2Aes256 } from '../pbe/pbes2';
import { encryptPkcs12Pbe } from '../pbe/pkcs12-pbe';
import { PkiError } from '../pki-error';
import type { Bytes } from '../types';
import { writeBagAttributes, type BagAttributes } from './bag-attributes';
import { writeMacData, writePbmac1MacData } from './mac';

export interface Pkcs12WriteOptions {
  /** PKCS#8 DER of the private key, when it is exported */
  key?: Uint8Array;
  /** leaf first */
  certificates: Uint8Array[];
  password: string;
  friendlyName?: string;
  /** PBE-SHA1-3DES + SHA-1 MAC for old Windows/macOS/Android; default AES-256-CBC/PBKDF2-SHA256 + HMAC-SHA256 */
  legacy?: boolean;
  /**
   * The integrity MAC: 'hmac' (default) is RFC 7292's HMAC with the PKCS#12 KDF (SHA-256, or
   * SHA-1 with `legacy`); 'pbmac1' is RFC 9579's PBMAC1 (PBKDF2-HMAC-SHA-256 key, HMAC-SHA-256),
   * which OpenSSL reads from 3.4 on and older readers refuse. Not with `legacy`.
   */
  mac?: 'hmac' | 'pbmac1';
  /**
   * KDF and MAC iterations. Default 10 000 (keytool's PKCS#12 default; PBKDF2 runs natively so
   * it costs little), 2048 with `legacy` (openssl's PKCS12_DEFAULT_ITER, which old readers expect).
   */
  iterations?: number;
}

const DEFAULT_ITERATIONS = 10_000;
const LEGACY_ITERATIONS = 2048;

const explicit0 = (value: asn1js.AsnType): asn1js.Constructed => explicitTag(0, value);

function safeBag(bagId: string, value: asn1js.AsnType, attributes: BagAttributes): asn1js.Sequence {
  const set = writeBagAttributes(attributes);
  return new asn1js.Sequence({ value: [oid(bagId), explicit0(value), ...(set ? [set] : [])] });
}

/** Encrypts with the chosen scheme: the AlgorithmIdentifier and the ciphertext. */
async function encrypt(
  data: Uint8Array,
  password: string,
  legacy: boolean,
  iterations: number,
): Promise<{ algorithm: asn1js.Sequence; ciphertext: Bytes }> {
  return legacy
    ? encryptPkcs12Pbe(
        PBE.pbeWithSHAAnd3KeyTripleDesCbc,
        data,
        password,
        iterations,
        crypto.getRandomValues(new Uint8Array(8)),
      )
    : encryptPbes2Aes256(data, password, iterations, DIGESTS.sha256);
}

/**
 * Writes a PFX that openssl, keytool, Windows and macOS read: the certificates (leaf first) in
 * an encrypted safe, the key in a pkcs8ShroudedKeyBag, friendlyName and localKeyId (SHA-1 of
 * the leaf) on the key and the leaf, and a MAC. Default AES-256-CBC with PBKDF2-HMAC-SHA-256
 * and an HMAC-SHA-256 MAC (openssl 3's default); `legacy` uses pbeWithSHAAnd3-KeyTripleDES-CBC
 * and an HMAC-SHA-1 MAC; `mac: 'pbmac1'` writes an RFC 9579 PBMAC1 MAC instead.
 *
 * The layout is openssl's PKCS12_create (RFC 7292 section 5.1): AuthenticatedSafe =
 * [ encryptedData(certificate bags), data(pkcs8ShroudedKeyBag) ], then the MAC over the
 * AuthenticatedSafe's DER.
 */
export async function writePkcs12(options: Pkcs12WriteOptions): Promise<Bytes> {
  const { key, certificates, password, friendlyName, legacy = false, mac = 'hmac' } = options;
  if (mac === 'pbmac1' && legacy) throw new PkiError('bad-input', 'pbmac1 is for modern readers, not legacy');
  const iterations = options.iterations ?? (legacy ? LEGACY_ITERATIONS : DEFAULT_ITERATIONS);
  // The PKCS#12 KDF (legacy PBE, the RFC 7292 MAC) runs in JavaScript: its reader's cap is lower.
  const max = mac === 'pbmac1' ? MAX_ITERATIONS : MAX_JS_ITERATIONS;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > max)
    throw new PkiError('bad-input', `iterations ${iterations}`);
  if (!key && certificates.length === 0) throw new PkiError('bad-input', 'nothing to export');
  if (typeof password !== 'string') throw new PkiError('bad-input', 'a password is required');
  if (key && !looksLikePkcs8(key)) throw new PkiError('malformed', 'key is not pkcs#8 der');
  for (const der of certificates) children(readDer(der, 'certificate'), 'certificate', 3);

  // localKeyId = SHA-1 of the leaf, as openssl does: it pairs the key with its certificate.
  const localKeyId = key && certificates.length ? new Uint8Array(sha1(certificates[0])) : undefined;
  const leafAttributes: BagAttributes = { friendlyName, localKeyId };

  const contentInfos: asn1js.Sequence[] = [];
  if (certificates.length) {
    const bags = certificates.map((der, i) =>
      safeBag(
        BAG.certBag,
        new asn1js.Sequence({ value: [oid(PKCS9.x509Certificate), explicit0(octetString(der))] }),
        i === 0 ? leafAttributes : {},
      ),
    );
    const { algorithm, ciphertext } = await encrypt(
      toDer(new asn1js.Sequence({ value: bags })),
      password,
      legacy,
      iterations,
    );
    const encryptedData = new asn1js.Sequence({
      value: [
        new asn1js.Integer({ value: 0 }),
        new asn1js.Sequence({
          value: [
            oid(CONTENT_TYPE.data),
            algorithm,
            // encryptedContent [0] IMPLICIT OCTET STRING
            implicitPrimitive(0, ciphertext),
          ],
        }),
      ],
    });
    contentInfos.push(new asn1js.Sequence({ value: [oid(CONTENT_TYPE.encryptedData), explicit0(encryptedData)] }));
  }
  if (key) {
    const { algorithm, ciphertext } = await encrypt(key, password, legacy, iterations);
    const shrouded = new asn1js.Sequence({ value: [algorithm, octetString(ciphertext)] });
    const safeContents = new asn1js.Sequence({ value: [safeBag(BAG.pkcs8ShroudedKeyBag, shrouded, leafAttributes)] });
    contentInfos.push(
      new asn1js.Sequence({ value: [oid(CONTENT_TYPE.data), explicit0(octetString(toDer(safeContents)))] }),
    );
  }

  const authSafe = toDer(new asn1js.Sequence({ value: contentInfos }));
  const macData =
    mac === 'pbmac1'
      ? await writePbmac1MacData(password, iterations, authSafe)
      : writeMacData(legacy ? DIGESTS.sha1 : DIGESTS.sha256, password, iterations, authSafe);
  return toDer(
    new asn1js.Sequence({
      value: [
        new asn1js.Integer({ value: 3 }),
        new asn1js.Sequence({ value: [oid(CONTENT_TYPE.data), explicit0(octetString(authSafe))] }),
        macData,
      ],
    }),
  );
}
