/**
 * Key Vault's access-policy permissions (ARCHITECTURE §8 "Access") and the one table that says
 * what each vault method needs; the dispatcher (certificate-vault.ts) consults it before every
 * call. `satisfies Record<GatedMethod, Requirement>` makes a CertificateVault method missing
 * here, or a name here that is no method, a compile error.
 *
 * The certificate permissions follow Key Vault's REST operations. `manageissuers` gates the
 * local CA's state changes (revokeCertificate, getCrl: a CRL reserves the next CRL number);
 * reading its log is `listissuers`, like listing issuers. A local CA's signature uses its key, so
 * signCertificateRequest needs `keys/sign` as well as `certificates/create` (an `allOf`
 * requirement), and so does createCertificate with a Local issuer (create.ts checks that one,
 * since only the policy says which issuer it is). Trust anchors are vault-wide CA settings like
 * issuers: adding and removing one is `manageissuers` (the portal's "Manage Certificate
 * Authorities"), listing them `listissuers`; a certificate's chain is read with it (`get`).
 * `getCryptographyClient` itself needs no
 * permission: each of the client's calls needs its key permission (crypto-client.ts checks it
 * per call).
 *
 * The lint methods read no certificate, key or secret (only whether a policy's issuer is Local),
 * so no Key Vault permission fits them; they are `unlocked` rather than `none` because a locked
 * vault answers nothing but the access calls (ARCHITECTURE §8 "Access"), and any principal may
 * check what they are about to request.
 */
import type { CertificatePermission, CertificateVault, KeyPermission, Permissions, SecretPermission } from '../types';
import { VaultError } from '../vault-error';

