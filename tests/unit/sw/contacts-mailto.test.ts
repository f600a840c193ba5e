import { expect, test } from 'vitest';
import { buildContactsMailto } from '../../../src/ui/notifications/contacts-mailto';

const NOW = new Date('2027-02-19T09:00:00Z');

/** The link, which these inputs must produce. */
function link(options: Parameters<typeof buildContactsMailto>[0]): NonNullable<ReturnType<typeof buildContactsMailto>> {
  const m = buildContactsMailto(options);
  if (!m) throw new Error('no mailto link was built');
  return m;
}

test('one link to every contact with an email, deduplicated, subject and body prefilled (RFC 6068)', () => {
  const m = link({
    contacts: [
      { name: 'Ann', email: 'ann@contoso.com' },
      { phone: '+1 555' },
      { email: 'ops+certs@contoso.com' },
      { email: 'ANN@contoso.com' },
    ],
    vaultName: 'default',
    certificateName: 'web',
    expiresOn: new Date('2027-03-03T08:00:00Z'),
    subject: 'CN=www.contoso.com',
    thumbprint: '9F8E7D6C',
    issuerName: 'Self',
    now: NOW,
  });
  expect(m.recipients).toEqual(['ann@contoso.com', 'ops+certs@contoso.com']);
  expect(m.subject).toBe("Certificate 'web' (vault default) expires on 2027-03-03");
  expect(m.href.startsWith('mailto:ann@contoso.com,ops%2Bcerts@contoso.com?subject=Certificate%20')).toBe(true);
  // What a mail client decodes: the same subject and body, with CRLF line breaks.
  const url = new URL(m.href);
  expect(url.protocol).toBe('mailto:');
  const params = new URLSearchParams(url.search);
  expect(params.get('subject')).toBe(m.subject);
  expect(params.get('body')).toBe(m.body.replace(/\n/g, '\r\n'));
  expect(m.body).toContain("The certificate 'web' in the Certkeep vault 'default' expires on 2027-03-03 (in 12 days).");
  expect(m.body).toContain('Subject: CN=www.contoso.com');
  expect(m.body).toContain('Thumbprint (SHA-1): 9F8E7D6C');
  expect(m.href).not.toContain('+'); // '+' would read as a space in some clients
  expect(m.href).not.toMatch(/[\n ]/);
});

test.each([
  { expires: '2027-02-18T00:00:00Z', want: 'expired on 2027-02-18' },
  { expires: '2027-02-19T23:00:00Z', want: 'expires today (2027-02-19)' },
  { expires: undefined, want: "About the certificate 'web'" },
])('expiry words for $expires', ({ expires, want }) => {
  const m = link({
    contacts: [{ email: 'a@b.c' }],
    vaultName: 'v',
    certificateName: 'web',
    expiresOn: expires ? new Date(expires) : undefined,
    now: NOW,
  });
  expect(m.body).toContain(want);
});

test('no contact with an email → no link', () => {
  expect(buildContactsMailto({ contacts: [], vaultName: 'v', certificateName: 'web', now: NOW })).toBeUndefined();
  expect(
    buildContactsMailto({
      contacts: [{ name: 'Ann', phone: '1' }, { email: '  ' }],
      vaultName: 'v',
      certificateName: 'web',
      now: NOW,
    }),
  ).toBeUndefined();
});
