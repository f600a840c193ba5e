/**
 * Saves bytes as a file: Blob + object URL + <a download>. Everything stays in the browser
 * (the CSP allows blob: for this); the URL is revoked once the click has been handled.
 */
export function downloadBytes(fileName: string, bytes: Uint8Array | string, type = 'application/octet-stream'): void {
  const part: BlobPart = typeof bytes === 'string' ? bytes : new Uint8Array(bytes);
  const url = URL.createObjectURL(new Blob([part], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** PEM armour for DER bytes (64-column base64, RFC 7468 §2). */
export function toPem(label: string, der: Uint8Array): string {
  let binary = '';
  for (const b of der) binary += String.fromCharCode(b);
  const b64 = btoa(binary)
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** A file name from a certificate name (already limited to [0-9a-zA-Z-] by the vault). */
export function fileNameFor(name: string, ext: string): string {
  return `${name.replace(/[^0-9a-zA-Z-]/g, '_') || 'certificate'}.${ext}`;
}
