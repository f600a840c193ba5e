/**
 * getCrl: a new CRL of a Local issuer's CA on demand (RFC 5280 §5), listing every certificate of
 * its log that was revoked. The CRL number is reserved in a write before signing, so two CRLs
 * never share a number and numbers only grow (§5.2.3); a signature that then fails leaves a gap,
 * which the RFC allows.
 */
import { createCrl } from '../../pki/crl';
import type { VaultContext } from '../context';
import { certificateKey } from '../names';
import type { Bytes, GetCrlOptions } from '../types';
import { VaultError } from '../vault-error';
import { allowsUsage, checkCa } from './local-ca';
import { readLocalIssuer } from './local-issuer';
import { signingKeyOf } from './signing-key';

const DAY_MS = 86_400_000;
const DEFAULT_NEXT_UPDATE_DAYS = 30;
const MAX_NEXT_UPDATE_DAYS = 366;

export async function getCrl(ctx: VaultContext, issuerName: string, options: GetCrlOptions = {}): Promise<Bytes> {
  const days = options.nextUpdateInDays ?? DEFAULT_NEXT_UPDATE_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > MAX_NEXT_UPDATE_DAYS)
    throw new VaultError(
      'BadParameter',
      `nextUpdateInDays ${String(days)} is out of range: use a whole number from 1 to ${MAX_NEXT_UPDATE_DAYS}.`,
      { field: 'nextUpdateInDays' },
    );
  const { issuer, rows } = await ctx.store.read((tx) => readLocalIssuer(tx, issuerName));
  const ca = await checkCa(ctx, rows);
  if (!allowsUsage(ca.version.cer, ca.info, 'cRLSign'))
    throw new VaultError(
      'BadParameter',
      `CA certificate "${ca.name}" has no keyUsage cRLSign, so verifiers would refuse a CRL it signs. Add cRLSign to its policy's key usage and renew it.`,
      { field: 'certificateName' },
    );
  const signingKey = await signingKeyOf(ctx, ca.key, ca.name);
  const caKey = certificateKey(issuer.certificateName);
  const now = ctx.now();
  const { crlNumber, revoked } = await ctx.store.write(async (tx) => {
    const state = await tx.get('caStates', caKey);
    const next = (state?.crlNumber ?? 0) + 1;
    await tx.put('caStates', { caKey, crlNumber: next, lastCrlOn: now });
    const entries = (await tx.issuedBy(caKey)).filter((r) => r.revocation);
    return { crlNumber: next, revoked: entries };
  });
  return createCrl({
    issuerCertificate: ca.version.cer,
    issuerPrivateKey: signingKey,
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + days * DAY_MS),
    crlNumber,
    entries: revoked.flatMap((r) =>
      r.revocation
        ? [{ serialNumber: r.serialNumber, revokedOn: r.revocation.revokedOn, reason: r.revocation.reason }]
        : [],
    ),
  });
}
