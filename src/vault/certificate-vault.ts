/**
 * The CertificateVault implementation: a thin dispatcher, one line per method. Each call first
 * passes the access gate (access/gate.ts) with what the method needs (access/permissions.ts,
 * the one table), then runs, wrapped so that only VaultError ever leaves (guard /
 * guardIterable). Logic lives in one file per concern.
 *
 * Reading and listing need only stored metadata, so their modules are imported here; every
 * module that needs the PKI libraries (pkijs, @peculiar/x509, asn1js), and the access
 * operations beyond the gate, are loaded on first use (see `onDemand`), so opening and
 * listing a vault never fetches them.
 */
import type * as T from './types';
import type { VaultContext } from './context';
import * as deleted from './deleted';
import * as operations from './operations';
import * as issuers from './issuers';
import * as issuedLog from './ca/issued-log';
import * as contactBook from './contacts';
import { runLifetimeActions } from './lifetime-actions';
import * as versions from './versions';
import { queryCertificates } from './list-index/query-certificates';
import { authorize } from './access/gate';
import { getAccessState } from './access/access-state';
import { lockSession } from './access/session';
import { METHOD_REQUIREMENTS, type GatedMethod } from './access/permissions';
import { listTrustAnchors, removeTrustAnchor } from './trust/anchor-records';
import { guard, guardIterable } from './vault-error';

/** Modules loaded on first use, each fetched once. */
const onDemand = {
  create: () => import('./create'),
  import: () => import('./import'),
  merge: () => import('./merge'),
  updatePolicy: () => import('./update-policy'),
  secret: () => import('./secret'),
  cryptoClient: () => import('./crypto-client'),
  backup: () => import('./backup'),
  signRequest: () => import('./ca/sign-request'),
  crl: () => import('./ca/get-crl'),
  protect: () => import('./access/protect'),
  unprotect: () => import('./access/unprotect'),
  auditLog: () => import('./access/audit-log'),
  unlock: () => import('./access/unlock'),
  policies: () => import('./access/access-policies'),
  lint: () => import('./lint/lint-api'),
  chain: () => import('./trust/certificate-chain'),
  addTrustAnchor: () => import('./trust/add-trust-anchor'),
};

/** Owner-only methods whose refusal the audit log records. */
const AUDITED = {
  unprotect: 'unprotect',
  setAccessPolicy: 'setAccessPolicy',
  deleteAccessPolicy: 'deleteAccessPolicy',
} as const;

/** Builds the vault over a context (openVault in open-vault.ts makes the context). */
export function createCertificateVault(ctx: VaultContext): T.CertificateVault {
  return new LocalCertificateVault(ctx);
}

class LocalCertificateVault implements T.CertificateVault {
  constructor(private readonly ctx: VaultContext) {}
  get name(): string {
    return this.ctx.name;
  }
  get vaultUrl(): string {
    return this.ctx.vaultUrl;
  }

  /** Gate, then run; `doing` names the action in messages ("Purging the certificate needs …"). */
  private call<R>(method: GatedMethod, doing: string, run: (ctx: VaultContext) => Promise<R>): Promise<R> {
    return guard(doing, async () => {
      const audited = method in AUDITED ? AUDITED[method as keyof typeof AUDITED] : undefined;
      await authorize(this.ctx, METHOD_REQUIREMENTS[method], doing, audited);
      return run(this.ctx);
    });
  }
  private iterate<R>(method: GatedMethod, doing: string, make: (ctx: VaultContext) => AsyncIterable<R>) {
    const ctx = this.ctx;
    return guardIterable(doing, async function* () {
      await authorize(ctx, METHOD_REQUIREMENTS[method], doing);
      yield* make(ctx);
    });
  }

  createCertificate(name: string, policy: T.CertificatePolicy, options?: T.CreateCertificateOptions) {
    return this.call('createCertificate', 'Creating the certificate', async (c) =>
      (await onDemand.create()).createCertificate(c, name, policy, options),
    );
  }
  getCertificate(name: string) {
    return this.call('getCertificate', 'Reading the certificate', (c) => versions.getCertificate(c, name));
  }
  getCertificateVersion(name: string, version: string) {
    return this.call('getCertificateVersion', 'Reading the certificate version', (c) =>
      versions.getCertificateVersion(c, name, version),
    );
  }
  listPropertiesOfCertificates(options?: T.ListPropertiesOfCertificatesOptions) {
    return this.iterate('listPropertiesOfCertificates', 'Listing certificates', (c) =>
      versions.listPropertiesOfCertificates(c, options),
    );
  }
  queryCertificates(query?: T.CertificateListQuery) {
    return this.call('queryCertificates', 'Listing certificates', (c) => queryCertificates(c, query));
  }
  listPropertiesOfCertificateVersions(name: string) {
    return this.iterate('listPropertiesOfCertificateVersions', 'Listing versions', (c) =>
      versions.listPropertiesOfCertificateVersions(c, name),
    );
  }
  getCertificatePolicy(name: string) {
    return this.call('getCertificatePolicy', 'Reading the policy', (c) => versions.getCertificatePolicy(c, name));
  }
  updateCertificatePolicy(name: string, policy: T.CertificatePolicyPatch, options?: T.UpdateCertificatePolicyOptions) {
    return this.call('updateCertificatePolicy', 'Updating the policy', async (c) =>
      (await onDemand.updatePolicy()).updateCertificatePolicy(c, name, policy, options),
    );
  }
  updateCertificateProperties(
    name: string,
    version: string | undefined,
    options: T.UpdateCertificatePropertiesOptions,
  ) {
    return this.call('updateCertificateProperties', 'Updating the certificate', (c) =>
      versions.updateCertificateProperties(c, name, version, options),
    );
  }

