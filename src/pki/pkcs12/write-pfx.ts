import * as asn1js from 'asn1js';
import { sha1 } from '@noble/hashes/legacy.js';
import type { Pkcs12WriteOptions } from '../pkcs12';
import { PkiError } from '../pki-error';
import type { Bytes } from '../types';
import { looksLikePkcs8 } from '../pbe/decrypt-private-key';
import { children, parseDer, toDer } from '../pbe/der';
import { DIGESTS } from '../pbe/digests';
import { OID } from '../pbe/oids';
import { encryptPbes2Aes256 } from '../pbe/pbes2';
import { encryptPkcs12Pbe } from '../pbe/pkcs12-pbe';
import { writeBagAttributes, type BagAttributes } from './bag-attributes';
import { writeMacData } from './mac';
import { P12 } from './oids';

export const DEFAULT_ITERATIONS = 10_000;
export const LEGACY_ITERATIONS = 2048;

const oid = (value: string) => new asn1js.ObjectIdentifier({ value });
const octetString = (bytes: Uint8Array) => new asn1js.OctetString({ valueHex: bytes.slice().buffer });
const explicit0 = (value: asn1js.AsnType) =>
  new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [value] });

function safeBag(bagId: string, value: asn1js.AsnType, attributes: BagAttributes): asn1js.Sequence {
  const set = writeBagAttributes(attributes);
  return new asn1js.Sequence({ value: [oid(bagId), explicit0(value), ...(set ? [set] : [])] });
}

/** Encrypts with the chosen scheme: the AlgorithmIdentifier and the ciphertext. */
async function encrypt(data: Uint8Array, password: string, legacy: boolean, iterations: number) {
  return legacy
    ? encryptPkcs12Pbe(
        OID.pbeWithSHAAnd3KeyTripleDesCbc,
        data,
        password,
        iterations,
        crypto.getRandomValues(new Uint8Array(8)),
      )
    : encryptPbes2Aes256(data, password, iterations, DIGESTS.sha256);
}

/**
 * Builds the PFX the way openssl's PKCS12_create lays it out (RFC 7292 section 5.1):
 * AuthenticatedSafe = [ encryptedData(certificate bags), data(pkcs8ShroudedKeyBag) ], then
 * the MAC over the AuthenticatedSafe's DER.
 */
export async function writePfx(options: Pkcs12WriteOptions): Promise<Bytes> {
  const { key, certificates, password, friendlyName, legacy = false } = options;
  const iterations = options.iterations ?? (legacy ? LEGACY_ITERATIONS : DEFAULT_ITERATIONS);
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > 10_000_000)
    throw new PkiError('bad-input', `iterations ${iterations}`);
  if (!key && certificates.length === 0) throw new PkiError('bad-input', 'nothing to export');
  if (typeof password !== 'string') throw new PkiError('bad-input', 'a password is required');
  if (key && !looksLikePkcs8(key)) throw new PkiError('malformed', 'key is not pkcs#8 der');
  for (const der of certificates) children(parseDer(der, 'certificate'), 'certificate', 3);

  // localKeyId = SHA-1 of the leaf, as openssl does: it pairs the key with its certificate.
  const localKeyId = key && certificates.length ? new Uint8Array(sha1(certificates[0])) : undefined;
  const leafAttributes: BagAttributes = { friendlyName, localKeyId };

  const contentInfos: asn1js.Sequence[] = [];
  if (certificates.length) {
    const bags = certificates.map((der, i) =>
      safeBag(
        P12.certBag,
        new asn1js.Sequence({ value: [oid(P12.x509Certificate), explicit0(octetString(der))] }),
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
            oid(P12.data),
            algorithm,
            new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: ciphertext.buffer }),
          ],
        }),
      ],
    });
    contentInfos.push(new asn1js.Sequence({ value: [oid(P12.encryptedData), explicit0(encryptedData)] }));
  }
  if (key) {
    const { algorithm, ciphertext } = await encrypt(key, password, legacy, iterations);
    const shrouded = new asn1js.Sequence({ value: [algorithm, octetString(ciphertext)] });
    const safeContents = new asn1js.Sequence({ value: [safeBag(P12.pkcs8ShroudedKeyBag, shrouded, leafAttributes)] });
    contentInfos.push(new asn1js.Sequence({ value: [oid(P12.data), explicit0(octetString(toDer(safeContents)))] }));
  }

  const authSafe = toDer(new asn1js.Sequence({ value: contentInfos }));
  const mac = writeMacData(legacy ? DIGESTS.sha1 : DIGESTS.sha256, password, iterations, authSafe);
  return toDer(
    new asn1js.Sequence({
      value: [
        new asn1js.Integer({ value: 3 }),
        new asn1js.Sequence({ value: [oid(P12.data), explicit0(octetString(authSafe))] }),
        mac,
      ],
    }),
  );
}
