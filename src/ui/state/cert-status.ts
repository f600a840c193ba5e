/** How a certificate stands today, as the list and the detail page word it. */
type StatusKind = 'valid' | 'expiring' | 'expired' | 'disabled' | 'pending' | 'not-yet-valid';

export interface CertStatus {
  kind: StatusKind;
  label: string;
}

const DAY = 86_400_000;

/** Certificates expiring within this many days are flagged, like Key Vault's portal does. */
const EXPIRING_DAYS = 30;

export function statusOf(
  p: { enabled?: boolean; notBefore?: Date; expiresOn?: Date; pending?: boolean },
  now: Date,
): CertStatus {
  if (p.pending && !p.expiresOn) return { kind: 'pending', label: 'pending' };
  if (p.enabled === false) return { kind: 'disabled', label: 'disabled' };
  if (p.expiresOn && p.expiresOn.getTime() <= now.getTime()) return { kind: 'expired', label: 'expired' };
  if (p.notBefore && p.notBefore.getTime() > now.getTime()) return { kind: 'not-yet-valid', label: 'not yet valid' };
  if (p.expiresOn) {
    // Calendar days in UTC, as the vault's daysUntilExpiry counts them, so the list and the
    // expiry notices never disagree by one near midnight.
    const days = Math.floor(p.expiresOn.getTime() / DAY) - Math.floor(now.getTime() / DAY);
    if (days <= EXPIRING_DAYS) {
      const label = days === 0 ? 'expires today' : days === 1 ? 'expires in 1 day' : `expires in ${days} days`;
      return { kind: 'expiring', label };
    }
  }
  return { kind: 'valid', label: 'valid' };
}

/** 2026-11-23: unambiguous in every locale, sorts as text. */
export function formatDate(d?: Date): string {
  return d ? d.toISOString().slice(0, 10) : '—';
}

/** 2026-11-23 09:30 UTC: for validity fields, where the hour matters. */
export function formatDateTime(d?: Date): string {
  return d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—';
}

/** The CN of an RFC 4514 subject, or the whole subject when it has none. */
export function commonName(subject?: string): string {
  if (!subject) return '';
  const m = /(?:^|[,+])\s*CN=((?:\\.|"[^"]*"|[^,+])*)/i.exec(subject);
  const cn = m?.at(1);
  if (cn === undefined) return subject;
  const raw = cn.trim();
  return raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw.replace(/\\(.)/g, '$1');
}

/** Lowercase-free hex with colons, as certificate viewers print fingerprints. */
export function colonHex(hex?: string): string {
  if (!hex) return '—';
  return hex.toUpperCase().replace(/(..)(?!$)/g, '$1:');
}
