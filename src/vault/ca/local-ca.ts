/**
 * A Local issuer's CA: the vault certificate it names, checked each time it is used (at
 * createIssuer, and before every signature): a CA certificate (basicConstraints cA, keyCertSign),
 * its latest version enabled and within its validity, its key in this browser. Each refusal
 * says why, so the admin knows what to fix.
 */
import { parseCertificate, type CertificateInfo } from '../../pki/certificate-info';
import { EXTENSION } from '../../pki/asn1/oids';
import { readCertificateDer } from '../../pki/certificate-der';
import { orderChain } from '../../pki/chain';
import type { Bytes } from '../../pki/types';
import type { VaultContext } from '../context';
import { VaultError } from '../vault-error';
import type { CertificateRecord, KeyRecord, VersionRecord } from '../vault-store';
import { readCaRows, readLocalIssuer, type CaRows, type LocalIssuerRecord } from './local-issuer';

/** Everything a signature by the CA needs. */
export interface LocalCa {
  /** the CA certificate's name as first written */
  name: string;
  cert: CertificateRecord;
  version: VersionRecord;
  key: KeyRecord;
  info: CertificateInfo;
  /** the CA certificate, then its issuers up to the root (only the path), parsed */
  path: CertificateInfo[];
  /** the same, DER */
  chain: Bytes[];
}

const refuse = (message: string): VaultError => new VaultError('BadParameter', message, { field: 'certificateName' });

/** The rows as a usable CA, or BadParameter saying why they are not one. */
export async function checkCa(ctx: VaultContext, rows: CaRows): Promise<LocalCa> {
  const label = `Certificate "${rows.name}"`;
  if (!rows.cert) {
    throw rows.deleted
      ? refuse(`${label} is deleted: recover it to sign with it again.`)
      : new VaultError('NotFound', `${label} was not found in this vault.`, { field: 'certificateName' });
  }
  const { cert, version } = rows;
  if (!version) throw refuse(`${label} has no version yet (its request is pending): merge it first.`);
  const info = await parseCertificate(version.cer);
  if (!info.basicConstraints?.ca)
    throw refuse(
      `${label} is not a CA certificate: its basicConstraints do not say cA TRUE. Create a CA with basicConstraints { ca: true }, or import one.`,
    );
  if (!allowsUsage(version.cer, info, 'keyCertSign'))
    throw refuse(`${label} is a CA certificate without keyUsage keyCertSign, so it may not sign certificates.`);
  const now = ctx.now();
  if (!version.enabled) throw refuse(`${label} (version ${version.version}) is disabled: enable it to sign with it.`);
  if (now < version.notBefore || now > version.expiresOn)
    throw refuse(
      `${label} (version ${version.version}) is valid from ${version.notBefore.toISOString()} to ${version.expiresOn.toISOString()}, not now: renew the CA to sign with it.`,
    );
  if (!rows.key)
    throw refuse(
      `The private key of ${label} is not in this browser (it was restored from a backup of a key that could not be exported), so it cannot sign.`,
    );
  const path = await caPath(version, info);
  return { name: cert.name, cert, version, key: rows.key, info, path, chain: path.map((p) => p.der) };
}

/**
 * RFC 5280 §4.2.1.3: without a keyUsage extension every usage is allowed (openssl's default CA
 * profile writes none); with one, the bit must be set.
 */
export function allowsUsage(der: Uint8Array, info: CertificateInfo, usage: 'keyCertSign' | 'cRLSign'): boolean {
  const stated = readCertificateDer(der).extensions.some((e) => e.oid === EXTENSION.keyUsage);
  return !stated || info.keyUsage.includes(usage);
}

/** The CA certificate and its issuers up to the first self-signed one, in order (spare certificates left out). */
async function caPath(version: VersionRecord, info: CertificateInfo): Promise<CertificateInfo[]> {
  const ordered = await orderChain([version.cer, ...version.chain], { leafSpki: info.spki });
  const path: CertificateInfo[] = [];
  for (const der of ordered) {
    const next = await parseCertificate(der);
    path.push(next);
    if (next.selfSigned) break;
  }
  return path;
}

/** The Local issuer's CA, ready to sign: one read, then the checks. */
export async function loadLocalCa(
  ctx: VaultContext,
  issuerName: string,
): Promise<LocalCa & { issuer: LocalIssuerRecord }> {
  const { issuer, rows } = await ctx.store.read((tx) => readLocalIssuer(tx, issuerName));
  return { ...(await checkCa(ctx, rows)), issuer };
}

/** For createIssuer/updateIssuer: the CA certificate's name as first written, once it is usable as a Local issuer's CA. */
export async function checkLocalIssuerCertificate(ctx: VaultContext, certificateName: string): Promise<string> {
  const rows = await ctx.store.read((tx) => readCaRows(tx, certificateName));
  return (await checkCa(ctx, rows)).name;
}
