/** A throwaway CA made and run by openssl: it signs our CSRs the way a real CA would. */
import { readFileSync, writeFileSync } from 'node:fs';
import { openssl, tempDir } from '../../support/openssl';

export interface OpensslCa {
  caPem: string;
  caDer: Uint8Array;
  /** Signs a DER CSR; returns the certificate as PEM. */
  sign(csrDer: Uint8Array, days?: number): string;
  /** PEM → DER via openssl */
  toDer(pem: string): Uint8Array;
  /** certificates (PEM, concatenated) → PKCS#7 (PEM or DER) via openssl crl2pkcs7 */
  p7b(pems: string, outform: 'PEM' | 'DER'): Uint8Array;
  cleanup(): void;
}

export function makeOpensslCa(subject = '/CN=Test CA/O=Certkeep Tests'): OpensslCa {
  const t = tempDir('certkeep-ca-');
  openssl([
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    t.path('ca.key'),
    '-out',
    t.path('ca.pem'),
    '-subj',
    subject,
    '-days',
    '3650',
  ]);
  const caPem = readFileSync(t.path('ca.pem'), 'utf8');
  let n = 0;
  const toDer = (pem: string) => {
    const f = t.path(`c${n++}.pem`);
    writeFileSync(f, pem);
    return new Uint8Array(openssl(['x509', '-in', f, '-outform', 'DER']));
  };
  return {
    caPem,
    caDer: toDer(caPem),
    sign(csrDer, days = 90) {
      const csr = t.path(`r${n++}.der`);
      writeFileSync(csr, csrDer);
      return openssl([
        'x509',
        '-req',
        '-inform',
        'DER',
        '-in',
        csr,
        '-CA',
        t.path('ca.pem'),
        '-CAkey',
        t.path('ca.key'),
        '-days',
        String(days),
        '-set_serial',
        String(1000 + n),
      ]).toString();
    },
    toDer,
    p7b(pems, outform) {
      const f = t.path(`b${n++}.pem`);
      writeFileSync(f, pems);
      return new Uint8Array(openssl(['crl2pkcs7', '-nocrl', '-certfile', f, '-outform', outform]));
    },
    cleanup: t.cleanup,
  };
}
