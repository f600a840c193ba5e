/// <reference types="vitest/config" />
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The commit the build was made from, so Settings → About tells an admin which bundle a machine
 * runs. CERTKEEP_COMMIT wins (a build from an exported tree); "-dirty" marks tracked changes not
 * yet committed; "unknown" outside git. No date or random id: two builds of one tree are equal.
 */
function buildCommit(): string {
  if (process.env.CERTKEEP_COMMIT) return process.env.CERTKEEP_COMMIT;
  const git = (args: string[]) =>
    execFileSync('git', args, { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  try {
    const commit = git(['rev-parse', '--short=12', 'HEAD']);
    try {
      git(['diff', '--quiet', 'HEAD', '--']);
      return commit;
    } catch {
      return `${commit}-dirty`;
    }
  } catch {
    return 'unknown';
  }
}

/**
 * `vite build --mode single-file` makes the one-file edition (certkeep.html, opened from disk):
 * from file:// Chromium loads no module script or worker from another file, so every dynamic
 * import is inlined into one chunk, CSS into one file, and there is no service worker.
 * scripts/release/single-file.mjs then inlines the chunk and the CSS into the page.
 */
const SINGLE_FILE_MODE = 'single-file';

/** Every file type the installed app can be asked to open (manifest file_handlers → launchQueue). */
const CERT_FILE_TYPES = ['.pem', '.crt', '.cer', '.der', '.p7b', '.p7c', '.pfx', '.p12', '.csr', '.key'];

export default defineConfig(({ mode }) => ({
  define: { __APP_VERSION__: JSON.stringify(version), __APP_COMMIT__: JSON.stringify(buildCommit()) },
  build:
    mode === SINGLE_FILE_MODE
      ? {
          target: 'es2022',
          sourcemap: false,
          modulePreload: false,
          cssCodeSplit: false,
          copyPublicDir: false,
          // One chunk of ~540 kB is the point of this edition, not a mistake to warn about.
          chunkSizeWarningLimit: 2048,
          rolldownOptions: { output: { codeSplitting: false } },
        }
      : { target: 'es2022', sourcemap: false },
  preview: { port: 4173, strictPort: true, host: 'localhost' },
  plugins: [
    preact(),
    mode !== SINGLE_FILE_MODE &&
      VitePWA({
        strategies: 'injectManifest',
        srcDir: 'src/sw',
        filename: 'sw.ts',
        // We register with workbox-window ourselves (src/ui/pwa/) so the page can show "Update available".
        injectRegister: false,
        registerType: 'prompt',
        injectManifest: {
          globPatterns: ['**/*.{js,css,html,png,svg,ico,webmanifest}'],
          maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
          // A classic script: the worker is registered without type "module", and an ES build
          // wraps the vault's on-demand imports in preload code that reads import.meta,
          // which a classic script cannot parse (the worker would fail to start).
          rollupFormat: 'iife',
        },
        manifest: {
          id: '/',
          name: 'Certkeep',
          short_name: 'Certkeep',
          description:
            'An offline certificate vault: keys that never leave, CSRs, PFX/PEM import and export, expiry alerts.',
          start_url: '/',
          scope: '/',
          display: 'standalone',
          theme_color: '#1f4e8c',
          background_color: '#f7f8fa',
          icons: [
            { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
            { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
            { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          ],
          file_handlers: [
            {
              // launchQueue in the page routes the files to Import; a hash here would be dropped.
              action: '/',
              accept: {
                'application/x-pem-file': CERT_FILE_TYPES.filter((t) =>
                  ['.pem', '.crt', '.cer', '.csr', '.key'].includes(t),
                ),
                'application/pkix-cert': ['.der'],
                'application/x-pkcs7-certificates': ['.p7b', '.p7c'],
                'application/x-pkcs12': ['.pfx', '.p12'],
              },
            },
          ],
        },
      }),
  ],
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'threads',
  },
}));
