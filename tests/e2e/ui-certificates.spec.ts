import { expect, test } from '@playwright/test';
import { createThroughUi } from './ui-helpers';

test('empty vault offers Create and Import; a created certificate shows in the list, timeline and detail', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByText('This vault has no certificates yet.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create a certificate' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Import a certificate' })).toBeVisible();

  await createThroughUi(page, 'web', 'CN=www.contoso.com, O=Contoso');
  await expect(page.getByTestId('cert-status')).toHaveText('valid');
  await expect(page.getByTestId('viewer-subject')).toHaveText('CN = www.contoso.com, O = Contoso');
  await page.screenshot({ path: 'reports/ui-detail.png', fullPage: true });

  await createThroughUi(page, 'api', 'CN=api.contoso.com');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Certificates' }).click();
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('cell', { name: 'www.contoso.com' })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Self' }).first()).toBeVisible();
  await expect(table.getByRole('cell', { name: 'RSA 2048' }).first()).toBeVisible();
  await expect(page.getByTestId('timeline-summary')).toContainText(
    '2 certificates: 0 expired, 0 expiring within 30 days, 2 valid for longer.',
  );
  await page.screenshot({ path: 'reports/ui-list.png', fullPage: true });

  // Search narrows the rows; sorting by name flips the order.
  await page.getByLabel('Search').fill('api');
  await expect(table.getByRole('row')).toHaveCount(2);
  await page.getByLabel('Search').fill('');
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('api');
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(table.getByRole('row').nth(1)).toContainText('web');
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'descending');
});

test('the timeline writes "today" at the today line, which is at the left for certificates made today', async ({
  page,
}) => {
  await createThroughUi(page, 'fresh', 'CN=fresh.contoso.com');
  await page.goto('/#/certificates');
  const today = page.getByTestId('timeline-today');
  await expect(today).toHaveText(`today ${new Date().toISOString().slice(0, 10)}`);
  const line = await page.locator('.timeline-chart line.today').boundingBox();
  const chart = await page.locator('.timeline-chart').boundingBox();
  const label = await today.boundingBox();
  if (!line || !chart || !label) throw new Error('the timeline is not drawn');
  // The line is at the chart's left edge, and the label starts there, not in the middle of the axis.
  expect(line.x - chart.x).toBeLessThan(chart.width * 0.05);
  expect(Math.abs(label.x - line.x)).toBeLessThan(4);
  expect(label.x + label.width).toBeLessThan(chart.x + chart.width / 2);
  await page.locator('.timeline').screenshot({ path: 'reports/ui-timeline.png' });
});
