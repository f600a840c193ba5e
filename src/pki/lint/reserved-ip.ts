/**
 * IANA special-purpose address blocks (RFC 6890 and its registries) that no publicly trusted
 * certificate may name (BR 7.1.2.7.12, "Reserved IP Address"): private, loopback, link-local,
 * documentation, shared, multicast and the other non-global ranges.
 */
const V4: [number[], number][] = [
  [[0, 0, 0, 0], 8],
  [[10, 0, 0, 0], 8],
  [[100, 64, 0, 0], 10],
  [[127, 0, 0, 0], 8],
  [[169, 254, 0, 0], 16],
  [[172, 16, 0, 0], 12],
  [[192, 0, 0, 0], 24],
  [[192, 0, 2, 0], 24],
  [[192, 88, 99, 0], 24],
  [[192, 168, 0, 0], 16],
  [[198, 18, 0, 0], 15],
  [[198, 51, 100, 0], 24],
  [[203, 0, 113, 0], 24],
  [[224, 0, 0, 0], 4],
  [[240, 0, 0, 0], 4],
];

const V6: [number[], number][] = [
  [[0, 0], 96], // ::/96 (unspecified, loopback, IPv4-compatible)
  [[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff], 96], // IPv4-mapped
  [[0x01, 0, 0, 0, 0, 0, 0, 0], 64], // discard-only
  [[0x20, 0x01, 0x00], 23], // IETF protocol assignments
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0x20, 0x02], 16], // 6to4
  [[0xfc], 7], // unique local
  [[0xfe, 0x80], 10], // link-local
  [[0xff], 8], // multicast
];

function inPrefix(address: Uint8Array, prefix: number[], bits: number): boolean {
  for (let b = 0; b < bits; b++) {
    const byte = b >> 3;
    const mask = 0x80 >> (b & 7);
    if ((address[byte] & mask) !== ((prefix[byte] ?? 0) & mask)) return false;
  }
  return true;
}

/** True when the 4- or 16-octet address lies in a reserved block. */
export function isReservedIp(address: Uint8Array): boolean {
  const table = address.length === 4 ? V4 : address.length === 16 ? V6 : undefined;
  if (!table) return true;
  return table.some(([prefix, bits]) => inPrefix(address, prefix, bits));
}
