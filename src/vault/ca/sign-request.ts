/**
 * signCertificateRequest: a Local issuer signs an external PKCS#10 request (ARCHITECTURE §8
 * "Local CA"). The request's self-signature must verify; its subject, SANs, key usage and EKU are
 * copied unless the CA states its own; a subordinate CA gets keyCertSign + cRLSign unless told
 * otherwise. The CA's name constraints and path length are enforced, the validity is cut to the
 * CA's, and the certificate is logged in the same write that makes it final.
 */
import { parseCertificate } from '../../pki/certificate-info';
import { issueCertificate } from '../../pki/certificate-issue';
import { parseCsr } from '../../pki/csr';
import type { CsrInfo } from '../../pki/csr';
import type { VaultContext } from '../context';
import { defaultPolicy, validatePolicy } from '../policy';
import type { SignCertificateRequestOptions, SignedCertificate } from '../types';
import { isVaultError, parsing, VaultError } from '../vault-error';
import { assertWithinNameConstraints, pathLengthFor } from './chain-limits';
import { issuedRecordOf, logIssued } from './issued-log';
import { loadLocalCa } from './local-ca';
import { signingKeyOf } from './signing-key';

const DEFAULT_DAYS = 365;
const day = (d: Date): string => d.toISOString().slice(0, 10);

export async function signCertificateRequest(
  ctx: VaultContext,
  issuerName: string,
  csr: Uint8Array,
  options: SignCertificateRequestOptions = {},
): Promise<SignedCertificate> {
  // Checked at run time: the bytes come from the caller, whatever its static type said.
  const given: unknown = csr;
  if (!(given instanceof Uint8Array) || given.length === 0)
    throw new VaultError('BadParameter', 'Give the certificate request (PKCS#10, PEM or DER) to sign.', {
      field: 'csr',
    });
  const request = await parsing('The certificate request', () => parseCsr(csr)).catch((e: unknown) => {
    throw isVaultError(e) ? new VaultError(e.code, e.message, { cause: e, field: 'csr' }) : e;
  });
  checkRequestKey(request);
  if (!request.signatureValid)
    throw new VaultError(
      'BadParameter',
      `The request's signature does not verify (${request.signatureAlgorithm ?? 'unknown algorithm'}): it was changed after it was signed, or signed with another key than the one it carries. Ask the requester for a new request.`,
      { field: 'csr' },
    );
  const isCa = options.basicConstraints?.ca === true;
  const keyUsage = options.keyUsage ?? (isCa ? ['keyCertSign' as const, 'cRLSign' as const] : undefined);
  const validityInDays = options.validityInDays ?? DEFAULT_DAYS;
  checkOptions(options, request, keyUsage, validityInDays);

  const ca = await loadLocalCa(ctx, issuerName);
  const pathLength = isCa ? pathLengthFor(ca.path, ca.name, options.basicConstraints?.pathLength) : undefined;
  const now = ctx.now();
  const issued = await issueCertificate({
    csr,
    subject: options.subject,
    subjectAlternativeNames: options.subjectAlternativeNames,
    keyUsage,
    enhancedKeyUsage: options.enhancedKeyUsage,
    isCa,
    pathLength,
    issuerCertificate: ca.version.cer,
    issuerPrivateKey: await signingKeyOf(ctx, ca.key, ca.name),
    notBefore: now,
    validityInDays,
  });
  assertWithinNameConstraints(ca.path, issued.der, ca.name);
  const parsed = await parseCertificate(issued.der);
  const record = issuedRecordOf(ca.name, ca.version.version, issued, parsed, now);
  await ctx.store.write((tx) => logIssued(tx, record));
  const asked = new Date(issued.notBefore.getTime() + validityInDays * 86_400_000);
  const warnings = issued.cutToIssuer
    ? [
        `The certificate is valid until ${day(issued.notAfter)}, when CA "${ca.name}" itself expires, instead of ${day(asked)}: a certificate never outlives its CA.`,
      ]
    : [];
  return {
    certificate: issued.der,
    chain: [issued.der, ...ca.chain],
    serialNumber: issued.serialNumber,
    notBefore: issued.notBefore,
    notAfter: issued.notAfter,
    warnings,
  };
}

/** A key the CA will vouch for: RSA from 2048 bits, or EC on a NIST curve. */
function checkRequestKey(request: CsrInfo): void {
  const spec = request.keySpec;
  if (!spec)
    throw new VaultError(
      'Unsupported',
      `The request carries a ${request.keyDescription ?? 'kind of'} key, which Certkeep cannot check or sign for: use RSA (2048 bits or more) or EC P-256, P-384 or P-521.`,
      { field: 'csr' },
    );
  if (spec.kty === 'RSA' && spec.size < 2048)
    throw new VaultError(
      'BadParameter',
      `The request's RSA key has ${spec.size} bits: a CA signs RSA keys of 2048 bits or more (NIST SP 800-131A). Ask for a new request with a larger key.`,
      { field: 'csr' },
    );
}

/**
 * The CA's stated fields, checked as a policy would be (same rules and messages: subject syntax,
 * SANs, key usage fit for the key type, EKU OIDs, basicConstraints).
 */
function checkOptions(
  options: SignCertificateRequestOptions,
  request: CsrInfo,
  keyUsage: SignCertificateRequestOptions['keyUsage'],
  validityInDays: number,
): void {
  const keyType = request.keySpec?.kty === 'EC' ? 'EC' : 'RSA';
  const probe = defaultPolicy({
    // The request's own subject is taken as it is; only a stated one is checked. Its SANs are
    // checked like stated ones: the CA vouches for them all the same.
    subject: options.subject ?? 'CN=request',
    subjectAlternativeNames: options.subjectAlternativeNames ?? request.subjectAlternativeNames,
    keyType,
    keyUsage,
    enhancedKeyUsage: options.enhancedKeyUsage,
    basicConstraints: options.basicConstraints,
    reuseKey: true,
    lifetimeActions: [],
    validityInDays,
  });
  validatePolicy(probe);
}
