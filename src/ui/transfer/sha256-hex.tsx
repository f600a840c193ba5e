import { sha256 } from '@noble/hashes/sha2.js';

/** SHA-256 as lowercase hex, as sha256sum and `openssl dgst -sha256` print it. */
function sha256Hex(bytes: Uint8Array): string {
  return Array.from(sha256(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A digest to compare by eye across the gap: two lines of 32 hex digits, copied as one string. */
export function Sha256Text(props: { bytes: Uint8Array; testId?: string }) {
  const hex = sha256Hex(props.bytes);
  return (
    <code class="sha256" data-testid={props.testId}>
      {hex.slice(0, 32)}
      <wbr />
      {hex.slice(32)}
    </code>
  );
}
