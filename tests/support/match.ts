/**
 * vitest's string matchers, typed `unknown` instead of the `any` vitest gives them: placed in
 * an expected object (`{ code: 'Forbidden', message: stringContaining('disabled') }`) they
 * then keep the object typed, and typescript-eslint's no-unsafe-assignment keeps watching the
 * rest of the test. Same matchers at run time.
 */
import { expect } from 'vitest';

/** A string containing `text` (expect.stringContaining). */
export function stringContaining(text: string): unknown {
  return expect.stringContaining(text);
}

/** A string matching `pattern` (expect.stringMatching). */
export function stringMatching(pattern: string | RegExp): unknown {
  return expect.stringMatching(pattern);
}
