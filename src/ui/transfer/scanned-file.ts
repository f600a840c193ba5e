/**
 * A file read from QR codes, in the shape every file input hands on (the same fields as a picked
 * or dropped file), so a screen treats it exactly as one.
 */
export interface ScannedFile {
  /** `scanned-qr.pem` or `scanned-qr.der`, by what the bytes are. */
  name: string;
  bytes: Uint8Array;
}
