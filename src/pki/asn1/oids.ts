/**
 * Every object identifier pki/ reads or writes, in one place. Groups follow the standard that
 * defines them; a member is named as its standard (or openssl, for display tables) names it.
 * Data and the dotted-form check, no imports: loading this file costs nothing.
 */

const DOTTED = /^[0-2](\.(0|[1-9][0-9]*))+$/;

/** True for an OID in dotted form: a first arc of 0-2, then arcs without leading zeros. */
export function isDottedOid(text: string): boolean {
  return DOTTED.test(text);
}

/** Extended key usage purposes (RFC 5280 §4.2.1.12), as the SDK passes them. */
export const EKU = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  timeStamping: '1.3.6.1.5.5.7.3.8',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
} as const;

/** Certificate extensions (RFC 5280 §4.2.1) and CRL extensions (§5.2, §5.3). */
export const EXTENSION = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  cRLNumber: '2.5.29.20',
  reasonCode: '2.5.29.21',
  nameConstraints: '2.5.29.30',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
} as const;

/** SubjectPublicKeyInfo / PrivateKeyInfo algorithms (RFC 3279, RFC 4055, RFC 8410). */
export const KEY_ALGORITHM = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  dsa: '1.2.840.10040.4.1',
  dh: '1.2.840.10046.2.1',
  x25519: '1.3.101.110',
  x448: '1.3.101.111',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
  gost2001: '1.2.643.2.2.19',
} as const;

/** The arc every GOST algorithm sits under (RFC 4357). */
export const GOST_ARC = '1.2.643';

/** Named curves (RFC 5480, RFC 5639), keyed by the name openssl prints (WebCrypto's for NIST curves). */
export const CURVE = {
  'P-256': '1.2.840.10045.3.1.7',
  'P-384': '1.3.132.0.34',
  'P-521': '1.3.132.0.35',
  secp256k1: '1.3.132.0.10',
  'P-192': '1.2.840.10045.3.1.1',
  'P-224': '1.3.132.0.33',
  brainpoolP256r1: '1.3.36.3.3.2.8.1.1.7',
  brainpoolP384r1: '1.3.36.3.3.2.8.1.1.11',
  brainpoolP512r1: '1.3.36.3.3.2.8.1.1.13',
} as const;

/** Signature algorithms, keyed by the name `openssl x509 -text` prints. */
export const SIGNATURE_ALGORITHM = {
  md2WithRSAEncryption: '1.2.840.113549.1.1.2',
  md4WithRSAEncryption: '1.2.840.113549.1.1.3',
  md5WithRSAEncryption: '1.2.840.113549.1.1.4',
  md5: '1.2.840.113549.2.5',
  sha1WithRSAEncryption: '1.2.840.113549.1.1.5',
  sha1WithRSA: '1.3.14.3.2.29',
  rsassaPss: '1.2.840.113549.1.1.10',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  sha384WithRSAEncryption: '1.2.840.113549.1.1.12',
  sha512WithRSAEncryption: '1.2.840.113549.1.1.13',
  sha224WithRSAEncryption: '1.2.840.113549.1.1.14',
  'ecdsa-with-SHA1': '1.2.840.10045.4.1',
  'ecdsa-with-SHA224': '1.2.840.10045.4.3.1',
  'ecdsa-with-SHA256': '1.2.840.10045.4.3.2',
  'ecdsa-with-SHA384': '1.2.840.10045.4.3.3',
  'ecdsa-with-SHA512': '1.2.840.10045.4.3.4',
  'ecdsa_with_SHA3-224': '2.16.840.1.101.3.4.3.9',
  'ecdsa_with_SHA3-256': '2.16.840.1.101.3.4.3.10',
  dsaWithSHA1: '1.2.840.10040.4.3',
  dsa_with_SHA224: '2.16.840.1.101.3.4.3.1',
  dsa_with_SHA256: '2.16.840.1.101.3.4.3.2',
  ED25519: '1.3.101.112',
  ED448: '1.3.101.113',
  'GOST R 34.11-94 with GOST R 34.10-2001': '1.2.643.2.2.3',
} as const;

/** RSASSA-PSS parameters (RFC 4055 §3.1): the mask generation function. */
export const PSS = {
  mgf1: '1.2.840.113549.1.1.8',
} as const;

