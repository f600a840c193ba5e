import { expect, test, type Locator, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { openssl, tempDir } from '../tests/support/openssl';
import { haveQrTools, referenceDecoder, zbarTexts } from '../tests/support/qr-tools';
import { createThroughUi } from '../tests/e2e/ui-helpers';

/** Default speed of the QR view (frames per second). */
const FPS = 5;

interface Carry {
  what: string;
  bytes: number;
  parts: number;
  framesRead: number;
  seconds: number;
  idealSeconds: number;
}

/**
 * Seconds to carry a file across as QR codes at the default speed: from the dialog opening to
 * the reference BC-UR decoder holding the whole file, the "camera" being element screenshots
 * read by zbarimg (slower than a real camera, so frames are missed as a camera misses them).
 * `idealSeconds` is a camera that sees every frame: parts 1…n are the fragments, so n / FPS.
 */
async function carry(page: Page, button: Locator, what: string): Promise<Carry> {
  await button.click();
  const dialog = page.getByRole('dialog');
  const qr = dialog.locator('svg.qr-code');
  await expect(qr).toBeVisible();
  const t0 = performance.now();
  const decoder = referenceDecoder();
  const seen = new Set<string>();
  let parts = 1;
  while (!decoder.done() && performance.now() - t0 < 120_000) {
    for (const text of zbarTexts(await qr.screenshot())) {
      if (seen.has(text)) continue;
      seen.add(text);
      parts = Number(/^UR:BYTES\/\d+-(\d+)\//.exec(text)?.[1] ?? 1);
      decoder.receive(text);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const bytes = decoder.bytes().length;
  await page.keyboard.press('Escape');
  return { what, bytes, parts, framesRead: seen.size, seconds, idealSeconds: parts / FPS };
}

test('carry a CSR and a 3-certificate P7B as QR codes', async ({ page }) => {
  test.setTimeout(300_000);
  test.skip(!haveQrTools(), 'zbarimg/qrencode not installed');
  const tmp = tempDir('certkeep-qr-bench-');
  try {
    await createThroughUi(page, 'qr-bench', 'CN=qr-bench.contoso.com', { issuer: 'Unknown' });
    const panel = page.getByRole('region', { name: 'Pending certificate request' });
    const csrPem = await panel.getByLabel('Certificate signing request (PEM)').inputValue();
    const csr = await carry(page, panel.getByRole('button', { name: 'Show as QR codes' }), 'CSR (RSA 2048)');

    // A root, an intermediate and the leaf: the chain an enterprise CA sends back.
    const o = (args: string[], input?: string) => openssl(args, input);
    o([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      tmp.path('root.key'),
      '-out',
      tmp.path('root.pem'),
      '-subj',
      '/CN=Bench Root',
      '-days',
      '60',
    ]);
    o([
      'req',
      '-new',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      tmp.path('int.key'),
      '-out',
      tmp.path('int.csr'),
      '-subj',
      '/CN=Bench Issuing CA',
    ]);
    writeFileSync(tmp.path('ca.ext'), 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n');
    o([
      'x509',
      '-req',
      '-in',
      tmp.path('int.csr'),
      '-CA',
      tmp.path('root.pem'),
      '-CAkey',
      tmp.path('root.key'),
      '-CAcreateserial',
      '-days',
      '50',
      '-extfile',
      tmp.path('ca.ext'),
      '-out',
      tmp.path('int.pem'),
    ]);
    o(
      [
        'x509',
        '-req',
        '-CA',
        tmp.path('int.pem'),
        '-CAkey',
        tmp.path('int.key'),
        '-CAcreateserial',
        '-days',
        '40',
        '-copy_extensions',
        'copy',
        '-out',
        tmp.path('leaf.pem'),
      ],
      csrPem,
    );
    o([
      'crl2pkcs7',
      '-nocrl',
      '-certfile',
      tmp.path('leaf.pem'),
      '-certfile',
      tmp.path('int.pem'),
      '-certfile',
      tmp.path('root.pem'),
      '-outform',
      'DER',
      '-out',
      tmp.path('chain.p7b'),
    ]);
    await panel.getByLabel('Signed certificate file').setInputFiles(tmp.path('chain.p7b'));
    await expect(page.getByRole('navigation', { name: 'Certificate chain' }).getByRole('listitem')).toHaveCount(3, {
      timeout: 30_000,
    });
    const p7b = await carry(page, page.getByRole('button', { name: 'Chain (P7B)' }), 'P7B, 3 certificates');

    const rows = [csr, p7b];
    console.log(
      `\n| carried | bytes | parts (≤ 200 B) | frames read | seconds | every frame seen (n / ${FPS} fps) | ratio |`,
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const r of rows)
      console.log(
        `| ${r.what} | ${r.bytes} | ${r.parts} | ${r.framesRead} | ${r.seconds.toFixed(1)} | ${r.idealSeconds.toFixed(1)} | ${(r.seconds / r.idealSeconds).toFixed(2)}× |`,
      );
    writeFileSync('reports/qr-bench.json', JSON.stringify(rows, null, 2));
  } finally {
    tmp.cleanup();
  }
});
