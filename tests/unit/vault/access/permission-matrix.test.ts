/**
 * The permission matrix: for each of the 23 permissions, a principal holding everything but it
 * is refused exactly the operations that need it (Forbidden naming it), and a principal holding
 * only it can do exactly the operations that need it alone. The table of what needs what is
 * written here from Key Vault's REST docs (and, for the local CA, from ARCHITECTURE §8), not read
 * back from src, so a wrong or missing gate in the vault fails this test. An operation that
 * needs two permissions is refused naming the first one missing, in the table's order.
 *
 * "Can do" means the gate lets the call through: it resolves, or fails for a reason of its own
 * (NotFound on an absent name, BadParameter on an empty password) — never Forbidden or Locked.
 * Destructive calls aim at absent names so one fixture serves all 46 principals.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { stringContaining } from '../../../support/match';
import type { CertificatePermission, CertificateVault, KeyPermission, Permissions } from '../../../../src/vault/types';
import { collect, type TestVault } from '../vault-fixture';
import { fakePasskey, NO_PERMISSIONS, protectedVault } from './access-fixture';

const CERTIFICATE: CertificatePermission[] = [
  'get',
  'list',
  'update',
  'create',
  'import',
  'delete',
  'recover',
  'backup',
  'restore',
  'managecontacts',
  'manageissuers',
  'getissuers',
  'listissuers',
  'setissuers',
  'deleteissuers',
  'purge',
];
const KEYS: KeyPermission[] = ['sign', 'verify', 'encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];
type PermissionName = `certificates/${CertificatePermission}` | `keys/${KeyPermission}` | 'secrets/get';
const ALL: PermissionName[] = [
  ...CERTIFICATE.map((p) => `certificates/${p}` as const),
  ...KEYS.map((p) => `keys/${p}` as const),
  'secrets/get',
];

interface Fixture {
  version: string;
  /** a PKCS#10 request for the Local issuer "ca-iss" to sign */
  csr: Uint8Array;
  policy: NonNullable<Awaited<ReturnType<CertificateVault['getCertificatePolicy']>>>;
  pem: Uint8Array;
  data: Uint8Array;
  signature: Uint8Array;
  ciphertext: Uint8Array;
  wrapped: Uint8Array;
  /** the vault CA's certificate, to trust as an anchor */
  caCer: Uint8Array;
}

/** One permission, or all of two (refused naming the first missing). */
type Needs = PermissionName | readonly [PermissionName, PermissionName];
type Op = { name: string; needs: Needs; run: (v: CertificateVault, f: Fixture, tag: string) => Promise<unknown> };
const needsOf = (op: Op): readonly PermissionName[] => (typeof op.needs === 'string' ? [op.needs] : op.needs);

const client = (v: CertificateVault) => v.getCryptographyClient('c');