/** X.500 attribute types (RFC 4519, RFC 4524, PKCS#9 emailAddress). */
export const ATTRIBUTE = {
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  countryName: '2.5.4.6',
  localityName: '2.5.4.7',
  stateOrProvinceName: '2.5.4.8',
  streetAddress: '2.5.4.9',
  organizationName: '2.5.4.10',
  organizationalUnitName: '2.5.4.11',
  title: '2.5.4.12',
  postalCode: '2.5.4.17',
  givenName: '2.5.4.42',
  initials: '2.5.4.43',
  dnQualifier: '2.5.4.46',
  organizationIdentifier: '2.5.4.97',
  domainComponent: '0.9.2342.19200300.100.1.25',
  userId: '0.9.2342.19200300.100.1.1',
  emailAddress: '1.2.840.113549.1.9.1',
} as const;

/** PKCS#9 attributes (RFC 2985) used in CSRs and PKCS#12 bags. */
export const PKCS9 = {
  extensionRequest: '1.2.840.113549.1.9.14',
  friendlyName: '1.2.840.113549.1.9.20',
  localKeyId: '1.2.840.113549.1.9.21',
  x509Certificate: '1.2.840.113549.1.9.22.1',
} as const;

/** Microsoft's: the UPN otherName (a UTF8String) and the extension request older Windows writes. */
export const MICROSOFT = {
  userPrincipalName: '1.3.6.1.4.1.311.20.2.3',
  certificateExtensions: '1.3.6.1.4.1.311.2.1.14',
} as const;

/** CMS / PKCS#7 content types (RFC 5652). */
export const CONTENT_TYPE = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  envelopedData: '1.2.840.113549.1.7.3',
  encryptedData: '1.2.840.113549.1.7.6',
} as const;

/** PKCS#12 bag types (RFC 7292 §4.2). */
export const BAG = {
  keyBag: '1.2.840.113549.1.12.10.1.1',
  pkcs8ShroudedKeyBag: '1.2.840.113549.1.12.10.1.2',
  certBag: '1.2.840.113549.1.12.10.1.3',
  crlBag: '1.2.840.113549.1.12.10.1.4',
  secretBag: '1.2.840.113549.1.12.10.1.5',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
} as const;

/** Password-based schemes: RFC 7292 appendix C (PKCS#12 PBEs), RFC 8018 appendices A–B, RFC 7914, RFC 9579. */
export const PBE = {
  pbeWithSHAAnd128BitRC4: '1.2.840.113549.1.12.1.1',
  pbeWithSHAAnd40BitRC4: '1.2.840.113549.1.12.1.2',
  pbeWithSHAAnd3KeyTripleDesCbc: '1.2.840.113549.1.12.1.3',
  pbeWithSHAAnd2KeyTripleDesCbc: '1.2.840.113549.1.12.1.4',
  pbeWithSHAAnd128BitRc2Cbc: '1.2.840.113549.1.12.1.5',
  pbeWithSHAAnd40BitRc2Cbc: '1.2.840.113549.1.12.1.6',
  pbeWithMD2AndDesCbc: '1.2.840.113549.1.5.1',
  pbeWithMD5AndDesCbc: '1.2.840.113549.1.5.3',
  pbeWithMD5AndRc2Cbc: '1.2.840.113549.1.5.6',
  pbeWithSHA1AndDesCbc: '1.2.840.113549.1.5.10',
  pbeWithSHA1AndRc2Cbc: '1.2.840.113549.1.5.11',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
  pbmac1: '1.2.840.113549.1.5.14',
  scrypt: '1.3.6.1.4.1.11591.4.11',
} as const;

/** Block ciphers in CBC mode (NIST AES arcs, RFC 8018 appendix B.2). */
export const CIPHER = {
  aes128Cbc: '2.16.840.1.101.3.4.1.2',
  aes192Cbc: '2.16.840.1.101.3.4.1.22',
  aes256Cbc: '2.16.840.1.101.3.4.1.42',
  desEde3Cbc: '1.2.840.113549.3.7',
  desCbc: '1.3.14.3.2.7',
  rc2Cbc: '1.2.840.113549.3.2',
} as const;

/** Digest algorithms (RFC 3279, RFC 5758), as in a PKCS#12 MacData DigestInfo. */
export const DIGEST = {
  sha1: '1.3.14.3.2.26',
  sha224: '2.16.840.1.101.3.4.2.4',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
} as const;

/** HMAC PRFs for PBKDF2 and PBMAC1 (RFC 8018 appendix B.1). */
export const HMAC = {
  hmacWithSHA1: '1.2.840.113549.2.7',
  hmacWithSHA224: '1.2.840.113549.2.8',
  hmacWithSHA256: '1.2.840.113549.2.9',
  hmacWithSHA384: '1.2.840.113549.2.10',
  hmacWithSHA512: '1.2.840.113549.2.11',
} as const;
