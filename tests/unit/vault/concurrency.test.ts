import { describe, expect, it } from 'vitest';
import { openVault } from '../../../src/vault';

describe('two connections to one vault (page and service worker, two tabs)', () => {
  it('creating the same pending certificate at once: one wins, the other gets Conflict, one operation stays', async () => {
    const name = `race-${Date.now()}`;
    const [a, b] = await Promise.all([openVault({ name }), openVault({ name })]);
    const results = await Promise.allSettled([
      a.createCertificate('same', { subject: 'CN=a', keyType: 'EC', issuerName: 'Unknown' }),
      b.createCertificate('SAME', { subject: 'CN=b', keyType: 'EC', issuerName: 'Unknown' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ name: 'VaultError', code: 'Conflict' });
    const winner = (results.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ requestId: string }>)
      .value;
    expect((await b.getCertificateOperation('same')).requestId).toBe(winner.requestId);
    a.close();
    b.close();
  });

  it('deleting while another connection reads: the reader sees before or after, never half', async () => {
    const name = `race2-${Date.now()}`;
    const [a, b] = await Promise.all([openVault({ name }), openVault({ name })]);
    await a.createCertificate('c', { subject: 'CN=c', keyType: 'EC' });
    const [deleted, read] = await Promise.allSettled([a.deleteCertificate('c'), b.getCertificate('c')]);
    expect(deleted.status).toBe('fulfilled');
    if (read.status === 'rejected') expect(read.reason).toMatchObject({ code: 'NotFound' });
    else expect(read.value.cer.length).toBeGreaterThan(100);
    a.close();
    b.close();
  });
});
