/**
 * The expiry calendar: an iCalendar file (RFC 5545) with one event per certificate expiry and one
 * per lifetime-action date, for a calendar app to import (XCA's vCalendar export is the
 * precedent). Pure: the same certificates, policies and `now` give the same bytes.
 */
import { lifetimeActionDueMs, utcDay } from '../lifetime-schedule';
import type { CertificatePolicy, CertificateProperties, LifetimeAction } from '../types';
import { contentLine, escapeText, utcDateTime } from './ics-text';

/** One listed certificate (listPropertiesOfCertificates) and its policy, when it has one. */
export interface ExpiryCalendarEntry {
  properties: CertificateProperties;
  policy?: CertificatePolicy;
}

export interface ExpiryCalendarOptions {
  /** DTSTAMP of every event: when the file was made */
  now: Date;
  /** shown in the calendar's name; default: the host of the first certificate's vault URL */
  vaultName?: string;
}

/** RFC 5545 §3.7.3: a unique identifier of the product that wrote the file. */
const PRODID = '-//Certkeep//Expiry calendar//EN';

interface CalendarEvent {
  uid: string;
  at: Date;
  summary: string;
  description: string;
}

/**
 * The calendar as RFC 5545 text (CRLF line ends, lines folded at 75 octets). Events are UTC
 * date-times at the exact instant (expiresOn, or when the lifetime action falls due), marked
 * transparent so they do not block time. UIDs are built from the version id, the certificate
 * name and the vault host, so importing a newer file updates the events instead of doubling
 * them. Certificates without a version yet (pending) have no dates and are left out.
 */
export function expiryCalendar(entries: Iterable<ExpiryCalendarEntry>, options: ExpiryCalendarOptions): string {
  const events: CalendarEvent[] = [];
  let firstHost: string | undefined;
  for (const { properties: p, policy } of entries) {
    if (!p.version || !p.expiresOn) continue;
    const host = hostOf(p.vaultUrl);
    firstHost ??= host;
    const name = p.name;
    const label = `${name}${p.enabled ? '' : ' (disabled)'}`;
    const facts = factsOf(p, policy, host);
    events.push({
      uid: `expiry-${p.version}-${name.toLowerCase()}@${host}`,
      at: p.expiresOn,
      summary: `Certificate ${label} expires`,
      description: [`The certificate ${name} expires on ${utcText(p.expiresOn)}.`, ...facts].join('\n'),
    });
    const notBefore = p.notBefore;
    (policy?.lifetimeActions ?? []).forEach((action, i) => {
      if (!notBefore) return;
      const dueMs = lifetimeActionDueMs(action, notBefore.getTime(), p.expiresOn?.getTime() ?? NaN);
      if (!Number.isFinite(dueMs)) return;
      const due = new Date(dueMs);
      events.push({
        uid: `lifetime-${i}-${p.version}-${name.toLowerCase()}@${host}`,
        at: due,
        summary: `${action.action === 'AutoRenew' ? 'Renewal due' : 'Renewal reminder'}: certificate ${label}`,
        description: [
          `${whatHappens(action)} for ${name} on ${utcText(due)} (${triggerText(action)}); it expires on ${utcText(p.expiresOn ?? due)}.`,
          ...facts,
        ].join('\n'),
      });
    });
  }
  events.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));

  const stamp = utcDateTime(options.now);
  const vault = options.vaultName ?? firstHost?.split('.')[0] ?? 'default';
  const lines = [
    contentLine('BEGIN', 'VCALENDAR'),
    contentLine('VERSION', '2.0'),
    contentLine('PRODID', PRODID),
    contentLine('CALSCALE', 'GREGORIAN'),
    contentLine('METHOD', 'PUBLISH'),
    contentLine('X-WR-CALNAME', escapeText(`Certkeep: certificate expiries (vault ${vault})`)),
  ];
  for (const e of events) {
    lines.push(
      contentLine('BEGIN', 'VEVENT'),
      contentLine('UID', escapeText(e.uid)),
      contentLine('DTSTAMP', stamp),
      contentLine('DTSTART', utcDateTime(e.at)),
      contentLine('SUMMARY', escapeText(e.summary)),
      contentLine('DESCRIPTION', escapeText(e.description)),
      contentLine('TRANSP', 'TRANSPARENT'),
      contentLine('END', 'VEVENT'),
    );
  }
  lines.push(contentLine('END', 'VCALENDAR'));
  return lines.join('');
}

function factsOf(p: CertificateProperties, policy: CertificatePolicy | undefined, host: string): string[] {
  return [
    p.subject ? `Subject: ${p.subject}` : undefined,
    `Vault: ${host}`,
    `Version: ${p.version ?? ''}`,
    (p.issuerName ?? policy?.issuerName) ? `Issuer: ${p.issuerName ?? policy?.issuerName ?? ''}` : undefined,
    p.keyDescription ? `Key: ${p.keyDescription}` : undefined,
    p.x509ThumbprintString ? `SHA-1 thumbprint: ${p.x509ThumbprintString}` : undefined,
  ].filter((line): line is string => line !== undefined);
}

function whatHappens(action: LifetimeAction): string {
  return action.action === 'AutoRenew' ? 'Certkeep renews the certificate automatically' : 'The contacts are notified';
}

function triggerText(action: LifetimeAction): string {
  return action.daysBeforeExpiry !== undefined
    ? `${action.daysBeforeExpiry} days before expiry`
    : `at ${action.lifetimePercentage ?? 0} % of its lifetime`;
}

function utcText(date: Date): string {
  return `${utcDay(date.getTime())} ${date.toISOString().slice(11, 19)} UTC`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host || 'vault.local';
  } catch {
    return 'vault.local';
  }
}
