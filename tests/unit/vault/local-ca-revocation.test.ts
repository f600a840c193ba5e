/**
 * The issued-certificates log, revocation and the CRL of a Local issuer, judged by openssl
 * (`crl -verify`, `verify -crl_check`); soft delete, recover, backup and restore keep a CA's log
 * and CRL number.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { openssl, opensslOutcome } from '../../support/openssl';
import { AT_T0, leafPolicy, makePki, refusal, type Pki } from './local-ca-fixture';
import { collect, makeVault } from './vault-fixture';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});
async function pki(): Promise<Pki> {
  const p = await makePki();
  cleanups.push(p.files.cleanup);
  return p;
}

/** The CRL text as `openssl crl -CAfile … -verify` prints it (throws when it does not verify). */
function crlText(p: Pki, crl: Uint8Array, caPem: string): string {
  const f = p.files.path(`c${Math.random().toString(36).slice(2)}.crl`);
  writeFileSync(f, crl);
  const out = opensslOutcome(['crl', '-inform', 'DER', '-in', f, '-CAfile', caPem, '-verify', '-noout', '-text']);
  expect(out.out).toContain('verify OK');
  expect(out.ok).toBe(true);
  return out.out;
}

describe('revocation and CRLs', () => {
  it('revoke → the CRL verifies, lists the serial with its reason, and openssl -crl_check refuses the revoked leaf', async () => {
    const p = await pki();
    await p.vault.createCertificate('old', leafPolicy('old.contoso.com'));
    await p.vault.createCertificate('new', leafPolicy('new.contoso.com'));
    const log = await collect(p.vault.listIssuedCertificates('IssuingCA'));
    expect(log.map((e) => e.certificateName).sort()).toEqual(['new', 'old']);
    const old = log.find((e) => e.certificateName === 'old');
    if (!old) throw new Error('no log entry for "old"');
    const revoked = await p.vault.revokeCertificate('IssuingCA', old.serialNumber.toLowerCase(), {
      reason: 'keyCompromise',
    });
    expect(revoked.revocation).toEqual({ revokedOn: p.clock.now, reason: 'keyCompromise' });

    const crl = await p.vault.getCrl('IssuingCA', { nextUpdateInDays: 7 });
    const text = crlText(p, crl, p.interPem);
    expect(text).toContain(`Serial Number: ${old.serialNumber}`);
    expect(text).toMatch(/X509v3 CRL Reason Code:\s+Key Compromise/);
    expect(text).toMatch(/X509v3 CRL Number:\s+1\b/);
    expect(text).toContain('X509v3 Authority Key Identifier');
    expect(text).toContain('Issuer: CN = Contoso Issuing CA, O = Contoso');
    expect(text).toMatch(/Next Update: Jan 22 10:00:00 2026 GMT/);

    const crlPem = await p.pem('inter-crl.pem', crl, 'X509 CRL');
    const chain = ['-CAfile', p.rootPem, '-untrusted', p.interPem, '-crl_check', '-CRLfile', crlPem, ...AT_T0];
    const oldPem = await p.pem('old.pem', (await p.vault.getCertificate('old')).cer);
    const refused = opensslOutcome(['verify', ...chain, oldPem]);
    expect(refused.ok).toBe(false);
    expect(refused.out).toContain('certificate revoked');
    const newPem = await p.pem('new.pem', (await p.vault.getCertificate('new')).cer);
    expect(openssl(['verify', ...chain, newPem]).toString()).toContain(': OK');

    // Regenerated on demand, the CRL number grows.
    const again = crlText(p, await p.vault.getCrl('IssuingCA'), p.interPem);
    expect(again).toMatch(/X509v3 CRL Number:\s+2\b/);
  });

  it('refuses an unknown serial, a second revocation and a reason RFC 5280 does not list', async () => {
    const p = await pki();
    await p.vault.createCertificate('a', leafPolicy('a.contoso.com'));
    const [entry] = await collect(p.vault.listIssuedCertificates('IssuingCA'));
    expect(await refusal(p.vault.revokeCertificate('IssuingCA', '0BADBAD0'))).toMatchObject({
      code: 'NotFound',
      field: 'serialNumber',
    });
    expect(
      await refusal(p.vault.revokeCertificate('IssuingCA', entry.serialNumber, { reason: 'fired' as never })),
    ).toMatchObject({ code: 'BadParameter', field: 'reason' });
    await p.vault.revokeCertificate('IssuingCA', entry.serialNumber);
    expect(await refusal(p.vault.revokeCertificate('IssuingCA', entry.serialNumber))).toMatchObject({
      code: 'Conflict',
    });
    // An unspecified reason is not written into the CRL entry (RFC 5280 §5.3.1).
    const text = crlText(p, await p.vault.getCrl('IssuingCA'), p.interPem);
    expect(text).toContain(`Serial Number: ${entry.serialNumber}`);
    expect(text).not.toContain('CRL Reason Code');
    expect(await refusal(p.vault.getCrl('IssuingCA', { nextUpdateInDays: 0 }))).toMatchObject({
      field: 'nextUpdateInDays',
    });
  });

  it('the root logs the intermediate it issued, and its CRL can revoke it', async () => {
    const p = await pki();
    const [inter] = await collect(p.vault.listIssuedCertificates('RootCA'));
    expect(inter).toMatchObject({ certificateName: 'inter', subject: 'CN=Contoso Issuing CA,O=Contoso' });
    await p.vault.revokeCertificate('RootCA', inter.serialNumber, { reason: 'cACompromise' });
    const text = crlText(p, await p.vault.getCrl('RootCA'), p.rootPem);
    expect(text).toMatch(/CA Compromise/);
  });

  it('soft delete and recover keep the CA log and CRL number', async () => {
    const p = await pki();
    await p.vault.createCertificate('a', leafPolicy('a.contoso.com'));
    const [entry] = await collect(p.vault.listIssuedCertificates('IssuingCA'));
    await p.vault.revokeCertificate('IssuingCA', entry.serialNumber, { reason: 'superseded' });
    await p.vault.getCrl('IssuingCA');
    await p.vault.deleteCertificate('inter');
    expect(await collect(p.vault.listIssuedCertificates('IssuingCA'))).toEqual([]);
    expect((await refusal(p.vault.getCrl('IssuingCA'))).message).toContain('is deleted: recover it');
    await p.vault.recoverDeletedCertificate('inter');
    const back = await collect(p.vault.listIssuedCertificates('IssuingCA'));
    expect(back).toHaveLength(1);
    expect(back[0].revocation?.reason).toBe('superseded');
    expect(crlText(p, await p.vault.getCrl('IssuingCA'), p.interPem)).toMatch(/X509v3 CRL Number:\s+2\b/);
  });

  it('backup and restore carry the log and the CRL number to another vault', async () => {
    const p = await pki();
    await p.vault.createCertificate('a', leafPolicy('a.contoso.com'));
    const [entry] = await collect(p.vault.listIssuedCertificates('IssuingCA'));
    await p.vault.revokeCertificate('IssuingCA', entry.serialNumber, { reason: 'affiliationChanged' });
    await p.vault.getCrl('IssuingCA');
    await p.vault.getCrl('IssuingCA');
    const backup = await p.vault.backupCertificate('inter', { password: 'correct horse' });

    const other = await makeVault();
    await other.vault.restoreCertificateBackup(backup, { password: 'correct horse' });
    await other.vault.createIssuer('Restored', 'Local', { certificateName: 'inter' });
    const log = await collect(other.vault.listIssuedCertificates('Restored'));
    expect(log).toEqual(await collect(p.vault.listIssuedCertificates('IssuingCA')));
    expect(crlText(p, await other.vault.getCrl('Restored'), p.interPem)).toMatch(/X509v3 CRL Number:\s+3\b/);
  });
});
