/**
 * "Renew now" from a notification: a new version of a Self certificate made with its current
 * policy, exactly what AutoRenew does (createCertificate on an existing name adds a version,
 * as in Key Vault). The outcome comes back as a lifetime event, so the person sees "renewed" or
 * "renewal failed, renew by hand" in the same notification slot.
 */
import {
  daysUntilExpiry,
  type CertificatePolicyAction,
  type CertificateVault,
  type LifetimeEvent,
  type OpenVaultOptions,
} from '../vault';

export interface RenewAccess {
  openVault(
    options?: OpenVaultOptions,
  ): Promise<Pick<CertificateVault, 'getCertificate' | 'createCertificate' | 'getContacts' | 'close'>>;
}

/** A renewal by hand stands in for AutoRenew, so that is its action when the policy names none. */
const RENEW_ACTION: CertificatePolicyAction = 'AutoRenew';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Renews one certificate; resolves with a 'renewed' or 'renewalFailed' event, never rejects. */
export async function renewNow(
  access: RenewAccess,
  vaultName: string,
  certificateName: string,
  now: () => Date = () => new Date(),
): Promise<LifetimeEvent> {
  const at = now();
  // What is known before the vault answers: enough for a "renewal failed" notification.
  let old: LifetimeEvent = {
    kind: 'renewalFailed',
    vaultName,
    certificateName,
    version: '',
    x509ThumbprintString: '',
    dueOn: at,
    expiresOn: at,
    contacts: [],
    issuerName: 'Self',
    action: RENEW_ACTION,
    daysLeft: 0,
    message: '',
  };
  let vault: Awaited<ReturnType<RenewAccess['openVault']>> | undefined;
  try {
    vault = await access.openVault({ name: vaultName, now });
    const current = await vault.getCertificate(certificateName);
    const contacts = await vault.getContacts().catch(() => []);
    const expiresOn = current.properties.expiresOn ?? at;
    old = {
      ...old,
      version: current.properties.version ?? '',
      x509ThumbprintString: current.properties.x509ThumbprintString ?? '',
      expiresOn,
      daysLeft: daysUntilExpiry(expiresOn.getTime(), at.getTime()),
      contacts,
      issuerName: current.policy.issuerName ?? 'Unknown',
      action: current.policy.lifetimeActions?.[0]?.action ?? RENEW_ACTION,
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
    return { ...old, message: messageOf(error) };
  } finally {
    try {
      vault?.close();
    } catch {
      /* nothing more to do */
    }
  }
}
