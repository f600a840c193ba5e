import { describe, expect, it } from 'vitest';
import { issuerDraft, issuerOptions } from '../../../src/ui/state/issuer-draft';
import type { CertificateIssuer } from '../../../src/ui/state/vault-api';

const issuer = {
  name: 'gs',
  provider: 'GlobalSign',
  accountId: 'acct',
  administratorContacts: [
    { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@contoso.com' },
    { email: 'oncall@contoso.com', phone: '+1 555 0100' },
  ],
  enabled: true,
} as unknown as CertificateIssuer;

describe('issuer draft', () => {
  it('keeps every administrator contact through the form and back', () => {
    const draft = issuerDraft(issuer);
    expect(draft.admins).toHaveLength(2);
    expect(issuerOptions(draft, true).administratorContacts).toEqual([
      { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@contoso.com' },
      { email: 'oncall@contoso.com', phone: '+1 555 0100' },
    ]);
  });

  it('leaves blank rows out and trims what was typed; no rows clears the list', () => {
    const draft = issuerDraft(issuer);
    const edited = {
      ...draft,
      admins: [
        { firstName: ' Grace ', lastName: '', email: '', phone: '' },
        { firstName: '', lastName: '', email: '  ', phone: '' },
      ],
    };
    expect(issuerOptions(edited, true).administratorContacts).toEqual([{ firstName: 'Grace' }]);
    expect(issuerOptions({ ...draft, admins: [] }, true).administratorContacts).toEqual([]);
  });

  it('a new issuer starts with one blank administrator to fill in; an edit keeps the stored secret', () => {
    const fresh = issuerDraft();
    expect(fresh.admins).toEqual([{ firstName: '', lastName: '', email: '', phone: '' }]);
    expect(issuerOptions(fresh, false)).toMatchObject({ administratorContacts: [], password: undefined });
    expect('password' in issuerOptions(issuerDraft(issuer), true)).toBe(false);
  });
});
