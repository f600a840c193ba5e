import { useVaultQuery } from './use-vault-query';
import { collect } from './vault-client';

const NONE: string[] = [];

/** Names of the issuers in the current vault, for the policy's issuer choice. */
export function useIssuerNames(): string[] {
  const q = useVaultQuery(async (v) => (await collect(v.listPropertiesOfIssuers())).map((i) => i.name), []);
  return q.data ?? NONE;
}