/** Every gated operation and the permission(s) Key Vault's docs (or §8 for the local CA) say it needs. */
const OPS: Op[] = [
  { name: 'getCertificate', needs: 'certificates/get', run: (v) => v.getCertificate('c') },
  { name: 'getCertificateVersion', needs: 'certificates/get', run: (v, f) => v.getCertificateVersion('c', f.version) },
  { name: 'getCertificatePolicy', needs: 'certificates/get', run: (v) => v.getCertificatePolicy('c') },
  { name: 'getCertificateOperation', needs: 'certificates/get', run: (v) => v.getCertificateOperation('pend') },
  { name: 'getDeletedCertificate', needs: 'certificates/get', run: (v) => v.getDeletedCertificate('gone') },
  {
    name: 'listPropertiesOfCertificates',
    needs: 'certificates/list',
    run: (v) => collect(v.listPropertiesOfCertificates()),
  },
  {
    name: 'listPropertiesOfCertificateVersions',
    needs: 'certificates/list',
    run: (v) => collect(v.listPropertiesOfCertificateVersions('c')),
  },
  { name: 'listDeletedCertificates', needs: 'certificates/list', run: (v) => collect(v.listDeletedCertificates()) },
  {
    name: 'updateCertificateProperties',
    needs: 'certificates/update',
    run: (v, _f, tag) => v.updateCertificateProperties('c', undefined, { tags: { by: tag } }),
  },
  {
    name: 'updateCertificatePolicy',
    needs: 'certificates/update',
    run: (v, f) => v.updateCertificatePolicy('c', f.policy),
  },
  {
    name: 'cancelCertificateOperation',
    needs: 'certificates/update',
    run: (v) => v.cancelCertificateOperation('pend'),
  },
  {
    name: 'createCertificate',
    needs: 'certificates/create',
    run: (v, _f, tag) => v.createCertificate(`new-${tag}`, { subject: 'CN=new', keyType: 'EC' }),
  },
  {
    name: 'mergeCertificate',
    needs: 'certificates/create',
    run: (v) => v.mergeCertificate('pend', [new Uint8Array([0x30, 0x00])]),
  },
  {
    name: 'importCertificate',
    needs: 'certificates/import',
    run: (v, f, tag) => v.importCertificate(`imp-${tag}`, f.pem),
  },
  { name: 'deleteCertificate', needs: 'certificates/delete', run: (v) => v.deleteCertificate('absent') },
  {
    name: 'deleteCertificateOperation',
    needs: 'certificates/delete',
    run: (v) => v.deleteCertificateOperation('absent'),
  },
  {
    name: 'recoverDeletedCertificate',
    needs: 'certificates/recover',
    run: (v) => v.recoverDeletedCertificate('absent'),
  },
  { name: 'purgeDeletedCertificate', needs: 'certificates/purge', run: (v) => v.purgeDeletedCertificate('absent') },
  { name: 'backupCertificate', needs: 'certificates/backup', run: (v) => v.backupCertificate('c', { password: '' }) },
  {
    name: 'restoreCertificateBackup',
    needs: 'certificates/restore',
    run: (v) => v.restoreCertificateBackup(new Uint8Array([1, 2, 3]), { password: 'x' }),
  },
  {
    name: 'setContacts',
    needs: 'certificates/managecontacts',
    run: (v) => v.setContacts([{ email: 'pki@contoso.com' }]),
  },
  { name: 'getContacts', needs: 'certificates/managecontacts', run: (v) => v.getContacts() },
  { name: 'deleteContacts', needs: 'certificates/managecontacts', run: (v) => v.deleteContacts() },
  { name: 'getIssuer', needs: 'certificates/getissuers', run: (v) => v.getIssuer('acme') },
  {
    name: 'listPropertiesOfIssuers',
    needs: 'certificates/listissuers',
    run: (v) => collect(v.listPropertiesOfIssuers()),
  },
  {
    name: 'createIssuer',
    needs: 'certificates/setissuers',
    run: (v, _f, tag) => v.createIssuer(`iss-${tag}`, 'DigiCert', { password: 'api-key' }),
  },
  {
    name: 'updateIssuer',
    needs: 'certificates/setissuers',
    run: (v, _f, tag) => v.updateIssuer('acme', { accountId: tag }),
  },
  { name: 'deleteIssuer', needs: 'certificates/deleteissuers', run: (v) => v.deleteIssuer('absent') },
  { name: 'signData', needs: 'keys/sign', run: async (v, f) => (await client(v)).signData('PS256', f.data) },
  {
    name: 'verifyData',
    needs: 'keys/verify',
    run: async (v, f) => (await client(v)).verifyData('PS256', f.data, f.signature),
  },
  {
    name: 'encrypt',
    needs: 'keys/encrypt',
    run: async (v, f) => (await client(v)).encrypt({ algorithm: 'RSA-OAEP-256', plaintext: f.data }),
  },
  {
    name: 'decrypt',
    needs: 'keys/decrypt',
    run: async (v, f) => (await client(v)).decrypt({ algorithm: 'RSA-OAEP-256', ciphertext: f.ciphertext }),
  },
  { name: 'wrapKey', needs: 'keys/wrapKey', run: async (v, f) => (await client(v)).wrapKey('RSA-OAEP', f.data) },
  {
    name: 'unwrapKey',
    needs: 'keys/unwrapKey',
    run: async (v, f) => (await client(v)).unwrapKey('RSA-OAEP', f.wrapped),
  },
  { name: 'getSecret', needs: 'secrets/get', run: (v) => v.getSecret('c') },
  // The local CA: a signature by the CA's key needs keys/sign besides certificates/create.
  {
    name: 'signCertificateRequest',
    needs: ['certificates/create', 'keys/sign'],
    run: (v, f) => v.signCertificateRequest('ca-iss', f.csr, { validityInDays: 30 }),
  },
  {
    name: 'createCertificate (Local issuer)',
    needs: ['certificates/create', 'keys/sign'],
    run: (v, _f, tag) => v.createCertificate(`loc-${tag}`, { subject: 'CN=loc', keyType: 'EC', issuerName: 'ca-iss' }),
  },
  {
    name: 'listIssuedCertificates',
    needs: 'certificates/listissuers',
    run: (v) => collect(v.listIssuedCertificates('ca-iss')),
  },
  {
    name: 'revokeCertificate',
    needs: 'certificates/manageissuers',
    run: (v) => v.revokeCertificate('ca-iss', '0BADBAD0'),
  },
  { name: 'getCrl', needs: 'certificates/manageissuers', run: (v) => v.getCrl('ca-iss') },
  // Chains are read with the certificate; trust anchors are vault-wide CA settings, like issuers.
  { name: 'getCertificateChain', needs: 'certificates/get', run: (v) => v.getCertificateChain('c') },
  { name: 'listTrustAnchors', needs: 'certificates/listissuers', run: (v) => v.listTrustAnchors() },
  { name: 'addTrustAnchor', needs: 'certificates/manageissuers', run: (v, f) => v.addTrustAnchor(f.caCer) },
  {
    name: 'removeTrustAnchor',
    needs: 'certificates/manageissuers',
    run: (v) => v.removeTrustAnchor('00'.repeat(32)),
  },
];

