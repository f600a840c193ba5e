import { crc32, encodeMinimal } from './bytewords';
import { encodeCbor } from './cbor';
import { chooseFragments } from './fountain-indexes';

/** The largest fragment a part carries (bytes of the message CBOR per QR frame). */
export const MAX_FRAGMENT_LENGTH = 200;
const MIN_FRAGMENT_LENGTH = 10;

/**
 * A message as Uniform Resources (BCR-2020-005): a single-part `ur:type/body` when the CBOR fits
 * one fragment, else an endless fountain of `ur:type/seqNum-seqLen/body` parts.
 */
export interface UrFrames {
  type: string;
  /** Fragments the message was cut into: parts 1…seqLen carry one each, later parts mix them. */
  seqLen: number;
  /** Bytes of the fragment each part carries. */
  fragmentLength: number;
  single: boolean;
  /** Part `seqNum` (1-based, any uint32) as a lowercase UR string; a single-part UR ignores seqNum. */
  part(seqNum: number): string;
}

/**
 * The fragment length that cuts the message into the fewest fragments no longer than `max`,
 * all of equal length (the last one zero-padded), as the reference encoder picks it.
 */
function nominalFragmentLength(messageLength: number, min: number, max: number): number {
  const maxCount = Math.ceil(messageLength / min);
  let length = 0;
  for (let count = 1; count <= maxCount; count++) {
    length = Math.ceil(messageLength / count);
    if (length <= max) break;
  }
  return length;
}

/** Encodes `cbor` (the UR's CBOR payload) as UR frames of at most `maxFragmentLength` bytes. */
export function urFrames(type: string, cbor: Uint8Array, maxFragmentLength = MAX_FRAGMENT_LENGTH): UrFrames {
  if (!/^[a-z0-9-]+$/.test(type)) throw new Error('ur: bad type');
  if (cbor.length === 0) throw new Error('ur: empty message');
  const fragmentLength = nominalFragmentLength(cbor.length, MIN_FRAGMENT_LENGTH, maxFragmentLength);
  const fragments: Uint8Array[] = [];
  for (let at = 0; at < cbor.length; at += fragmentLength) {
    const f = new Uint8Array(fragmentLength);
    f.set(cbor.subarray(at, at + fragmentLength));
    fragments.push(f);
  }
  const seqLen = fragments.length;
  const checksum = crc32(cbor);
  if (seqLen === 1) {
    const whole = `ur:${type}/${encodeMinimal(cbor)}`;
    return { type, seqLen, fragmentLength, single: true, part: () => whole };
  }
  return {
    type,
    seqLen,
    fragmentLength,
    single: false,
    part(seqNum) {
      const mixed = new Uint8Array(fragmentLength);
      for (const i of chooseFragments(seqNum, seqLen, checksum)) {
        const f = fragments[i];
        for (let k = 0; k < fragmentLength; k++) mixed[k] ^= f[k];
      }
      const body = encodeCbor([seqNum, seqLen, cbor.length, checksum, mixed]);
      return `ur:${type}/${seqNum}-${seqLen}/${encodeMinimal(body)}`;
    },
  };
}

/** `ur:bytes` frames for raw bytes: the payload is the CBOR byte string of them. */
export function bytesFrames(bytes: Uint8Array, maxFragmentLength = MAX_FRAGMENT_LENGTH): UrFrames {
  return urFrames('bytes', encodeCbor(bytes), maxFragmentLength);
}
