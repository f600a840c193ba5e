import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Creates a certificate through the Create form (defaults: RSA 2048, Self, 12 months). */
export async function createThroughUi(
  page: Page,
  name: string,
  subject: string,
  options: { issuer?: string } = {},
): Promise<void> {
  await page.goto('/#/create');
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Subject', { exact: true }).fill(subject);
  if (options.issuer) await page.getByLabel('Issuer', { exact: true }).selectOption(options.issuer);
  await page.getByRole('button', { name: /^Create/ }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 30_000 });
}

/** Fails on any serious or critical axe violation, with the rule ids and targets in the message. */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `${label}: axe serious/critical violations`,
  ).toEqual([]);
}

/** True when the page body scrolls sideways (the 360 px check). */
export async function hasHorizontalScroll(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
