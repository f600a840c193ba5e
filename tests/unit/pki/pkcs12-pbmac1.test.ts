import * as asn1js from 'asn1js';
import { createHmac, pbkdf2Sync } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { readPkcs12, writePkcs12 } from '../../../src/pki';
import { children, explicit, octets, oid, readDer, smallInt } from '../../../src/pki/asn1/reader';
import { openssl, tempDir } from '../../support/openssl';
import { spkiOfCert, spkiOfKey } from './pkcs12-fixtures';
import { A1, A4, A5, A6, RFC9579_PASSWORD } from './pkcs12-rfc9579-vectors';

const tmp = tempDir('certkeep-pbmac1-');
afterAll(() => tmp.cleanup());

/*
 * openssl here is 3.0, which neither writes nor reads PBMAC1 (3.4 does). The references are
 * therefore the RFC's own appendix A files, and PBMAC1 MacData built below with node:crypto's
 * PBKDF2 and HMAC (OpenSSL primitives, none of our code) over A.1's AuthenticatedSafe.
 */
const OID = {
  pbmac1: '1.2.840.113549.1.5.14',
  pbkdf2: '1.2.840.113549.1.5.12',
  hmacWithSHA256: '1.2.840.113549.2.9',
  hmacWithSHA512: '1.2.840.113549.2.11',
};
const HASH: Record<string, string> = { [OID.hmacWithSHA256]: 'sha256', [OID.hmacWithSHA512]: 'sha512' };

const seq = (...value: asn1js.AsnType[]) => new asn1js.Sequence({ value });
const objectId = (value: string) => new asn1js.ObjectIdentifier({ value });
const int = (value: number) => new asn1js.Integer({ value });
const octetString = (b: Uint8Array) => new asn1js.OctetString({ valueHex: new Uint8Array(b).buffer });
const der = (n: asn1js.AsnType) => new Uint8Array(n.toBER());
const macDataOf = (pfx: Uint8Array) => children(children(readDer(pfx, 'pfx'), 'pfx', 3)[2], 'mac data', 3);

/** A PFX's version and authSafe ContentInfo, and the authSafe's content octets (what the MAC covers). */
function pfxParts(bytes: Uint8Array): { version: asn1js.AsnType; authSafe: asn1js.AsnType; content: Uint8Array } {
  const [version, authSafe] = children(readDer(bytes, 'pfx'), 'pfx', 2);
  const content = octets(explicit(children(authSafe, 'auth safe', 2)[1], 0, 'auth safe'), 'auth safe');
  return { version, authSafe, content };
}

interface MacSpec {
  /** PBKDF2 keyLength written in the file; undefined leaves it out */
  declared: number | undefined;
  /** the key length the MAC is really computed with */
  used: number;
  hmac?: string;
  password?: Uint8Array;
  /** the PFX whose MacData is replaced (default A.1) */
  base?: Uint8Array;
}

/** `base` with a fresh PBMAC1 MacData whose MAC is right for `used` bytes of key. */
function a1With({ declared, used, hmac = OID.hmacWithSHA256, password = Buffer.from('1234'), base = A1 }: MacSpec) {
  const { version, authSafe, content } = pfxParts(base);
  const salt = Buffer.from('0123456789abcdef');
  const key = pbkdf2Sync(password, salt, 2048, used, 'sha256');
  const mac = createHmac(HASH[hmac], key).update(content).digest();
  const kdfParams = seq(
    octetString(salt),
    int(2048),
    ...(declared === undefined ? [] : [int(declared)]),
    seq(objectId(OID.hmacWithSHA256), new asn1js.Null()),
  );
  const macScheme = seq(objectId(hmac), new asn1js.Null());
  const algorithm = seq(objectId(OID.pbmac1), seq(seq(objectId(OID.pbkdf2), kdfParams), macScheme));
  const macData = seq(seq(algorithm, octetString(mac)), octetString(Buffer.from('NOT USED')), int(1));
  return der(seq(version, authSafe, macData));
}

