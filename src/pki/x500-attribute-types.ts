/**
 * Attribute type keywords of RFC 4514 §3 plus the aliases people type (Windows/.NET's S, E,
 * T, G; OpenSSL's emailAddress, SN for surname) and the ASN.1 string type each gets.
 */
import { ATTRIBUTE, isDottedOid } from './asn1/oids';

interface TypeInfo {
  oid: string;
  /** the name we print */
  name: string;
  /** PrintableString where the standard says so; IA5String for mail-ish types (RFC 5280 App. A) */
  encoding?: 'printable' | 'ia5';
}

const TYPES: TypeInfo[] = [
  { oid: ATTRIBUTE.commonName, name: 'CN' },
  { oid: ATTRIBUTE.surname, name: 'SN' },
  { oid: ATTRIBUTE.serialNumber, name: 'SERIALNUMBER', encoding: 'printable' },
  { oid: ATTRIBUTE.countryName, name: 'C', encoding: 'printable' },
  { oid: ATTRIBUTE.localityName, name: 'L' },
  { oid: ATTRIBUTE.stateOrProvinceName, name: 'ST' },
  { oid: ATTRIBUTE.streetAddress, name: 'STREET' },
  { oid: ATTRIBUTE.organizationName, name: 'O' },
  { oid: ATTRIBUTE.organizationalUnitName, name: 'OU' },
  { oid: ATTRIBUTE.title, name: 'T' },
  { oid: ATTRIBUTE.postalCode, name: 'PostalCode' },
  { oid: ATTRIBUTE.givenName, name: 'G' },
  { oid: ATTRIBUTE.initials, name: 'I' },
  { oid: ATTRIBUTE.dnQualifier, name: 'dnQualifier', encoding: 'printable' },
  { oid: ATTRIBUTE.organizationIdentifier, name: 'organizationIdentifier' },
  { oid: ATTRIBUTE.domainComponent, name: 'DC', encoding: 'ia5' },
  { oid: ATTRIBUTE.userId, name: 'UID' },
  { oid: ATTRIBUTE.emailAddress, name: 'E', encoding: 'ia5' },
];

const ALIASES: Record<string, string> = {
  S: ATTRIBUTE.stateOrProvinceName,
  STATEORPROVINCENAME: ATTRIBUTE.stateOrProvinceName,
  COMMONNAME: ATTRIBUTE.commonName,
  SURNAME: ATTRIBUTE.surname,
  COUNTRYNAME: ATTRIBUTE.countryName,
  LOCALITYNAME: ATTRIBUTE.localityName,
  ORGANIZATIONNAME: ATTRIBUTE.organizationName,
  ORGANIZATIONALUNITNAME: ATTRIBUTE.organizationalUnitName,
  TITLE: ATTRIBUTE.title,
  GN: ATTRIBUTE.givenName,
  GIVENNAME: ATTRIBUTE.givenName,
  INITIALS: ATTRIBUTE.initials,
  EMAIL: ATTRIBUTE.emailAddress,
  EMAILADDRESS: ATTRIBUTE.emailAddress,
  DOMAINCOMPONENT: ATTRIBUTE.domainComponent,
  USERID: ATTRIBUTE.userId,
  STREETADDRESS: ATTRIBUTE.streetAddress,
  DNQ: ATTRIBUTE.dnQualifier,
};

const BY_OID = new Map(TYPES.map((t) => [t.oid, t]));
const BY_NAME = new Map<string, string>([
  ...TYPES.map((t): [string, string] => [t.name.toUpperCase(), t.oid]),
  ...Object.entries(ALIASES),
]);

/** The OID for a keyword or dotted OID (an `OID.` prefix allowed, RFC 2253 §4); undefined if unknown. */
export function attributeOid(keyword: string): string | undefined {
  const k = keyword.replace(/^OID\./i, '');
  if (isDottedOid(k)) return k;
  return BY_NAME.get(k.toUpperCase());
}

/** The short name we print for an OID, or the dotted OID itself. */
export function attributeName(oid: string): string {
  return BY_OID.get(oid)?.name ?? oid;
}

/** The string type an attribute is written in, when the standard fixes one. */
export function attributeEncoding(oid: string): 'printable' | 'ia5' | undefined {
  return BY_OID.get(oid)?.encoding;
}
