import { spawnSync } from 'node:child_process';
import { UR, UREncoder, URDecoder } from '@ngraveio/bc-ur';
import { runTool } from './openssl';

/**
 * The tools no one here wrote that check the QR transfer: zbarimg (zbar-tools) reads QR codes
 * from images, qrencode makes them, and @ngraveio/bc-ur (the reference BC-UR implementation)
 * frames and reassembles the parts. scripts/ensure.mjs installs the Debian packages; with
 * CI=true a missing tool fails the test rather than skipping it.
 */
export function haveQrTools(): boolean {
  const ok = ['zbarimg', 'qrencode'].every((t) => spawnSync(t, ['--version']).status === 0);
  if (!ok && process.env.CI === 'true')
    throw new Error('zbarimg and qrencode are required with CI=true: apt-get install zbar-tools qrencode');
  return ok;
}

/** Every QR text zbarimg finds in a PNG (empty when none: zbarimg exits 4 then). */
export function zbarTexts(png: Buffer): string[] {
  const result = spawnSync('zbarimg', ['--raw', '-q', '-'], { input: png });
  if (result.status === 4) return [];
  if (result.status !== 0) throw new Error(`zbarimg exited ${result.status}: ${result.stderr.toString()}`);
  return result.stdout
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0);
}

/** The QR code of `text` as modules: true = dark, with a 4-module quiet zone (qrencode -t ASCII, 2 characters a module). */
export function qrencodeModules(text: string): boolean[][] {
  const ascii = runTool('qrencode', ['-t', 'ASCII', '-m', '4', '-l', 'M', '-o', '-'], text).toString('utf8');
  return ascii
    .split('\n')
    .filter((l) => l.length > 0)
    .map((line) => Array.from({ length: line.length / 2 }, (_, i) => line[i * 2] === '#'));
}

/** Reference-encoded `ur:bytes` parts for `bytes` (fragments ≤ maxFragment), upper-case as a QR carries them. */
export function referenceParts(bytes: Uint8Array, count: number, maxFragment = 200): string[] {
  const encoder = new UREncoder(UR.fromBuffer(Buffer.from(bytes)), maxFragment, 0, 10);
  return Array.from({ length: count }, () => encoder.nextPart().toUpperCase());
}

/** Parts of a different UR type (`crypto-psbt` is a hardware wallet's transaction), for the refusal test. */
export function referencePartsOfType(type: string, bytes: Uint8Array, count: number): string[] {
  const cbor = new UR(Buffer.from([0x59, bytes.length >> 8, bytes.length & 0xff, ...bytes]), type);
  const encoder = new UREncoder(cbor, 200, 0, 10);
  return Array.from({ length: count }, () => encoder.nextPart().toUpperCase());
}

/** The reference decoder: feed parts until it reports the message; the bytes inside the CBOR byte string. */
export function referenceDecoder() {
  const decoder = new URDecoder();
  return {
    receive: (part: string) => {
      if (!decoder.isComplete()) decoder.receivePart(part);
    },
    done: (): boolean => decoder.isComplete(),
    bytes: (): Uint8Array => {
      if (!decoder.isSuccess()) throw new Error(`reference decoder: ${decoder.resultError()}`);
      return new Uint8Array(decoder.resultUR().decodeCBOR());
    },
  };
}