const refused = (message: string): Record<string, unknown> => ({
  name: 'PkiError',
  code: 'malformed',
  message: expect.stringContaining(message),
});

describe('readPkcs12: PBMAC1 (RFC 9579 appendix A)', () => {
  test('A.1 (HMAC-SHA-256, PBKDF2-HMAC-SHA-256) opens with "1234"; the key matches its certificate', async () => {
    const got = await readPkcs12(A1, RFC9579_PASSWORD);
    expect(got.keys).toHaveLength(1);
    expect(got.certificates).toHaveLength(1);
    expect(spkiOfKey(got.keys[0].pkcs8)).toBe(spkiOfCert(got.certificates[0].der));
    await expect(readPkcs12(A1, '12345')).rejects.toMatchObject({ name: 'PkiError', code: 'invalid-password' });
  });

  test.each([
    { name: 'A.4 wrong iteration count', pfx: A4, want: { name: 'PkiError', code: 'invalid-password' } },
    { name: 'A.5 wrong salt', pfx: A5, want: { name: 'PkiError', code: 'invalid-password' } },
    // The RFC calls A.6 invalid, and OpenSSL, GnuTLS and OpenJDK refuse it; its MAC would verify
    // with a 32-byte key, so this is refused for the missing field, not for a bad MAC.
    { name: 'A.6 missing key length', pfx: A6, want: refused('key length is missing') },
  ])('$name → refused (never accepted)', async ({ pfx, want }) => {
    await expect(readPkcs12(pfx, RFC9579_PASSWORD)).rejects.toMatchObject(want);
  });
});

describe('readPkcs12: PBMAC1 key length against the HMAC', () => {
  test('rebuilt with keyLength 32 for HMAC-SHA-256 (the control): opens', async () => {
    expect((await readPkcs12(a1With({ declared: 32, used: 32 }), '1234')).keys).toHaveLength(1);
  });

  test.each([
    {
      name: 'a 16-byte key for HMAC-SHA-256',
      spec: { declared: 16, used: 16 },
      message: '16-byte key for hmac-sha256',
    },
    { name: 'a 64-byte key for HMAC-SHA-256', spec: { declared: 64, used: 64 }, message: '64-byte key' },
    {
      name: 'a 32-byte key for HMAC-SHA-512',
      spec: { declared: 32, used: 32, hmac: OID.hmacWithSHA512 },
      message: 'output is 64 bytes',
    },
    { name: 'no keyLength (MAC made with 32 bytes)', spec: { declared: undefined, used: 32 }, message: 'missing' },
  ])('$name, with a MAC that is right for it → malformed, before any password', async ({ spec, message }) => {
    await expect(readPkcs12(a1With(spec), '1234')).rejects.toMatchObject(refused(message));
  });

  test('a PBMAC1 over the Latin-1 octets (openssl on a Latin-1 console), on such a file, opens', async () => {
    // openssl pkcs12 -export over the Latin-1 bytes of the password: PBES2 safes under those octets.
    const pass = tmp.path('pass.latin1');
    writeFileSync(pass, Buffer.from('pässwörd', 'latin1'));
    const key = tmp.path('key.pem');
    const cert = tmp.path('cert.pem');
    openssl(
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key].concat([
        '-out',
        cert,
        '-subj',
        '/CN=latin1-pbmac1',
      ]),
    );
    const out = tmp.path('latin1.p12');
    openssl(['pkcs12', '-export', '-inkey', key, '-in', cert, '-passout', `file:${pass}`, '-out', out]);
    const pfx = a1With({
      declared: 32,
      used: 32,
      password: Buffer.from('pässwörd', 'latin1'),
      base: readFileSync(out),
    });
    expect((await readPkcs12(pfx, 'pässwörd')).keys).toHaveLength(1);
    await expect(readPkcs12(pfx, 'pässwört')).rejects.toMatchObject({ code: 'invalid-password' });
  });
});