  getCertificateOperation(name: string) {
    return this.call('getCertificateOperation', 'Reading the operation', (c) =>
      operations.getCertificateOperation(c, name),
    );
  }
  cancelCertificateOperation(name: string) {
    return this.call('cancelCertificateOperation', 'Cancelling the operation', (c) =>
      operations.cancelCertificateOperation(c, name),
    );
  }
  deleteCertificateOperation(name: string) {
    return this.call('deleteCertificateOperation', 'Deleting the operation', (c) =>
      operations.deleteCertificateOperation(c, name),
    );
  }
  mergeCertificate(name: string, x509Certificates: Uint8Array[], options?: T.MergeCertificateOptions) {
    return this.call('mergeCertificate', 'Merging the certificate', async (c) =>
      (await onDemand.merge()).mergeCertificate(c, name, x509Certificates, options),
    );
  }
  importCertificate(name: string, bytes: Uint8Array, options?: T.ImportCertificateOptions) {
    return this.call('importCertificate', 'Importing the file', async (c) =>
      (await onDemand.import()).importCertificate(c, name, bytes, options),
    );
  }

  deleteCertificate(name: string) {
    return this.call('deleteCertificate', 'Deleting the certificate', (c) => deleted.deleteCertificate(c, name));
  }
  getDeletedCertificate(name: string) {
    return this.call('getDeletedCertificate', 'Reading the deleted certificate', (c) =>
      deleted.getDeletedCertificate(c, name),
    );
  }
  listDeletedCertificates() {
    return this.iterate('listDeletedCertificates', 'Listing deleted certificates', (c) =>
      deleted.listDeletedCertificates(c),
    );
  }
  recoverDeletedCertificate(name: string) {
    return this.call('recoverDeletedCertificate', 'Recovering the certificate', (c) =>
      deleted.recoverDeletedCertificate(c, name),
    );
  }
  purgeDeletedCertificate(name: string) {
    return this.call('purgeDeletedCertificate', 'Purging the certificate', (c) =>
      deleted.purgeDeletedCertificate(c, name),
    );
  }

  backupCertificate(name: string, options: T.BackupCertificateOptions) {
    return this.call('backupCertificate', 'Backing up the certificate', async (c) =>
      (await onDemand.backup()).backupCertificate(c, name, options),
    );
  }
  restoreCertificateBackup(bytes: Uint8Array, options: T.RestoreCertificateBackupOptions) {
    return this.call('restoreCertificateBackup', 'Restoring the backup', async (c) =>
      (await onDemand.backup()).restoreCertificateBackup(c, bytes, options),
    );
  }

  createIssuer(name: string, provider: string, options?: T.CreateIssuerOptions) {
    return this.call('createIssuer', 'Creating the issuer', (c) => issuers.createIssuer(c, name, provider, options));
  }
  getIssuer(name: string) {
    return this.call('getIssuer', 'Reading the issuer', (c) => issuers.getIssuer(c, name));
  }
  updateIssuer(name: string, options: T.UpdateIssuerOptions) {
    return this.call('updateIssuer', 'Updating the issuer', (c) => issuers.updateIssuer(c, name, options));
  }
  deleteIssuer(name: string) {
    return this.call('deleteIssuer', 'Deleting the issuer', (c) => issuers.deleteIssuer(c, name));
  }
  listPropertiesOfIssuers() {
    return this.iterate('listPropertiesOfIssuers', 'Listing issuers', (c) => issuers.listPropertiesOfIssuers(c));
  }

  setContacts(contacts: T.CertificateContact[], options?: T.SetContactsOptions) {
    return this.call('setContacts', 'Saving the contacts', (c) => contactBook.setContacts(c, contacts, options));
  }
  getContacts() {
    return this.call('getContacts', 'Reading the contacts', (c) => contactBook.getContacts(c));
  }
  deleteContacts() {
    return this.call('deleteContacts', 'Deleting the contacts', (c) => contactBook.deleteContacts(c));
  }