/** Key Vault's certificate permissions, in the order the portal lists them. */
export const CERTIFICATE_PERMISSIONS: readonly CertificatePermission[] = [
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
/** The key permissions of a CryptographyClient's calls. */
export const KEY_PERMISSIONS: readonly KeyPermission[] = [
  'sign',
  'verify',
  'encrypt',
  'decrypt',
  'wrapKey',
  'unwrapKey',
];
/** The secret permission: getSecret (the private key leaves). */
export const SECRET_PERMISSIONS: readonly SecretPermission[] = ['get'];

/** Every permission: what an owner holds. */
export function allPermissions(): Permissions {
  return { certificates: [...CERTIFICATE_PERMISSIONS], keys: [...KEY_PERMISSIONS], secrets: [...SECRET_PERMISSIONS] };
}

/** The template an owner's permissions match: every permission (owners hold all, ARCHITECTURE §8). */
export const OWNER_TEMPLATE = 'Owner: every permission';

/**
 * Ready-made permission sets the Access page offers. A certificate officer runs the certificate
 * lifecycle (every certificate permission but purge, and keys/sign, which a Local issuer's
 * certificates need) without taking keys out; an auditor reads; a signer uses keys to sign and
 * verify and can find the certificate it signs with.
 */
export const PERMISSION_TEMPLATES: Readonly<Record<string, Permissions>> = {
  [OWNER_TEMPLATE]: allPermissions(),
  'Certificate officer': {
    certificates: CERTIFICATE_PERMISSIONS.filter((p) => p !== 'purge'),
    keys: ['sign'],
    secrets: [],
  },
  'Auditor: get + list': { certificates: ['get', 'list', 'getissuers', 'listissuers'], keys: [], secrets: [] },
  'Signer: keys sign/verify': { certificates: ['get', 'list'], keys: ['sign', 'verify'], secrets: [] },
};

/** One permission of an access policy. */
export type PermissionRequirement =
  { certificates: CertificatePermission } | { keys: KeyPermission } | { secrets: SecretPermission };

/**
 * What a method needs: one permission; all of a few (`allOf`, in the order a refusal names the
 * first missing one); `unlocked` (any principal of an unlocked vault); `owner`; or `none`
 * (allowed while locked).
 */
export type Requirement =
  | PermissionRequirement
  | { allOf: readonly [PermissionRequirement, PermissionRequirement, ...PermissionRequirement[]] }
  | 'unlocked'
  | 'owner'
  | 'none';

/** The vault's methods that a call can be gated on (not the name, the URL, or close). */
export type GatedMethod = Exclude<keyof CertificateVault, 'name' | 'vaultUrl' | 'close'>;

/** Method → what it needs: the one table the dispatcher consults. */
export const METHOD_REQUIREMENTS = {
  getCertificate: { certificates: 'get' },
  getCertificateVersion: { certificates: 'get' },
  getCertificatePolicy: { certificates: 'get' },
  getCertificateOperation: { certificates: 'get' },
  getDeletedCertificate: { certificates: 'get' },
  listPropertiesOfCertificates: { certificates: 'list' },
  queryCertificates: { certificates: 'list' },
  listPropertiesOfCertificateVersions: { certificates: 'list' },
  listDeletedCertificates: { certificates: 'list' },
  updateCertificateProperties: { certificates: 'update' },
  updateCertificatePolicy: { certificates: 'update' },
  cancelCertificateOperation: { certificates: 'update' },
  createCertificate: { certificates: 'create' },
  mergeCertificate: { certificates: 'create' },
  importCertificate: { certificates: 'import' },
  deleteCertificate: { certificates: 'delete' },
  deleteCertificateOperation: { certificates: 'delete' },
  recoverDeletedCertificate: { certificates: 'recover' },
  purgeDeletedCertificate: { certificates: 'purge' },
  backupCertificate: { certificates: 'backup' },
  restoreCertificateBackup: { certificates: 'restore' },
  setContacts: { certificates: 'managecontacts' },
  getContacts: { certificates: 'managecontacts' },
  deleteContacts: { certificates: 'managecontacts' },
  getIssuer: { certificates: 'getissuers' },
  listPropertiesOfIssuers: { certificates: 'listissuers' },
  createIssuer: { certificates: 'setissuers' },
  updateIssuer: { certificates: 'setissuers' },
  deleteIssuer: { certificates: 'deleteissuers' },
  getSecret: { secrets: 'get' },
  signCertificateRequest: { allOf: [{ certificates: 'create' }, { keys: 'sign' }] },
  listIssuedCertificates: { certificates: 'listissuers' },
  revokeCertificate: { certificates: 'manageissuers' },
  getCrl: { certificates: 'manageissuers' },
  getCertificateChain: { certificates: 'get' },
  listTrustAnchors: { certificates: 'listissuers' },
  addTrustAnchor: { certificates: 'manageissuers' },
  removeTrustAnchor: { certificates: 'manageissuers' },
  getCryptographyClient: 'unlocked',
  lintPolicy: 'unlocked',
  lintCertificateRequest: 'unlocked',
  lintCertificate: 'unlocked',
  runLifetimeActions: 'none',
  getAccessState: 'none',
  protect: 'none',
  unlock: 'none',
  lock: 'none',
  unprotect: 'owner',
  setAccessPolicy: 'owner',
  deleteAccessPolicy: 'owner',
  listAccessPolicies: 'owner',
  listAuditLog: 'owner',
  verifyAuditLog: 'owner',
} as const satisfies Record<GatedMethod, Requirement>;

/** "certificates/purge", "keys/sign": a permission as the messages name it. */
export function permissionName(permission: PermissionRequirement): string {
  if ('certificates' in permission) return `certificates/${permission.certificates}`;
  if ('keys' in permission) return `keys/${permission.keys}`;
  return `secrets/${permission.secrets}`;
}

/** The first permission `requirement` names that `held` lacks, or undefined when every one is held. */
export function missingPermission(
  held: Permissions,
  requirement: Exclude<Requirement, string>,
): PermissionRequirement | undefined {
  const wanted = 'allOf' in requirement ? requirement.allOf : [requirement];
  return wanted.find((p) => !holds(held, p));
}

function holds(held: Permissions, permission: PermissionRequirement): boolean {
  if ('certificates' in permission) return held.certificates.includes(permission.certificates);
  if ('keys' in permission) return held.keys.includes(permission.keys);
  return held.secrets.includes(permission.secrets);
}

/**
 * Permissions from the caller (anything may arrive at run time): each list checked against
 * Key Vault's names, case-insensitively as Key Vault reads them, deduplicated, in table order.
 * BadParameter (field `permissions`) names what is unknown.
 */
export function checkPermissions(input: unknown): Permissions {
  if (typeof input !== 'object' || input === null) {
    throw new VaultError('BadParameter', 'permissions must be { certificates: [...], keys: [...], secrets: [...] }.', {
      field: 'permissions',
    });
  }
  const o = input as Record<string, unknown>;
  return {
    certificates: pick(o.certificates, CERTIFICATE_PERMISSIONS, 'certificates'),
    keys: pick(o.keys, KEY_PERMISSIONS, 'keys'),
    secrets: pick(o.secrets, SECRET_PERMISSIONS, 'secrets'),
  };
}

function pick<P extends string>(list: unknown, known: readonly P[], kind: string): P[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    throw new VaultError('BadParameter', `permissions.${kind} must be a list of permission names.`, {
      field: 'permissions',
    });
  }
  const wanted = new Set(list.map((p) => (typeof p === 'string' ? p.toLowerCase() : String(p))));
  const unknown = [...wanted].filter((w) => !known.some((k) => k.toLowerCase() === w));
  if (unknown.length > 0) {
    throw new VaultError(
      'BadParameter',
      `Unknown ${kind} permission ${unknown.map((u) => `"${u}"`).join(', ')}: use ${known.join(', ')}.`,
      { field: 'permissions' },
    );
  }
  return known.filter((k) => wanted.has(k.toLowerCase()));
}
