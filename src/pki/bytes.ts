/**
 * Byte helpers shared by pki/ (no Buffer: pki/ runs in a service worker too).
 */
import type { Bytes } from './types';

/** A fresh copy backed by a plain ArrayBuffer (TS 5.9: WebCrypto refuses ArrayBufferLike). */
export function toBytes(data: Uint8Array | ArrayBuffer | ArrayBufferView): Bytes {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  const view = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(view);
}

export function toHex(data: Uint8Array | ArrayBuffer, upper = true): string {
  const view = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
  let out = '';
  for (const b of view) out += b.toString(16).padStart(2, '0');
  return upper ? out.toUpperCase() : out;
}

export function fromHex(hex: string): Bytes {
  if (hex.length % 2 !== 0 || /[^0-9a-f]/i.test(hex)) throw new RangeError('bad hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/**
 * Byte equality in constant time for a given length: no early exit, so comparing a MAC or a
 * password check leaks nothing through timing (the length is not secret). The one byte compare
 * of pki/ and the vault, for DER equality too, where the cost is the same.
 */
export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i] ^ b[i];
  return diff === 0;
}

export function concatBytes(...parts: Uint8Array[]): Bytes {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function toBase64(data: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < data.length; i += 0x8000) bin += String.fromCharCode(...data.subarray(i, i + 0x8000));
  return btoa(bin);
}

/** Strict base64 (whitespace ignored); undefined when it is not base64. */
export function fromBase64(text: string): Bytes | undefined {
  const clean = text.replace(/[\s]+/g, '');
  if (clean.length === 0 || clean.length % 4 === 1 || !/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) return undefined;
  try {
    const bin = atob(clean);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return undefined;
  }
}

export async function digestHex(algorithm: 'SHA-1' | 'SHA-256', data: Uint8Array): Promise<string> {
  return toHex(await crypto.subtle.digest(algorithm, toBytes(data)));
}

/** Latin-1 view of bytes, to look for PEM armour without throwing on binary. */
export function asciiText(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}
