/**
 * OID → the names openssl prints, so what the UI shows matches `openssl x509 -text`. The OID
 * table keys these groups by those names already; this file only looks them up backwards.
 */
import { CURVE, SIGNATURE_ALGORITHM } from './asn1/oids';

const byOid = (table: Record<string, string>): Map<string, string> =>
  new Map(Object.entries(table).map(([name, oid]) => [oid, name]));

const SIGNATURE_NAMES = byOid(SIGNATURE_ALGORITHM);
const CURVE_NAMES = byOid(CURVE);

/** openssl's name of a signature algorithm, or the dotted OID. */
export function signatureAlgorithmName(oid: string): string {
  return SIGNATURE_NAMES.get(oid) ?? oid;
}

/** openssl's name of a named curve (WebCrypto's for P-256/384/521), or the dotted OID. */
export function curveName(oid: string): string {
  return CURVE_NAMES.get(oid) ?? oid;
}
