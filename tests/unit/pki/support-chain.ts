// A three-level chain made by openssl (root → intermediate → leaf), for chain and P7B tests.
import { writeFileSync } from 'node:fs';
import { readCertificates } from '../../../src/pki';
import type { Bytes } from '../../../src/pki';
import { openssl, tempDir } from '../../support/openssl';

export interface OpensslChain {
  root: Bytes;
  intermediate: Bytes;
  leaf: Bytes;
  leafKeyPem: Buffer;
  dir: string;
  cleanup: () => void;
}

export function makeOpensslChain(): OpensslChain {
  const tmp = tempDir('certkeep-chain-');
  const p = tmp.path;
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  writeFileSync(
    p('ca.ext'),
    'basicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n',
  );
  writeFileSync(
    p('leaf.ext'),
    'basicConstraints=CA:false\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\nsubjectAltName=DNS:leaf.test\n',
  );
  openssl([
    'req',
    '-x509',
    ...ec,
    '-keyout',
    p('root.key'),
    '-out',
    p('root.crt'),
    '-subj',
    '/CN=Test Root',
    '-days',
    '30',
  ]);
  openssl(['req', ...ec, '-keyout', p('int.key'), '-out', p('int.csr'), '-subj', '/CN=Test Intermediate']);
  openssl([
    'x509',
    '-req',
    '-in',
    p('int.csr'),
    '-CA',
    p('root.crt'),
    '-CAkey',
    p('root.key'),
    '-CAcreateserial',
    '-days',
    '20',
    '-extfile',
    p('ca.ext'),
    '-out',
    p('int.crt'),
  ]);
  openssl(['req', ...ec, '-keyout', p('leaf.key'), '-out', p('leaf.csr'), '-subj', '/CN=leaf.test']);
  openssl([
    'x509',
    '-req',
    '-in',
    p('leaf.csr'),
    '-CA',
    p('int.crt'),
    '-CAkey',
    p('int.key'),
    '-CAcreateserial',
    '-days',
    '10',
    '-extfile',
    p('leaf.ext'),
    '-out',
    p('leaf.crt'),
  ]);
  const read = (name: string): Bytes => readCertificates(new Uint8Array(openssl(['x509', '-in', p(name)])))[0];
  return {
    root: read('root.crt'),
    intermediate: read('int.crt'),
    leaf: read('leaf.crt'),
    leafKeyPem: openssl(['pkey', '-in', p('leaf.key')]),
    dir: tmp.dir,
    cleanup: tmp.cleanup,
  };
}
