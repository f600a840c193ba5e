import { crc32 } from './bytewords';
import { chooseFragments } from './fountain-indexes';

/** One part's header and data, as read from its CBOR. */
export interface FountainPart {
  seqNum: number;
  seqLen: number;
  messageLength: number;
  checksum: number;
  fragment: Uint8Array;
}

/** What a part did: new information, nothing new, or a part of another message. */
export type PartOutcome = 'added' | 'duplicate' | 'foreign';

interface Mixed {
  indexes: number[];
  data: Uint8Array;
}

const xor = (a: Uint8Array, b: Uint8Array): Uint8Array => a.map((v, i) => v ^ (b[i] ?? 0));
const keyOf = (indexes: number[]): string => indexes.join(',');

/**
 * Reassembles a fountain-coded message from parts in any order, with any parts missing
 * (BCR-2020-005 §4): a peeling decoder. A recovered fragment is XORed out of every mixed part
 * that holds it; a mixed part left with one fragment recovers that one. The message is checked
 * against the CRC-32 in every header before it is returned.
 */
export function fountainDecoder() {
  let first: (Omit<FountainPart, 'seqNum' | 'fragment'> & { fragmentLength: number }) | undefined;
  const simple = new Map<number, Uint8Array>();
  let mixed = new Map<string, Mixed>();
  let result: Uint8Array | undefined;
  let failed = false;

  /** Read through a function: the parts settle it in calls the compiler does not follow. */
  const isOver = (): boolean => result !== undefined || failed;

  const finish = (): void => {
    if (!first) return;
    const whole = new Uint8Array(first.seqLen * first.fragmentLength);
    for (const [i, f] of simple) whole.set(f, i * first.fragmentLength);
    const message = whole.slice(0, first.messageLength);
    if (crc32(message) === first.checksum) result = message;
    else failed = true;
  };

  const settle = (queue: Mixed[]): void => {
    while (queue.length > 0 && !isOver()) {
      const part = queue.shift();
      if (!part) break;
      // Reduce by every fragment already known.
      let { indexes, data } = part;
      for (const i of indexes) {
        const known = simple.get(i);
        if (known) data = xor(data, known);
      }
      indexes = indexes.filter((i) => !simple.has(i));
      // And by every mixed part whose fragments it holds all of.
      for (const m of mixed.values()) {
        if (m.indexes.length < indexes.length && m.indexes.every((i) => indexes.includes(i))) {
          data = xor(data, m.data);
          indexes = indexes.filter((i) => !m.indexes.includes(i));
        }
      }
      if (indexes.length === 0 || mixed.has(keyOf(indexes))) continue;
      if (indexes.length === 1) {
        const index = indexes[0] ?? 0;
        simple.set(index, data);
        if (simple.size === first?.seqLen) {
          finish();
          return;
        }
        // Every mixed part holding this fragment gets simpler: take them out and queue them again.
        const next = new Map<string, Mixed>();
        for (const [k, m] of mixed) {
          if (m.indexes.includes(index)) queue.push(m);
          else next.set(k, m);
        }
        mixed = next;
      } else {
        // A new mixed part simplifies the mixed parts that hold all of its fragments.
        const reduced: Mixed = { indexes, data };
        const next = new Map<string, Mixed>();
        for (const [k, m] of mixed) {
          if (m.indexes.length > indexes.length && indexes.every((i) => m.indexes.includes(i)))
            queue.push({ indexes: m.indexes.filter((i) => !indexes.includes(i)), data: xor(m.data, data) });
          else next.set(k, m);
        }
        next.set(keyOf(indexes), reduced);
        mixed = next;
      }
    }
  };

  return {
    /** Takes one part; the first part fixes the message every later part must belong to. */
    receive(part: FountainPart): PartOutcome {
      if (isOver()) return 'duplicate';
      if (!first) {
        first = { ...part, fragmentLength: part.fragment.length };
      } else if (
        part.seqLen !== first.seqLen ||
        part.messageLength !== first.messageLength ||
        part.checksum !== first.checksum ||
        part.fragment.length !== first.fragmentLength
      ) {
        return 'foreign';
      }
      const indexes = chooseFragments(part.seqNum, part.seqLen, part.checksum).sort((a, b) => a - b);
      if ((indexes.length === 1 && simple.has(indexes[0] ?? -1)) || mixed.has(keyOf(indexes))) return 'duplicate';
      const before = simple.size + mixed.size;
      settle([{ indexes, data: part.fragment }]);
      return isOver() || simple.size + mixed.size !== before ? 'added' : 'duplicate';
    },
    /** Fragments recovered so far, and fragments in the message (0 before the first part). */
    progress(): { recovered: number; pending: number; total: number } {
      return { recovered: simple.size, pending: mixed.size, total: first ? first.seqLen : 0 };
    },
    /** The message once every fragment is in and its CRC-32 matches. */
    result: (): Uint8Array | undefined => result,
    /** True when the fragments were all in but the message failed its CRC-32. */
    failed: (): boolean => failed,
  };
}
