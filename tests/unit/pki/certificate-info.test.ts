import { expect, it } from 'vitest';
import { EKU, parseCertificate, readCertificates, type CertificateInfo } from '../../../src/pki';
import { describeCorpus, corpusFile } from '../../support/shared-corpus';

// Expected values read off `openssl x509 -noout -serial -subject -nameopt RFC2253 -ext ...`
// (subjects here are in DER order, which RFC 2253 output reverses).
const cases: { path: string; want: Partial<CertificateInfo> }[] = [
  {
    path: 'pyca/x509/custom/san_email_dns_ip_dirname_uri.pem',
    want: {
      serialNumber: '0666950990DD88B9F7E4E946E27618DEEF155C',
      subject: 'O=PyCA,CN=cryptography',
      subjectAlternativeNames: {
        emails: ['user@cryptography.io'],
        dnsNames: ['cryptography.io'],
        ipAddresses: ['127.0.0.1', 'ff::'],
        uniformResourceIdentifiers: ['https://cryptography.io'],
      },
    },
  },
  {
    path: 'pyca/x509/custom/all_key_usages.pem',
    want: {
      keyUsage: [
        'digitalSignature',
        'nonRepudiation',
        'keyEncipherment',
        'dataEncipherment',
        'keyAgreement',
        'keyCertSign',
        'cRLSign',
        'encipherOnly',
        'decipherOnly',
      ],
    },
  },
  {
    path: 'pyca/x509/custom/bc_path_length_zero.pem',
    want: { basicConstraints: { ca: true, pathLength: 0 }, subject: 'O=PyCA' },
  },
  {
    path: 'pyca/x509/custom/negative_serial.pem',
    want: {
      serialNumber: '-04316693ED',
      subject:
        'C=US,ST=FL,L=Tallahassee,STREET=3210 Holly Mill Run,PostalCode=30062,O=Extreme Discord,OU=Chaos,CN=gov.us',
      basicConstraints: { ca: true },
      keyUsage: ['digitalSignature', 'keyCertSign', 'cRLSign'],
      enhancedKeyUsage: [EKU.serverAuth, EKU.clientAuth],
      subjectAlternativeNames: { dnsNames: ['*.gov.us', 'gov.us'] },
    },
  },
  {
    path: 'pyca/x509/v1_cert.pem',
    want: {
      serialNumber: '18',
      subject: 'C=AU,ST=QLD,CN=SSLeay/rsa test cert',
      keyDescription: 'RSA 512',
      signatureAlgorithm: 'md5WithRSAEncryption',
      keyUsage: [],
      subjectAlternativeNames: {},
    },
  },
  // An otherName that is not a UPN is skipped, not mistaken for one.
  { path: 'pyca/x509/custom/san_other_name.pem', want: { subjectAlternativeNames: {} } },
  {
    path: 'pyca/x509/ecdsa_root.pem',
    want: {
      keySpec: { kty: 'EC', curve: 'P-384' },
      keyDescription: 'EC P-384',
      signatureAlgorithm: 'ecdsa-with-SHA384',
      selfSigned: true,
    },
  },
  {
    path: 'pyca/x509/ed25519/root-ed25519.pem',
    want: { keySpec: undefined, keyDescription: 'Ed25519', signatureAlgorithm: 'ED25519' },
  },
  { path: 'pyca/x509/custom/dsa_selfsigned_ca.pem', want: { keySpec: undefined, keyDescription: 'DSA 2048' } },
  {
    path: 'pyca/x509/custom/ec_no_named_curve.pem',
    want: { keySpec: undefined, keyDescription: 'EC (explicit curve)' },
  },
  {
    path: 'pyca/x509/custom/rsa_pss.pem',
    want: { keySpec: undefined, keyDescription: 'RSA-PSS 2048', signatureAlgorithm: 'rsassaPss' },
  },
  { path: 'pyca/x509/custom/malformed-san.pem', want: { subjectAlternativeNames: {} } },
  { path: 'pyca/x509/letsencryptx3.pem', want: { selfSigned: false, keySpec: { kty: 'RSA', size: 2048 } } },
];

describeCorpus(`parseCertificate fields, as openssl reads them`, () => {
  it.each(cases)('$path', async ({ path, want }) => {
    const info = await parseCertificate(readCertificates(corpusFile(path))[0]);
    for (const [k, v] of Object.entries(want)) expect(info[k as keyof CertificateInfo], k).toEqual(v);
  });
});