  getSecret(name: string, options?: T.GetSecretOptions) {
    return this.call('getSecret', 'Exporting the certificate', async (c) =>
      (await onDemand.secret()).getSecret(c, name, options),
    );
  }
  getCryptographyClient(name: string, options?: T.GetCryptographyClientOptions) {
    return this.call('getCryptographyClient', 'Opening the key', async (c) =>
      (await onDemand.cryptoClient()).getCryptographyClient(c, name, options),
    );
  }
  runLifetimeActions() {
    return this.call('runLifetimeActions', 'Running lifetime actions', (c) => runLifetimeActions(c));
  }

  getAccessState() {
    return this.call('getAccessState', 'Reading the access state', (c) => getAccessState(c));
  }
  protect(options: T.ProtectOptions) {
    return this.call('protect', 'Protecting the vault', async (c) => (await onDemand.protect()).protect(c, options));
  }
  unprotect(options: T.ConfirmOptions) {
    return this.call('unprotect', 'Turning protection off', async (c) =>
      (await onDemand.unprotect()).unprotect(c, options),
    );
  }
  unlock(options: T.UnlockOptions) {
    return this.call('unlock', 'Unlocking the vault', async (c) => (await onDemand.unlock()).unlock(c, options));
  }
  lock() {
    return this.call('lock', 'Locking the vault', async (c) => (await onDemand.unlock()).lock(c));
  }
  setAccessPolicy(principal: string, options: T.AccessPolicyOptions) {
    return this.call('setAccessPolicy', 'Changing access policies', async (c) =>
      (await onDemand.policies()).setAccessPolicy(c, principal, options),
    );
  }
  lintPolicy(policy: T.CertificatePolicy, options?: T.LintOptions) {
    return this.call('lintPolicy', 'Linting the policy', async (c) =>
      (await onDemand.lint()).lintPolicy(c, policy, options),
    );
  }
  lintCertificateRequest(csr: Uint8Array, options?: T.LintCertificateRequestOptions) {
    return this.call('lintCertificateRequest', 'Linting the certificate request', async (c) =>
      (await onDemand.lint()).lintCertificateRequest(c, csr, options),
    );
  }
  lintCertificate(bytes: Uint8Array, options?: T.LintOptions) {
    return this.call('lintCertificate', 'Linting the certificate', async (c) =>
      (await onDemand.lint()).lintCertificate(c, bytes, options),
    );
  }
  deleteAccessPolicy(principal: string) {
    return this.call('deleteAccessPolicy', 'Removing a principal', async (c) =>
      (await onDemand.policies()).deleteAccessPolicy(c, principal),
    );
  }
  listAccessPolicies() {
    return this.call('listAccessPolicies', 'Listing access policies', async (c) =>
      (await onDemand.policies()).listAccessPolicies(c),
    );
  }
  listAuditLog() {
    return this.call('listAuditLog', 'Reading the audit log', async (c) => (await onDemand.auditLog()).listAuditLog(c));
  }
  verifyAuditLog() {
    return this.call('verifyAuditLog', 'Checking the audit log', async (c) =>
      (await onDemand.auditLog()).verifyAuditLog(c),
    );
  }

  signCertificateRequest(issuerName: string, csr: Uint8Array, options?: T.SignCertificateRequestOptions) {
    return this.call('signCertificateRequest', 'Signing the request', async (c) =>
      (await onDemand.signRequest()).signCertificateRequest(c, issuerName, csr, options),
    );
  }
  listIssuedCertificates(issuerName: string) {
    return this.iterate('listIssuedCertificates', 'Listing issued certificates', (c) =>
      issuedLog.listIssuedCertificates(c, issuerName),
    );
  }
  revokeCertificate(issuerName: string, serialNumber: string, options?: T.RevokeCertificateOptions) {
    return this.call('revokeCertificate', 'Revoking the certificate', (c) =>
      issuedLog.revokeCertificate(c, issuerName, serialNumber, options),
    );
  }
  getCrl(issuerName: string, options?: T.GetCrlOptions) {
    return this.call('getCrl', 'Making the CRL', async (c) => (await onDemand.crl()).getCrl(c, issuerName, options));
  }
  getCertificateChain(name: string, options?: T.GetCertificateChainOptions) {
    return this.call('getCertificateChain', 'Checking the chain', async (c) =>
      (await onDemand.chain()).getCertificateChain(c, name, options),
    );
  }
  addTrustAnchor(bytes: Uint8Array) {
    return this.call('addTrustAnchor', 'Adding the trust anchor', async (c) =>
      (await onDemand.addTrustAnchor()).addTrustAnchor(c, bytes),
    );
  }
  listTrustAnchors() {
    return this.call('listTrustAnchors', 'Listing trust anchors', (c) => listTrustAnchors(c));
  }
  removeTrustAnchor(sha256: string) {
    return this.call('removeTrustAnchor', 'Removing the trust anchor', (c) => removeTrustAnchor(c, sha256));
  }
  close(): void {
    lockSession(this.ctx.access);
    this.ctx.channel.close();
    this.ctx.store.close();
  }
}
