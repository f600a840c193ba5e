import { afterEach, describe, expect, it } from 'vitest';
import {
  CERTIFICATE_PERMISSIONS,
  KEY_PERMISSIONS,
  OWNER_TEMPLATE,
  PERMISSION_TEMPLATES,
  SECRET_PERMISSIONS,
  allPermissions,
  isVaultError,
} from '../../../src/vault';
import {
  PERMISSION_GROUPS,
  emptyPermissions,
  holds,
  matchingTemplate,
  permissionCount,
  withPermission,
} from '../../../src/ui/access/permission-groups';
import { passphraseStrength } from '../../../src/ui/access/passphrase-strength';
import { DEFAULT_AUTO_LOCK_MINUTES, autoLockStore, idleTimeUp } from '../../../src/ui/access/idle-lock';
import {
  accessStore,
  isLockedView,
  lockVault,
  onLockChange,
  refreshAccess,
  unlockVault,
  type LockEvent,
} from '../../../src/ui/access/lock-control';
import { secondsUntil, unlockErrorWords } from '../../../src/ui/access/unlock-words';
import { getVault, loadVaultModule, vaultStore } from '../../../src/ui/state/vault-client';

describe('the permission matrix', () => {
  it('shows each of the 23 permissions exactly once, in the groups the portal uses', () => {
    const shown = PERMISSION_GROUPS.flatMap((g) => g.items.map((i) => `${i.kind}/${i.name}`));
    const all = [
      ...CERTIFICATE_PERMISSIONS.map((p) => `certificates/${p}`),
      ...KEY_PERMISSIONS.map((p) => `keys/${p}`),
      ...SECRET_PERMISSIONS.map((p) => `secrets/${p}`),
    ];
    expect(shown).toHaveLength(23);
    expect([...shown].sort()).toEqual([...all].sort());
    expect(PERMISSION_GROUPS.map((g) => g.title)).toEqual([
      'Certificate Management Operations',
      'Certificate issuers and contacts',
      'Privileged Certificate Operations',
      'Cryptographic Operations (keys)',
      'Secret Management Operations',
    ]);
    // Purge alone is privileged, as in the portal (recover, backup and restore are management).
    expect(PERMISSION_GROUPS[2]?.items.map((i) => i.name)).toEqual(['purge']);
  });

  it('grants and revokes one permission, keeping the matrix order', () => {
    const items = PERMISSION_GROUPS.flatMap((g) => g.items);
    const sign = items.find((i) => i.kind === 'keys' && i.name === 'sign');
    const decrypt = items.find((i) => i.kind === 'keys' && i.name === 'decrypt');
    if (!sign || !decrypt) throw new Error('matrix lacks keys/sign or keys/decrypt');
    const p = withPermission(withPermission(emptyPermissions(), sign, true), decrypt, true);
    expect(p.keys).toEqual(['decrypt', 'sign']);
    expect(holds(p, sign)).toBe(true);
    expect(withPermission(p, sign, false).keys).toEqual(['decrypt']);
    expect(permissionCount(p)).toBe('2 of 23');
  });

  it('offers the templates by their names; the owner template is every permission; a set matches its template in any order', () => {
    expect(Object.keys(PERMISSION_TEMPLATES)).toEqual([
      OWNER_TEMPLATE,
      'Certificate officer',
      'Auditor: get + list',
      'Signer: keys sign/verify',
    ]);
    expect(PERMISSION_TEMPLATES[OWNER_TEMPLATE]).toEqual(allPermissions());
    expect(PERMISSION_TEMPLATES['Signer: keys sign/verify']).toEqual({
      certificates: ['get', 'list'],
      keys: ['sign', 'verify'],
      secrets: [],
    });
    expect(PERMISSION_TEMPLATES['Certificate officer'].certificates).not.toContain('purge');
    expect(PERMISSION_TEMPLATES['Certificate officer'].secrets).toEqual([]);
    expect(PERMISSION_TEMPLATES['Auditor: get + list'].keys).toEqual([]);
    for (const [name, t] of Object.entries(PERMISSION_TEMPLATES)) {
      const shuffled = { certificates: [...t.certificates].reverse(), keys: [...t.keys].reverse(), secrets: t.secrets };
      expect(matchingTemplate(shuffled, PERMISSION_TEMPLATES)).toBe(name);
    }
    expect(matchingTemplate({ certificates: ['get'], keys: [], secrets: [] }, PERMISSION_TEMPLATES)).toBeUndefined();
  });
});

describe('the passphrase strength hint', () => {
  const cases: { passphrase: string; want: string }[] = [
    { passphrase: 'abc', want: 'too-short' },
    { passphrase: 'abcdefgh', want: 'weak' },
    { passphrase: 'aaaaaaaaaaaaaaaaaaaa', want: 'weak' },
    { passphrase: 'Tr0ub4dor&3', want: 'fair' },
    { passphrase: 'correct horse battery staple', want: 'strong' },
  ];
  for (const c of cases) {
    it(`${JSON.stringify(c.passphrase)} → ${c.want}`, () => {
      expect(passphraseStrength(c.passphrase, 8).strength).toBe(c.want);
    });
  }
  it('says the minimum when too short', () => {
    expect(passphraseStrength('short', 8).words).toBe('Too short: at least 8 characters.');
  });
});

describe('idle auto-lock', () => {
  it('defaults to 15 minutes and locks once the idle time reaches it', () => {
    expect(DEFAULT_AUTO_LOCK_MINUTES).toBe(15);
    expect(autoLockStore.getState().minutes).toBe(15);
    expect(idleTimeUp(15 * 60_000 - 1, 15)).toBe(false);
    expect(idleTimeUp(15 * 60_000, 15)).toBe(true);
  });
});

describe('the lock control over a real vault', () => {
  const events: LockEvent[] = [];
  const stop = onLockChange((e) => events.push(e));
  afterEach(() => {
    events.length = 0;
  });

  it('unlocks and locks the current vault, tells listeners why, and words a wrong passphrase', async () => {
    vaultStore.setState({ name: `lock-control-${Date.now()}` });
    await loadVaultModule();
    await (await getVault()).protect({ principal: 'Alice', passphrase: 'a long enough passphrase' });
    expect(isLockedView(accessStore.getState())).toBe(false);
    await refreshAccess();
    expect(accessStore.getState().state).toMatchObject({ protected: true, unlocked: true, principal: 'Alice' });

    await lockVault('idle');
    expect(isLockedView(accessStore.getState())).toBe(true);
    expect(events).toEqual([{ kind: 'locked', reason: 'idle' }]);
    await expect((await getVault()).listAccessPolicies()).rejects.toMatchObject({ code: 'Locked' });

    const wrong = await unlockVault({ principal: 'Alice', passphrase: 'not the passphrase' }).catch((e: unknown) => e);
    expect(isVaultError(wrong) && wrong.code).toBe('InvalidPassword');
    expect(unlockErrorWords(wrong, 'passphrase').title).toBe('Wrong passphrase');
    expect(accessStore.getState().state?.failedUnlocks).toBe(1);

    await unlockVault({ principal: 'alice', passphrase: 'a long enough passphrase' });
    expect(isLockedView(accessStore.getState())).toBe(false);
    expect(events.at(-1)).toEqual({ kind: 'unlocked', principal: 'Alice' });
    stop();
  });

  it('counts the throttle wait down in whole seconds', () => {
    expect(secondsUntil(new Date(10_500), 9_000)).toBe(2);
    expect(secondsUntil(new Date(9_000), 9_000)).toBeUndefined();
    expect(secondsUntil(undefined, 9_000)).toBeUndefined();
  });
});
