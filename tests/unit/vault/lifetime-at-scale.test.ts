/**
 * runLifetimeActions at 10 000 certificates: every due certificate yields exactly one event,
 * and a second run yields none. Records are written straight into the vault's store (no keys:
 * lifetime actions never touch them). Timing lives in bench/vault.mjs, not here: a shared CI
 * machine makes timed assertions noise.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runLifetimeActions } from '../../../src/vault/lifetime-actions';
import type { CertificateRecord } from '../../../src/vault/vault-store';
import { cleanupContexts, freshContext } from './crypto-client-seed';

afterEach(cleanupContexts);

const N = 10_000;

function record(i: number, daysBeforeExpiry: number): CertificateRecord {
  const name = `cert-${String(i).padStart(5, '0')}`;
  const notBefore = new Date(Date.UTC(2026, 0, 1) + (i % 300) * 86_400_000);
  const expiresOn = new Date(+notBefore + 365 * 86_400_000);
  return {
    key: name,
    name,
    policy: {
      subject: `CN=${name}.contoso.com`,
      subjectAlternativeNames: { dnsNames: [`${name}.contoso.com`] },
      keyType: 'RSA',
      keySize: 2048,
      exportable: true,
      issuerName: 'Unknown',
      keyUsage: ['digitalSignature', 'keyEncipherment'],
      enhancedKeyUsage: ['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2'],
      validityInMonths: 12,
      lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry }],
      createdOn: notBefore,
      updatedOn: notBefore,
    },
    createdOn: notBefore,
    updatedOn: notBefore,
    latest: {
      version: i.toString(16).padStart(32, '0'),
      ordinal: 0,
      enabled: true,
      notBefore,
      expiresOn,
      createdOn: notBefore,
      updatedOn: notBefore,
      tags: { env: 'prod' },
      x509Thumbprint: 'AB'.repeat(20),
      sha256Fingerprint: 'CD'.repeat(32),
      subject: `CN=${name}.contoso.com`,
    },
    versionCount: 1,
  };
}

describe('runLifetimeActions at 10 000 certificates', () => {
  it('nothing due yields nothing; when all fall due, one event each, then nothing again', async () => {
    const clock = { value: new Date('2026-03-01T00:00:00Z') };
    const ctx = await freshContext('scale', clock);
    await ctx.store.write(async (tx) => {
      for (let i = 0; i < N; i++) await tx.put('certificates', record(i, 30));
    });
    expect(await runLifetimeActions(ctx)).toEqual([]);

    clock.value = new Date('2027-12-01T00:00:00Z'); // every certificate is due
    const first = await runLifetimeActions(ctx);
    expect(first).toHaveLength(N);
    expect(new Set(first.map((e) => e.certificateName)).size).toBe(N);
    expect(await runLifetimeActions(ctx)).toEqual([]);
  });
});
