/**
 * Pure: a lifetime event → the title and options of an OS notification. Key Vault tells
 * contacts of the expiry first, then (AutoRenew) whether renewal worked, or (EmailContacts)
 * that it is time to renew; these texts say the same things, offline.
 */
import {
  expiryPhrase,
  type CertificateContact,
  type LifetimeEvent,
  type LifetimeEventKind,
} from '../vault/light-entry';

/** Notification action ids; notification-click.ts dispatches on them. */
export const OPEN_ACTION = 'open';
export const RENEW_NOW_ACTION = 'renew-now';

/** NotificationOptions.actions is missing from TypeScript's lib; Chromium shows up to Notification.maxActions (2). */
interface LifetimeNotificationAction {
  action: string;
  title: string;
}

/** What notification-click.ts needs to act without reading the vault first. */
export interface LifetimeNotificationData {
  vault: string;
  certificate: string;
  kind: LifetimeEventKind;
  /** same-origin URL of the certificate page */
  url: string;
  issuerName?: string;
}

export interface LifetimeNotificationOptions {
  body: string;
  tag: string;
  data: LifetimeNotificationData;
  actions: LifetimeNotificationAction[];
  requireInteraction?: boolean;
  icon?: string;
  badge?: string;
  timestamp?: number;
}

export interface LifetimeNotification {
  title: string;
  options: LifetimeNotificationOptions;
}

export interface NotificationForEventOptions {
  now: Date;
  /** Notification.maxActions where known (Chromium: 2); undefined = no limit known */
  maxActions?: number;
}

/**
 * The URL of a certificate's page. Mirrors ui/state/router.ts `hrefFor('certificate', name)`
 * (nothing imports ui/); a unit test keeps the two in step.
 */
export function certificateUrl(certificateName: string): string {
  return `/#/certificate/${encodeURIComponent(certificateName)}`;
}

/**
 * One tag per certificate and kind: a repeat replaces the earlier notification instead of
 * piling up. Names are case-insensitive in a vault, so the tag is too.
 */
export function notificationTag(vaultName: string, certificateName: string, kind: LifetimeEventKind): string {
  return `${vaultName}/${certificateName.toLowerCase()}/${kind}`;
}

/** "expires in 12 days, on 2027-03-03" / "expires today, on …" / "expired 3 days ago, on …" */
export function describeExpiry(expiresOn: Date, now: Date): string {
  return expiryPhrase(expiresOn.getTime(), now.getTime());
}

/** First 8 hex digits: enough to tell versions apart in a notification. */
export function shortThumbprint(hex: string | undefined): string {
  if (!hex) return '?';
  return hex.length > 8 ? `${hex.slice(0, 8).toUpperCase()}…` : hex.toUpperCase();
}

/** "Contacts: Ann <ann@contoso.com>, ops@contoso.com." or '' when the vault has none. */
function describeContacts(contacts: CertificateContact[]): string {
  const named = contacts
    .map((c) => (c.name && c.email ? `${c.name} <${c.email}>` : (c.email ?? c.name ?? c.phone)))
    .filter((x): x is string => !!x);
  return named.length ? `Contacts: ${named.join(', ')}.` : '';
}

function sentence(...parts: string[]): string {
  return parts.filter(Boolean).join(' ');
}

/** Builds the notification for one event. */
export function notificationForEvent(
  notice: LifetimeEvent,
  options: NotificationForEventOptions,
): LifetimeNotification {
  const { now } = options;
  const name = notice.certificateName;
  const expiry = describeExpiry(notice.expiresOn, now);
  const contacts = describeContacts(notice.contacts);
  const isSelf = notice.issuerName === 'Self';
  let title: string;
  let body: string;
  let requireInteraction = false;
  switch (notice.kind) {
    case 'notify':
      if (notice.action === 'AutoRenew') {
        // Key Vault's first step: the expiration notice, before the automatic renewal.
        title = `'${name}' ${expiry}`;
        body = sentence(`Vault ${notice.vaultName}: Certkeep will renew it automatically.`, contacts);
      } else {
        title = `Time to renew '${name}'`;
        const how = isSelf
          ? 'Renew it now, or create a new version.'
          : `Request a new certificate${notice.issuerName && notice.issuerName !== 'Unknown' ? ` from ${notice.issuerName}` : ''} and merge it.`;
        body = sentence(`'${name}' ${expiry} (vault ${notice.vaultName}).`, how, contacts);
      }
      break;
    case 'renewed':
      title = `'${name}' renewed`;
      body = sentence(
        `New version ${shortThumbprint(notice.newX509ThumbprintString)} replaces ${shortThumbprint(notice.x509ThumbprintString)}`,
        `(vault ${notice.vaultName}); the old one ${expiry}.`,
        contacts,
      );
      break;
    case 'renewalFailed':
      title = `Renewal of '${name}' failed`;
      body = sentence(
        `'${name}' ${expiry} (vault ${notice.vaultName}). Renew it by hand.`,
        // The vault's `error` is the bare reason; its `message` is a whole sentence that already says "renew by hand".
        notice.error ? `Reason: ${notice.error}` : notice.message ? `Reason: ${notice.message}` : '',
        contacts,
      );
      // A failed renewal needs a person; don't let it time out of the OS tray.
      requireInteraction = true;
      break;
  }
  const actions: LifetimeNotificationAction[] = [{ action: OPEN_ACTION, title: 'Open' }];
  if (isSelf && notice.kind !== 'renewed') actions.push({ action: RENEW_NOW_ACTION, title: 'Renew now' });
  const max = options.maxActions;
  return {
    title,
    options: {
      body,
      tag: notificationTag(notice.vaultName, name, notice.kind),
      data: {
        vault: notice.vaultName,
        certificate: name,
        kind: notice.kind,
        url: certificateUrl(name),
        issuerName: notice.issuerName,
      },
      actions: max === undefined ? actions : actions.slice(0, Math.max(0, max)),
      requireInteraction,
      icon: '/icon-192.png',
      timestamp: now.getTime(),
    },
  };
}
