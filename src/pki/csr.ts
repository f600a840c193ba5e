import type { Bytes, KeyUsage, SubjectAlternativeNames } from './types';
export interface CsrOptions {
  subject: string;
  subjectAlternativeNames?: SubjectAlternativeNames;
  keyUsage?: KeyUsage[];
  /** EKU OIDs */
  enhancedKeyUsage?: string[];
  keys: CryptoKeyPair;
}
export interface CsrInfo { subject: string; subjectAlternativeNames: SubjectAlternativeNames; spki: Bytes; signatureValid: boolean }
/** A PKCS#10 request (DER) signed by `keys.privateKey`. */
export function createCsr(options: CsrOptions): Promise<Bytes> { throw new Error('todo'); }
export function parseCsr(der: Uint8Array): Promise<CsrInfo> { throw new Error('todo'); }
