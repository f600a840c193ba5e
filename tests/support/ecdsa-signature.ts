/**
 * IEEE P1363 r||s (what WebCrypto, Key Vault and the SDK return for ES256/384/512) → the DER
 * ECDSA-Sig-Value openssl verifies (RFC 3279 §2.2.3).
 */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const int = (b: Uint8Array): number[] => {
    let i = 0;
    while (i < b.length - 1 && b[i] === 0) i++;
    const v = [...b.subarray(i)];
    if (v[0] & 0x80) v.unshift(0);
    return [0x02, v.length, ...v];
  };
  const body = [...int(raw.subarray(0, half)), ...int(raw.subarray(half))];
  const len = body.length < 128 ? [body.length] : [0x81, body.length];
  return new Uint8Array([0x30, ...len, ...body]);
}
