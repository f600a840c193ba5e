import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { openssl, runTool, selfSignedFiles, tempDir } from '../support/openssl';
import { haveQrTools, qrencodeModules, referenceParts, referencePartsOfType } from '../support/qr-tools';
import { writeQrY4m } from '../support/y4m';
import { launchWithFakeCamera } from './fake-camera';
import { createThroughUi, expectNoSeriousA11yViolations } from './ui-helpers';

// Each test launches its own Chromium with a fake camera; two at once would share the 2 cores with the decoders.
test.describe.configure({ mode: 'serial' });

/** A video of QR codes of these texts, each code 2 frames at 10 frames/s (5 codes a second). */
const film = (path: string, texts: string[]) => writeQrY4m(path, texts.map(qrencodeModules), { fps: 10, repeat: 2 });

/** The CA that signs on the far side of the gap: openssl, with a leaf for the pending CSR and its P7B. */
function signWithOpenssl(tmp: ReturnType<typeof tempDir>, csrPem: string): { p7b: Buffer; caPem: string } {
  selfSignedFiles({
    key: 'rsa',
    subj: '/CN=Scan Test CA',
    days: 30,
    keyOut: tmp.path('ca.key'),
    certOut: tmp.path('ca.pem'),
  });
  openssl(
    [
      'x509',
      '-req',
      '-CA',
      tmp.path('ca.pem'),
      '-CAkey',
      tmp.path('ca.key'),
      '-CAcreateserial',
      '-days',
      '20',
      '-out',
      tmp.path('leaf.pem'),
    ],
    csrPem,
  );
  openssl([
    'crl2pkcs7',
    '-nocrl',
    '-certfile',
    tmp.path('leaf.pem'),
    '-certfile',
    tmp.path('ca.pem'),
    '-outform',
    'DER',
    '-out',
    tmp.path('chain.p7b'),
  ]);
  return { p7b: readFileSync(tmp.path('chain.p7b')), caPem: readFileSync(tmp.path('ca.pem'), 'utf8') };
}

