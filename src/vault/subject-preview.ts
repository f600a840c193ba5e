/**
 * A subject as `openssl x509 -noout -subject` prints it (OpenSSL's default `-nameopt oneline`),
 * so the screen shows the name the way an admin will see it in the certificate: the RDNs in
 * DER order, which is the order the subject is written in (ARCHITECTURE §5), where RFC 4514
 * text would print them reversed.
 */
import { parseX500Name, type NameAttribute } from '../pki/x500-name';
import { decodeStringValue } from '../pki/asn1/strings';

/** OpenSSL's short names (its objects table); an OID it has no name for prints dotted. */
const OPENSSL_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.13': 'description',
  '2.5.4.15': 'businessCategory',
  '2.5.4.17': 'postalCode',
  '2.5.4.41': 'name',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.44': 'generationQualifier',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
  '2.5.4.97': 'organizationIdentifier',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '1.2.840.113549.1.9.2': 'unstructuredName',
  '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
  '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
  '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC',
};

const HEX = (b: number): string => `\\${b.toString(16).toUpperCase().padStart(2, '0')}`;

/**
 * One value with OpenSSL's escaping (crypto/asn1/a_strex.c, flags ESC_2253 | ESC_QUOTE |
 * ESC_CTRL | ESC_MSB | UTF8_CONVERT): `"` and `\` get a backslash; `, + ; < >`, a leading `#`
 * or space and a trailing space make the whole value quoted instead; control bytes and every
 * byte of a non-ASCII character print as `\XX`. OpenSSL marks the last byte as "last" even when
 * it is also the first, so a lone `#` is printed bare: copied here, since the point is to match.
 */
function opensslValue(a: NameAttribute): string {
  if (a.der && decodeStringValue(a.der)?.text === undefined) return a.value; // `#hex`, as DUMP_DER prints
  const bytes = new TextEncoder().encode(a.value);
  let quoted = false;
  let out = '';
  for (const [i, b] of bytes.entries()) {
    const last = i === bytes.length - 1;
    const first = i === 0 && !last;
    const c = String.fromCharCode(b);
    if (b > 0x7e || b < 0x20) out += HEX(b);
    else if (c === '"' || c === '\\') out += `\\${c}`;
    else {
      if (',+;<>'.includes(c) || (first && (c === ' ' || c === '#')) || (last && c === ' ')) quoted = true;
      out += c;
    }
  }
  return quoted ? `"${out}"` : out;
}

/**
 * The subject text (RFC 4514 syntax, as a policy or a parsed certificate holds it) in OpenSSL's
 * one-line form: `DC = Contoso, OU = "Docs,Contoso", CN = www.contosoHRApp.com`. Undefined when
 * the text is not an X.500 name (validatePolicy says why); '' for an empty subject.
 */
export function subjectAsOpenssl(subject: string): string | undefined {
  if (subject.trim() === '') return '';
  let attributes: NameAttribute[];
  try {
    attributes = parseX500Name(subject);
  } catch {
    return undefined;
  }
  return attributes
    .map((a, i) => {
      const pair = `${OPENSSL_NAMES[a.oid] ?? a.oid} = ${opensslValue(a)}`;
      return i === 0 ? pair : `${a.multiValued ? ' + ' : ', '}${pair}`;
    })
    .join('');
}
