import { resolve } from 'node:path';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');
const cache = new Map<string, Promise<string>>();

interface OutputLike {
  output: { type: string; code?: string; isEntry?: boolean }[];
}

/**
 * Bundles one source entry (e.g. src/pki/index.ts) into an IIFE that sets `globalThis[name]`,
 * with vite's own build (lib mode, nothing written to disk). No app config and no PWA plugin:
 * the harness page tests the module, not the app shell. Cached per entry and name.
 */
export function bundleEntry(entry: string, name: string): Promise<string> {
  const key = `${entry}\0${name}`;
  let code = cache.get(key);
  if (!code) {
    code = (async () => {
      const result = (await build({
        configFile: false,
        root: ROOT,
        logLevel: 'warn',
        define: { 'process.env.NODE_ENV': JSON.stringify('production') },
        build: {
          write: false,
          minify: false,
          target: 'es2022',
          emptyOutDir: false,
          lib: { entry: resolve(ROOT, entry), formats: ['iife'], name, fileName: () => `${name}.js` },
        },
      })) as OutputLike | OutputLike[];
      const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
      const chunk = outputs.find((o) => o.type === 'chunk' && o.isEntry) ?? outputs.find((o) => o.type === 'chunk');
      if (!chunk?.code) throw new Error(`vite produced no chunk for ${entry}`);
      return chunk.code;
    })();
    cache.set(key, code);
  }
  return code;
}
