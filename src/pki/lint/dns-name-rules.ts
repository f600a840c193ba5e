/**
 * DNS names in subjectAltName (BR 7.1.2.7.12, 3.2.2.6; RFC 5280 §4.2.1.6 "preferred name
 * syntax"; RFC 5890 for IDNs): label syntax and length, valid Punycode, no underscores, a TLD
 * the public-suffix list knows, no internal names, and a wildcard only as the whole left-most
 * label and never directly left of a public suffix (that would cover a whole registry).
 */
import { decodePunycode } from './punycode';
import { PUBLIC_TLS, finding, type FindingSpec } from './finding';
import type { LintContext, LintFinding, LintRule, LintTarget } from './types';

/** Names that resolve only inside a network (RFC 6762 .local, ICANN's .internal, RFC 2606/6761). */
const INTERNAL_TLDS = new Set([
  'local',
  'internal',
  'localhost',
  'localdomain',
  'lan',
  'home',
  'corp',
  'intranet',
  'test',
  'example',
  'invalid',
]);

const LABEL = /^[a-z0-9_-]+$/i;

type Spec = Omit<FindingSpec, 'field' | 'reference'> & { reference?: string };

function checkName(name: string, target: LintTarget, context: LintContext, out: LintFinding[]): void {
  const add = (spec: Spec): void => {
    out.push(finding(target, { reference: 'BR 7.1.2.7.12', ...spec, field: 'subjectAlternativeNames' }));
  };
  if (name.includes('\u0000')) {
    add({
      id: 'e_san_dns_name_includes_null_char',
      severity: 'error',
      message: `The DNS name "${name.replaceAll('\u0000', '\\0')}" holds a NUL character, a classic way to fool name checks: remove it.`,
      reference: 'RFC 5280 §4.2.1.6',
    });
    return;
  }
  const labels = name.split('.');
  const wildcard = labels[0] === '*';
  if (labels[0].includes('*') && !wildcard) {
    add({
      id: 'e_dnsname_left_label_wildcard_correct',
      severity: 'error',
      message: `In "${name}" the wildcard is part of a label: it must be the whole left-most label ("*.${labels.slice(1).join('.')}").`,
      reference: 'BR 7.1.2.7.12',
    });
  }
  if (labels.slice(1).some((l) => l.includes('*'))) {
    add({
      id: 'e_dnsname_wildcard_only_in_left_label',
      severity: 'error',
      message: `In "${name}" a wildcard stands right of the first label: only the left-most label may be "*".`,
      reference: 'BR 7.1.2.7.12',
    });
  }
  const host = wildcard ? labels.slice(1) : labels;
  if (name.length > 253) {
    add({
      id: 'e_dnsname_total_length_too_long',
      severity: 'error',
      message: `The DNS name "${name.slice(0, 40)}…" is ${name.length} characters long: at most 253 fit in DNS.`,
      reference: 'RFC 1034 §3.1',
    });
  }
  const suffixLabels = publicSuffixLength(host, context);
  const sld = host.length - suffixLabels - 1;
  host.forEach((label, i) => {
    if (label.includes('*')) return;
    if (label === '') {
      add({
        id: 'e_dnsname_contains_empty_label',
        severity: 'error',
        message: `The DNS name "${name}" has an empty label (two dots, or a dot at an end): remove it.`,
        reference: 'RFC 5280 §4.2.1.6',
      });
      return;
    }
    if (label.length > 63) {
      add({
        id: 'e_dnsname_label_too_long',
        severity: 'error',
        message: `A label of "${name}" has ${label.length} characters: DNS labels hold at most 63.`,
        reference: 'RFC 1034 §3.1',
      });
    }
    if (!LABEL.test(label)) {
      add({
        id: 'e_dnsname_bad_character_in_label',
        severity: 'error',
        message: `The label "${label}" of "${name}" has characters DNS names cannot hold: use letters, digits and hyphens, and write international names in Punycode (xn--…).`,
        reference: 'RFC 5280 §4.2.1.6; RFC 5890',
      });
      return;
    }
    if (label.includes('_')) {
      add({
        id: i === sld ? 'e_dnsname_underscore_in_sld' : 'e_dnsname_underscore_in_trd',
        severity: 'error',
        message: `${PUBLIC_TLS}, DNS names must not contain underscores ("${label}" in "${name}"): rename the host.`,
        reference: 'BR 7.1.2.7.12 (SC-044)',
        publicOnly: true,
      });
    }
    if (label.startsWith('-') || label.endsWith('-')) {
      add({
        id: i === sld ? 'e_dnsname_hyphen_in_sld' : 'e_dnsname_hyphen_in_trd',
        severity: 'error',
        message: `The label "${label}" of "${name}" starts or ends with a hyphen, which DNS names cannot.`,
        reference: 'RFC 1034 §3.5',
      });
    }
    const lower = label.toLowerCase();
    if (lower.startsWith('xn--')) {
      const unicode = decodePunycode(lower.slice(4));
      // eslint-disable-next-line no-control-regex
      if (unicode === undefined || unicode === '' || /^[\u0000-\u007f]*$/.test(unicode)) {
        add({
          id: 'e_international_dns_name_not_unicode',
          severity: 'error',
          message: `The label "${label}" of "${name}" is not valid Punycode: convert the Unicode name again (IDNA 2008).`,
          reference: 'RFC 5890 §2.3.2.1',
        });
      }
    } else if (lower.length >= 4 && lower.slice(2, 4) === '--') {
      add({
        id: 'e_dnsname_contains_prohibited_reserved_label',
        severity: 'error',
        message: `The label "${label}" of "${name}" has "--" in the third and fourth place, which is reserved for IDN prefixes other than xn--.`,
        reference: 'RFC 5890 §2.3.1',
      });
    }
  });
  checkPlacement(name, host, wildcard, context, add);
}

