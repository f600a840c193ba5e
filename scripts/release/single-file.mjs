// certkeep.html: the `--mode single-file` build (one JS chunk, one CSS file, no service worker)
// folded into one page that works opened from disk. From file:// Chromium fetches no module
// script, stylesheet or worker from another file, so everything is inline, the CSP allows
// exactly these two inline blocks by hash, and the public icons become data: URLs.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';

const ICON_TYPES = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

/** The style block of the notice at the top of the page (kept small, in the page's own colours). */
const NOTE_CSS =
  '.single-file-note{margin:0;padding:.5rem 1rem;background:var(--surface);' +
  'border-bottom:2px solid var(--warn);font-size:.9rem}';

function sha256Source(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The policy of the single file: no origin at all (a file:// page's 'self' would match every
 * local file), the two inline blocks by hash, images only as data:/blob:, no network of any kind.
 */
export function singleFilePolicy(script, style) {
  return [
    "default-src 'none'",
    `script-src ${sha256Source(script)}`,
    `style-src ${sha256Source(style)}`,
    'img-src data: blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/** `/favicon.svg` and friends as data: URLs: from disk, `/x` would mean the root of the drive. */
function publicDataUrls(publicDir) {
  const urls = new Map();
  for (const name of readdirSync(publicDir).sort()) {
    const type = ICON_TYPES[extname(name)];
    if (type) urls.set(`/${name}`, `data:${type};base64,${readFileSync(join(publicDir, name)).toString('base64')}`);
  }
  return urls;
}

function replaceQuoted(text, path, replacement) {
  let out = text;
  for (const q of ['`', '"', "'"]) out = out.split(`${q}${path}${q}`).join(`${q}${replacement}${q}`);
  return out;
}

/**
 * Inline script text must not close its element or open an HTML comment (HTML §4.12.1.3);
 * `<\/script` means the same in a JS string, template or regular expression.
 */
function inlineSafeScript(js) {
  if (/<!--/.test(js)) throw new Error('single file: the bundle contains "<!--", which an inline script cannot hold');
  return js.replace(/<\/(script)/gi, '<\\/$1');
}

function singleMatch(html, re, what) {
  const all = [...html.matchAll(re)];
  if (all.length !== 1)
    throw new Error(`single file: expected one ${what} in the build's index.html, found ${all.length}`);
  return all[0];
}

/**
 * Folds the single-file build in `buildDir` into one HTML page.
 * @param {{ buildDir: string, publicDir: string, version: string, commit: string }} options
 * @returns {{ html: string, policy: string }}
 */
export function makeSingleFile({ buildDir, publicDir, version, commit }) {
  let html = readFileSync(join(buildDir, 'index.html'), 'utf8');
  const scriptTag = singleMatch(
    html,
    /<script type="module"[^>]*\ssrc="\/([^"]+)"[^>]*><\/script>\s*/g,
    'module script',
  );
  const styleTag = singleMatch(html, /<link rel="stylesheet"[^>]*\shref="\/([^"]+)"[^>]*>\s*/g, 'stylesheet');
  let js = readFileSync(join(buildDir, scriptTag[1]), 'utf8');
  const css = `${readFileSync(join(buildDir, styleTag[1]), 'utf8').trim()}\n${NOTE_CSS}\n`;
  if (/<\/style/i.test(css)) throw new Error('single file: the stylesheet contains "</style"');

  const icons = publicDataUrls(publicDir);
  for (const [path, url] of icons) js = replaceQuoted(js, path, url);
  const leftover = [...icons.keys()].filter((path) => js.includes(path));
  if (leftover.length) throw new Error(`single file: the bundle still names ${leftover.join(', ')}`);
  const script = `\n${inlineSafeScript(js.trim())}\n`;

  html = html.replace(scriptTag[0], '').replace(styleTag[0], '');
  // The touch icon means nothing for a file; the tab icon becomes a data: URL.
  html = html.replace(/\s*<link rel="apple-touch-icon"[^>]*>/, '');
  // Function replacers throughout: the bundle is full of `$&` and `$'`, which a string replacement would expand.
  html = html.replace('href="/favicon.svg"', () => `href="${icons.get('/favicon.svg') ?? ''}"`);
  const policy = singleFilePolicy(script, css);
  const meta = singleMatch(html, /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/g, 'CSP meta');
  html = html.replace(meta[0], () => `${meta[1]}${policy}${meta[3]}`);
  html = html.replace(/\s*<!--\s*Air-gapped by construction[\s\S]*?-->/, '');
  html = html.replace(
    '</head>',
    () => `    <style>${css}</style>\n    <script type="module">${script}</script>\n  </head>`,
  );
  html = html.replace('<body>', () => `<body>\n    ${noteHtml(version)}`);
  html = html.replace('<!doctype html>', () => `<!doctype html>\n${headerComment(version, commit)}`);
  for (const left of html.matchAll(/\s(?:src|href)="\/[^"]*"/g)) {
    throw new Error(`single file: the page still refers to a file beside it: ${left[0].trim()}`);
  }
  return { html, policy };
}

function headerComment(version, commit) {
  return `<!--
  Certkeep ${version} (commit ${commit}), single-file edition: the whole app in this one page,
  for a machine where nothing may be run. Open it from disk (file://) in Chromium, Chrome or Edge.
  The vault lives in this browser's storage for files opened from disk, as the served app's lives
  in the storage of its http://localhost:<port> origin: the two are separate vaults.
  Needs the served mode (serve.mjs, serve.py or serve.ps1 from the same bundle):
    - installing Certkeep as an app (a file cannot have a service worker or a manifest);
    - background expiry notifications (checks run while this page is open, and are listed in it).
-->`;
}

function noteHtml(version) {
  return (
    `<aside class="single-file-note" aria-label="Single-file edition">` +
    `<strong>Certkeep ${version}, single file.</strong> Everything runs in this page, offline; the vault is ` +
    `kept in this browser for files opened from disk. Installing the app and background expiry ` +
    `notifications need the served mode: start serve.mjs, serve.py or serve.ps1 from the bundle.</aside>`
  );
}
