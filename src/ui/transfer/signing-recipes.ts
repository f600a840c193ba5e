import type { CertificatePolicy } from '../state/vault-api';

/** One way to sign the CSR with the admin's own CA, as commands to paste. */
export interface SigningRecipe {
  tool: 'openssl' | 'certreq' | 'step';
  title: string;
  /** What the commands assume, in one sentence. */
  note: string;
  /** Command lines, each complete (no shell continuation, so they paste into cmd.exe too). */
  lines: string[];
}

/** The parts of a policy the recipes read; `validityInDays` is a local CA policy's exact lifetime. */
export type RecipePolicy = Pick<CertificatePolicy, 'subjectAlternativeNames' | 'validityInMonths'> & {
  validityInDays?: number;
};

/** Days from `now` to the same instant `months` calendar months later (UTC), as the vault counts a lifetime. */
export function validityDays(policy: RecipePolicy, now: Date): number {
  if (policy.validityInDays) return policy.validityInDays;
  const end = new Date(now);
  end.setUTCMonth(end.getUTCMonth() + (policy.validityInMonths ?? 12));
  return Math.round((end.getTime() - now.getTime()) / 86_400_000);
}

/** The SANs as openssl prints them (`DNS:a, email:b, …`), for the reader to check against the CSR. */
export function sanText(policy: RecipePolicy): string {
  const s = policy.subjectAlternativeNames ?? {};
  return [
    ...(s.dnsNames ?? []).map((v) => `DNS:${v}`),
    ...(s.emails ?? []).map((v) => `email:${v}`),
    ...(s.userPrincipalNames ?? []).map((v) => `othername:UPN:${v}`),
    ...(s.ipAddresses ?? []).map((v) => `IP Address:${v}`),
    ...(s.uniformResourceIdentifiers ?? []).map((v) => `URI:${v}`),
  ].join(', ');
}

/**
 * Commands that sign the CSR file `<base>.csr` with the admin's CA and write what to carry back:
 * openssl (3.0 and later, for -copy_extensions), a Windows CA through certreq, and smallstep
 * (step-ca online, or the CA's files offline). The SANs, key usage and EKU travel inside the CSR
 * (its extensionRequest), so every recipe copies them from there rather than retyping them.
 */
export function signingRecipes(base: string, policy: RecipePolicy, now: Date): SigningRecipe[] {
  const days = validityDays(policy, now);
  const sans = sanText(policy);
  const carries = sans ? `The request carries its SANs (${sans}), key usage and EKU.` : 'The request has no SANs.';
  return [
    {
      tool: 'openssl',
      title: 'OpenSSL CA (ca.pem and ca.key)',
      note: `${carries} -copy_extensions copy puts them in the certificate; the P7B is the chain to bring back.`,
      lines: [
        `openssl x509 -req -in ${base}.csr -CA ca.pem -CAkey ca.key -CAcreateserial -days ${days} -sha256 -copy_extensions copy -out ${base}.pem`,
        `openssl crl2pkcs7 -nocrl -certfile ${base}.pem -certfile ca.pem -outform DER -out ${base}.p7b`,
      ],
    },
    {
      tool: 'certreq',
      title: 'Windows CA (certreq)',
      note: `${carries} An enterprise CA takes the lifetime from the template; a standalone CA honours the ValidityPeriod attribute only with EDITF_ATTRIBUTEENDDATE set. The last file is the chain (PKCS #7).`,
      lines: [
        `certreq -submit -attrib "CertificateTemplate:WebServer\\nValidityPeriod:Days\\nValidityPeriodUnits:${days}" ${base}.csr ${base}.cer ${base}.p7b`,
      ],
    },
    {
      tool: 'step',
      title: 'smallstep',
      note: `${carries} First line: a step-ca reached from that side; second: the CA's own files, offline. --bundle adds the issuer to the file.`,
      lines: [
        `step ca sign ${base}.csr ${base}.crt --not-after ${days * 24}h`,
        `step certificate sign ${base}.csr ca.crt ca.key --not-after ${days * 24}h --bundle > ${base}.crt`,
      ],
    },
  ];
}
