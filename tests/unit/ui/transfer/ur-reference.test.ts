import { describe, expect, it } from 'vitest';
import { UR, UREncoder, URDecoder } from '@ngraveio/bc-ur';
import { bytesFrames, urFrames } from '../../../../src/ui/transfer/ur-encoder';
import { urReceiver } from '../../../../src/ui/transfer/ur-receiver';
import { crc32, decodeMinimal, encodeMinimal } from '../../../../src/ui/transfer/bytewords';
import { chooseFragments } from '../../../../src/ui/transfer/fountain-indexes';
import { chooseFragments as referenceIndexes } from '@ngraveio/bc-ur/dist/fountainUtils';

/** Deterministic pseudo-random bytes (not crypto: the test only needs varied, repeatable input). */
function bytesOf(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** The reference implementation's parts 1…count for the same bytes and fragment length. */
function referenceParts(bytes: Uint8Array, count: number, maxFragment = 200): string[] {
  const encoder = new UREncoder(UR.fromBuffer(Buffer.from(bytes)), maxFragment, 0, 10);
  return Array.from({ length: count }, () => encoder.nextPart());
}

describe('BC-UR against the reference implementation (@ngraveio/bc-ur)', () => {
  it('CRC-32 is zlib’s (the check value of "123456789")', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('bytewords round-trip and refuse a changed letter', () => {
    const b = bytesOf(50);
    const text = encodeMinimal(b);
    expect(decodeMinimal(text.toUpperCase())).toEqual(b);
    const broken = (text[0] === 'a' ? 'b' : 'a') + text.slice(1);
    expect(() => decodeMinimal(broken)).toThrow();
  });

  it.each([
    { length: 150, parts: 1 },
    { length: 201, parts: 6 },
    { length: 700, parts: 12 },
    { length: 2900, parts: 40 },
  ])('our parts for $length bytes equal the reference’s, mixed parts included', ({ length, parts }) => {
    const bytes = bytesOf(length, length);
    const ours = bytesFrames(bytes);
    const want = referenceParts(bytes, parts + 20);
    const got = want.map((_, i) => ours.part(i + 1));
    expect(got).toEqual(want);
    expect(ours.single).toBe(want[0]?.split('/').length === 2);
  });

  it('our fountain indexes equal the reference’s for many seqNums and lengths', () => {
    for (const seqLen of [2, 3, 7, 20, 61]) {
      for (let seqNum = 1; seqNum < seqLen + 80; seqNum++) {
        const checksum = crc32(Uint8Array.from([seqLen, seqNum]));
        expect(chooseFragments(seqNum, seqLen, checksum)).toEqual(referenceIndexes(seqNum, seqLen, checksum));
      }
    }
  });

  it('the reference decodes our parts, out of order and with parts dropped', () => {
    const bytes = bytesOf(1800, 7);
    const frames = bytesFrames(bytes);
    const decoder = new URDecoder();
    // Skip every third pure fragment, feed later (mixed) parts backwards.
    const seqNums = [...Array.from({ length: 80 }, (_, i) => i + 1).filter((n) => n % 3 !== 0)].reverse();
    for (const n of seqNums) {
      decoder.receivePart(frames.part(n).toUpperCase());
      if (decoder.isComplete()) break;
    }
    expect(decoder.isSuccess()).toBe(true);
    expect(new Uint8Array(decoder.resultUR().decodeCBOR())).toEqual(bytes);
  });

  it('we decode the reference’s parts, out of order and with parts dropped, to the exact bytes', () => {
    for (const [length, seed] of [
      [650, 3],
      [2400, 4],
      [201, 5],
    ] as const) {
      const bytes = bytesOf(length, seed);
      const parts = referenceParts(bytes, 200);
      const order = parts.map((p, i) => ({ p, k: (i * 7919) % 211 })).sort((a, b) => a.k - b.k);
      const receiver = urReceiver();
      let used = 0;
      for (const { p } of order.filter((_, i) => i % 4 !== 1)) {
        used++;
        if (receiver.receive(p.toUpperCase()).kind === 'done') break;
      }
      const state = receiver.state();
      expect(state.kind, `length ${length}`).toBe('done');
      if (state.kind === 'done') expect(state.bytes).toEqual(bytes);
      expect(used).toBeLessThan(parts.length);
    }
  });

  it('a single-part reference UR is one code', () => {
    const bytes = bytesOf(120, 9);
    const only = referenceParts(bytes, 1).join('');
    const state = urReceiver().receive(only);
    expect(state).toEqual({ kind: 'done', bytes, format: 'der' });
  });
});

/** A part with one byteword changed: the CRC-32 in the body no longer matches. */
const damaged = (part: string): string => {
  const at = part.length - 20;
  return part.slice(0, at) + (part[at] === 'a' ? 'b' : 'a') + part.slice(at + 1);
};

describe('what the receiver refuses', () => {
  it.each([
    { name: 'plain text', text: 'hello world', want: /not a certificate transfer.*hello world/ },
    { name: 'a URL', text: 'https://example.com/x', want: /not a certificate transfer/ },
    {
      name: 'another UR type',
      text: urFrames('crypto-psbt', Uint8Array.from([0x41, 1])).part(1),
      want: /ur:crypto-psbt/,
    },
    { name: 'a damaged UR body', text: damaged(bytesFrames(bytesOf(600)).part(2)), want: /damaged/ },
  ])('$name', ({ text, want }) => {
    const receiver = urReceiver();
    const state = receiver.receive(text);
    expect(state.kind).toBe('refused');
    if (state.kind === 'refused') expect(state.message).toMatch(want);
  });

  it('a ur:bytes whose CBOR is not a byte string', () => {
    const state = urReceiver().receive(urFrames('bytes', Uint8Array.from([0x82, 1, 2])).part(1));
    expect(state.kind).toBe('refused');
  });

  it('refusals keep what was received; a part of another transfer starts over with it', () => {
    const a = bytesFrames(bytesOf(900, 11));
    const b = bytesFrames(bytesOf(900, 12));
    const receiver = urReceiver();
    receiver.receive(a.part(1));
    receiver.receive(a.part(2));
    expect(receiver.receive('garbage')).toMatchObject({ kind: 'refused', received: 2, total: a.seqLen });
    expect(receiver.receive(a.part(3))).toMatchObject({ kind: 'receiving', received: 3 });
    expect(receiver.receive(b.part(1))).toMatchObject({ kind: 'receiving', received: 1 });
    for (let n = 2; n <= b.seqLen; n++) receiver.receive(b.part(n));
    const state = receiver.state();
    expect(state.kind).toBe('done');
    if (state.kind === 'done') expect(state.bytes).toEqual(bytesOf(900, 12));
  });

  it('PEM text in one plain QR code is taken as it is', () => {
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    const state = urReceiver().receive(pem);
    expect(state).toMatchObject({ kind: 'done', format: 'pem' });
  });
});
