import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { BASE_URL, CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';

/**
 * A Chromium whose only camera plays `videoFile` (Y4M) in a loop, with camera permission
 * granted. The file is opened each time a page starts the camera, so a test may rewrite it
 * (same frame size) before each scan.
 */
export async function launchWithFakeCamera(
  videoFile: string,
): Promise<{ browser: Browser; context: BrowserContext; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${videoFile}`,
    ],
  });
  const context = await browser.newContext({ baseURL: BASE_URL, permissions: ['camera'] });
  return { browser, context, close: () => browser.close() };
}
