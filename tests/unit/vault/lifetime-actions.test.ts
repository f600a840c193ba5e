import { afterEach, describe, expect, it } from 'vitest';
import { createCertificateVault } from '../../../src/vault/certificate-vault';
import { setContacts } from '../../../src/vault/contacts';
import { runLifetimeActions, type RenewFn } from '../../../src/vault/lifetime-actions';
import { LIFETIME_INDEX_META } from '../../../src/vault/lifetime-claims';
import { VaultError } from '../../../src/vault/vault-error';
import type { CertificatePolicy } from '../../../src/vault/types';
import { cleanupContexts, freshContext, seedCertificate } from './crypto-client-seed';
import { stringContaining, stringMatching } from '../../support/match';

afterEach(cleanupContexts);

// Seeded certificates are valid 2026-01-01 → 2027-01-01 (365 days).
const at = (iso: string) => new Date(iso);
const emailPolicy = (trigger: { daysBeforeExpiry?: number; lifetimePercentage?: number }): CertificatePolicy => ({
  subject: 'CN=mail',
  keyType: 'RSA',
  keySize: 2048,
  exportable: true,
  issuerName: 'Unknown',
  lifetimeActions: [{ action: 'EmailContacts', ...trigger }],
});
const selfPolicy = (extra: Partial<CertificatePolicy> = {}): CertificatePolicy => ({
  subject: 'CN=auto',
  keyType: 'RSA',
  keySize: 2048,
  exportable: true,
  issuerName: 'Self',
  validityInMonths: 12,
  keyUsage: ['digitalSignature', 'keyEncipherment'],
  lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 80 }],
  ...extra,
});

describe('runLifetimeActions: EmailContacts', () => {
  it('notifies once when daysBeforeExpiry falls due, with the contacts and a readable message', async () => {
    const clock = { value: at('2026-12-01T23:59:59Z') };
    const ctx = await freshContext('lt', clock);
    await setContacts(ctx, [{ email: 'pki@contoso.com', name: 'PKI' }]);
    const seeded = await seedCertificate(ctx, { name: 'Mail', policy: emailPolicy({ daysBeforeExpiry: 30 }) });
    expect(await runLifetimeActions(ctx)).toEqual([]);
    clock.value = at('2026-12-02T00:00:00Z');
    const events = await runLifetimeActions(ctx);
    expect(events).toEqual([
      {
        kind: 'notify',
        certificateName: 'Mail',
        vaultName: ctx.name,
        version: seeded.version,
        x509ThumbprintString: seeded.thumbprint,
        dueOn: at('2026-12-02T00:00:00Z'),
        expiresOn: at('2027-01-01T00:00:00Z'),
        contacts: [{ email: 'pki@contoso.com', name: 'PKI' }],
        message: `Certificate "Mail" in vault "${ctx.name}" expires in 30 days, on 2027-01-01.`,
        issuerName: 'Unknown',
        action: 'EmailContacts',
        daysLeft: 30,
      },
    ]);
    expect(await runLifetimeActions(ctx)).toEqual([]);
    clock.value = at('2026-12-20T00:00:00Z');
    expect(await runLifetimeActions(ctx)).toEqual([]);
    const log = await ctx.store.read((tx) => tx.lifetimeLogOf('mail'));
    expect(log.map((r) => r.id)).toEqual([`mail/${seeded.version}/EmailContacts`]);
  });

  it('lifetimePercentage: due at notBefore + P % of the validity; a new version is due again', async () => {
    const clock = { value: at('2026-10-19T23:59:59Z') };
    const ctx = await freshContext('lt', clock);
    await seedCertificate(ctx, { name: 'Pct', policy: emailPolicy({ lifetimePercentage: 80 }) });
    expect(await runLifetimeActions(ctx)).toEqual([]);
    clock.value = at('2026-10-20T00:00:00Z');
    const [e] = await runLifetimeActions(ctx);
    expect(e).toMatchObject({
      kind: 'notify',
      daysLeft: 73,
      contacts: [],
      message: stringContaining('expires in 73 days, on 2027-01-01'),
    });
    // A renewal by hand (a new version) starts a new lifetime.
    await seedCertificate(ctx, {
      name: 'Pct',
      notBefore: at('2026-10-20T00:00:00Z'),
      expiresOn: at('2027-10-20T00:00:00Z'),
    });
    expect(await runLifetimeActions(ctx)).toEqual([]);
    clock.value = at('2027-08-15T00:00:00Z');
    expect(await runLifetimeActions(ctx)).toHaveLength(1);
  });

  it('skips disabled, pending-only and action-less certificates', async () => {
    const ctx = await freshContext('lt', { value: at('2026-12-31T00:00:00Z') });
    await seedCertificate(ctx, { name: 'Off', enabled: false, policy: emailPolicy({ daysBeforeExpiry: 30 }) });
    await seedCertificate(ctx, { name: 'None', policy: { ...emailPolicy({}), lifetimeActions: [] } });
    await ctx.store.write((tx) =>
      tx.put('certificates', {
        key: 'pend',
        name: 'Pend',
        policy: emailPolicy({ daysBeforeExpiry: 30 }),
        createdOn: new Date(),
        updatedOn: new Date(),
        versionCount: 0,
      }),
    );
    expect(await runLifetimeActions(ctx)).toEqual([]);
  });

  it('two runs at once (page and service worker) report each event once', async () => {
    const ctx = await freshContext('lt', { value: at('2026-12-31T00:00:00Z') });
    for (const name of ['a', 'b', 'c'])
      await seedCertificate(ctx, { name, policy: emailPolicy({ daysBeforeExpiry: 30 }) });
    const [x, y] = await Promise.all([runLifetimeActions(ctx), runLifetimeActions(ctx)]);
    expect([...x, ...y].map((e) => e.certificateName).sort()).toEqual(['a', 'b', 'c']);
  });
});

