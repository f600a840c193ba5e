import { expect, test, type Locator } from '@playwright/test';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { openssl } from '../support/openssl';
import { haveQrTools, referenceDecoder, zbarTexts } from '../support/qr-tools';
import { createThroughUi, expectNoSeriousA11yViolations } from './ui-helpers';

/** Plays the dialog's frames through zbarimg into the reference decoder until it holds the file. */
async function readFrames(qr: Locator): Promise<Buffer> {
  const decoder = referenceDecoder();
  for (let shot = 0; shot < 200 && !decoder.done(); shot++) {
    for (const text of zbarTexts(await qr.screenshot())) decoder.receive(text);
  }
  return Buffer.from(decoder.bytes());
}

const derOfPem = (pem: string): Buffer =>
  Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');

test('a CSR shown as animated QR codes: zbarimg reads the frames, the reference BC-UR decoder rebuilds the exact DER', async ({
  page,
}) => {
  test.skip(!haveQrTools(), 'zbarimg/qrencode not installed');
  await createThroughUi(page, 'qr-web', 'CN=qr.contoso.com', { issuer: 'Unknown' });
  const panel = page.getByRole('region', { name: 'Pending certificate request' });
  const der = derOfPem(await panel.getByLabel('Certificate signing request (PEM)').inputValue());
  const sha256 = createHash('sha256').update(der).digest('hex');

  await panel.getByRole('button', { name: 'Show as QR codes' }).click();
  const dialog = page.getByRole('dialog', { name: 'QR codes: the CSR of “qr-web”' });
  await expect(dialog).toBeVisible();
  // What is shown and its SHA-256, for the other side to compare.
  await expect(dialog).toContainText('qr-web.csr');
  await expect(dialog).toContainText(`${der.length.toLocaleString('en')} bytes`);
  await expect(dialog.getByTestId('qr-sha256')).toHaveText(sha256);
  await expect(dialog.getByRole('img', { name: 'Animated QR codes of the CSR of “qr-web”' })).toBeVisible();
  // The start is announced once in a polite live region, not every frame.
  await expect(dialog.locator('[aria-live="polite"]')).toContainText(/animated QR codes, \d+ parts, 5 frames a second/);

  mkdirSync('reports', { recursive: true });
  await page.screenshot({ path: 'reports/ui-transfer-show.png' });
  await expectNoSeriousA11yViolations(page, 'QR view');

  // Screenshots of the frames as they play, each read by zbarimg, fed to the reference decoder.
  const qr = dialog.locator('svg.qr-code');
  const decoder = referenceDecoder();
  const seen = new Set<string>();
  const seqNums = new Set<number>();
  for (let shot = 0; shot < 200 && !decoder.done(); shot++) {
    const png = await qr.screenshot();
    for (const text of zbarTexts(png)) {
      if (seen.has(text)) continue;
      seen.add(text);
      const m = /^UR:BYTES\/(\d+)-(\d+)\//.exec(text);
      expect(m, text.slice(0, 40)).not.toBeNull();
      seqNums.add(Number(m?.[1]));
      decoder.receive(text);
      if (shot < 3) writeFileSync(`reports/ui-transfer-frame-${seqNums.size}.png`, png);
    }
  }
  expect(decoder.done()).toBe(true);
  expect(Buffer.from(decoder.bytes()).equals(der)).toBe(true);
  // And that DER is the CSR openssl verifies.
  openssl(['req', '-inform', 'DER', '-verify', '-noout'], der);
  expect(seqNums.size).toBeGreaterThan(1);

  // Keyboard: Space pauses (announced), + speeds up, Escape closes and focus returns to the button.
  await dialog.locator('.qr-stage').click();
  await page.keyboard.press('Space');
  await expect(dialog.locator('[aria-live="polite"]')).toContainText(/Paused at frame \d+/);
  const counter = dialog.getByTestId('qr-counter');
  await expect(counter).toContainText('paused');
  const frozen = await counter.getAttribute('data-seq');
  await page.waitForTimeout(500);
  expect(await counter.getAttribute('data-seq')).toBe(frozen);
  await page.keyboard.press('+');
  await expect(dialog.getByLabel('Speed')).toHaveValue('8');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(panel.getByRole('button', { name: 'Show as QR codes' })).toBeFocused();
});

test('signing recipes beside a pending CSR name its file, SANs and lifetime', async ({ page }) => {
  await page.goto('/#/create');
  await page.getByLabel('Name', { exact: true }).fill('recipe-web');
  await page.getByLabel('Subject', { exact: true }).fill('CN=recipe.contoso.com');
  await page.getByLabel('Issuer', { exact: true }).selectOption('Unknown');
  await page.getByRole('button', { name: /^Create/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'recipe-web' })).toBeVisible({ timeout: 30_000 });
  const recipes = page.getByTestId('signing-recipes');
  await recipes.getByText('Signing recipes').click();
  await expect(recipes.getByTestId('recipe-openssl')).toContainText(
    /openssl x509 -req -in recipe-web\.csr -CA ca\.pem -CAkey ca\.key -CAcreateserial -days (36[56]|198|98|45) -sha256 -copy_extensions copy -out recipe-web\.pem/,
  );
  await expect(recipes.getByTestId('recipe-certreq')).toContainText(
    'certreq -submit -attrib "CertificateTemplate:WebServer',
  );
  await expect(recipes.getByTestId('recipe-step')).toContainText(
    /step ca sign recipe-web\.csr recipe-web\.crt --not-after (87[68]\dh|4752h|2352h|1080h)/,
  );
});

test('a certificate and its P7B chain as QR codes carry exactly the downloaded bytes; no key is offered', async ({
  page,
}) => {
  test.skip(!haveQrTools(), 'zbarimg/qrencode not installed');
  await createThroughUi(page, 'qr-self', 'CN=qr-self.contoso.com');
  const panel = page.getByRole('region', { name: 'Download' });
  const carry = panel.getByRole('group', { name: 'Carry across the air gap' });
  await expect(carry.getByRole('button')).toHaveText([
    'Certificate',
    'Chain (PEM)',
    'Chain (P7B)',
    'Copy chain as PEM',
  ]);

  for (const [button, download] of [
    ['Certificate', 'CER (DER)'],
    ['Chain (P7B)', 'P7B (chain)'],
  ] as const) {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: download }).click(),
    ]);
    const want = readFileSync(await file.path());
    await carry.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByTestId('qr-sha256')).toHaveText(createHash('sha256').update(want).digest('hex'));
    expect((await readFrames(dialog.locator('svg.qr-code'))).equals(want), button).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  }
});