function permissionsOf(names: string[]): Permissions {
  const p: Permissions = structuredClone(NO_PERMISSIONS);
  for (const n of names) {
    const [kind, perm] = n.split('/') as [keyof Permissions, string];
    (p[kind] as string[]).push(perm);
  }
  return p;
}

/** 'refused: <permission named>' or 'passed' (resolved, or failed for a reason past the gate). */
async function outcome(op: Op, v: CertificateVault, f: Fixture, tag: string): Promise<string> {
  try {
    await op.run(v, f, tag);
    return 'passed';
  } catch (e) {
    const err = e as { name: string; code: string; message: string };
    expect(err.name).toBe('VaultError');
    if (err.code === 'Locked') return `locked: ${err.message}`;
    if (err.code === 'Forbidden')
      return `refused: ${/needs the (\S+) permission/.exec(err.message)?.[1] ?? err.message}`;
    return 'passed';
  }
}

describe('the permission matrix (23 permissions × every gated operation)', () => {
  let t: TestVault;
  let fixture: Fixture;
  const principals = new Map<string, { prf: Uint8Array; held: string[] }>();

  beforeAll(async () => {
    t = await protectedVault();
    const v = t.vault;
    await v.createCertificate('c', {
      subject: 'CN=c',
      keyUsage: ['digitalSignature', 'keyEncipherment', 'dataEncipherment'],
      lifetimeActions: [],
    });
    await v.createCertificate('pend', { subject: 'CN=pend', keyType: 'EC', issuerName: 'Unknown' });
    await v.createCertificate('gone', { subject: 'CN=gone', keyType: 'EC' });
    await v.deleteCertificate('gone');
    await v.createCertificate('pem-src', { subject: 'CN=pem', keyType: 'EC', contentType: 'application/x-pem-file' });
    await v.createIssuer('acme', 'DigiCert', { accountId: 'a1', password: 'secret' });
    await v.createCertificate('ca', { subject: 'CN=Matrix CA', keyType: 'EC', basicConstraints: { ca: true } });
    await v.createIssuer('ca-iss', 'Local', { certificateName: 'ca' });
    const pending = await v.getCertificateOperation('pend');
    if (!pending.csr) throw new Error('the pending operation has no CSR');
    const c = client(v);
    const data = new Uint8Array([1, 2, 3, 4]);
    fixture = {
      version: (await v.getCertificate('c')).properties.version!,
      csr: pending.csr,
      policy: await v.getCertificatePolicy('c'),
      pem: (await v.getSecret('pem-src')).value,
      data,
      signature: (await (await c).signData('PS256', data)).result,
      ciphertext: (await (await c).encrypt({ algorithm: 'RSA-OAEP-256', plaintext: data })).result,
      wrapped: (await (await c).wrapKey('RSA-OAEP', data)).result,
      caCer: (await v.getCertificate('ca')).cer,
    };
    for (const p of ALL) {
      const variants: [string, string[]][] = [
        [`no ${p}`, ALL.filter((x) => x !== p)],
        [`only ${p}`, [p]],
      ];
      for (const [label, held] of variants) {
        const k = fakePasskey();
        await v.setAccessPolicy(label, { ...k, permissions: permissionsOf(held) });
        principals.set(label, { prf: k.prf, held });
      }
    }
  });

  it('every permission is needed by the operations the docs name, and by no other', async () => {
    const guest = await t.reopen();
    let n = 0;
    const rows: string[] = [];
    for (const [label, { prf, held }] of principals) {
      await guest.unlock({ principal: label, prf });
      for (const op of OPS) {
        const got = await outcome(op, guest, fixture, `p${n++}`);
        const missing = needsOf(op).find((p) => !held.includes(p));
        const want = missing === undefined ? 'passed' : `refused: ${missing}`;
        if (got !== want) rows.push(`${label} → ${op.name}: got ${got}, want ${want}`);
      }
    }
    expect(rows).toEqual([]);
    // Each of the 23 is named by at least one operation (manageissuers by the local CA's revoke and CRL).
    const named = new Set(OPS.flatMap(needsOf));
    expect(ALL.filter((p) => !named.has(p))).toEqual([]);
    guest.close();
  });

  it('a principal with no permission at all can still get a CryptographyClient and read the access state', async () => {
    const v = t.vault;
    const k = fakePasskey();
    await v.setAccessPolicy('nobody', { ...k, permissions: NO_PERMISSIONS });
    const guest = await t.reopen();
    await guest.unlock({ principal: 'Nobody', prf: k.prf });
    const c = await guest.getCryptographyClient('c');
    expect(c.keyID).toContain('/keys/c/');
    await expect(c.signData('PS256', fixture.data)).rejects.toMatchObject({
      code: 'Forbidden',
      message: stringContaining('needs the keys/sign permission, which "nobody" does not hold'),
    });
    expect(await guest.getAccessState()).toMatchObject({ unlocked: true, principal: 'nobody', owner: false });
    guest.close();
  });
});
