#!/usr/bin/env node
// Serves Certkeep (the app/ folder beside this file) on http://localhost:<port>, with nothing but
// Node's built-ins. Loopback only: the vault holds private keys, and this server must never be
// reachable from another machine. localhost is a secure context, so the service worker,
// installation, notifications and WebCrypto all work.
//
//   node serve.mjs [--port N]        (or CERTKEEP_PORT=N; default 4173; 0 picks a free port)
//
// Keep the same port from one day to the next: the browser keeps the vault per origin, and
// http://localhost:4174 is a different, empty vault from http://localhost:4173.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const VERSION = '%CERTKEEP_VERSION%';
const CSP = '%CERTKEEP_CSP%';
const HOST = '127.0.0.1';
const DEFAULT_PORT = 4173;
const ROOT = resolve(fileURLToPath(new URL('./app/', import.meta.url)));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

const HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
  // Revalidate every time: after the bundle is replaced, sw.js must be seen as new.
  'Cache-Control': 'no-cache',
};

function fail(message) {
  console.error(`serve.mjs: ${message}`);
  process.exit(2);
}

function parseArgs(argv, env) {
  let port = env.CERTKEEP_PORT;
  let host = env.CERTKEEP_HOST;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const [flag, inline] = arg.split('=', 2);
    const value = () => inline ?? argv[(i += 1)];
    if (flag === '--port') port = value();
    else if (flag === '--host') host = value();
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node serve.mjs [--port N]   (or CERTKEEP_PORT=N; default 4173, 0 = any free port)');
      process.exit(0);
    } else if (/^\d+$/.test(arg)) port = arg;
    else fail(`unknown argument ${arg} (try --help)`);
  }
  if (host !== undefined && host !== HOST && host !== 'localhost') {
    fail(`refusing to listen on ${host}: Certkeep serves 127.0.0.1 only, so no other machine can reach it.`);
  }
  const number = port === undefined || port === '' ? DEFAULT_PORT : Number(port);
  if (!Number.isInteger(number) || number < 0 || number > 65535) fail(`not a port number: ${port}`);
  return number;
}

async function fileFor(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  if (path.endsWith('/')) path += 'index.html';
  const full = resolve(ROOT, `.${path}`);
  // Nothing outside app/, whatever the dots and slashes say.
  if (!full.startsWith(ROOT + sep)) return undefined;
  const info = await stat(full).catch(() => undefined);
  return info?.isFile() ? full : undefined;
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...HEADERS, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Method not allowed\n');
    return;
  }
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const file = await fileFor(pathname);
  if (!file) {
    res.writeHead(404, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, {
    ...HEADERS,
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': body.length,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

if (!CSP.includes('default-src')) fail('this is the template: run the copy inside a release bundle (npm run package).');
const port = parseArgs(process.argv.slice(2), process.env);
const server = createServer((req, res) => {
  handle(req, res).catch(() => {
    if (!res.headersSent) res.writeHead(500, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Internal error\n');
  });
});
server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') fail(`port ${port} is in use: pass another with --port N (and keep using it).`);
  fail(error.message);
});
server.listen(port, HOST, () => {
  const { port: actual } = server.address();
  console.log(`Certkeep ${VERSION} is served at http://localhost:${actual}/ (127.0.0.1 only). Ctrl+C stops it.`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));
