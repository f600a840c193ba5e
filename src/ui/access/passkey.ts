import type { PasskeyInfo } from '../state/vault-api';

/**
 * Passkeys as vault credentials (ARCHITECTURE §8 "Access", UI): the WebAuthn PRF extension gives
 * 32 bytes that only this passkey can produce for a given input, and those bytes open the
 * principal's slot. No server checks the assertion: the PRF output itself is the secret, so the
 * challenge is random and nothing of the ceremony is kept but the credential id and the PRF
 * input (public data, stored in the slot).
 */

/** Why a passkey could not give its PRF output, worded for the screen by errors.ts. */
export type PasskeyProblem = 'unsupported' | 'no-prf' | 'cancelled';

export class PasskeyError extends Error {
  override readonly name = 'PasskeyError';
  constructor(
    readonly problem: PasskeyProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const NO_PRF =
  'This passkey cannot unlock a vault: its authenticator does not support the PRF extension (hmac-secret). Use a passphrase, or a passkey from an authenticator that supports PRF, such as a recent security key, Windows Hello, or a platform passkey in a current browser.';

/** How long the browser's passkey prompt stays open. */
const PROMPT_TIMEOUT_MS = 120_000;

const random = (n: number): Uint8Array<ArrayBuffer> => crypto.getRandomValues(new Uint8Array(n));

function requireWebAuthn(): CredentialsContainer {
  if (typeof PublicKeyCredential === 'undefined' || !('credentials' in navigator)) {
    throw new PasskeyError('unsupported', 'This browser offers no passkeys (WebAuthn). Use a passphrase.');
  }
  return navigator.credentials;
}

/** The browser's refusal (closed prompt, timeout, no such passkey on this device) as a PasskeyError. */
function asPasskeyError(e: unknown): PasskeyError {
  if (e instanceof PasskeyError) return e;
  if (e instanceof DOMException && (e.name === 'NotAllowedError' || e.name === 'AbortError')) {
    return new PasskeyError(
      'cancelled',
      'No passkey answered: the prompt was closed or timed out, or this device does not hold the passkey.',
      { cause: e },
    );
  }
  if (e instanceof DOMException && e.name === 'NotSupportedError') {
    return new PasskeyError('unsupported', 'This device offers no passkey that fits. Use a passphrase.', { cause: e });
  }
  return new PasskeyError('cancelled', 'The passkey prompt failed. Try again, or use a passphrase.', { cause: e });
}

function prfFirst(credential: Credential | null): Uint8Array | undefined {
  if (!(credential instanceof PublicKeyCredential)) return undefined;
  const first = credential.getClientExtensionResults().prf?.results?.first;
  if (!first) return undefined;
  return new Uint8Array(first instanceof ArrayBuffer ? first : first.buffer.slice(0));
}

/** Asks `passkey` for its PRF output; the bytes unlock({ principal, prf }) takes. */
export async function passkeyPrf(passkey: PasskeyInfo): Promise<Uint8Array> {
  const credentials = requireWebAuthn();
  let credential: Credential | null;
  try {
    credential = await credentials.get({
      publicKey: {
        challenge: random(32),
        allowCredentials: [{ type: 'public-key', id: new Uint8Array(passkey.credentialId) }],
        userVerification: 'required',
        timeout: PROMPT_TIMEOUT_MS,
        extensions: { prf: { eval: { first: new Uint8Array(passkey.prfSalt) } } },
      },
    });
  } catch (e) {
    throw asPasskeyError(e);
  }
  const prf = prfFirst(credential);
  if (prf?.length !== 32) throw new PasskeyError('no-prf', NO_PRF);
  return prf;
}

/**
 * Makes a new passkey for `principal` and returns what protect() / setAccessPolicy() take: the
 * PRF output for a fresh random input, and the public data the lock screen needs to ask again.
 * An authenticator without PRF is refused here, before anything changes in the vault.
 */
export async function enrolPasskey(
  principal: string,
  vaultName: string,
): Promise<{ prf: Uint8Array; passkey: PasskeyInfo }> {
  const credentials = requireWebAuthn();
  const prfSalt = random(32);
  let credential: Credential | null;
  try {
    credential = await credentials.create({
      publicKey: {
        rp: { name: 'Certkeep' },
        user: { id: random(16), name: `${principal} (${vaultName})`, displayName: principal },
        challenge: random(32),
        pubKeyCredParams: [
          { type: 'public-key', alg: -7 },
          { type: 'public-key', alg: -257 },
        ],
        authenticatorSelection: { residentKey: 'preferred', userVerification: 'required' },
        timeout: PROMPT_TIMEOUT_MS,
        extensions: { prf: { eval: { first: prfSalt } } },
      },
    });
  } catch (e) {
    throw asPasskeyError(e);
  }
  if (!(credential instanceof PublicKeyCredential)) throw new PasskeyError('cancelled', 'No passkey was made.');
  const prf = credential.getClientExtensionResults().prf;
  if (prf?.enabled === false) throw new PasskeyError('no-prf', NO_PRF);
  const passkey: PasskeyInfo = { credentialId: new Uint8Array(credential.rawId), prfSalt };
  // Some authenticators answer PRF only on get(), not while making the credential.
  const first = prfFirst(credential);
  return { prf: first?.length === 32 ? first : await passkeyPrf(passkey), passkey };
}
