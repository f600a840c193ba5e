/**
 * Issuer credentials (account passwords, API keys) at rest (ARCHITECTURE §8 "Access"): under
 * the non-extractable vault key in an unprotected vault (secret-box.ts), under the master key
 * (`form: 'mk'`) in a protected one, each bound to its issuer by the AAD "issuer:<name>".
 * protect() and unprotect() move them from one form to the other.
 */
import type { VaultContext } from '../context';
import { getVaultKey, openText, sealText, type SealedValue } from '../secret-box';
import { currentUnlock } from './gate';

/** Seals `text` in the form this vault needs now (the caller is past the gate: unlocked if protected). */
export async function sealCredential(ctx: VaultContext, text: string, label: string): Promise<SealedValue> {
  const s = await currentUnlock(ctx);
  if (s) return { ...(await sealText(s.masterKey, text, label)), form: 'mk' };
  return sealText(await getVaultKey(ctx), text, label);
}

/** Opens a credential sealed in either form. */
export async function openCredential(ctx: VaultContext, sealed: SealedValue, label: string): Promise<string> {
  if (sealed.form === 'mk') {
    const s = await currentUnlock(ctx);
    if (s) return openText(s.masterKey, sealed, label);
  }
  return openText(await getVaultKey(ctx), sealed, label);
}
