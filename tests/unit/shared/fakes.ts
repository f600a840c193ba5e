/** Fake vaults, registration and clients for the lifetime modules of shared/ and sw/. */
import type { LifetimeEvent } from '../../../src/vault';
import type { VaultAccess } from '../../../src/shared/run-lifetime-checks';
import type { LifetimeNotificationOptions } from '../../../src/shared/notification-for-event';

export const NOW = new Date('2027-02-19T09:00:00Z');

/** An EmailContacts notice for "web", due 12 days before expiry; `over` changes any field. */
export function lifetimeEvent(over: Partial<LifetimeEvent> = {}): LifetimeEvent {
  return {
    kind: 'notify',
    certificateName: 'web',
    vaultName: 'default',
    version: 'a'.repeat(32),
    x509ThumbprintString: '9F8E7D6C5B4A39281706F5E4D3C2B1A098765432',
    dueOn: new Date('2027-02-19T00:00:00Z'),
    expiresOn: new Date('2027-03-03T08:00:00Z'),
    contacts: [],
    message: 'due',
    issuerName: 'Unknown',
    action: 'EmailContacts',
    daysLeft: 12,
    ...over,
  };
}

export interface FakeVaultSpec {
  events?: LifetimeEvent[];
  /** openVault rejects */
  openError?: Error;
  /** runLifetimeActions rejects */
  runError?: Error;
}

/** A VaultAccess over named fake vaults; `closed` records which were closed. */
export function fakeAccess(vaults: Partial<Record<string, FakeVaultSpec>>) {
  const closed: string[] = [];
  const opened: string[] = [];
  const access: VaultAccess = {
    listVaults: () => Promise.resolve(Object.keys(vaults)),
    openVault: (options) => {
      const name = options?.name ?? 'default';
      const spec = vaults[name];
      if (!spec) return Promise.reject(new Error(`no fake vault ${name}`));
      if (spec.openError) return Promise.reject(spec.openError);
      opened.push(name);
      return Promise.resolve({
        runLifetimeActions: () => {
          if (spec.runError) return Promise.reject(spec.runError);
          const events = spec.events ?? [];
          spec.events = []; // idempotent, like the vault: what fell due is reported once
          return Promise.resolve(events);
        },
        close: () => void closed.push(name),
      });
    },
  };
  return { access, closed, opened };
}

/** A registration that records showNotification calls (optionally failing). */
export function fakeSurface(fail = false) {
  const shown: { title: string; options: LifetimeNotificationOptions }[] = [];
  return {
    shown,
    showNotification: (title: string, options: LifetimeNotificationOptions) => {
      if (fail) return Promise.reject(new TypeError('No notification permission has been granted for this origin.'));
      shown.push({ title, options });
      return Promise.resolve();
    },
  };
}
