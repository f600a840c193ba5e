import { decodeMinimal } from './bytewords';
import { decodeCbor } from './cbor';
import type { FountainPart } from './fountain-decoder';

/** A UR string taken apart: its type, and either the whole CBOR or one fountain part. */
export type ParsedUr =
  { type: string; single: true; cbor: Uint8Array } | { type: string; single: false; part: FountainPart };

/** Why a text is not a UR this reader can take; the message says what was wrong. */
export class UrError extends Error {
  override name = 'UrError';
}

/** More fragments than any certificate file needs (2 MB at 200 bytes a part): refused before any work. */
const MAX_PARTS = 10_000;

const isUint = (v: unknown): v is number => typeof v === 'number';

/**
 * Parses `ur:type/body` or `ur:type/seqNum-seqLen/body` (BCR-2020-005 §3), in either case (QR
 * codes carry it upper-case for the alphanumeric mode). Throws UrError for anything else,
 * including a part whose path and CBOR header disagree.
 */
export function parseUr(text: string): ParsedUr {
  const s = text.trim().toLowerCase();
  if (!s.startsWith('ur:')) throw new UrError('not a UR');
  const path = s.slice(3).split('/');
  const type = path[0] ?? '';
  if (!/^[a-z0-9-]+$/.test(type)) throw new UrError('bad UR type');
  let bytes: Uint8Array;
  try {
    bytes = decodeMinimal(path.at(-1) ?? '');
  } catch (e) {
    throw new UrError('damaged UR body', { cause: e });
  }
  if (path.length === 2) return { type, single: true, cbor: bytes };
  const seq = /^(\d{1,10})-(\d{1,10})$/.exec(path[1] ?? '');
  if (path.length !== 3 || !seq) throw new UrError('bad UR path');
  let item;
  try {
    item = decodeCbor(bytes);
  } catch (e) {
    throw new UrError('damaged UR part', { cause: e });
  }
  if (!Array.isArray(item) || item.length !== 5) throw new UrError('damaged UR part');
  const [seqNum, seqLen, messageLength, checksum, fragment] = item;
  if (
    !isUint(seqNum) ||
    !isUint(seqLen) ||
    !isUint(messageLength) ||
    !isUint(checksum) ||
    !(fragment instanceof Uint8Array) ||
    seqNum < 1 ||
    seqLen < 1 ||
    seqLen > MAX_PARTS ||
    fragment.length === 0 ||
    messageLength > seqLen * fragment.length ||
    String(seqNum) !== String(Number(seq[1])) ||
    seqLen !== Number(seq[2])
  )
    throw new UrError('inconsistent UR part');
  return { type, single: false, part: { seqNum, seqLen, messageLength, checksum, fragment } };
}
