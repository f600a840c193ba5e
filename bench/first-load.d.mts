/** Types of first-load.mjs for the e2e budget test that shares it. */
import type { Page } from '@playwright/test';

export interface FirstPaintScript {
  /** The path fetched, e.g. /assets/index-abc.js. */
  src: string;
  raw: number;
  gzip: number;
  /** The PKI libraries whose telltales the script carries (empty when none). */
  pki: string[];
}

/** Regular expressions that find each PKI library in minified code. */
export const PKI_TELLTALES: Record<string, RegExp>;

/** The landing page's first row or its empty state. */
export const FIRST_PAINT_SELECTOR: string;

/** Every script `page` fetched from opening `url` until FIRST_PAINT_SELECTOR is visible. */
export function measureFirstPaint(page: Page, url: string): Promise<FirstPaintScript[]>;

/** Prints the table and returns the gzip total. */
export function printFirstPaint(scripts: FirstPaintScript[]): number;
