/**
 * ui/errors.ts turns VaultErrors into words: the vault's message, a title and hint per code, and
 * the vault's own `field` (no guessing from the message text). The vault module is loaded the
 * way the app loads it, through vault-client.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { explainError, isNotFound } from '../../../src/ui/errors';
import { loadVaultModule } from '../../../src/ui/state/vault-client';

type VaultModule = Awaited<ReturnType<typeof loadVaultModule>>;
let vault: VaultModule;
beforeAll(async () => {
  vault = await loadVaultModule();
});

/** What the vault's own policy validation throws for `policy`. */
function policyError(policy: Parameters<VaultModule['validatePolicy']>[0]): unknown {
  try {
    vault.validatePolicy(vault.defaultPolicy(policy));
  } catch (e) {
    return e;
  }
  throw new Error('the policy passed');
}

describe('explainError', () => {
  it('keeps the message and takes the field the vault set', () => {
    expect(explainError(policyError({ subject: 'x' }))).toMatchObject({
      code: 'BadParameter',
      title: 'Check the values',
      message: 'The subject name provided is not a valid X500 name: "x".',
      field: 'subject',
      hint: 'Correct the value shown and try again.',
    });
    expect(
      explainError(policyError({ subject: 'CN=a', subjectAlternativeNames: { ipAddresses: ['y'] } })),
    ).toMatchObject({ field: 'subjectAlternativeNames' });
    expect(explainError(policyError({ subject: 'CN=a', validityInMonths: 0 }))).toMatchObject({
      field: 'validityInMonths',
    });
  });

  it('a message that mentions a field is not a field: only `field` counts', () => {
    const words = explainError(
      new vault.VaultError('BadParameter', 'The subject and the name are fine, the rest is not.'),
    );
    expect(words.field).toBeUndefined();
    // Nothing is marked on screen, so the hint does not send the person to a marked value.
    expect(words.hint).toBe('Change what the message names and try again.');
  });

  it("the merge's key mismatch keeps Key Vault's sentence and points at the merged file", () => {
    const mismatch =
      'The public key of the end-entity certificate in the specified X.509 certificate content does not match the public part of the specified private key. Please check if certificate is valid';
    const words = explainError(new vault.VaultError('BadParameter', mismatch, { field: 'file' }));
    expect(words).toMatchObject({ message: mismatch, field: 'file', hint: 'Correct the value shown and try again.' });
  });

  it.each([
    ['InvalidPassword', 'password', 'Wrong password', /password again/],
    ['Conflict', 'name', 'Already exists', /another name/],
    ['Malformed', 'file', 'Unreadable file', /PEM, DER/],
    ['Locked', undefined, 'Vault locked', /unlock it/],
    ['Internal', undefined, 'Certkeep fault', /bug in Certkeep, not a problem with what you entered/],
  ] as const)('%s has its own words', (code, field, title, hint) => {
    const words = explainError(new vault.VaultError(code, `A ${code} message.`, field ? { field } : {}));
    expect(words).toMatchObject({ code, title, message: `A ${code} message.`, field });
    expect(words.hint).toMatch(hint);
  });

  it('damaged bytes stay the file’s fault; a fault inside the vault is Internal and says so', async () => {
    const damaged = await vault.describeCsr(new Uint8Array([1])).catch((x: unknown) => x);
    expect(explainError(damaged)).toMatchObject({ code: 'Malformed', field: 'file' });
    const { guard } = await import('../../../src/vault/vault-error');
    const bug = await guard('Reading the certificate', () => Promise.reject(new TypeError('boom'))).catch(
      (x: unknown) => x,
    );
    const words = explainError(bug);
    expect(words).toMatchObject({ code: 'Internal', title: 'Certkeep fault' });
    expect(`${words.message} ${words.hint ?? ''}`).not.toMatch(/damaged|unreadable|supported format/i);
  });

  it('never shows an unexpected error or its stack', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const words = explainError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(words.code).toBe('Unexpected');
    expect(JSON.stringify(words)).not.toMatch(/TypeError|Cannot read/);
    // Something shaped like a VaultError but not one of the vault's own is not trusted either.
    expect(explainError({ name: 'VaultError', code: 'NotFound', message: 'x' }).code).toBe('Unexpected');
    spy.mockRestore();
  });

  it('isNotFound uses the vault module', () => {
    expect(isNotFound(new vault.VaultError('NotFound', 'gone'))).toBe(true);
    expect(isNotFound(new vault.VaultError('Conflict', 'taken'))).toBe(false);
    expect(isNotFound(new Error('NotFound'))).toBe(false);
  });
});
