import { PkiError, isPkiError } from '../pki-error';
import type { Bytes } from '../types';
import { decryptPbe } from '../pbe/pbe';
import { children, explicit, isContextTag, octets, oid, parseDer, smallInt, type Node } from '../pbe/der';
import { readMacData } from './mac';
import { P12 } from './oids';
import { readSafeContents, type Bags } from './safe-contents';

/** ContentInfo { contentType, content [0] EXPLICIT } of type data → the OCTET STRING's bytes. */
function dataContent(content: Node | undefined, what: string): Bytes {
  return octets(explicit(content, 0, what), what);
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

async function readAuthenticatedSafe(der: Uint8Array, password: string | undefined): Promise<Bags> {
  const bags: Bags = { keys: [], certificates: [] };
  for (const contentInfo of children(parseDer(der, 'authenticated safe'), 'authenticated safe')) {
    const [typeNode, content] = children(contentInfo, 'content info', 1);
    const type = oid(typeNode, 'content type');
    if (type === P12.data) {
      await readSafeContents(dataContent(content, 'safe contents data'), password, bags);
    } else if (type === P12.encryptedData) {
      // EncryptedData { version, EncryptedContentInfo { contentType, algorithm, [0] IMPLICIT OCTET STRING } }
      const [, encryptedContentInfo] = children(explicit(content, 0, 'encrypted data'), 'encrypted data', 2);
      const [, algorithm, encrypted] = children(encryptedContentInfo, 'encrypted content info', 2);
      if (!isContextTag(encrypted, 0)) continue; // content absent: nothing to read
      const plain = await decryptPbe(algorithm, octets(encrypted, 'encrypted content', true), password);
      await readSafeContents(plain, password, bags);
    } else {
      throw new PkiError('unsupported', `unsupported pfx content type ${type}`);
    }
  }
  return bags;
}

/** Reads a PFX; see readPkcs12 in ../pkcs12.ts for the contract. */
export async function readPfx(bytes: Uint8Array, password: string | undefined): Promise<Bags> {
  try {
    const [versionNode, authSafe, macData] = children(parseDer(bytes, 'pfx'), 'pfx', 2);
    const version = smallInt(versionNode, 'pfx version');
    if (version !== 3) throw new PkiError('malformed', `pfx version ${version}`);
    const [typeNode, content] = children(authSafe, 'pfx auth safe', 1);
    const type = oid(typeNode, 'pfx content type');
    if (type !== P12.data) throw new PkiError('unsupported', `unsupported pfx integrity mode ${type}`);
    const authSafeContent = dataContent(content, 'pfx auth safe');

    let tries = candidates(password);
    if (macData) {
      const mac = readMacData(macData, authSafeContent);
      let good: (string | undefined)[] = [];
      for (const p of tries) {
        if (await mac.verify(p)) {
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
        return await readAuthenticatedSafe(authSafeContent, tries[i]);
      } catch (e) {
        if (!(isPkiError(e) && e.code === 'invalid-password') || i === tries.length - 1) throw e;
      }
    }
  } catch (e) {
    if (isPkiError(e)) throw e;
    throw new PkiError('malformed', 'pfx: cannot read', { cause: e });
  }
}
