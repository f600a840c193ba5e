/**
 * Shapes shared by pki/ and its callers. Names follow @azure/keyvault-certificates where the
 * SDK has one (key usage names, SAN fields), so vault/ can pass them through unchanged.
 */

export type KeyUsage =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

export interface SubjectAlternativeNames {
  dnsNames?: string[];
  emails?: string[];
  userPrincipalNames?: string[];
  ipAddresses?: string[];
  uniformResourceIdentifiers?: string[];
}

export type EcCurve = 'P-256' | 'P-384' | 'P-521';

/** What a key is: enough to regenerate one like it and to pick its signature algorithm. */
export type KeySpec = { kty: 'RSA'; size: number } | { kty: 'EC'; curve: EcCurve };

/** Bytes as WebCrypto and @peculiar/x509 accept them (TS 5.9: an ArrayBuffer, not a SharedArrayBuffer). */
export type Bytes = Uint8Array<ArrayBuffer>;
