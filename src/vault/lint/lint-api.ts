/**
 * lintPolicy, lintCertificateRequest, lintCertificate (ARCHITECTURE §8 "Lint"): the findings of
 * pki/lint for what a policy would make, what a CA would make of a request (with a policy's
 * validity and fields), and a certificate as it is. Nothing in the vault is read or changed
 * except, for a policy naming an issuer, whether that issuer is a Local CA (which makes the
 * public-TLS rules notices, as for Self).
 */
import { readCertificates } from '../../pki/certificate-bundle';
import { csrDerOf } from '../../pki/csr';
import {
  certificateLintTarget,
  lintTarget,
  requestLintTarget,
  type LintAudience,
  type LintFinding,
  type LintTarget,
} from '../../pki/lint';
import type { VaultContext } from '../context';
import { LOCAL } from '../issuer-fields';
import { defaultPolicy, validatePolicy } from '../policy';
import type { CertificatePolicy, LintCertificateRequestOptions, LintOptions } from '../types';
import { VaultError, parsing } from '../vault-error';
import { policyLintTarget, policySan } from './policy-target';

function nowOf(ctx: VaultContext, options: LintOptions | undefined): Date {
  const now: unknown = options?.now;
  if (now === undefined) return ctx.now();
  if (!(now instanceof Date) || Number.isNaN(now.getTime()))
    throw new VaultError('BadParameter', 'options.now must be a valid Date.');
  return now;
}

function bytesOf(given: unknown, what: string, field: 'file' | 'csr'): Uint8Array {
  if (!(given instanceof Uint8Array) || given.length === 0)
    throw new VaultError('BadParameter', `Give the ${what} (PEM or DER) to lint.`, { field });
  return given;
}

/** Self and Local issuers sign certificates no browser trusts by default. */
async function audienceOf(ctx: VaultContext, issuerName: string | undefined): Promise<LintAudience> {
  const name = (issuerName ?? 'Self').toLowerCase();
  if (name === 'self') return 'private';
  if (name === 'unknown') return 'public';
  const issuer = await ctx.store.read((tx) => tx.get('issuers', name));
  return issuer?.provider === LOCAL ? 'private' : 'public';
}

/**
 * A policy completed with Azure's defaults and checked, or BadParameter naming the field.
 * `namesFromRequest`: a request brings its own subject, so the policy may name none.
 */
function completePolicy(policy: unknown, namesFromRequest = false): CertificatePolicy {
  if (typeof policy !== 'object' || policy === null)
    throw new VaultError('BadParameter', 'Give the certificate policy to lint.', { field: 'policy' });
  const full = defaultPolicy(policy);
  validatePolicy(namesFromRequest && !full.subject?.trim() ? { ...full, subject: 'CN=request' } : full);
  return full;
}

export async function lintPolicy(
  ctx: VaultContext,
  policy: CertificatePolicy,
  options?: LintOptions,
): Promise<LintFinding[]> {
  const now = nowOf(ctx, options);
  const full = completePolicy(policy);
  const target = policyLintTarget(full, now, await audienceOf(ctx, full.issuerName));
  return lintTarget(target, now);
}

export async function lintCertificateRequest(
  ctx: VaultContext,
  csr: Uint8Array,
  options?: LintCertificateRequestOptions,
): Promise<LintFinding[]> {
  const now = nowOf(ctx, options);
  const der = bytesOf(csr, 'certificate request', 'csr');
  const policy = options?.policy === undefined ? undefined : completePolicy(options.policy, true);
  const audience = policy ? await audienceOf(ctx, policy.issuerName) : 'public';
  const target = await parsing('The certificate request', () =>
    Promise.resolve(requestLintTarget(csrDerOf(der), audience)),
  );
  if (policy) applyPolicy(target, policy, now, options?.policy ?? {}, audience);
  return lintTarget(target, now);
}

/**
 * What a CA does with a request and a policy, as signCertificateRequest does with its options:
 * the validity is the policy's, and fields the caller's policy states replace the request's.
 */
function applyPolicy(
  target: LintTarget,
  policy: CertificatePolicy,
  now: Date,
  given: CertificatePolicy,
  audience: LintAudience,
): void {
  const planned = policyLintTarget(policy, now, audience);
  target.validity = planned.validity;
  if (given.subject?.trim()) target.subject = planned.subject;
  if (policySan(given)) target.san = planned.san;
  if (given.keyUsage?.length) target.keyUsage = planned.keyUsage;
  if (given.enhancedKeyUsage?.length) target.enhancedKeyUsage = planned.enhancedKeyUsage;
  if (given.basicConstraints) target.claimsCa = planned.claimsCa;
}

export async function lintCertificate(
  ctx: VaultContext,
  bytes: Uint8Array,
  options?: LintOptions,
): Promise<LintFinding[]> {
  nowOf(ctx, options);
  const data = bytesOf(bytes, 'certificate', 'file');
  const target = await parsing('The certificate', () => {
    const [leaf] = readCertificates(data);
    return Promise.resolve(certificateLintTarget(leaf));
  });
  return lintTarget(target, target.validity?.notBefore ?? nowOf(ctx, options));
}