describe('runLifetimeActions: AutoRenew', () => {
  it('makes a new version with the same policy and tags, a new key, and reports old and new thumbprints', async () => {
    const clock = { value: at('2026-10-20T00:00:00Z') };
    const ctx = await freshContext('lt', clock);
    await setContacts(ctx, [{ email: 'ops@contoso.com' }]);
    const old = await seedCertificate(ctx, { name: 'Auto', policy: selfPolicy(), tags: { team: 'web' } });
    const events = await runLifetimeActions(ctx);
    expect(events).toHaveLength(1);
    const e = events[0];
    expect(e).toMatchObject({
      kind: 'renewed',
      certificateName: 'Auto',
      version: old.version,
      x509ThumbprintString: old.thumbprint,
      issuerName: 'Self',
      action: 'AutoRenew',
      contacts: [{ email: 'ops@contoso.com' }],
      daysLeft: 73,
      message: stringContaining('renewed automatically'),
    });
    expect(e.newVersion).toMatch(/^[0-9a-f]{32}$/);
    expect(e.newX509ThumbprintString).toMatch(/^[0-9A-F]{40}$/);
    expect(e.newX509ThumbprintString).not.toBe(old.thumbprint);
    const vault = createCertificateVault(ctx);
    const now = await vault.getCertificate('Auto');
    expect(now.properties.version).toBe(e.newVersion);
    expect(now.properties.tags).toEqual({ team: 'web' });
    expect(now.properties.notBefore).toEqual(clock.value);
    const keys = await ctx.store.read((tx) => tx.keysOf('auto'));
    expect(keys).toHaveLength(2);
    expect(await runLifetimeActions(ctx)).toEqual([]);
  });

  it('reuseKey keeps the key', async () => {
    const ctx = await freshContext('lt', { value: at('2026-10-20T00:00:00Z') });
    await seedCertificate(ctx, { name: 'Same', policy: selfPolicy({ reuseKey: true }) });
    const [e] = await runLifetimeActions(ctx);
    expect(e.kind).toBe('renewed');
    const versions = await ctx.store.read((tx) => tx.versionsOf('same'));
    expect(versions).toHaveLength(2);
    expect(new Set(versions.map((v) => v.keyId)).size).toBe(1);
  });

  it('a failed renewal is an event, never a throw; retried the next UTC day', async () => {
    const clock = { value: at('2026-10-20T08:00:00Z') };
    const ctx = await freshContext('lt', clock);
    await seedCertificate(ctx, { name: 'Fail', policy: selfPolicy() });
    let calls = 0;
    const failing: RenewFn = () => {
      calls++;
      return Promise.reject(new VaultError('Conflict', 'Certificate "Fail" has a pending certificate operation.'));
    };
    const [e] = await runLifetimeActions(ctx, failing);
    expect(e).toMatchObject({
      kind: 'renewalFailed',
      issuerName: 'Self',
      error: 'Certificate "Fail" has a pending certificate operation.',
      message: stringMatching(
        /could not be renewed automatically and expires in 73 days, on 2027-01-01: renew it by hand/,
      ),
    });
    expect(e.newVersion).toBeUndefined();
    expect(await runLifetimeActions(ctx, failing)).toEqual([]);
    clock.value = at('2026-10-21T00:00:00Z');
    expect((await runLifetimeActions(ctx, failing)).map((x) => x.kind)).toEqual(['renewalFailed']);
    expect(calls).toBe(2);
    const raw: RenewFn = () => Promise.reject(new TypeError('boom'));
    clock.value = at('2026-10-22T00:00:00Z');
    expect((await runLifetimeActions(ctx, raw))[0]).toMatchObject({ kind: 'renewalFailed', error: 'TypeError: boom' });
    // Once it works, it is done.
    clock.value = at('2026-10-23T00:00:00Z');
    expect((await runLifetimeActions(ctx)).map((x) => x.kind)).toEqual(['renewed']);
    expect(await runLifetimeActions(ctx)).toEqual([]);
  });

  it('a renewal claimed by a run that died is retried after 15 minutes, not before', async () => {
    const clock = { value: at('2026-10-20T12:00:00Z') };
    const ctx = await freshContext('lt', clock);
    const old = await seedCertificate(ctx, { name: 'Claimed', policy: selfPolicy() });
    const id = `claimed/${old.version}/AutoRenew`;
    await ctx.store.write((tx) =>
      tx.put('meta', { key: LIFETIME_INDEX_META, value: { [id]: +at('2026-10-20T11:50:00Z') } }),
    );
    expect(await runLifetimeActions(ctx)).toEqual([]);
    clock.value = at('2026-10-20T12:05:01Z');
    expect((await runLifetimeActions(ctx)).map((e) => e.kind)).toEqual(['renewed']);
  });

  it('through the public API', async () => {
    const ctx = await freshContext('lt', { value: at('2026-12-15T00:00:00Z') });
    await seedCertificate(ctx, { name: 'Api', policy: emailPolicy({ daysBeforeExpiry: 20 }) });
    const vault = createCertificateVault(ctx);
    expect((await vault.runLifetimeActions()).map((e) => [e.kind, e.certificateName, e.daysLeft])).toEqual([
      ['notify', 'Api', 17],
    ]);
    expect(await vault.runLifetimeActions()).toEqual([]);
  });
});
