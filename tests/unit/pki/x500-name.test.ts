import { describe, expect, it } from 'vitest';
import { formatX500Name, parseX500Name, type NameAttribute } from '../../../src/pki';
import { decodeX500NameDer, encodeX500Name } from '../../../src/pki/x500-name-der';
import { openssl } from '../../support/openssl';

const simple = (attrs: NameAttribute[]): [string, string][] => attrs.map((a) => [a.type, a.value]);

describe('parseX500Name', () => {
  const cases: { text: string; want: [string, string][] | 'bad-name' }[] = [
    {
      text: 'DC=Contoso,OU="Docs,Contoso",CN=www.contosoHRApp.com',
      want: [
        ['DC', 'Contoso'],
        ['OU', 'Docs,Contoso'],
        ['CN', 'www.contosoHRApp.com'],
      ],
    },
    {
      text: 'CN = learn.microsoft.com, OU = Microsoft Corporation, O = Microsoft Corporation, L = Redmond, S = WA, C = US',
      want: [
        ['CN', 'learn.microsoft.com'],
        ['OU', 'Microsoft Corporation'],
        ['O', 'Microsoft Corporation'],
        ['L', 'Redmond'],
        ['ST', 'WA'],
        ['C', 'US'],
      ],
    },
    {
      text: 'E=a@b.c,emailAddress=d@e.f,ST=x',
      want: [
        ['E', 'a@b.c'],
        ['E', 'd@e.f'],
        ['ST', 'x'],
      ],
    },
    { text: 'cn=lower', want: [['CN', 'lower']] },
    { text: 'CN=a\\,b\\+c\\"d\\\\e\\;f\\<g\\>h\\=i', want: [['CN', 'a,b+c"d\\e;f<g>h=i']] },
    { text: 'CN=\\ lead and trail\\ ', want: [['CN', ' lead and trail ']] },
    { text: 'CN=\\#hash', want: [['CN', '#hash']] },
    { text: 'CN=Zo\\C3\\AB', want: [['CN', 'Zoë']] },
    { text: 'CN=Zoë', want: [['CN', 'Zoë']] },
    { text: 'CN=#0C03616263', want: [['CN', 'abc']] },
    {
      text: '2.5.4.3=oid,OID.2.5.4.10=org',
      want: [
        ['CN', 'oid'],
        ['O', 'org'],
      ],
    },
    { text: '1.2.3.4=custom', want: [['1.2.3.4', 'custom']] },
    {
      text: 'CN=a;O=b',
      want: [
        ['CN', 'a'],
        ['O', 'b'],
      ],
    },
    {
      text: 'CN=a+UID=b,O=c',
      want: [
        ['CN', 'a'],
        ['UID', 'b'],
        ['O', 'c'],
      ],
    },
    { text: 'CN=trailing spaces   ', want: [['CN', 'trailing spaces']] },
    { text: '', want: 'bad-name' },
    { text: '   ', want: 'bad-name' },
    { text: 'www.contoso.com', want: 'bad-name' },
    { text: 'CN', want: 'bad-name' },
    { text: '=value', want: 'bad-name' },
    { text: 'XYZ=1', want: 'bad-name' },
    { text: 'CN=', want: 'bad-name' },
    { text: 'CN=a,', want: 'bad-name' },
    { text: 'CN=a,,O=b', want: 'bad-name' },
    { text: 'CN="unterminated', want: 'bad-name' },
    { text: 'CN=dangling\\', want: 'bad-name' },
    { text: 'CN=bad\\escape', want: 'bad-name' },
    { text: 'CN=#123', want: 'bad-name' },
    { text: 'CN=\\FF\\FE', want: 'bad-name' },
  ];
  it.each(cases)('$text', ({ text, want }) => {
    if (want === 'bad-name') {
      expect(() => parseX500Name(text)).toThrow(expect.objectContaining({ name: 'PkiError', code: 'bad-name' }));
    } else {
      expect(simple(parseX500Name(text))).toEqual(want);
    }
  });

  it('marks multi-valued RDN members', () => {
    expect(parseX500Name('CN=a+UID=b,O=c').map((a) => !!a.multiValued)).toEqual([false, true, false]);
  });
});

