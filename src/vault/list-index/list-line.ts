/**
 * One certificate of the list index as two lines of text (ARCHITECTURE §8 "Certificate list at
 * scale"): the `text` line holds every searched field, tab-separated, so a search is one
 * `indexOf` over the lowercased lines of the whole vault; the `meta` line holds what is shown
 * or sorted but never searched (version id, dates, flags), so a digit typed in the search box
 * cannot match a date or a version id. Text keeps a loaded 100 000-certificate index to a few
 * strings rather than a million objects, which is what makes opening it fast.
 */
import type { SubjectAlternativeNames } from '../../pki/types';
import type { CertificateListEntry } from '../list-types';
import type { CertificateRecord } from '../vault-store';
import { keyDescription } from '../key-description';

/** Field order of a text line. */
export const TEXT = { name: 0, subject: 1, sans: 2, tags: 3, thumbprint: 4, issuer: 5, key: 6 } as const;
/** Field order of a meta line. */
const META = { version: 0, expiresOn: 1, notBefore: 2, flags: 3, tags: 4 } as const;

/** Tabs and line breaks separate fields and lines: inside a value they become spaces. */
function clean(value: string | undefined): string {
  return value === undefined ? '' : value.replace(/[\t\n\r]/g, ' ');
}

function sansLine(sans: SubjectAlternativeNames | undefined): string {
  if (!sans) return '';
  return [
    ...(sans.dnsNames ?? []),
    ...(sans.emails ?? []),
    ...(sans.userPrincipalNames ?? []),
    ...(sans.ipAddresses ?? []),
    ...(sans.uniformResourceIdentifiers ?? []),
  ]
    .map(clean)
    .join(' ');
}

export interface ListLines {
  text: string;
  meta: string;
}

/** The two lines of a certificate row (its latest version, or its pending policy). */
export function listLinesOf(row: CertificateRecord): ListLines {
  const v = row.latest;
  const tags = v?.tags ?? {};
  const text = [
    row.name,
    clean(v?.subject ?? row.policy.subject),
    sansLine(row.policy.subjectAlternativeNames),
    Object.entries(tags)
      .map(([k, value]) => clean(`${k}=${value}`))
      .join(' '),
    v?.x509Thumbprint ?? '',
    clean(row.policy.issuerName),
    clean(keyDescription(row.policy)),
  ].join('\t');
  const meta = [
    v?.version ?? '',
    v ? String(+v.expiresOn) : '',
    v ? String(+v.notBefore) : '',
    (v ? (v.enabled ? 'e' : 'd') : row.policy.enabled === false ? 'dp' : 'ep') + (v?.lint?.errors ? 'l' : ''),
    Object.keys(tags).length ? JSON.stringify(tags) : '',
  ].join('\t');
  return { text, meta };
}

/** The lowercase name a text line starts with (names have no tab). */
export function keyOfTextLine(text: string): string {
  const end = text.indexOf('\t');
  return (end < 0 ? text : text.slice(0, end)).toLowerCase();
}

/** What the sorts need from a meta line, without splitting it into an array. */
export function datesOfMetaLine(meta: string): { expiresMs: number; notBeforeMs: number; flags: string } {
  const a = meta.indexOf('\t');
  const b = meta.indexOf('\t', a + 1);
  const c = meta.indexOf('\t', b + 1);
  const d = meta.indexOf('\t', c + 1);
  const expires = meta.slice(a + 1, b);
  const notBefore = meta.slice(b + 1, c);
  return {
    expiresMs: expires ? Number(expires) : NaN,
    notBeforeMs: notBefore ? Number(notBefore) : NaN,
    flags: meta.slice(c + 1, d < 0 ? undefined : d),
  };
}

/** A whole entry from its two lines: only for the rows a screen shows. */
export function entryOfLines(text: string, meta: string): CertificateListEntry {
  const t = text.split('\t');
  const m = meta.split('\t');
  const flags = m[META.flags] ?? '';
  const optional = (s: string | undefined) => (s ? s : undefined);
  const expires = m[META.expiresOn];
  const notBefore = m[META.notBefore];
  return {
    name: t[TEXT.name],
    version: optional(m[META.version]),
    enabled: !flags.includes('d'),
    pending: flags.includes('p'),
    hasLintErrors: flags.includes('l'),
    notBefore: notBefore ? new Date(Number(notBefore)) : undefined,
    expiresOn: expires ? new Date(Number(expires)) : undefined,
    subject: optional(t[TEXT.subject]),
    subjectAlternativeNames: t[TEXT.sans] ?? '',
    tags: m[META.tags] ? (JSON.parse(m[META.tags]) as Record<string, string>) : {},
    x509Thumbprint: optional(t[TEXT.thumbprint]),
    issuerName: optional(t[TEXT.issuer]),
    keyDescription: optional(t[TEXT.key]),
  };
}
