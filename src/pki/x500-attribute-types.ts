/**
 * Attribute type keywords of RFC 4514 §3 plus the aliases people type (Windows/.NET's S, E,
 * T, G; OpenSSL's emailAddress, SN for surname) and the ASN.1 string type each gets.
 */

interface TypeInfo {
  oid: string;
  /** the name we print */
  name: string;
  /** PrintableString where the standard says so; IA5String for mail-ish types (RFC 5280 App. A) */
  encoding?: 'printable' | 'ia5';
}

const TYPES: TypeInfo[] = [
  { oid: '2.5.4.3', name: 'CN' },
  { oid: '2.5.4.4', name: 'SN' },
  { oid: '2.5.4.5', name: 'SERIALNUMBER', encoding: 'printable' },
  { oid: '2.5.4.6', name: 'C', encoding: 'printable' },
  { oid: '2.5.4.7', name: 'L' },
  { oid: '2.5.4.8', name: 'ST' },
  { oid: '2.5.4.9', name: 'STREET' },
  { oid: '2.5.4.10', name: 'O' },
  { oid: '2.5.4.11', name: 'OU' },
  { oid: '2.5.4.12', name: 'T' },
  { oid: '2.5.4.17', name: 'PostalCode' },
  { oid: '2.5.4.42', name: 'G' },
  { oid: '2.5.4.43', name: 'I' },
  { oid: '2.5.4.46', name: 'dnQualifier', encoding: 'printable' },
  { oid: '2.5.4.97', name: 'organizationIdentifier' },
  { oid: '0.9.2342.19200300.100.1.25', name: 'DC', encoding: 'ia5' },
  { oid: '0.9.2342.19200300.100.1.1', name: 'UID' },
  { oid: '1.2.840.113549.1.9.1', name: 'E', encoding: 'ia5' },
];

const ALIASES: Record<string, string> = {
  S: '2.5.4.8',
  STATEORPROVINCENAME: '2.5.4.8',
  COMMONNAME: '2.5.4.3',
  SURNAME: '2.5.4.4',
  COUNTRYNAME: '2.5.4.6',
  LOCALITYNAME: '2.5.4.7',
  ORGANIZATIONNAME: '2.5.4.10',
  ORGANIZATIONALUNITNAME: '2.5.4.11',
  TITLE: '2.5.4.12',
  GN: '2.5.4.42',
  GIVENNAME: '2.5.4.42',
  INITIALS: '2.5.4.43',
  EMAIL: '1.2.840.113549.1.9.1',
  EMAILADDRESS: '1.2.840.113549.1.9.1',
  DOMAINCOMPONENT: '0.9.2342.19200300.100.1.25',
  USERID: '0.9.2342.19200300.100.1.1',
  STREETADDRESS: '2.5.4.9',
  DNQ: '2.5.4.46',
};

const BY_OID = new Map(TYPES.map((t) => [t.oid, t]));
const BY_NAME = new Map<string, string>([
  ...TYPES.map((t) => [t.name.toUpperCase(), t.oid] as [string, string]),
  ...Object.entries(ALIASES),
]);

const OID = /^[0-2](\.(0|[1-9][0-9]*))+$/;

/** The OID for a keyword or dotted OID (an `OID.` prefix allowed, RFC 2253 §4); undefined if unknown. */
export function attributeOid(keyword: string): string | undefined {
  const k = keyword.replace(/^OID\./i, '');
  if (OID.test(k)) return k;
  return BY_NAME.get(k.toUpperCase());
}

/** The short name we print for an OID, or the dotted OID itself. */
export function attributeName(oid: string): string {
  return BY_OID.get(oid)?.name ?? oid;
}

export function attributeEncoding(oid: string): 'printable' | 'ia5' | undefined {
  return BY_OID.get(oid)?.encoding;
}
