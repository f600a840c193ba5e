/**
 * Identifiers shaped like Key Vault's (https://<vault>.vault.azure.net/certificates/<name>/<version>)
 * under a local host that is never fetched: https://<vault>.vault.local/…
 */
import type { VaultContext } from './context';

type Ids = Pick<VaultContext, 'vaultUrl'>;

/** 32 lowercase hex, like Key Vault's version ids. */
export function newVersionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export const certificateId = (ctx: Ids, name: string, version?: string): string =>
  `${ctx.vaultUrl}/certificates/${name}${version ? `/${version}` : ''}`;
export const keyIdOf = (ctx: Ids, name: string, version: string): string => `${ctx.vaultUrl}/keys/${name}/${version}`;
export const secretIdOf = (ctx: Ids, name: string, version: string): string =>
  `${ctx.vaultUrl}/secrets/${name}/${version}`;
export const operationId = (ctx: Ids, name: string): string => `${ctx.vaultUrl}/certificates/${name}/pending`;
export const recoveryIdOf = (ctx: Ids, name: string): string => `${ctx.vaultUrl}/deletedcertificates/${name}`;
export const issuerIdOf = (ctx: Ids, name: string): string => `${ctx.vaultUrl}/certificates/issuers/${name}`;

/** Uppercase hex → bytes (thumbprints are stored as hex, the SDK exposes bytes too). */
export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
