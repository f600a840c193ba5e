import { expect, test } from 'vitest';
import { renewNow, type RenewAccess } from '../../../src/sw/renew-now';
import type { CertificateOperation, CertificatePolicy, KeyVaultCertificateWithPolicy } from '../../../src/vault/types';

const NOW = () => new Date('2027-02-19T09:00:00Z');

function fakeVault(policy: CertificatePolicy, create: () => Promise<Partial<CertificateOperation>>) {
  let version = 1;
  const created: CertificatePolicy[] = [];
  let closed = 0;
  const cert = () =>
    ({
      name: 'web',
      policy,
      properties: {
        version: `v${version}`,
        x509ThumbprintString: `${String(version).repeat(8)}AAAA`,
        expiresOn: new Date('2027-03-03T00:00:00Z'),
      },
    }) as unknown as KeyVaultCertificateWithPolicy;
  const access: RenewAccess = {
    openVault: () =>
      Promise.resolve({
        getCertificate: () => Promise.resolve(cert()),
        getContacts: () => Promise.resolve([{ email: 'ops@contoso.com' }]),
        createCertificate: async (_name, p) => {
          created.push(p);
          const op = await create();
          if (op.status === 'completed') version += 1;
          return op as CertificateOperation;
        },
        close: () => void (closed += 1),
      }),
  };
  return { access, created, closedCount: () => closed };
}

test('Self: a new version with the same policy → a renewed notice with old and new thumbprints', async () => {
  const policy: CertificatePolicy = {
    issuerName: 'Self',
    subject: 'CN=web',
    lifetimeActions: [{ action: 'AutoRenew', daysBeforeExpiry: 40 }],
  };
  const v = fakeVault(policy, () => Promise.resolve({ status: 'completed', statusDetails: '' }));
  const notice = await renewNow(v.access, 'default', 'web', NOW);
  expect(notice).toMatchObject({
    kind: 'renewed',
    vaultName: 'default',
    certificateName: 'web',
    version: 'v1',
    newVersion: 'v2',
    x509ThumbprintString: '11111111AAAA',
    newX509ThumbprintString: '22222222AAAA',
    contacts: [{ email: 'ops@contoso.com' }],
    issuerName: 'Self',
    action: 'AutoRenew',
  });
  expect(v.created).toEqual([policy]);
  expect(v.closedCount()).toBe(1);
});

test('an outside issuer cannot be renewed here: renewalFailed says to request and merge', async () => {
  const v = fakeVault({ issuerName: 'Unknown' }, () => Promise.reject(new Error('must not create')));
  const notice = await renewNow(v.access, 'default', 'web', NOW);
  expect(notice.kind).toBe('renewalFailed');
  expect(notice.message).toMatch(/request a new certificate and merge it/);
  expect(v.created).toEqual([]);
});

test('a vault error becomes renewalFailed with its message; the vault is closed', async () => {
  const v = fakeVault({ issuerName: 'Self' }, () =>
    Promise.reject(new Error('Creating "web" failed: the key could not be generated.')),
  );
  const notice = await renewNow(v.access, 'default', 'web', NOW);
  expect(notice).toMatchObject({
    kind: 'renewalFailed',
    x509ThumbprintString: '11111111AAAA',
    message: 'Creating "web" failed: the key could not be generated.',
  });
  expect(v.closedCount()).toBe(1);
});

test('a certificate that cannot be opened still yields a renewalFailed notice', async () => {
  const notice = await renewNow(
    { openVault: () => Promise.reject(new Error('The vault "x" does not exist.')) },
    'x',
    'web',
    NOW,
  );
  expect(notice).toMatchObject({
    kind: 'renewalFailed',
    vaultName: 'x',
    certificateName: 'web',
    message: 'The vault "x" does not exist.',
  });
});