function checkPlacement(
  name: string,
  host: string[],
  wildcard: boolean,
  context: LintContext,
  add: (spec: Spec) => void,
): void {
  const tld = host.at(-1)?.toLowerCase() ?? '';
  const base = host.join('.').toLowerCase();
  if (host.length <= 1 && !context.publicSuffix.isKnownTld(tld)) {
    add({
      id: 'e_dnsname_internal_name',
      severity: 'error',
      message: `${PUBLIC_TLS}, "${name}" is a single-label internal name: use a fully qualified name under a registered domain.`,
      publicOnly: true,
    });
  } else if (INTERNAL_TLDS.has(tld)) {
    add({
      id: 'e_dnsname_internal_name',
      severity: 'error',
      message: `${PUBLIC_TLS}, "${name}" is an internal name (.${tld} resolves only inside a network): use a name under a registered domain, or a private CA.`,
      publicOnly: true,
    });
  } else if (!context.publicSuffix.isKnownTld(tld)) {
    add({
      id: 'e_dnsname_not_valid_tld',
      severity: 'error',
      message: `${PUBLIC_TLS}, ".${tld}" in "${name}" is no top-level domain in the public-suffix list: check the spelling.`,
      publicOnly: true,
    });
  } else if (!wildcard && context.publicSuffix.isPublicSuffix(base)) {
    add({
      id: 'e_dnsname_contains_bare_iana_suffix',
      severity: 'error',
      message: `${PUBLIC_TLS}, "${name}" is a public suffix itself, which no one can own: name a domain under it.`,
      publicOnly: true,
    });
  } else if (wildcard && context.publicSuffix.isPublicSuffix(base)) {
    add({
      id: 'w_dnsname_wildcard_left_of_public_suffix',
      severity: 'warning',
      message: `${PUBLIC_TLS}, "${name}" puts a wildcard directly left of the public suffix "${base}", covering every domain under it; CAs refuse it unless the applicant controls the whole namespace.`,
      reference: 'BR 3.2.2.6',
      publicOnly: true,
    });
  }
}

/** How many trailing labels of `host` form its public suffix (0 when the list does not know it). */
function publicSuffixLength(host: string[], context: LintContext): number {
  for (let i = 0; i < host.length; i++) {
    if (context.publicSuffix.isPublicSuffix(host.slice(i).join('.').toLowerCase())) return host.length - i;
  }
  return 0;
}

export const dnsNameRules: LintRule = (target, context) => {
  const out: LintFinding[] = [];
  if (context.isCa) return out;
  for (const name of target.san?.dnsNames ?? []) {
    if (context.isTlsServer || name.includes('\u0000')) checkName(name, target, context, out);
  }
  return out;
};
