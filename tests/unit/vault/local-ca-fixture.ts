/**
 * A private PKI made in a test vault: a root (issuer Self), an intermediate issued by the root's
 * Local issuer with name constraints, and a Local issuer for the intermediate; plus helpers to
 * hand certificates to openssl as files.
 */
import { writeFileSync } from 'node:fs';
import { toPem } from '../../../src/vault';
import type { CertificatePolicy } from '../../../src/vault';
import { tempDir } from '../../support/openssl';
import { makeVault, T0, type TestVault } from './vault-fixture';

/** openssl's verification time: an hour into the test vault's clock (T0), not the machine's. */
export const AT_T0 = ['-attime', String(Math.floor(T0.getTime() / 1000) + 3600)];

export const ROOT_POLICY: CertificatePolicy = {
  subject: 'CN=Contoso Root CA,O=Contoso',
  keyType: 'EC',
  keyCurveName: 'P-384',
  // A root's key never leaves the vault.
  exportable: false,
  basicConstraints: { ca: true, pathLength: 1 },
  validityInDays: 3650,
  lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 80 }],
};

export const INTERMEDIATE_POLICY: CertificatePolicy = {
  subject: 'CN=Contoso Issuing CA,O=Contoso',
  keyType: 'RSA',
  keySize: 2048,
  exportable: true,
  contentType: 'application/x-pem-file',
  issuerName: 'RootCA',
  basicConstraints: { ca: true, pathLength: 0 },
  nameConstraints: {
    permitted: { dnsNames: ['contoso.com'], ipAddresses: ['10.0.0.0/8'] },
    excluded: { dnsNames: ['secret.contoso.com'] },
  },
  validityInDays: 1825,
};

export interface Pki extends TestVault {
  files: ReturnType<typeof tempDir>;
  /** writes DER as a PEM file and returns its path */
  pem: (name: string, der: Uint8Array, label?: 'CERTIFICATE' | 'X509 CRL') => Promise<string>;
  rootPem: string;
  interPem: string;
}

/**
 * Root "root" with Local issuer "RootCA"; intermediate "inter" with Local issuer "IssuingCA";
 * in `base` when given (a protected vault), else in a new unprotected one.
 */
export async function makePki(
  options: { root?: CertificatePolicy; inter?: CertificatePolicy; base?: TestVault } = {},
): Promise<Pki> {
  const tv = options.base ?? (await makeVault());
  const files = tempDir('certkeep-local-ca-');
  const pem = async (name: string, der: Uint8Array, label: 'CERTIFICATE' | 'X509 CRL' = 'CERTIFICATE') => {
    const f = files.path(name);
    writeFileSync(f, label === 'CERTIFICATE' ? await toPem('CERTIFICATE', der) : pemOf(label, der));
    return f;
  };
  await tv.vault.createCertificate('root', { ...ROOT_POLICY, ...options.root });
  await tv.vault.createIssuer('RootCA', 'Local', { certificateName: 'root' });
  await tv.vault.createCertificate('inter', { ...INTERMEDIATE_POLICY, ...options.inter });
  await tv.vault.createIssuer('IssuingCA', 'Local', { certificateName: 'inter' });
  const root = await tv.vault.getCertificate('root');
  const inter = await tv.vault.getCertificate('inter');
  return { ...tv, files, pem, rootPem: await pem('root.pem', root.cer), interPem: await pem('inter.pem', inter.cer) };
}

function pemOf(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n');
  return `-----BEGIN ${label}-----\n${b64.trimEnd()}\n-----END ${label}-----\n`;
}

/** A leaf policy under the intermediate. */
export const leafPolicy = (dns: string, extra: CertificatePolicy = {}): CertificatePolicy => ({
  subject: `CN=${dns}`,
  subjectAlternativeNames: { dnsNames: [dns] },
  keyType: 'EC',
  issuerName: 'IssuingCA',
  validityInDays: 90,
  ...extra,
});

/** The VaultError a call rejects with (fails the test when it resolves), for checks on its words. */
export async function refusal(
  p: Promise<unknown>,
): Promise<{ name: string; code: string; field?: string; message: string }> {
  try {
    await p;
  } catch (e) {
    return e as { name: string; code: string; field?: string; message: string };
  }
  throw new Error('expected a rejection, but the call succeeded');
}
