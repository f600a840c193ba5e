import type { CertificateInfo } from './vault-api';
import type { CertificatePolicy } from './vault-api';

/** A certificate name from a CN: Key Vault allows only [0-9a-zA-Z-], 1–127 characters. */
export function nameFromCn(cn: string): string {
  const name = cn
    // NFKD splits "ü" into "u" + a combining mark; drop the marks so "Zürich" → "Zurich".
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^0-9a-zA-Z-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 127)
    .replace(/-$/, '');
  return name || 'imported-certificate';
}

/** Months between two dates, to the nearest (a 90-day certificate renews as 3 months), at least 1. */
function monthsBetween(a: Date, b: Date): number {
  const months = Math.round((b.getTime() - a.getTime()) / (30.4375 * 86_400_000));
  return Math.min(Math.max(months, 1), 1200);
}

/** The policy an import derives from its certificate (ARCHITECTURE §5), shown before anything is stored. */
export function derivedPolicy(info: CertificateInfo): CertificatePolicy {
  const spec = info.keySpec;
  const ec = spec?.kty === 'EC';
  return {
    subject: info.subject,
    subjectAlternativeNames: info.subjectAlternativeNames,
    keyType: ec ? 'EC' : 'RSA',
    ...(spec?.kty === 'EC' ? { keyCurveName: spec.curve } : { keySize: spec?.kty === 'RSA' ? spec.size : 2048 }),
    exportable: true,
    reuseKey: false,
    contentType: 'application/x-pkcs12',
    keyUsage: info.keyUsage.length ? info.keyUsage : undefined,
    enhancedKeyUsage: info.enhancedKeyUsage,
    validityInMonths: monthsBetween(info.notBefore, info.notAfter),
    issuerName: info.selfSigned ? 'Self' : 'Unknown',
    lifetimeActions: [{ action: info.selfSigned ? 'AutoRenew' : 'EmailContacts', lifetimePercentage: 80 }],
  };
}
