/** Fake vaults, registration and clients for the service worker's lifetime modules. */
import type { LifetimeEvent, CertificatePolicy } from '../../../src/vault/types';
import type { VaultAccess } from '../../../src/sw/run-lifetime-checks';
import type { LifetimeNotificationOptions } from '../../../src/sw/notification-for-event';

export const NOW = new Date('2027-02-19T09:00:00Z');

/** Only the fields every version of LifetimeEvent has; newer optional hints come from `over`. */
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
    ...over,
  };
}

export interface FakeVaultSpec {
  events?: LifetimeEvent[];
  /** openVault rejects */
  openError?: Error;
  /** runLifetimeActions rejects */
  runError?: Error;
  policies?: Record<string, CertificatePolicy>;
}

/** A VaultAccess over named fake vaults; `closed` records which were closed. */
export function fakeAccess(vaults: Record<string, FakeVaultSpec>) {
  const closed: string[] = [];
  const opened: string[] = [];
  const access: VaultAccess = {
    listVaults: async () => Object.keys(vaults),
    openVault: async (options) => {
      const name = options?.name ?? 'default';
      const spec = vaults[name];
      if (spec.openError) throw spec.openError;
      opened.push(name);
      return {
        runLifetimeActions: async () => {
          if (spec.runError) throw spec.runError;
          const events = spec.events ?? [];
          spec.events = []; // idempotent, like the vault: what fell due is reported once
          return events;
        },
        getCertificatePolicy: async (certificate: string) => {
          const p = spec.policies?.[certificate];
          if (!p) throw new Error(`no policy for ${certificate}`);
          return p;
        },
        close: () => void closed.push(name),
      };
    },
  };
  return { access, closed, opened };
}

/** A registration that records showNotification calls (optionally failing). */
export function fakeSurface(fail = false) {
  const shown: { title: string; options: LifetimeNotificationOptions }[] = [];
  return {
    shown,
    showNotification: async (title: string, options: LifetimeNotificationOptions) => {
      if (fail) throw new TypeError('No notification permission has been granted for this origin.');
      shown.push({ title, options });
    },
  };
}
