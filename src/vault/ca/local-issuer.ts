/**
 * Reading a Local issuer and the rows of its CA certificate, inside a transaction. Only stored
 * records: listing and revoking need no PKI library; local-ca.ts checks the rows as a CA.
 */
import { isLocal } from '../issuer-fields';
import { certificateKey, issuerKey } from '../names';
import { VaultError } from '../vault-error';
import type { CertificateRecord, IssuerRecord, KeyRecord, StoreTx, VersionRecord } from '../vault-store';

/** An issuer record of provider Local: it names its CA certificate. */
export type LocalIssuerRecord = IssuerRecord & { certificateName: string };

export interface CaRows {
  name: string;
  cert?: CertificateRecord;
  deleted: boolean;
  version?: VersionRecord;
  key?: KeyRecord;
}

/** Inside a read: the rows of the CA certificate `name` (nothing is checked yet: checking parses, outside). */
export async function readCaRows(tx: StoreTx, name: string): Promise<CaRows> {
  const key = certificateKey(name);
  const cert = await tx.get('certificates', key);
  const version = cert?.latest ? await tx.get('versions', [key, cert.latest.version]) : undefined;
  const keyRow = version?.keyId !== undefined ? await tx.get('keys', version.keyId) : undefined;
  return { name: cert?.name ?? name, cert, deleted: !cert && !!(await tx.get('deleted', key)), version, key: keyRow };
}

/** Inside a read: the Local issuer `issuerName` and its CA's rows. */
export async function readLocalIssuer(
  tx: StoreTx,
  issuerName: string,
): Promise<{ issuer: LocalIssuerRecord; rows: CaRows }> {
  const issuer = await tx.get('issuers', issuerKey(issuerName));
  if (!issuer) throw new VaultError('NotFound', `Issuer "${issuerName}" was not found in this vault.`);
  if (!isLocal(issuer.provider) || issuer.certificateName === undefined) {
    throw new VaultError(
      'BadParameter',
      `Issuer "${issuer.name}" is a ${issuer.provider} issuer, not a Local CA: only a Local issuer signs inside the vault.`,
      { field: 'issuerName' },
    );
  }
  const certificateName = issuer.certificateName;
  return { issuer: { ...issuer, certificateName }, rows: await readCaRows(tx, certificateName) };
}
