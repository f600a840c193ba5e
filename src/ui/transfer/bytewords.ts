/**
 * Bytewords, minimal style (BCR-2020-012 §3): each byte is the first and last letter of one of
 * 256 four-letter words, and a CRC-32 of the bytes is appended, so a mistyped or misread body is
 * caught before its CBOR is read. Minimal style is what UR puts in a QR code: two letters a byte,
 * all in QR's alphanumeric set once upper-cased.
 */

const WORDS =
  'ableacidalsoapexaquaarchatomauntawayaxisbackbaldbarnbeltbetabiasbluebodybragbrewbulbbuzzcalmcashcatschefcityclawcodecolacookcostcruxcurlcuspcyandarkdatadaysdelidicedietdoordowndrawdropdrumdulldutyeacheasyechoedgeepicevenexamexiteyesfactfairfernfigsfilmfishfizzflapflewfluxfoxyfreefrogfuelfundgalagamegeargemsgiftgirlglowgoodgraygrimgurugushgyrohalfhanghardhawkheathelphighhillholyhopehornhutsicedideaidleinchinkyintoirisironitemjadejazzjoinjoltjowljudojugsjumpjunkjurykeepkenokeptkeyskickkilnkingkitekiwiknoblamblavalazyleaflegsliarlimplionlistlogoloudloveluaulucklungmainmanymathmazememomenumeowmildmintmissmonknailnavyneednewsnextnoonnotenumbobeyoboeomitonyxopenovalowlspaidpartpeckplaypluspoempoolposepuffpumapurrquadquizraceramprealredorichroadrockroofrubyruinrunsrustsafesagascarsetssilkskewslotsoapsolosongstubsurfswantacotasktaxitenttiedtimetinytoiltombtoystriptunatwinuglyundouniturgeuservastveryvetovialvibeviewvisavoidvowswallwandwarmwaspwavewaxywebswhatwhenwhizwolfworkyankyawnyellyogayurtzapszerozestzinczonezoom';

const MINIMAL: string[] = [];
const BYTE_OF = new Map<string, number>();
for (let i = 0; i < 256; i++) {
  const pair = WORDS.charAt(i * 4) + WORDS.charAt(i * 4 + 3);
  MINIMAL.push(pair);
  BYTE_OF.set(pair, i);
}

let crcTable: Uint32Array | undefined;

/** CRC-32 as in ISO 3309 / zlib (reflected, polynomial 0xEDB88320): the checksum UR uses throughout. */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Bytes → minimal bytewords (lowercase), the CRC-32 appended big-endian. */
export function encodeMinimal(bytes: Uint8Array): string {
  const crc = crc32(bytes);
  const out: string[] = [];
  for (const b of bytes) out.push(MINIMAL[b] ?? '');
  for (const shift of [24, 16, 8, 0]) out.push(MINIMAL[(crc >>> shift) & 0xff] ?? '');
  return out.join('');
}

/** Minimal bytewords (either case) → bytes; throws when a word is unknown or the CRC-32 does not match. */
export function decodeMinimal(text: string): Uint8Array {
  const s = text.toLowerCase();
  if (s.length % 2 !== 0 || s.length < 10) throw new Error('bytewords: bad length');
  const all = new Uint8Array(s.length / 2);
  for (let i = 0; i < all.length; i++) {
    const b = BYTE_OF.get(s.slice(i * 2, i * 2 + 2));
    if (b === undefined) throw new Error('bytewords: unknown word');
    all[i] = b;
  }
  const body = all.subarray(0, all.length - 4);
  const tail = all.subarray(all.length - 4);
  const want = (tail[0] << 24) | (tail[1] << 16) | (tail[2] << 8) | tail[3];
  if (crc32(body) !== want >>> 0) throw new Error('bytewords: checksum mismatch');
  return body.slice();
}
