// First-load JS budget: what index.html makes the browser fetch before the app renders
// (entry scripts + modulepreloads), gzip-compressed as a server would send it.
// Run after `npx vite build`: `node bench/first-load.mjs`. Target ≤ 120 kB gzip (issue 2, 5).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

export function firstLoadScripts(distDir = 'dist') {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const srcs = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]);
  return [...new Set(srcs)].map((src) => {
    const bytes = readFileSync(join(distDir, src.replace(/^\//, '')));
    return { src, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, text: bytes.toString('utf8') };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = firstLoadScripts();
  const total = files.reduce((n, f) => n + f.gzip, 0);
  console.log('| first-load script | raw | gzip |\n|---|---:|---:|');
  for (const f of files)
    console.log(`| ${f.src} | ${(f.raw / 1024).toFixed(1)} kB | ${(f.gzip / 1024).toFixed(1)} kB |`);
  console.log(`| **total** | | **${(total / 1024).toFixed(1)} kB** (target ≤ 120 kB) |`);
}
