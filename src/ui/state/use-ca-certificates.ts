import { useVaultQuery } from './use-vault-query';
import { collect } from './vault-client';

/** A certificate a Local issuer may name: `ca` when its policy says it is a CA. */
export interface CaCandidate {
  name: string;
  subject?: string;
  ca: boolean;
}

const NONE: CaCandidate[] = [];

/**
 * The vault's certificates for the Local issuer's choice, CAs first. Each policy is read for
 * its basicConstraints; the vault checks the certificate itself again when the issuer is saved.
 */
export function useCaCandidates(): CaCandidate[] {
  const q = useVaultQuery(async (v) => {
    const all = await collect(v.listPropertiesOfCertificates());
    const out = await Promise.all(
      all.map(async (p): Promise<CaCandidate> => {
        const policy = await v.getCertificatePolicy(p.name);
        return { name: p.name, subject: p.subject, ca: policy.basicConstraints?.ca === true };
      }),
    );
    return out.sort((a, b) => Number(b.ca) - Number(a.ca) || a.name.localeCompare(b.name));
  }, []);
  return q.data ?? NONE;
}
