import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { openssl, tempDir } from '../../support/openssl';

/** Shared by the PKCS#12 tests: keys and certificates made by openssl, once per suite. */

export const LEGACY_PROVIDERS = ['-provider', 'legacy', '-provider', 'default'];
/** Hex of bytes; throws on undefined, so an absent localKeyId fails the comparison it is in. */
export const toHex = (b: Uint8Array | undefined): string => Buffer.from(present(b, 'bytes')).toString('hex');

/** `value`, or a thrown Error naming what a fixture or a result lacks. */
export function present<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
}
export const sha1Hex = (b: Uint8Array): string => createHash('sha1').update(b).digest('hex');

/** openssl's normal form of a private key, so two encodings of one key compare equal. */
export const normalizeKey = (pkcs8: Uint8Array): string =>
  toHex(openssl(['pkey', '-inform', 'DER', '-outform', 'DER'], pkcs8));

/** SubjectPublicKeyInfo DER of a PKCS#8 key, as openssl derives it. */
export const spkiOfKey = (pkcs8: Uint8Array): string =>
  toHex(openssl(['pkey', '-inform', 'DER', '-pubout', '-outform', 'DER'], pkcs8));

/** SubjectPublicKeyInfo DER of a certificate, as openssl reads it. */
export function spkiOfCert(der: Uint8Array): string {
  const pem = openssl(['x509', '-inform', 'DER', '-pubkey', '-noout'], der);
  return toHex(openssl(['pkey', '-pubin', '-outform', 'DER'], pem));
}

/** Every certificate in PEM text, as DER. */
export function pemCertificates(text: string): Uint8Array[] {
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----([^-]+)-----END CERTIFICATE-----/g)].map(
    (m) => new Uint8Array(Buffer.from(m[1].replace(/\s/g, ''), 'base64')),
  );
}

/** The first private key in PEM text (PKCS#8 as openssl pkcs12 -nodes prints it), as DER. */
export function pemPrivateKey(text: string): Uint8Array {
  const m = /-----BEGIN PRIVATE KEY-----([^-]+)-----END PRIVATE KEY-----/.exec(text);
  if (!m) throw new Error('no private key in openssl output');
  return new Uint8Array(Buffer.from(m[1].replace(/\s/g, ''), 'base64'));
}

export interface Identity {
  name: string;
  keyPem: string;
  certPem: string;
  pkcs8: Uint8Array;
  certDer: Uint8Array;
}

export interface Fixtures {
  path: (name: string) => string;
  cleanup: () => void;
  /** root CA → intermediate → leaf (RSA 2048), all made with openssl */
  root: Identity;
  intermediate: Identity;
  leaf: Identity;
  ecP256: Identity;
  ecP384: Identity;
  rsa4096?: Identity;
}

/** Makes the keys and certificates once. RSA 4096 keygen is slow: only when asked. */
export function makeFixtures(withRsa4096 = false): Fixtures {
  const tmp = tempDir('certkeep-p12-');
  const p = tmp.path;
  const ext = p('ext.cnf');
  writeFileSync(
    ext,
    '[ca]\nbasicConstraints=critical,CA:TRUE\nkeyUsage=keyCertSign,cRLSign\n[leaf]\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\n',
  );

  const identity = (name: string, keygen: string[], issuer?: Identity, section = 'leaf'): Identity => {
    const keyPem = p(`${name}.key`);
    const certPem = p(`${name}.crt`);
    openssl(['genpkey', ...keygen, '-out', keyPem]);
    if (!issuer) {
      openssl([
        'req',
        '-x509',
        '-new',
        '-key',
        keyPem,
        '-subj',
        `/CN=${name}`,
        '-days',
        '30',
        '-out',
        certPem,
        '-extensions',
        section,
        '-config',
        ext,
        '-set_serial',
        '1',
      ]);
    } else {
      const csr = p(`${name}.csr`);
      openssl(['req', '-new', '-key', keyPem, '-subj', `/CN=${name}`, '-out', csr, '-config', ext]);
      openssl([
        'x509',
        '-req',
        '-in',
        csr,
        '-CA',
        issuer.certPem,
        '-CAkey',
        issuer.keyPem,
        '-days',
        '30',
        '-out',
        certPem,
        '-extfile',
        ext,
        '-extensions',
        section,
        '-set_serial',
        String(Date.now()),
      ]);
    }
    return {
      name,
      keyPem,
      certPem,
      pkcs8: new Uint8Array(openssl(['pkcs8', '-topk8', '-nocrypt', '-in', keyPem, '-outform', 'DER'])),
      certDer: pemCertificates(readFileSync(certPem, 'utf8'))[0],
    };
  };
  const rsa = (bits: number) => ['-algorithm', 'RSA', '-pkeyopt', `rsa_keygen_bits:${bits}`];
  const ec = (curve: string) => ['-algorithm', 'EC', '-pkeyopt', `ec_paramgen_curve:${curve}`];
  // a req config with an empty distinguished_name section, so req never prompts
  writeFileSync(ext, `[req]\ndistinguished_name=dn\n[dn]\n${readFileSync(ext, 'utf8')}`);
  const root = identity('root', ec('P-256'), undefined, 'ca');
  const intermediate = identity('intermediate', ec('P-256'), root, 'ca');
  const leaf = identity('leaf', rsa(2048), intermediate);
  return {
    path: p,
    cleanup: tmp.cleanup,
    root,
    intermediate,
    leaf,
    ecP256: identity('ec-p256', ec('P-256')),
    ecP384: identity('ec-p384', ec('P-384')),
    rsa4096: withRsa4096 ? identity('rsa-4096', rsa(4096)) : undefined,
  };
}
