// Access control in Chromium (ARCHITECTURE §8 "Access"), all in one run and one page so the
// figures compare: unlock with a passphrase (PBKDF2-SHA256, 600 000 iterations) and the first
// signature after it; then sealed keys (protected vault) against the unsealed path
// (unprotected vault), same key kind, same algorithms: the first use of an algorithm (unseal
// or export + import) and steady signing/decrypting once the key is cached; and the gate's
// cost on a plain read. Reference: `openssl kdf … PBKDF2` with the same iterations (process
// start included), i.e. what one offline guess costs with a tool no one here wrote.
//
// Run: `node bench/access-chromium.mjs [runs]` (default 5). Not part of npm test.
import { spawnSync } from 'node:child_process';
import { bundleIife, launchBenchPage, median } from './bench-kit.mjs';

const RUNS = Number(process.argv[2] ?? 5);
const code = await bundleIife('src/vault/index.ts', 'vault');

const { browser, page } = await launchBenchPage(code, 'vault', 'http://localhost:4199');

const result = await page.evaluate(async (RUNS) => {
  const api = globalThis.vault;
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = async (fn) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  const times = async (n, fn) => {
    const ms = [];
    for (let i = 0; i < n; i++) ms.push(await time(() => fn(i)));
    return med(ms);
  };
  const data = new TextEncoder().encode('bench');
  const policy = { subject: 'CN=bench', keyUsage: ['digitalSignature', 'keyEncipherment', 'dataEncipherment'] };
  const stamp = Date.now();
  const plain = await api.openVault({ name: `bench-plain-${stamp}` });
  const sealed = await api.openVault({ name: `bench-sealed-${stamp}` });
  const passphrase = 'a passphrase for the bench';
  await sealed.protect({ principal: 'bench', passphrase });
  for (const v of [plain, sealed]) {
    await v.createCertificate('rsa', policy);
    await v.createCertificate('rsa-n', { ...policy, exportable: false });
    await v.createCertificate('ec', { subject: 'CN=ec', keyType: 'EC' });
  }
  const rows = {};

  // Raw PBKDF2 in WebCrypto: what one guess costs (the unlock minus the unwrap).
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveBits',
  ]);
  rows['PBKDF2-SHA256 600 000 (WebCrypto deriveBits)'] = await times(RUNS, () =>
    crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600_000 }, base, 256),
  );

  // Unlock, then the first signature (unseal + import for RS256), per run.
  const unlock = [];
  const first = [];
  for (let i = 0; i < RUNS; i++) {
    await sealed.lock();
    unlock.push(await time(() => sealed.unlock({ principal: 'bench', passphrase })));
    first.push(await time(async () => (await sealed.getCryptographyClient('rsa')).signData('RS256', data)));
  }
  rows['unlock (passphrase, 600 000 iterations)'] = med(unlock);
  rows['first RS256 signature after unlock (RSA 2048, sealed)'] = med(first);

  // The same for both vaults: cold first use of each algorithm, then steady use.
  const cold = async (v, reset) => {
    const ms = [];
    for (let i = 0; i < RUNS; i++) {
      await reset();
      const c = await v.getCryptographyClient('rsa');
      const ct = (await c.encrypt({ algorithm: 'RSA-OAEP-256', plaintext: data })).result;
      ms.push(
        await time(async () => {
          await c.signData('PS256', data);
          await c.signData('RS384', data);
          await c.decrypt({ algorithm: 'RSA-OAEP-256', ciphertext: ct });
        }),
      );
    }
    return med(ms) / 3;
  };
  rows['first use of an algorithm (PS256, RS384, RSA-OAEP-256), unsealed: export + import'] = await cold(plain, () =>
    plain.lock(),
  );
  rows['first use of an algorithm, sealed: AES-GCM open + import'] = await cold(sealed, async () => {
    await sealed.lock();
    await sealed.unlock({ principal: 'bench', passphrase });
  });

  const steady = async (v, name, op) => {
    const c = await v.getCryptographyClient(name);
    const ct = op === 'decrypt' ? (await c.encrypt({ algorithm: 'RSA-OAEP-256', plaintext: data })).result : null;
    const call =
      op === 'decrypt' ? () => c.decrypt({ algorithm: 'RSA-OAEP-256', ciphertext: ct }) : () => c.signData(op, data);
    await call();
    return times(RUNS * 10, call);
  };
  for (const [label, name, op] of [
    ['PS256, exportable RSA 2048', 'rsa', 'PS256'],
    ['RS256, non-exportable RSA 2048', 'rsa-n', 'RS256'],
    ['RSA-OAEP-256 decrypt, RSA 2048', 'rsa', 'decrypt'],
    ['ES256, exportable EC P-256', 'ec', 'ES256'],
  ]) {
    rows[`steady ${label}: unsealed`] = await steady(plain, name, op);
    rows[`steady ${label}: sealed`] = await steady(sealed, name, op);
  }
  rows['getCertificate (gate: header + access row + HMAC): unprotected'] = await times(RUNS * 10, () =>
    plain.getCertificate('rsa'),
  );
  rows['getCertificate: protected, unlocked'] = await times(RUNS * 10, () => sealed.getCertificate('rsa'));
  plain.close();
  sealed.close();
  return rows;
}, RUNS);

const openssl = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  const r = spawnSync('openssl', [
    'kdf',
    '-keylen',
    '32',
    '-kdfopt',
    'digest:SHA256',
    '-kdfopt',
    'pass:a passphrase for the bench',
    '-kdfopt',
    'salt:0123456789abcdef',
    '-kdfopt',
    'iter:600000',
    'PBKDF2',
  ]);
  if (r.status !== 0) throw new Error(`openssl kdf failed: ${r.stderr}`);
  openssl.push(performance.now() - t);
}
result['openssl kdf PBKDF2 SHA256 600 000 (process start included)'] = median(openssl);

console.log(`access bench in Chromium (${await browser.version()}), medians of ${RUNS} (steady: ${RUNS * 10})`);
console.log('| measure | ms |\n|---|---:|');
for (const [k, v] of Object.entries(result)) console.log(`| ${k} | ${v.toFixed(2)} |`);
const ratio =
  result['PBKDF2-SHA256 600 000 (WebCrypto deriveBits)'] /
  result['openssl kdf PBKDF2 SHA256 600 000 (process start included)'];
console.log(`PBKDF2 WebCrypto / openssl: ${ratio.toFixed(2)}×`);
await browser.close();
