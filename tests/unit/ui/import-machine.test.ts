import { describe, expect, it } from 'vitest';
import {
  EMPTY,
  fileOf,
  importReducer,
  inspectionOf,
  isBusy,
  type ImportEvent,
  type ImportState,
} from '../../../src/ui/state/import-machine';
import type { ImportInspection } from '../../../src/ui/state/vault-api';

const file = (name: string) => ({ name, bytes: new Uint8Array([1, 2, 3]) });
const PFX = file('server.pfx');
const OTHER = file('other.pem');

const leaf = {
  subject: 'CN=www.contoso.com,O=Contoso',
  issuer: 'CN=www.contoso.com,O=Contoso',
  subjectAlternativeNames: { dnsNames: ['www.contoso.com'] },
  keyUsage: [],
  enhancedKeyUsage: ['1.3.6.1.5.5.7.3.1'],
  selfSigned: true,
  keySpec: { kty: 'RSA', size: 3072 },
  notBefore: new Date('2026-01-01T00:00:00Z'),
  notAfter: new Date('2027-01-01T00:00:00Z'),
} as unknown as ImportInspection['certificates'][number];

const locked: ImportInspection = {
  format: 'pkcs12',
  needsPassword: true,
  keyPresent: false,
  certificates: [],
  derivedDefaults: [],
};
const opened: ImportInspection = {
  format: 'pkcs12',
  needsPassword: false,
  keyPresent: true,
  certificates: [leaf],
  derivedDefaults: [],
};
const certOnly: ImportInspection = {
  format: 'certificates',
  needsPassword: false,
  keyPresent: false,
  certificates: [leaf],
  derivedDefaults: [],
};

const drive = (events: ImportEvent[], from: ImportState = EMPTY): ImportState => events.reduce(importReducer, from);

describe('the Import page state machine', () => {
  it('empty → reading → inspected: the name comes from the CN, the policy from the leaf', () => {
    const reading = drive([{ type: 'choose', file: PFX }]);
    expect(reading.step).toBe('reading');
    expect(isBusy(reading)).toBe(true);
    expect(fileOf(reading)).toBe(PFX);
    const inspected = importReducer(reading, { type: 'read', file: PFX, inspection: opened });
    expect(inspected).toMatchObject({ step: 'inspected', password: undefined, form: { name: 'www-contoso-com' } });
    if (inspected.step !== 'inspected') throw new Error('not inspected');
    expect(inspected.form.draft).toMatchObject({ keyType: 'RSA', keySize: 3072, issuerName: 'Self' });
    expect(inspected.form.policyEdited).toBe(false);
    expect(isBusy(inspected)).toBe(false);
  });

  it('asks for a password, says when it was wrong, keeps the file and what was typed, then opens', () => {
    const asked = drive([
      { type: 'choose', file: PFX },
      { type: 'read', file: PFX, inspection: locked },
    ]);
    expect(asked).toMatchObject({ step: 'needs-password', wrongPassword: false, passwordInput: '' });
    const wrong = drive(
      [
        { type: 'password-input', value: 'wrong' },
        { type: 'submit-password' },
        { type: 'read', file: PFX, inspection: locked },
      ],
      asked,
    );
    expect(wrong).toMatchObject({ step: 'needs-password', wrongPassword: true, passwordInput: 'wrong', file: PFX });
    const retrying = drive([{ type: 'password-input', value: 's3cret' }, { type: 'submit-password' }], wrong);
    // The password form stays while the attempt is read, so focus is not lost.
    expect(retrying).toMatchObject({ step: 'reading', attempt: 's3cret' });
    expect(inspectionOf(retrying)).toBe(locked);
    const open = importReducer(retrying, { type: 'read', file: PFX, inspection: opened });
    expect(open).toMatchObject({ step: 'inspected', password: 's3cret' });
  });

  it('a file that cannot be read fails; dismissing the error starts over', () => {
    const error = new Error('Malformed');
    const failed = drive([
      { type: 'choose', file: PFX },
      { type: 'read-failed', file: PFX, error },
    ]);
    expect(failed).toEqual({ step: 'failed', file: PFX, error });
    expect(importReducer(failed, { type: 'dismiss' })).toBe(EMPTY);
  });

  it('drops a late answer for a file that was replaced', () => {
    const state = drive([
      { type: 'choose', file: PFX },
      { type: 'choose', file: OTHER },
      { type: 'read', file: PFX, inspection: opened },
    ]);
    expect(state).toMatchObject({ step: 'reading', file: OTHER });
    expect(importReducer(state, { type: 'read-failed', file: PFX, error: new Error('x') })).toBe(state);
  });

  it('edits the form; an edited policy is marked so Import sends it', () => {
    const state = drive([
      { type: 'choose', file: PFX },
      { type: 'read', file: PFX, inspection: opened },
      { type: 'edit', patch: { name: 'web' } },
      { type: 'edit', patch: { enabled: false, tags: [{ key: 'env', value: 'prod' }] } },
    ]);
    expect(state).toMatchObject({ step: 'inspected', form: { name: 'web', enabled: false, policyEdited: false } });
  });

  it('inspected → importing → done, or back to inspected with the error and the form kept', () => {
    const inspected = drive([
      { type: 'choose', file: PFX },
      { type: 'read', file: PFX, inspection: opened },
      { type: 'edit', patch: { name: 'taken' } },
    ]);
    const importing = importReducer(inspected, { type: 'import' });
    expect(importing.step).toBe('importing');
    expect(isBusy(importing)).toBe(true);
    // No second file while the first is stored.
    expect(importReducer(importing, { type: 'choose', file: OTHER })).toBe(importing);
    expect(importReducer(importing, { type: 'imported' })).toEqual({ step: 'done', name: 'taken' });
    const conflict = new Error('Conflict');
    const failed = importReducer(importing, { type: 'import-failed', error: conflict });
    expect(failed).toMatchObject({ step: 'inspected', error: conflict, form: { name: 'taken' } });
    expect(importReducer(failed, { type: 'dismiss' })).toMatchObject({ step: 'inspected', error: undefined });
  });

  it('a file without a private key is shown but cannot be imported', () => {
    const state = drive([
      { type: 'choose', file: PFX },
      { type: 'read', file: PFX, inspection: certOnly },
    ]);
    expect(state.step).toBe('inspected');
    expect(importReducer(state, { type: 'import' })).toBe(state);
  });

  it('ignores events that make no sense in a state', () => {
    expect(importReducer(EMPTY, { type: 'submit-password' })).toBe(EMPTY);
    expect(importReducer(EMPTY, { type: 'import' })).toBe(EMPTY);
    expect(importReducer(EMPTY, { type: 'edit', patch: { name: 'x' } })).toBe(EMPTY);
    expect(importReducer(EMPTY, { type: 'read', file: PFX, inspection: opened })).toBe(EMPTY);
  });
});
