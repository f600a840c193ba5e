/**
 * Lifetime rules of a local CA (ARCHITECTURE §8 "Local CA"): AutoRenew of a Local leaf makes a
 * new version with a new serial that still chains; a renewal the CA's remaining life cannot
 * carry fails and says to renew the CA; a CA renews with its key kept, so what it issued still
 * verifies under the renewed CA.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openssl } from '../../support/openssl';
import { describeCertificate } from '../../../src/vault';
import { leafPolicy, makePki, type Pki } from './local-ca-fixture';
import { collect, T0 } from './vault-fixture';

const DAY = 86_400_000;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
async function pki(...args: Parameters<typeof makePki>): Promise<Pki> {
  const p = await makePki(...args);
  cleanups.push(p.files.cleanup);
  return p;
}
const at = (days: number): string[] => ['-attime', String(Math.floor((T0.getTime() + days * DAY) / 1000))];

describe('local CA lifetime', () => {
  it('AutoRenew of a Local leaf (the default for a Local issuer): new version, new serial, the chain still verifies', async () => {
    const p = await pki();
    await p.vault.createCertificate('web', leafPolicy('www.contoso.com'));
    const before = await p.vault.getCertificate('web');
    expect(before.policy.lifetimeActions).toEqual([{ action: 'AutoRenew', lifetimePercentage: 80 }]);
    p.clock.now = new Date(T0.getTime() + 73 * DAY);
    const events = await p.vault.runLifetimeActions();
    expect(events).toMatchObject([{ kind: 'renewed', certificateName: 'web', issuerName: 'IssuingCA' }]);
    const after = await p.vault.getCertificate('web');
    expect(after.properties.version).toBe(events[0].newVersion);
    expect(after.properties.version).not.toBe(before.properties.version);
    const [a, b] = await Promise.all([describeCertificate(before.cer), describeCertificate(after.cer)]);
    expect(b.serialNumber).not.toBe(a.serialNumber);
    expect(after.chain).toHaveLength(3);
    const leaf = await p.pem('renewed.pem', after.cer);
    expect(openssl(['verify', ...at(74), '-CAfile', p.rootPem, '-untrusted', p.interPem, leaf]).toString()).toContain(
      ': OK',
    );
    const log = await collect(p.vault.listIssuedCertificates('IssuingCA'));
    expect(log.map((e) => [e.certificateName, e.certificateVersion])).toEqual(
      expect.arrayContaining([
        ['web', before.properties.version],
        ['web', after.properties.version],
      ]),
    );
  });

  it('a renewal the CA cannot carry fails and says to renew the CA, instead of issuing ever shorter leaves', async () => {
    const p = await pki({
      inter: { validityInDays: 100, lifetimeActions: [{ action: 'EmailContacts', daysBeforeExpiry: 1 }] },
    });
    await p.vault.createCertificate('web', leafPolicy('www.contoso.com'));
    p.clock.now = new Date(T0.getTime() + 99.5 * DAY);
    const events = await p.vault.runLifetimeActions();
    const failed = events.find((e) => e.certificateName === 'web');
    expect(failed).toMatchObject({ kind: 'renewalFailed' });
    expect(failed?.error).toMatch(/CA "inter" expires on .*Renew the CA first/);
    expect((await collect(p.vault.listPropertiesOfCertificateVersions('web'))).length).toBe(1);
  });

  it('a CA renews with its key kept: certificates it issued before verify under the renewed CA', async () => {
    const p = await pki({ root: { validityInDays: 100 } });
    // The intermediate (1825 days asked) was cut to the root's 100 days.
    const inter = await p.vault.getCertificate('inter');
    const root = await p.vault.getCertificate('root');
    expect(inter.properties.expiresOn).toEqual(root.properties.expiresOn);
    p.clock.now = new Date(T0.getTime() + 81 * DAY);
    const events = await p.vault.runLifetimeActions();
    expect(events.find((e) => e.certificateName === 'root')).toMatchObject({ kind: 'renewed' });
    const renewed = await p.vault.getCertificate('root');
    const [oldInfo, newInfo] = await Promise.all([describeCertificate(root.cer), describeCertificate(renewed.cer)]);
    expect(newInfo.spki).toEqual(oldInfo.spki);
    expect(newInfo.subjectKeyIdentifier).toBe(oldInfo.subjectKeyIdentifier);
    expect(newInfo.basicConstraints).toEqual({ ca: true, pathLength: 1 });
    const newRoot = await p.pem('root-2.pem', renewed.cer);
    expect(openssl(['verify', ...at(90), '-CAfile', newRoot, p.interPem]).toString()).toContain(': OK');
  });

  it('a CA policy refuses reuseKey false, and a CA whose policy key no longer fits cannot renew', async () => {
    const p = await pki();
    await expect(
      p.vault.createCertificate('ca2', { subject: 'CN=CA 2', basicConstraints: { ca: true }, reuseKey: false }),
    ).rejects.toMatchObject({ code: 'BadParameter', field: 'basicConstraints' });
    await p.vault.updateCertificatePolicy('root', { keyCurveName: 'P-256' });
    p.clock.now = new Date(T0.getTime() + 2921 * DAY);
    const events = await p.vault.runLifetimeActions();
    const root = events.find((e) => e.certificateName === 'root');
    expect(root).toMatchObject({ kind: 'renewalFailed' });
    expect(root?.error).toContain('a CA keeps its key');
  });

  it('updateCertificatePolicy: null removes validityInDays, basicConstraints and nameConstraints; absent keeps them', async () => {
    const p = await pki();
    const kept = await p.vault.updateCertificatePolicy('inter', { validityInMonths: 24 });
    expect(kept).toMatchObject({ validityInDays: 1825, basicConstraints: { ca: true, pathLength: 0 } });
    const cleared = await p.vault.updateCertificatePolicy('inter', {
      validityInDays: null,
      basicConstraints: null,
      nameConstraints: null,
      keyUsage: ['digitalSignature'],
    });
    expect(cleared.validityInDays).toBeUndefined();
    expect(cleared.basicConstraints).toBeUndefined();
    expect(cleared.nameConstraints).toBeUndefined();
    expect(cleared.validityInMonths).toBe(24);
  });
});
