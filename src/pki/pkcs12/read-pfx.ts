/**
 * Reading a PFX (RFC 7292): the MAC first, then the AuthenticatedSafe's data and encrypted
 * data safes.
 */
import { CONTENT_TYPE } from '../asn1/oids';
import { children, decodeBer, explicit, isContextTag, octets, oid, readDer, smallInt, type Node } from '../asn1/reader';
import { decryptPbe } from '../pbe/pbe';
import { PkiError, isPkiError } from '../pki-error';
import type { Bytes } from '../types';
import type { Work } from '../work';
import { readMacData } from './mac';
import { readSafeContents, type Pkcs12Contents } from './safe-contents';

/** ContentInfo { contentType, content [0] EXPLICIT } of type data → the OCTET STRING's bytes. */
function dataContent(content: Node | undefined, what: string): Bytes {
  return octets(explicit(content, 0, what), what);
}

/** A decrypted SafeContents is a SEQUENCE; garbage from a wrong key almost never decodes as one. */
function isSequence(plain: Uint8Array): boolean {
  const decoded = plain[0] === 0x30 ? decodeBer(plain) : undefined;
  return decoded !== undefined && !decoded.node.error;
}

/**
 * "No password" and the empty password are different keys in PKCS#12 (a zero-length vs a
 * two-zero-byte BMPString), and writers disagree on which they mean. Like openssl's
 * PKCS12_parse, try the one asked for first and then the other.
 */
function candidates(password: string | undefined): (string | undefined)[] {
  if (password === undefined) return [undefined, ''];
  if (password === '') return ['', undefined];
  return [password];
}

async function readAuthenticatedSafe(
  der: Uint8Array,
  password: string | undefined,
  work: Work | undefined,
): Promise<Pkcs12Contents> {
  const bags: Pkcs12Contents = { keys: [], certificates: [] };
  for (const contentInfo of children(readDer(der, 'authenticated safe'), 'authenticated safe')) {
    const info = children(contentInfo, 'content info', 1);
    const type = oid(info[0], 'content type');
    const content = info.at(1);
    if (type === CONTENT_TYPE.data) {
      await readSafeContents(dataContent(content, 'safe contents data'), password, bags, work);
    } else if (type === CONTENT_TYPE.encryptedData) {
      // EncryptedData { version, EncryptedContentInfo { contentType, algorithm, [0] IMPLICIT OCTET STRING } }
      const [, encryptedContentInfo] = children(explicit(content, 0, 'encrypted data'), 'encrypted data', 2);
      const fields = children(encryptedContentInfo, 'encrypted content info', 2);
      const encrypted = fields.at(2);
      if (!isContextTag(encrypted, 0)) continue; // content absent: nothing to read
      const plain = await decryptPbe(
        fields[1],
        octets(encrypted, 'encrypted content', true),
        password,
        isSequence,
        work,
      );
      await readSafeContents(plain, password, bags, work);
    } else {
      throw new PkiError('unsupported', `unsupported pfx content type ${type}`);
    }
  }
  return bags;
}

/**
 * Reads a PFX/PKCS#12 file (RFC 7292): checks the MAC (HMAC-SHA-1/224/256/384/512, or PBMAC1 of
 * RFC 9579), decrypts PBES2 (AES-CBC, 3DES) and the legacy pbeWithSHAAnd… safes and key bags, and returns every
 * private key (PKCS#8 DER) and X.509 certificate with its friendlyName and localKeyId, in file order.
 * A file without a MAC (-nomac) is accepted.
 *
 * `password` undefined = no password; '' = empty password (they differ in PKCS#12). Either one
 * also tries the other, as openssl does, because writers mix them up.
 *
 * `work` watches the key derivations (pki/work.ts): progress, and a cancel between blocks.
 *
 * Errors (always PkiError): 'invalid-password', 'malformed', 'unsupported' (names the OID),
 * 'cancelled'.
 */
export async function readPkcs12(
  bytes: Uint8Array,
  password: string | undefined,
  work?: Work,
): Promise<Pkcs12Contents> {
  try {
    const pfx = children(readDer(bytes, 'pfx'), 'pfx', 2);
    const [versionNode, authSafe] = pfx;
    const macData = pfx.at(2);
    const version = smallInt(versionNode, 'pfx version');
    if (version !== 3) throw new PkiError('malformed', `pfx version ${version}`);
    const authSafeInfo = children(authSafe, 'pfx auth safe', 1);
    const type = oid(authSafeInfo[0], 'pfx content type');
    if (type !== CONTENT_TYPE.data) throw new PkiError('unsupported', `unsupported pfx integrity mode ${type}`);
    const authSafeContent = dataContent(authSafeInfo.at(1), 'pfx auth safe');

    let tries = candidates(password);
    if (macData) {
      const mac = readMacData(macData, authSafeContent);
      let good: (string | undefined)[] = [];
      for (const p of tries) {
        if (await mac.verify(p, work)) {
          good = [p];
          break;
        }
      }
      if (!good.length) throw new PkiError('invalid-password', 'wrong password');
      tries = good;
    }
    // Without a MAC (-nomac) only decryption can tell which password opens the file.
    for (let i = 0; ; i++) {
      try {
        return await readAuthenticatedSafe(authSafeContent, tries[i], work);
      } catch (e) {
        if (!(isPkiError(e) && e.code === 'invalid-password') || i === tries.length - 1) throw e;
      }
    }
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('malformed', 'pfx: cannot read', { cause: e });
  }
}
