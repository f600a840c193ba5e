import { decodeCbor } from './cbor';
import { fountainDecoder } from './fountain-decoder';
import { parseUr, UrError } from './ur-decoder';

/** Where a scan stands after a QR code was read. */
export type ReceiveState =
  | { kind: 'waiting' }
  /** `received` counts fragments recovered or pending in mixed parts; `total` is the fragment count. */
  | { kind: 'receiving'; received: number; total: number }
  | { kind: 'done'; bytes: Uint8Array; format: 'der' | 'pem' }
  /** The last code read was refused; `message` says why, in words for the person scanning. */
  | { kind: 'refused'; message: string; received: number; total: number };

const preview = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
};

/**
 * Turns the texts of QR codes, read in any order and with repeats, into the bytes they carry:
 * multipart `ur:bytes` (fountain-coded), a single-part `ur:bytes`, or one plain QR code holding
 * PEM text. Anything else is refused with a reason and changes nothing already received; a part
 * of a different transfer starts over with that transfer (the other screen moved on).
 */
export function urReceiver() {
  let decoder = fountainDecoder();
  let state: ReceiveState = { kind: 'waiting' };
  const counts = () => {
    const p = decoder.progress();
    return { received: Math.min(p.recovered + p.pending, Math.max(p.total - 1, 0)), total: p.total };
  };
  const refuse = (message: string): ReceiveState => (state = { kind: 'refused', message, ...counts() });
  const bytesOf = (cbor: Uint8Array): ReceiveState => {
    let item;
    try {
      item = decodeCbor(cbor);
    } catch {
      return refuse('The QR codes were read but what they carry is not a byte string (ur:bytes). Nothing was used.');
    }
    if (!(item instanceof Uint8Array))
      return refuse('The QR codes were read but what they carry is not a byte string (ur:bytes). Nothing was used.');
    // A PEM file carried as ur:bytes is still PEM: the name says so, as a dropped .pem would.
    const pem = new TextDecoder().decode(item.subarray(0, 11)) === '-----BEGIN ';
    return (state = { kind: 'done', bytes: item, format: pem ? 'pem' : 'der' });
  };

  return {
    state: (): ReceiveState => state,
    /** Feeds one decoded QR text; returns the new state. After `done`, further codes change nothing. */
    receive(text: string): ReceiveState {
      if (state.kind === 'done') return state;
      if (/^\s*-----BEGIN [A-Z0-9 #]+-----/.test(text))
        return (state = { kind: 'done', bytes: new TextEncoder().encode(text.trim() + '\n'), format: 'pem' });
      let parsed;
      try {
        parsed = parseUr(text);
      } catch (e) {
        if (e instanceof UrError && e.message !== 'not a UR')
          return refuse('A QR code was damaged or is not a valid UR part; keep the camera on the codes.');
        return refuse(
          `This QR code is not a certificate transfer (it reads “${preview(text)}”). Show the codes of a CSR, certificate, chain or P7B.`,
        );
      }
      if (parsed.type !== 'bytes')
        return refuse(
          `These QR codes carry “ur:${parsed.type}”, not a file (ur:bytes). Nothing was used: show the codes of a CSR, certificate, chain or P7B.`,
        );
      if (parsed.single) return bytesOf(parsed.cbor);
      if (decoder.receive(parsed.part) === 'foreign') {
        decoder = fountainDecoder();
        decoder.receive(parsed.part);
      }
      const done = decoder.result();
      if (done) return bytesOf(done);
      if (decoder.failed()) {
        decoder = fountainDecoder();
        return refuse(
          'The parts did not add up to the file they announce (checksum mismatch). Scan again from the start.',
        );
      }
      return (state = { kind: 'receiving', ...counts() });
    },
  };
}
