import { PkiError } from '../pki-error';
import type { Bytes } from '../types';
import { decryptPbe } from '../pbe/pbe';
import { looksLikePkcs8 } from '../pbe/decrypt-private-key';
import { children, encodedBytes, explicit, octets, oid, parseDer, type Node } from '../pbe/der';
import { readBagAttributes, type BagAttributes } from './bag-attributes';
import { P12 } from './oids';

export interface KeyEntry extends BagAttributes {
  pkcs8: Bytes;
}
export interface CertEntry extends BagAttributes {
  der: Bytes;
}
export interface Bags {
  keys: KeyEntry[];
  certificates: CertEntry[];
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
  into: Bags,
  depth = 0,
): Promise<void> {
  if (depth > MAX_DEPTH) throw new PkiError('malformed', 'safe contents nested too deep');
  for (const bag of children(parseDer(der, 'safe contents'), 'safe contents')) {
    const [idNode, valueNode, attributesNode] = children(bag, 'safe bag', 2);
    const bagId = oid(idNode, 'safe bag id');
    const value = explicit(valueNode, 0, 'safe bag value');
    const attributes = readBagAttributes(attributesNode);
    switch (bagId) {
      case P12.keyBag:
        into.keys.push({ pkcs8: encodedBytes(value), ...attributes });
        break;
      case P12.pkcs8ShroudedKeyBag:
        into.keys.push({ pkcs8: await decryptShroudedKey(value, password), ...attributes });
        break;
      case P12.certBag: {
        const der = readCertBag(value);
        if (der) into.certificates.push({ der, ...attributes });
        break;
      }
      case P12.safeContentsBag:
        await readSafeContents(encodedBytes(value), password, into, depth + 1);
        break;
      default:
        break;
    }
  }
}

async function decryptShroudedKey(value: Node, password: string | undefined): Promise<Bytes> {
  const [algorithm, data] = children(value, 'shrouded key bag', 2);
  const pkcs8 = await decryptPbe(algorithm, octets(data, 'shrouded key'), password);
  // Without a MAC a wrong password shows only here: padding that happens to be valid, garbage inside.
  if (!looksLikePkcs8(pkcs8)) throw new PkiError('invalid-password', 'wrong password');
  return pkcs8;
}

/** CertBag ::= SEQUENCE { certId, certValue [0] EXPLICIT }: x509Certificate holds DER in an OCTET STRING. */
function readCertBag(value: Node): Bytes | undefined {
  const [idNode, certValue] = children(value, 'cert bag', 2);
  if (oid(idNode, 'cert bag id') !== P12.x509Certificate) return undefined;
  const der = octets(explicit(certValue, 0, 'cert bag value'), 'certificate');
  children(parseDer(der, 'certificate'), 'certificate', 3); // a certificate is at least tbs, alg, signature
  return der;
}
