/**
 * The signature: SHA-1 has been forbidden for subscriber and subordinate CA certificates since
 * 2016 (BR 7.1.3.2.1) and chosen-prefix collisions make it unsafe anywhere; MD2/MD4/MD5 even more so.
 */
import { SIGNATURE_ALGORITHM } from '../asn1/oids';
import { signatureAlgorithmName } from '../algorithm-names';
import { finding } from './finding';
import type { LintRule } from './types';

const SHA1 = new Set<string>([
  SIGNATURE_ALGORITHM.sha1WithRSAEncryption,
  SIGNATURE_ALGORITHM.sha1WithRSA,
  SIGNATURE_ALGORITHM['ecdsa-with-SHA1'],
  SIGNATURE_ALGORITHM.dsaWithSHA1,
]);
const MD = new Set<string>([
  SIGNATURE_ALGORITHM.md2WithRSAEncryption,
  SIGNATURE_ALGORITHM.md4WithRSAEncryption,
  SIGNATURE_ALGORITHM.md5WithRSAEncryption,
]);

export const signatureRules: LintRule = (target) => {
  const oid = target.signatureAlgorithmOid;
  if (oid === undefined) return [];
  const name = signatureAlgorithmName(oid);
  if (SHA1.has(oid)) {
    return [
      finding(target, {
        id: 'e_sub_cert_or_sub_ca_using_sha1',
        severity: 'error',
        message: `The certificate is signed with ${name}: SHA-1 collisions can be forged, so browsers reject it. Have it signed again with SHA-256 or stronger.`,
        reference: 'BR 7.1.3.2.1',
      }),
    ];
  }
  if (MD.has(oid)) {
    return [
      finding(target, {
        id: 'e_signature_algorithm_not_supported',
        severity: 'error',
        message: `The certificate is signed with ${name}, which is broken: have it signed again with SHA-256 or stronger.`,
        reference: 'BR 7.1.3.2.1',
      }),
    ];
  }
  return [];
};