async function openScanner(page: Page) {
  const panel = page.getByRole('region', { name: 'Pending certificate request' });
  await panel.getByRole('button', { name: 'Scan QR codes' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scan QR codes: Signed certificate file' });
  await expect(dialog).toBeVisible();
  return { panel, dialog };
}

test('a signed chain scanned by camera, parts out of order and a third of them never seen: the merge completes', async () => {
  test.skip(!haveQrTools(), 'zbarimg/qrencode not installed');
  const tmp = tempDir('certkeep-scan-');
  const video = tmp.path('camera.y4m');
  film(video, ['waiting']);
  const camera = await launchWithFakeCamera(video);
  try {
    const page = await camera.context.newPage();
    await createThroughUi(page, 'scan-web', 'CN=scan.contoso.com', { issuer: 'Unknown' });
    const csrPem = await page.getByLabel('Certificate signing request (PEM)').inputValue();
    const { p7b } = signWithOpenssl(tmp, csrPem);

    // The reference encoder's parts: drop every third pure fragment, mix in fountain parts, shuffle.
    const seqLen = Number(/^UR:BYTES\/1-(\d+)\//.exec(referenceParts(p7b, 1)[0] ?? '')?.[1]);
    expect(seqLen).toBeGreaterThan(3);
    const all = referenceParts(p7b, seqLen * 3);
    const kept = all.filter((_, i) => i >= seqLen || i % 3 !== 1);
    const shuffled = kept.map((p, i) => ({ p, k: (i * 7 + 3) % kept.length })).sort((a, b) => a.k - b.k);
    film(
      video,
      shuffled.map((s) => s.p),
    );

    const { dialog } = await openScanner(page);
    await expect(dialog.getByTestId('scan-progress')).toHaveText(new RegExp(`^\\d+ of ~${seqLen} parts$`), {
      timeout: 20_000,
    });
    await page.screenshot({ path: 'reports/ui-transfer-scan.png' });
    await expectNoSeriousA11yViolations(page, 'scanner');
    const received = dialog.getByTestId('scan-received');
    await expect(received).toBeVisible({ timeout: 30_000 });
    await expect(received.getByTestId('scan-sha256')).toHaveText(createHash('sha256').update(p7b).digest('hex'));
    await expect(received).toContainText(`${p7b.length.toLocaleString('en')} bytes`);
    await page.screenshot({ path: 'reports/ui-transfer-scan-received.png' });
    await received.getByRole('button', { name: 'Use it' }).click();

    await expect(page.getByTestId('cert-status')).toHaveText('expires in 20 days', { timeout: 30_000 });
    const chain = page.getByRole('navigation', { name: 'Certificate chain' });
    await expect(chain.getByRole('listitem')).toHaveCount(2);
    await expect(chain).toContainText('CN = Scan Test CA');
  } finally {
    await camera.close();
    tmp.cleanup();
  }
});

test('garbage, another UR type, a certificate for another key: each refused in words, nothing merged', async () => {
  test.skip(!haveQrTools(), 'zbarimg/qrencode not installed');
  const tmp = tempDir('certkeep-scan-bad-');
  const video = tmp.path('camera.y4m');
  film(video, ['waiting']);
  const camera = await launchWithFakeCamera(video);
  try {
    const page = await camera.context.newPage();
    await createThroughUi(page, 'scan-bad', 'CN=bad.contoso.com', { issuer: 'Unknown' });
    const csrPem = await page.getByLabel('Certificate signing request (PEM)').inputValue();
    const { caPem } = signWithOpenssl(tmp, csrPem);
    const status = page.getByTestId('operation-status');

    film(video, ['hello, this is not a certificate', 'https://example.com/a', 'WIFI:S:lab;T:WPA;P:secret;;']);
    let { dialog } = await openScanner(page);
    await expect(dialog.getByTestId('scan-refused')).toContainText('not a certificate transfer', { timeout: 20_000 });
    await expect(dialog.getByTestId('scan-received')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();

    film(video, referencePartsOfType('crypto-psbt', new Uint8Array(600).fill(7), 8));
    ({ dialog } = await openScanner(page));
    await expect(dialog.getByTestId('scan-refused')).toContainText('“ur:crypto-psbt”, not a file', { timeout: 20_000 });
    await expect(dialog.getByTestId('scan-received')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The CA's own certificate: it reads fine, but carries another key than the pending one.
    const caDer = Buffer.from(caPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    film(video, referenceParts(caDer, 12));
    ({ dialog } = await openScanner(page));
    await dialog.getByTestId('scan-received').getByRole('button', { name: 'Use it' }).click({ timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Pending certificate request' }).getByRole('alert')).toContainText(
      'does not match the public part of the specified private key',
    );
    await expect(status).toHaveText('Waiting for the signed certificate');
  } finally {
    await camera.close();
    tmp.cleanup();
  }
});

test('no camera: the scanner says so; photos of the codes, picked as files, reach the same import preview', async ({
  page,
}) => {
  test.skip(!haveQrTools(), 'zbarimg/qrencode not installed');
  const tmp = tempDir('certkeep-scan-still-');
  try {
    selfSignedFiles({
      key: 'ec',
      subj: '/CN=still.contoso.com',
      days: 40,
      keyOut: tmp.path('key.pem'),
      certOut: tmp.path('cert.pem'),
    });
    const pem = Buffer.from(readFileSync(tmp.path('cert.pem'), 'utf8') + readFileSync(tmp.path('key.pem'), 'utf8'));
    const parts = referenceParts(pem, 12);
    const files = parts.map((p, i) => {
      const file = tmp.path(`photo-${i}.png`);
      writeFileSync(file, runTool('qrencode', ['-t', 'PNG', '-s', '6', '-m', '4', '-o', '-'], p));
      return file;
    });

    await page.goto('/#/import');
    await page.getByRole('button', { name: 'Scan QR codes' }).click();
    const dialog = page.getByRole('dialog', { name: /^Scan QR codes: Certificate file/ });
    // Headless Chromium without a fake device has no camera: a sentence, not a blank box.
    await expect(dialog.getByRole('alert')).toContainText(/camera/i);
    await dialog.getByLabel('Or read photos or screenshots of the codes (or paste one)').setInputFiles(files.reverse());
    const received = dialog.getByTestId('scan-received');
    await expect(received.getByTestId('scan-sha256')).toHaveText(createHash('sha256').update(pem).digest('hex'));
    await received.getByRole('button', { name: 'Use it' }).click();
    await expect(dialog).toHaveCount(0);

    await expect(page.getByTestId('import-file')).toContainText('scanned-qr.pem');
    await expect(page.getByTestId('key-present')).toHaveText('A private key, and:');
    await expect(page.getByLabel('Name')).toHaveValue('still-contoso-com');
    await page.getByRole('button', { name: 'Import' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'still-contoso-com' })).toBeVisible({ timeout: 30_000 });
  } finally {
    tmp.cleanup();
  }
});
