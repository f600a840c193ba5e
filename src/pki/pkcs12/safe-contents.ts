/**
 * SafeContents (RFC 7292 section 4.2): the bags of a PFX, collected into what readPkcs12 returns.
 */
import { BAG, PKCS9 } from '../asn1/oids';
import { children, explicit, octets, oid, rawOf, readDer, type Node } from '../asn1/reader';
import { looksLikePkcs8 } from '../pbe/decrypt-private-key';
import { decryptPbe } from '../pbe/pbe';
import { PkiError } from '../pki-error';
import type { Bytes } from '../types';
import type { Work } from '../work';
import { readBagAttributes, type BagAttributes } from './bag-attributes';
import { checkCertificateSize } from '../size-limits';

/** Every private key (PKCS#8 DER) and X.509 certificate of a PFX, in file order, with their bag attributes. */
export interface Pkcs12Contents {
  keys: (BagAttributes & { pkcs8: Bytes })[];
  certificates: (BagAttributes & { der: Bytes })[];
}

/** Nested safeContentsBag depth we follow; real files use none, a hostile one could recurse forever. */
const MAX_DEPTH = 4;

/**
 * SafeContents ::= SEQUENCE OF SafeBag (RFC 7292 section 4.2). Keys and X.509 certificates
 * are collected; CRL, secret and SDSI bags are skipped (nothing here uses them).
 */
export async function readSafeContents(
  der: Uint8Array,
  password: string | undefined,
  into: Pkcs12Contents,
  work?: Work,
  depth = 0,
): Promise<void> {
  if (depth > MAX_DEPTH) throw new PkiError('malformed', 'safe contents nested too deep');
  for (const bag of children(readDer(der, 'safe contents'), 'safe contents')) {
    const fields = children(bag, 'safe bag', 2);
    const [idNode, valueNode] = fields;
    const bagId = oid(idNode, 'safe bag id');
    const value = explicit(valueNode, 0, 'safe bag value');
    const attributes = readBagAttributes(fields.at(2));
    switch (bagId) {
      case BAG.keyBag:
        into.keys.push({ pkcs8: rawOf(value), ...attributes });
        break;
      case BAG.pkcs8ShroudedKeyBag:
        into.keys.push({ pkcs8: await decryptShroudedKey(value, password, work), ...attributes });
        break;
      case BAG.certBag: {
        const der = readCertBag(value);
        if (der) into.certificates.push({ der, ...attributes });
        break;
      }
      case BAG.safeContentsBag:
        await readSafeContents(rawOf(value), password, into, work, depth + 1);
        break;
      default:
        break;
    }
  }
}

async function decryptShroudedKey(value: Node, password: string | undefined, work?: Work): Promise<Bytes> {
  const [algorithm, data] = children(value, 'shrouded key bag', 2);
  // Without a MAC a wrong password shows only here: padding that happens to be valid, garbage inside.
  return decryptPbe(algorithm, octets(data, 'shrouded key'), password, looksLikePkcs8, work);
}

/** CertBag ::= SEQUENCE { certId, certValue [0] EXPLICIT }: x509Certificate holds DER in an OCTET STRING. */
function readCertBag(value: Node): Bytes | undefined {
  const [idNode, certValue] = children(value, 'cert bag', 2);
  if (oid(idNode, 'cert bag id') !== PKCS9.x509Certificate) return undefined;
  const der = octets(explicit(certValue, 0, 'cert bag value'), 'certificate');
  checkCertificateSize(der, 'certificate');
  children(readDer(der, 'certificate'), 'certificate', 3); // a certificate is at least tbs, alg, signature
  return der;
}
