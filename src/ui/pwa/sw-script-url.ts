import type { Workbox } from 'workbox-window';

/** `string | TrustedScriptURL`, as workbox-window (and `serviceWorker.register`) accept it. */
type ScriptUrl = ConstructorParameters<typeof Workbox>[0];

/** The part of the Trusted Types API used here (not in TypeScript's DOM lib). */
interface TrustedTypePolicyFactoryLike {
  createPolicy(
    name: string,
    rules: { createScriptURL: (input: string) => string },
  ): {
    createScriptURL(input: string): ScriptUrl;
  };
}

/** The one policy name the CSP allows (`trusted-types certkeep-sw`, index.html). */
const POLICY_NAME = 'certkeep-sw';
const SW_URL = '/sw.js';

let policy: ReturnType<TrustedTypePolicyFactoryLike['createPolicy']> | undefined;

/**
 * The service worker's URL as a TrustedScriptURL. With `require-trusted-types-for 'script'`
 * Chromium refuses a plain string in `serviceWorker.register`; the policy vouches for our own
 * worker and nothing else, so no other string can become a script URL through it.
 */
export function serviceWorkerScriptUrl(): ScriptUrl {
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactoryLike }).trustedTypes;
  if (!factory) return SW_URL;
  policy ??= factory.createPolicy(POLICY_NAME, {
    createScriptURL: (input) => {
      if (input !== SW_URL) throw new TypeError(`not the service worker script: ${input}`);
      return input;
    },
  });
  return policy.createScriptURL(SW_URL);
}
