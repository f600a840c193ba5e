import type { CertificatePermission, KeyPermission, Permissions, SecretPermission } from '../state/vault-api';

/**
 * The permission matrix as the Azure portal's "Create an access policy" page lays it out: under
 * Certificate permissions, "Certificate Management Operations" (which there also holds the
 * contacts and the certificate authorities, i.e. issuers, shown here as their own group so the
 * list stays short) and "Privileged Certificate Operations" (purge alone); under Key
 * permissions, "Cryptographic Operations"; under Secret permissions, "Secret Management
 * Operations". Labels are the portal's; the API name follows in the matrix.
 */

type PermissionKind = keyof Permissions;

export interface PermissionItem {
  kind: PermissionKind;
  name: CertificatePermission | KeyPermission | SecretPermission;
  label: string;
}

export interface PermissionGroup {
  id: string;
  title: string;
  items: PermissionItem[];
}

const cert = (name: CertificatePermission, label: string): PermissionItem => ({ kind: 'certificates', name, label });
const key = (name: KeyPermission, label: string): PermissionItem => ({ kind: 'keys', name, label });

export const PERMISSION_GROUPS: readonly PermissionGroup[] = [
  {
    id: 'certificate-management',
    title: 'Certificate Management Operations',
    items: [
      cert('get', 'Get'),
      cert('list', 'List'),
      cert('update', 'Update'),
      cert('create', 'Create'),
      cert('import', 'Import'),
      cert('delete', 'Delete'),
      cert('recover', 'Recover'),
      cert('backup', 'Backup'),
      cert('restore', 'Restore'),
    ],
  },
  {
    id: 'certificate-issuers',
    title: 'Certificate issuers and contacts',
    items: [
      cert('managecontacts', 'Manage Contacts'),
      cert('manageissuers', 'Manage Certificate Authorities'),
      cert('getissuers', 'Get Certificate Authorities'),
      cert('listissuers', 'List Certificate Authorities'),
      cert('setissuers', 'Set Certificate Authorities'),
      cert('deleteissuers', 'Delete Certificate Authorities'),
    ],
  },
  { id: 'certificate-privileged', title: 'Privileged Certificate Operations', items: [cert('purge', 'Purge')] },
  {
    id: 'keys-crypto',
    title: 'Cryptographic Operations (keys)',
    items: [
      key('decrypt', 'Decrypt'),
      key('encrypt', 'Encrypt'),
      key('unwrapKey', 'Unwrap Key'),
      key('wrapKey', 'Wrap Key'),
      key('verify', 'Verify'),
      key('sign', 'Sign'),
    ],
  },
  {
    id: 'secrets',
    title: 'Secret Management Operations',
    items: [{ kind: 'secrets', name: 'get', label: 'Get (the private key leaves the vault)' }],
  },
];

export const emptyPermissions = (): Permissions => ({ certificates: [], keys: [], secrets: [] });

export function holds(p: Permissions, item: PermissionItem): boolean {
  return (p[item.kind] as string[]).includes(item.name);
}

/** `p` with `item` granted or taken away; the lists keep the matrix's order. */
export function withPermission(p: Permissions, item: PermissionItem, granted: boolean): Permissions {
  const next = { ...p, [item.kind]: (p[item.kind] as string[]).filter((n) => n !== item.name) };
  if (granted) {
    const order = PERMISSION_GROUPS.flatMap((g) => g.items)
      .filter((i) => i.kind === item.kind)
      .map((i) => i.name);
    const names = [...(next[item.kind] as string[]), item.name];
    (next as Record<PermissionKind, string[]>)[item.kind] = order.filter((n) => names.includes(n));
  }
  return next;
}

/** The template whose permissions are exactly `p`, if any. */
export function matchingTemplate(p: Permissions, templates: Readonly<Record<string, Permissions>>): string | undefined {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((n) => b.includes(n));
  return Object.entries(templates).find(
    ([, t]) => same(t.certificates, p.certificates) && same(t.keys, p.keys) && same(t.secrets, p.secrets),
  )?.[0];
}

/** "12 of 23": how many permissions a principal holds. */
export function permissionCount(p: Permissions): string {
  const total = PERMISSION_GROUPS.reduce((n, g) => n + g.items.length, 0);
  return `${p.certificates.length + p.keys.length + p.secrets.length} of ${total}`;
}
