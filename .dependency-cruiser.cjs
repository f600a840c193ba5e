// The arrows of docs/ARCHITECTURE.md as a failing check: ui → vault → pki, vault's store port
// implemented by store/, sw and ui through the vault API only, nothing into ui.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'pki-is-a-leaf',
      comment: 'pki/ is bytes in, bytes out: it imports no other project folder.',
      severity: 'error',
      from: { path: '^src/pki/' },
      to: { path: '^src/(?!pki/)' },
    },
    {
      name: 'nothing-imports-ui',
      comment: 'ui/ is the top: nothing below may reach the DOM layer.',
      severity: 'error',
      from: { path: '^src/(?!ui/)' },
      to: { path: '^src/ui/' },
    },
    {
      name: 'vault-only-through-its-api',
      comment:
        'ui/ and sw/ use the vault through src/vault/index.ts only, or its light part light-entry.ts (no PKI libraries).',
      severity: 'error',
      from: { path: '^src/(ui|sw|shared)/' },
      to: { path: '^src/vault/(?!(index|light-entry)\\.ts$)' },
    },
    {
      name: 'ui-and-sw-do-not-touch-pki-or-store',
      comment: 'The page and the worker reach formats and storage through the vault.',
      severity: 'error',
      from: { path: '^src/(ui|sw|shared)/' },
      to: { path: '^src/(pki|store)/' },
    },
    {
      name: 'page-and-worker-apart',
      comment: 'What page and worker both need lives in src/shared/; sw/ is worker-only.',
      severity: 'error',
      from: { path: '^src/(?!sw/)' },
      to: { path: '^src/sw/' },
    },
    {
      name: 'store-implements-the-port',
      comment: 'store/ knows the vault only by the interface the vault defines for it.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(?!store/)(?!vault/vault-store\\.ts$)' },
    },
    {
      name: 'vault-opens-store-in-one-place',
      comment: 'Only the composition root decides which store a vault opens.',
      severity: 'error',
      from: { path: '^src/vault/', pathNot: '^src/vault/light-entry\\.ts$' },
      to: { path: '^src/store/' },
    },
    {
      name: 'no-circular',
      comment: 'Two modules that import each other are one concept split in two, or two mixed in one.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.app.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
