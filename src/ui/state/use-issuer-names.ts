import { useVaultQuery } from './use-vault-query';
import { collect } from './vault-client';

const NONE = { names: [] as string[], local: [] as string[] };

/**
 * The issuers of the current vault for a policy's issuer choice: every name, and those of
 * provider Local (a CA in this vault, which signs at once and can renew).
 */
export function useIssuerChoices(): { names: string[]; local: string[] } {
  const q = useVaultQuery(async (v) => {
    const all = await collect(v.listPropertiesOfIssuers());
    return { names: all.map((i) => i.name), local: all.filter((i) => i.provider === 'Local').map((i) => i.name) };
  }, []);
  return q.data ?? NONE;
}

/** Names of the issuers in the current vault, for the policy's issuer choice. */
export function useIssuerNames(): string[] {
  return useIssuerChoices().names;
}
