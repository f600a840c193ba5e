// `npm run package`: the release bundle for an air-gapped machine, as a folder and a zip:
//   release/certkeep-<version>/   app/ (the production build), serve.mjs, serve.py, serve.ps1,
//                                 certkeep.html (the whole app in one file), README.txt, SHA256SUMS
//   release/certkeep-<version>.zip (the same files under certkeep-<version>/) and its .sha256
// Reproducible: no dates, no random ids, sorted entries with fixed timestamps, so two runs from
// one commit (with one Node) give the same bytes. `--out DIR` writes somewhere else than release/.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { build } from 'vite';
import { makeSingleFile } from './release/single-file.mjs';
import { writeZip } from './release/zip-writer.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const TEMPLATES = join(import.meta.dirname, 'release', 'bundle');
/** Launchers a person runs directly: executable in the folder and in the zip. */
const EXECUTABLE = new Set(['serve.mjs', 'serve.py']);

function outDirFromArgs(argv) {
  const i = argv.indexOf('--out');
  return resolve(i >= 0 && argv[i + 1] ? argv[i + 1] : join(ROOT, 'release'));
}

/** The same rule as vite.config.ts, fixed once here so the build and README.txt agree. */
function commitId() {
  if (process.env.CERTKEEP_COMMIT) return process.env.CERTKEEP_COMMIT;
  const git = (args) =>
    execFileSync('git', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
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

/** The page's policy (index.html's meta) plus what only a header can carry. */
function headerPolicy(appIndexHtml) {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(appIndexHtml);
  if (!meta) throw new Error('package: the built index.html has no CSP meta tag');
  return `${meta[1]}; frame-ancestors 'none'`;
}

/** Each placeholder once, as a literal of the launcher's language. */
function fillTemplate(file, values, quote) {
  let text = readFileSync(join(TEMPLATES, file), 'utf8');
  for (const [key, value] of Object.entries(values)) {
    const token = `'%CERTKEEP_${key}%'`;
    const count = text.split(token).length - 1;
    if (count !== 1) throw new Error(`package: ${file} must hold ${token} exactly once, found ${count}`);
    text = text.replace(token, () => quote(value));
  }
  return text;
}

const jsString = (s) => JSON.stringify(s);
// Python reads a JSON string literal of ASCII text the same way.
const pyString = (s) => JSON.stringify(s);
const psString = (s) => `'${s.replaceAll("'", "''")}'`;

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

async function viteBuild(mode, outDir, commit) {
  process.env.CERTKEEP_COMMIT = commit;
  await build({ root: ROOT, mode, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

async function main() {
  const outRoot = outDirFromArgs(process.argv.slice(2));
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const commit = commitId();
  const name = `certkeep-${version}`;
  const bundle = join(outRoot, name);
  const zipPath = join(outRoot, `${name}.zip`);
  rmSync(bundle, { recursive: true, force: true });
  rmSync(zipPath, { force: true });
  mkdirSync(bundle, { recursive: true });

  await viteBuild('production', join(bundle, 'app'), commit);
  const singleBuild = mkdtempSync(join(tmpdir(), 'certkeep-single-'));
  try {
    await viteBuild('single-file', singleBuild, commit);
    const { html } = makeSingleFile({ buildDir: singleBuild, publicDir: join(ROOT, 'public'), version, commit });
    writeFileSync(join(bundle, 'certkeep.html'), html);
  } finally {
    rmSync(singleBuild, { recursive: true, force: true });
  }

  const csp = headerPolicy(readFileSync(join(bundle, 'app', 'index.html'), 'utf8'));
  const values = { VERSION: version, CSP: csp };
  writeFileSync(join(bundle, 'serve.mjs'), fillTemplate('serve.mjs', values, jsString));
  writeFileSync(join(bundle, 'serve.py'), fillTemplate('serve.py', values, pyString));
  writeFileSync(join(bundle, 'serve.ps1'), fillTemplate('serve.ps1', values, psString));
  const readme = readFileSync(join(TEMPLATES, 'README.txt'), 'utf8')
    .replaceAll('{{VERSION}}', version)
    .replaceAll('{{COMMIT}}', commit)
    .replaceAll('{{CSP}}', csp);
  writeFileSync(join(bundle, 'README.txt'), readme);
  for (const file of EXECUTABLE) chmodSync(join(bundle, file), 0o755);

  const sums = listFiles(bundle)
    .filter((f) => f !== 'SHA256SUMS')
    .map((f) => `${sha256(readFileSync(join(bundle, f)))}  ${f}\n`)
    .join('');
  writeFileSync(join(bundle, 'SHA256SUMS'), sums);

  const files = listFiles(bundle);
  const folders = new Set([`${name}/`]);
  for (const f of files) {
    const parts = f.split('/').slice(0, -1);
    parts.forEach((_, i) => folders.add(`${name}/${parts.slice(0, i + 1).join('/')}/`));
  }
  const zip = writeZip([
    ...[...folders].map((folder) => ({ name: folder })),
    ...files.map((f) => ({
      name: `${name}/${f}`,
      data: readFileSync(join(bundle, f)),
      mode: EXECUTABLE.has(f) ? 0o755 : 0o644,
    })),
  ]);
  writeFileSync(zipPath, zip);
  const zipSum = sha256(zip);
  writeFileSync(`${zipPath}.sha256`, `${zipSum}  ${name}.zip\n`);
  console.log(`\n${relative(process.cwd(), zipPath)}  (${files.length} files, ${(zip.length / 1024).toFixed(0)} kB)`);
  console.log(`sha256 ${zipSum}  (commit ${commit}): publish it beside the zip so the offline side can check it.`);
}

await main();
