// The real files the fuzzer mutates: made here with openssl (every PFX flavour the importer
// reads, PEM bundles, an encrypted PKCS#8, certificates, P7B, CSRs) and taken from
// ../shared/corpus (pyca's vectors, passwords from CATALOG.tsv) when it is there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CORPUS = resolve(process.env.CERTKEEP_SHARED_DIR ?? resolve(import.meta.dirname, '../../../shared'), 'corpus');

export function openssl(args, input) {
  const r = spawnSync('openssl', args, { input });
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** A temp folder and a function that reads a file of it. */
export function workDir() {
  const dir = mkdtempSync(join(tmpdir(), 'certkeep-fuzz-'));
  return {
    path: (f) => join(dir, f),
    read: (f) => new Uint8Array(readFileSync(join(dir, f))),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A CA (root) that signs CSRs, for merge seeds. */
export function makeCa(w) {
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    w.path('ca.key'),
    '-out',
    w.path('ca.pem'),
    '-subj',
    '/CN=Fuzz CA',
    '-days',
    '30',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return {
    caPem: readFileSync(w.path('ca.pem'), 'utf8'),
    /** the leaf for a CSR (PEM text in, PEM text out) */
    sign(csrPem) {
      return openssl(
        ['x509', '-req', '-CA', w.path('ca.pem'), '-CAkey', w.path('ca.key'), '-days', '10', '-set_serial', '7'],
        csrPem,
      ).toString();
    },
  };
}

/**
 * openssl-made seeds: { kind, name, bytes, password? }. kinds: pfx, pem-bundle, cert, p7b, csr.
 */
export function opensslSeeds(w) {
  const seeds = [];
  const add = (kind, name, bytes, password) => seeds.push({ kind, name, bytes, password });
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    w.path('ec.key'),
    '-out',
    w.path('ec.pem'),
    '-subj',
    '/CN=fuzz-ec/O=Contoso',
    '-days',
    '30',
    '-addext',
    'subjectAltName=DNS:fuzz.contoso.com',
  ]);
  openssl([
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    w.path('rsa.key'),
    '-out',
    w.path('rsa.pem'),
    '-subj',
    '/CN=fuzz-rsa',
    '-days',
    '30',
  ]);
  const pfx = (name, key, cert, extra, password = 'pw') => {
    openssl([
      'pkcs12',
      '-export',
      '-inkey',
      w.path(key),
      '-in',
      w.path(cert),
      '-passout',
      `pass:${password}`,
      ...extra,
      '-out',
      w.path(name),
    ]);
    add('pfx', name, w.read(name), password);
  };
  pfx('aes.p12', 'ec.key', 'ec.pem', []);
  pfx('legacy.p12', 'ec.key', 'ec.pem', ['-legacy']);
  pfx('3des.p12', 'rsa.key', 'rsa.pem', ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES']);
  pfx('nomac.p12', 'ec.key', 'ec.pem', ['-nomac']);
  pfx('nomac-legacy.p12', 'ec.key', 'ec.pem', ['-nomac', '-legacy']);
  pfx('empty-password.p12', 'ec.key', 'ec.pem', [], '');
  pfx('sha512-mac.p12', 'rsa.key', 'rsa.pem', ['-macalg', 'sha512', '-iter', '4096']);
  const text = (f) => readFileSync(w.path(f));
  add('pem-bundle', 'ec-bundle.pem', new Uint8Array(Buffer.concat([text('ec.key'), text('ec.pem')])));
  add('pem-bundle', 'rsa-bundle.pem', new Uint8Array(Buffer.concat([text('rsa.key'), text('rsa.pem')])));
  openssl([
    'pkcs8',
    '-topk8',
    '-in',
    w.path('ec.key'),
    '-v2',
    'aes-256-cbc',
    '-v2prf',
    'hmacWithSHA256',
    '-passout',
    'pass:pw',
    '-out',
    w.path('ec-enc.key'),
  ]);
  add('pem-bundle', 'encrypted-key.pem', new Uint8Array(Buffer.concat([text('ec-enc.key'), text('ec.pem')])), 'pw');
  add('cert', 'ec.pem', w.read('ec.pem'));
  add('cert', 'rsa.der', new Uint8Array(openssl(['x509', '-in', w.path('rsa.pem'), '-outform', 'DER'])));
  add(
    'p7b',
    'two.p7b',
    new Uint8Array(
      openssl([
        'crl2pkcs7',
        '-nocrl',
        '-certfile',
        w.path('ec.pem'),
        '-certfile',
        w.path('rsa.pem'),
        '-outform',
        'DER',
      ]),
    ),
  );
  add(
    'csr',
    'req.pem',
    new Uint8Array(
      openssl([
        'req',
        '-new',
        '-key',
        w.path('ec.key'),
        '-subj',
        '/CN=csr.contoso.com',
        '-addext',
        'subjectAltName=DNS:csr.contoso.com',
      ]),
    ),
  );
  add(
    'csr',
    'req.der',
    new Uint8Array(openssl(['req', '-new', '-key', w.path('rsa.key'), '-subj', '/CN=rsa-csr', '-outform', 'DER'])),
  );
  return seeds;
}

const KIND_OF = { pfx: 'pfx', cert: 'cert', csr: 'csr', p7b: 'p7b', key: undefined };

/** pyca's vectors from ../shared/corpus, with their catalogued passwords; [] without the corpus. */
export function corpusSeeds() {
  const catalog = join(CORPUS, 'CATALOG.tsv');
  if (!existsSync(catalog)) return [];
  const [, ...lines] = readFileSync(catalog, 'utf8').trim().split('\n');
  const seeds = [];
  for (const line of lines) {
    const [path, kind, , password] = line.split('\t');
    const k = KIND_OF[kind];
    if (!k) continue;
    seeds.push({
      kind: k,
      name: `corpus:${path}`,
      bytes: new Uint8Array(readFileSync(join(CORPUS, path))),
      password: password === '-' ? undefined : password === '(empty)' ? '' : password,
    });
  }
  return seeds;
}