describe('formatX500Name', () => {
  it.each([
    ['DC=Contoso,OU="Docs,Contoso",CN=www.contosoHRApp.com', 'DC=Contoso,OU=Docs\\,Contoso,CN=www.contosoHRApp.com'],
    ['CN = x , S = WA, E = a@b.c', 'CN=x,ST=WA,E=a@b.c'],
    ['CN=\\ a\\ ', 'CN=\\ a\\ '],
    ['CN=\\#x', 'CN=\\#x'],
    ['CN=a+UID=b', 'CN=a+UID=b'],
    ['CN=a\\"b<c>', 'CN=a\\"b\\<c\\>'],
  ])('%s → %s', (text, want) => {
    expect(formatX500Name(parseX500Name(text))).toBe(want);
  });
});

describe('round trips', () => {
  const alphabet = ['a', 'Z', '0', ' ', ',', '+', '"', '\\', ';', '<', '>', '=', '#', 'é', '日', '-', '.'];
  const types = ['CN', 'O', 'OU', 'L', 'ST', 'C', 'DC', 'E', 'SERIALNUMBER', '1.2.3.4'];
  const randomValue = (): string => {
    const n = 1 + Math.floor(Math.random() * 8);
    let v = '';
    for (let i = 0; i < n; i++) v += alphabet[Math.floor(Math.random() * alphabet.length)];
    return v.trim() === '' ? 'x' : v;
  };

  it('parse(format(name)) == name for 300 random names, and through DER', () => {
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: 1 + Math.floor(Math.random() * 5) }, () => {
        const type = types[Math.floor(Math.random() * types.length)];
        const value = randomValue()
          .replace(/[\\"+,;<>=]/g, (c) => `\\${c}`)
          .replace(/^[ #]/, (c) => `\\${c}`)
          .replace(/ $/, '\\ ');
        return `${type}=${value}`;
      }).join(',');
      const attrs = parseX500Name(text);
      const again = parseX500Name(formatX500Name(attrs));
      expect(simple(again)).toEqual(simple(attrs));
      expect(simple(decodeX500NameDer(encodeX500Name(attrs)))).toEqual(simple(attrs));
    }
  });

  it('a character beyond the BMP, typed as it is, is encoded as its UTF-8 (not two replacement characters)', () => {
    for (const text of ['CN=lock 🔐', 'CN="🔐,quoted"', 'O=𝔘nicode,CN=x']) {
      const attrs = parseX500Name(text);
      const der = encodeX500Name(attrs);
      expect(simple(decodeX500NameDer(der))).toEqual(simple(attrs));
      expect(Buffer.from(der).includes(Buffer.from('🔐')) || Buffer.from(der).includes(Buffer.from('𝔘'))).toBe(true);
      expect(Buffer.from(der).includes(Buffer.from('\uFFFD'))).toBe(false);
    }
    expect(parseX500Name('CN=lock 🔐')[0].value).toBe('lock 🔐');
  });

  it('encodes in the order written, with the string types openssl expects', () => {
    const der = encodeX500Name(parseX500Name('C=US,O=Zoë Inc,DC=example,E=a@b.c,CN=plain'));
    const dump = openssl(['asn1parse', '-inform', 'DER'], der).toString();
    const strings = [...dump.matchAll(/(PRINTABLESTRING|UTF8STRING|IA5STRING)\s*:(.*)/g)].map((m) => [m[1], m[2]]);
    expect(strings).toEqual([
      ['PRINTABLESTRING', 'US'],
      ['UTF8STRING', 'Zoë Inc'],
      ['IA5STRING', 'example'],
      ['IA5STRING', 'a@b.c'],
      ['PRINTABLESTRING', 'plain'],
    ]);
  });
});
