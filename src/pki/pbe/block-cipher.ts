/** A 64-bit block cipher keyed once, used by the CBC mode in cbc.ts. */
export interface BlockCipher {
  readonly blockSize: 8;
  encryptBlock(src: Uint8Array, srcOffset: number, dst: Uint8Array, dstOffset: number): void;
  decryptBlock(src: Uint8Array, srcOffset: number, dst: Uint8Array, dstOffset: number): void;
}
