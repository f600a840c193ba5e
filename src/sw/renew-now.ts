/**
 * "Renew now" from a notification: a new version of a Self certificate made with its current
 * policy, exactly what AutoRenew does (createCertificate on an existing name adds a version,
 * as in Key Vault). The outcome comes back as a notice, so the person sees "renewed" or
 * "renewal failed, renew by hand" in the same notification slot.
 */
import type { CertificateVault, OpenVaultOptions } from '../vault/types';
import type { LifetimeNotice } from './lifetime-notice';

export interface RenewAccess {
  openVault(
    options?: OpenVaultOptions,
  ): Promise<Pick<CertificateVault, 'getCertificate' | 'createCertificate' | 'getContacts' | 'close'>>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Renews one certificate; resolves with a 'renewed' or 'renewalFailed' notice, never rejects. */
export async function renewNow(
  access: RenewAccess,
  vaultName: string,
  certificateName: string,
  now: () => Date = () => new Date(),
): Promise<LifetimeNotice> {
  const base = {
    vaultName,
    certificateName,
    version: '',
    x509ThumbprintString: '',
    dueOn: now(),
    expiresOn: now(),
    contacts: [],
    issuerName: 'Self',
    message: '',
  } satisfies Partial<LifetimeNotice>;
  let vault: Awaited<ReturnType<RenewAccess['openVault']>> | undefined;
  let old: LifetimeNotice | undefined;
  try {
    vault = await access.openVault({ name: vaultName, now });
    const current = await vault.getCertificate(certificateName);
    const contacts = await vault.getContacts().catch(() => []);
    old = {
      ...base,
      kind: 'renewalFailed',
      version: current.properties.version ?? '',
      x509ThumbprintString: current.properties.x509ThumbprintString ?? '',
      expiresOn: current.properties.expiresOn ?? now(),
      contacts,
      issuerName: current.policy.issuerName,
      action: current.policy.lifetimeActions?.[0]?.action,
    };
    if (current.policy.issuerName !== 'Self') {
      return {
        ...old,
        message: `'${certificateName}' is issued by ${current.policy.issuerName ?? 'an outside CA'}: request a new certificate and merge it.`,
      };
    }
    const operation = await vault.createCertificate(certificateName, current.policy);
    if (operation.status !== 'completed') {
      return { ...old, message: operation.error?.message ?? operation.statusDetails };
    }
    const renewed = await vault.getCertificate(certificateName);
    return {
      ...old,
      kind: 'renewed',
      newVersion: renewed.properties.version,
      newX509ThumbprintString: renewed.properties.x509ThumbprintString,
      message: `'${certificateName}' renewed by hand.`,
    };
  } catch (error) {
    return { ...(old ?? { ...base, kind: 'renewalFailed' as const }), message: messageOf(error) };
  } finally {
    try {
      vault?.close();
    } catch {
      /* nothing more to do */
    }
  }
}
