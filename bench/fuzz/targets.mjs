// The entry points the fuzzer feeds, over a vault prepared with something to keep (a complete
// certificate "keep") and a pending request "m" whose signed certificate the merge seeds carry.
// Accepted inputs are undone so the vault returns to its prepared state.

/**
 * @param {object} api
 * @param {import('../../src/vault/types').CertificateVault} api.vault
 * @param {{ read: Function, write: Function }} api.store the VaultStore under the vault
 * @param {Record<string, Function>} api.module the vault module's functions (describeCsr, …)
 * @param {{ sign(csrPem: string): string, caPem: string }} api.ca
 * @param {(name: string, password: string) => Promise<Uint8Array>} api.backupOf a backup from another vault
 * @param {(args: string[], input?: string) => Uint8Array} api.openssl
 */
export async function prepareTargets({ vault, store, module, ca, backupOf, openssl }) {
  await vault.createCertificate('keep', { subject: 'CN=keep', keyType: 'EC' });
  const op = await vault.createCertificate('m', { subject: 'CN=m', keyType: 'EC', issuerName: 'Unknown' });
  const csrPem = `-----BEGIN CERTIFICATE REQUEST-----\n${Buffer.from(op.csr).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE REQUEST-----\n`;
  const leafPem = ca.sign(csrPem);
  const leafDer = openssl(['x509', '-outform', 'DER'], leafPem);
  const seeds = [
    { kind: 'merge', name: 'vault:leaf.der', bytes: leafDer },
    { kind: 'merge', name: 'vault:leaf.pem', bytes: new TextEncoder().encode(leafPem + ca.caPem) },
    { kind: 'csr', name: 'vault:request.der', bytes: op.csr },
    { kind: 'backup', name: 'vault:backup', bytes: await backupOf('backed', 'pw') },
  ];
  // A Local CA that signs requests (signCertificateRequest parses and verifies the CSR first).
  await vault.createCertificate('fuzz-ca', {
    subject: 'CN=Fuzz Local CA',
    keyType: 'EC',
    basicConstraints: { ca: true },
    validityInDays: 3650,
  });
  await vault.createIssuer('FuzzCA', 'Local', { certificateName: 'fuzz-ca' });
  const pending = await store.read(async (tx) => ({
    cert: await tx.get('certificates', 'm'),
    op: await tx.get('operations', 'm'),
    keys: await tx.getAll('keys'),
  }));
  const purge = async (name) => {
    await vault.deleteCertificate(name);
    await vault.purgeDeletedCertificate(name);
  };
  const targets = [
    {
      name: 'importCertificate',
      weight: 30,
      kinds: ['pfx', 'pem-bundle'],
      run: (bytes, seed) => vault.importCertificate('fz', bytes, { password: seed.password ?? 'pw' }),
      undo: () => purge('fz'),
    },
    {
      name: 'inspectImport',
      weight: 8,
      kinds: ['pfx', 'pem-bundle', 'cert', 'p7b'],
      run: (bytes, seed) => module.inspectImport(bytes, seed.password),
    },
    {
      name: 'mergeCertificate',
      weight: 20,
      kinds: ['merge', 'p7b', 'cert'],
      run: (bytes) => vault.mergeCertificate('m', [bytes]),
      // A mutation the parsers accept (inside the signature, say) merged: put the pending state back.
      undo: () =>
        store.write(async (tx) => {
          for (const v of await tx.versionsOf('m')) await tx.delete('versions', ['m', v.version]);
          await tx.put('certificates', pending.cert);
          await tx.put('operations', pending.op);
          for (const k of pending.keys) await tx.put('keys', k);
        }),
    },
    {
      name: 'restoreCertificateBackup',
      weight: 12,
      kinds: ['backup'],
      run: (bytes) => vault.restoreCertificateBackup(bytes, { password: 'pw' }),
      undo: () => purge('backed'),
    },
    { name: 'describeCsr', weight: 10, kinds: ['csr'], run: (bytes) => module.describeCsr(bytes) },
    {
      name: 'signCertificateRequest',
      weight: 8,
      kinds: ['csr'],
      run: (bytes) => vault.signCertificateRequest('FuzzCA', bytes, { validityInDays: 30 }),
      // A request the CA accepted is in its issued log: take the row out again.
      undo: () =>
        store.write(async (tx) => {
          for (const row of await tx.issuedBy('fuzz-ca')) await tx.delete('issued', [row.caKey, row.serialNumber]);
        }),
    },
    {
      name: 'describeCertificate',
      weight: 6,
      kinds: ['cert', 'merge'],
      run: (bytes) => module.describeCertificate(bytes),
    },
  ];
  // Lint entry points, where this build of the vault has them.
  const lintRequest = module.lintCertificateRequest ?? vault.lintCertificateRequest?.bind(vault);
  const lintCertificate = module.lintCertificate ?? vault.lintCertificate?.bind(vault);
  if (typeof lintRequest === 'function')
    targets.push({ name: 'lintCertificateRequest', weight: 6, kinds: ['csr'], run: (bytes) => lintRequest(bytes) });
  if (typeof lintCertificate === 'function')
    targets.push({
      name: 'lintCertificate',
      weight: 6,
      kinds: ['cert', 'merge'],
      run: (bytes) => lintCertificate(bytes),
    });
  return { targets, seeds };
}
