// Chains made by openssl for path-validation tests, each with the verdict `openssl verify` gives.
import { writeFileSync } from 'node:fs';
import { readCertificates } from '../../src/pki';
import type { Bytes } from '../../src/pki';
import { openssl, opensslOutcome, tempDir } from './openssl';

export type KeyKind = 'rsa' | 'ec256' | 'ec384';

const CA_EXT =
  'basicConstraints=critical,CA:true{PATHLEN}\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n';
const LEAF_EXT =
  'basicConstraints=CA:false\nkeyUsage=critical,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n';

export interface CertSpec {
  name: string;
  subject: string;
  key?: KeyKind;
  /** the name of the issuer made before; none = self-signed */
  issuer?: string;
  ca?: boolean;
  pathLength?: number;
  /** extra extension lines (nameConstraints, subjectAltName) */
  ext?: string;
  days?: number;
  /** openssl -sigopt values for the issuer's signature, e.g. RSA-PSS */
  sigopt?: string[];
  /** -sha384 etc. */
  digest?: string;
}

/** A workshop of keys and certificates in one temp folder. */
export function makeWorkshop() {
  const tmp = tempDir('certkeep-path-');
  const p = tmp.path;
  const made = new Map<string, Bytes>();
  const keyArgs: Record<KeyKind, string[]> = {
    rsa: ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'],
    ec256: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'],
    ec384: ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'],
  };

  function make(spec: CertSpec): Bytes {
    const n = spec.name;
    openssl(['genpkey', ...keyArgs[spec.key ?? 'ec256'], '-out', p(`${n}.key`)]);
    openssl(['req', '-new', '-key', p(`${n}.key`), '-subj', spec.subject, '-out', p(`${n}.csr`)]);
    const ext = spec.ca
      ? CA_EXT.replace('{PATHLEN}', spec.pathLength === undefined ? '' : `,pathlen:${spec.pathLength}`)
      : LEAF_EXT;
    writeFileSync(p(`${n}.ext`), `${ext}${spec.ext ?? ''}\n`);
    const signer = spec.issuer
      ? ['-CA', p(`${spec.issuer}.crt`), '-CAkey', p(`${spec.issuer}.key`), '-set_serial', String(made.size + 100)]
      : ['-signkey', p(`${n}.key`)];
    const sig = (spec.sigopt ?? []).flatMap((o) => ['-sigopt', o]);
    openssl([
      'x509',
      '-req',
      '-in',
      p(`${n}.csr`),
      ...signer,
      ...sig,
      spec.digest ?? '-sha256',
      '-days',
      String(spec.days ?? 30),
      '-extfile',
      p(`${n}.ext`),
      '-out',
      p(`${n}.crt`),
    ]);
    const der = readCertificates(new Uint8Array(openssl(['x509', '-in', p(`${n}.crt`), '-outform', 'DER'])))[0];
    made.set(n, der);
    return der;
  }

  /** Writes DER certificates as one PEM file and returns its path. */
  function pemFile(file: string, certs: Uint8Array[]): string {
    const text = certs.map((c) => openssl(['x509', '-inform', 'DER', '-outform', 'PEM'], c).toString()).join('');
    writeFileSync(p(file), text);
    return p(file);
  }

  /**
   * `openssl verify` of `leaf` with `anchors` as -CAfile and `untrusted` as -untrusted, at
   * `at` (epoch seconds): ok, or the error number and depth it reports first.
   */
  function verify(leaf: Uint8Array, anchors: Uint8Array[], untrusted: Uint8Array[], at?: Date) {
    const args = ['verify'];
    if (anchors.length) args.push('-CAfile', pemFile('anchors.pem', anchors));
    else args.push('-no-CAfile', '-no-CApath');
    if (untrusted.length) args.push('-untrusted', pemFile('untrusted.pem', untrusted));
    if (at) args.push('-attime', String(Math.floor(at.getTime() / 1000)));
    args.push(pemFile('leaf.pem', [leaf]));
    const out = opensslOutcome(args);
    const m = /error (\d+) at (\d+) depth/.exec(out.out);
    return { ok: out.ok, error: m ? Number(m[1]) : undefined, depth: m ? Number(m[2]) : undefined, out: out.out };
  }

  return { make, verify, pemFile, made, path: p, cleanup: tmp.cleanup };
}

/** Flips the last byte of a certificate's DER: its signature no longer verifies, the rest still parses. */
export function breakSignature(der: Uint8Array): Bytes {
  const out = new Uint8Array(der);
  out[out.length - 1] ^= 0x01;
  return out;
}