describe("writePkcs12 { mac: 'pbmac1' }", () => {
  const cert = () => {
    const key = tmp.path('w-key.pem');
    const pem = tmp.path('w-cert.pem');
    openssl(
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key].concat([
        '-out',
        pem,
        '-subj',
        '/CN=pbmac1-writer',
      ]),
    );
    return {
      pkcs8: new Uint8Array(openssl(['pkcs8', '-topk8', '-nocrypt', '-in', key, '-outform', 'DER'])),
      der: new Uint8Array(openssl(['x509', '-in', pem, '-outform', 'DER'])),
    };
  };

  test('RFC 9579 layout, a MAC node:crypto recomputes, read back; openssl 3.0 reads the safes past it', async () => {
    const { pkcs8, der: certDer } = cert();
    const pfx = await writePkcs12({ key: pkcs8, certificates: [certDer], password: 'pässwörd', mac: 'pbmac1' });
    const { content } = pfxParts(pfx);
    const [digestInfo, macSalt, macIter] = macDataOf(pfx);
    const [algorithm, digest] = children(digestInfo, 'digest info', 2);
    const [algOid, params] = children(algorithm, 'pbmac1', 2);
    expect(oid(algOid, 'pbmac1')).toBe(OID.pbmac1);
    const [kdf, scheme] = children(params, 'pbmac1 params', 2);
    const [kdfOid, kdfParams] = children(kdf, 'kdf', 2);
    expect(oid(kdfOid, 'kdf')).toBe(OID.pbkdf2);
    const [salt, iterations, keyLength, prf] = children(kdfParams, 'pbkdf2 params', 4);
    expect(smallInt(iterations, 'iterations')).toBe(10_000);
    expect(smallInt(keyLength, 'key length')).toBe(32);
    expect(oid(children(prf, 'prf')[0], 'prf')).toBe(OID.hmacWithSHA256);
    expect(oid(children(scheme, 'mac')[0], 'mac')).toBe(OID.hmacWithSHA256);
    expect(Buffer.from(octets(macSalt, 'mac salt')).toString()).toBe('NOT USED');
    expect(smallInt(macIter, 'mac iterations')).toBe(1);

    const saltBytes = octets(salt, 'salt');
    expect(saltBytes).toHaveLength(16);
    const macKey = pbkdf2Sync(Buffer.from('pässwörd'), saltBytes, 10_000, 32, 'sha256');
    const expected = createHmac('sha256', macKey).update(content).digest();
    expect(Buffer.from(octets(digest, 'mac'))).toEqual(expected);

    const back = await readPkcs12(pfx, 'pässwörd');
    expect(back.keys.map((k) => k.pkcs8)).toEqual([pkcs8]);
    expect(back.certificates.map((c) => c.der)).toEqual([certDer]);
    await expect(readPkcs12(pfx, 'passwörd')).rejects.toMatchObject({ code: 'invalid-password' });

    const file = tmp.path('ours-pbmac1.p12');
    writeFileSync(file, pfx);
    const strict = spawnSync('openssl', ['pkcs12', '-in', file, '-passin', 'pass:pässwörd', '-nodes']);
    expect(strict.status).not.toBe(0); // 3.0 does not know PBMAC1: this documents why -nomacver below
    const loose = openssl(['pkcs12', '-in', file, '-passin', 'pass:pässwörd', '-nodes', '-nomacver']).toString();
    expect(loose).toContain('BEGIN PRIVATE KEY');
    expect(loose).toContain('BEGIN CERTIFICATE');
  });

  test('with legacy → bad-input (PBMAC1 readers read AES too)', async () => {
    const { der: certDer } = cert();
    await expect(
      writePkcs12({ certificates: [certDer], password: 'p', mac: 'pbmac1', legacy: true }),
    ).rejects.toMatchObject({ name: 'PkiError', code: 'bad-input' });
  });
});
