import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCryptographyClient } from '../../../src/vault/crypto-client';
import type { VaultContext } from '../../../src/vault/context';
import type { CryptographyClient, KeyUsageType } from '../../../src/vault/types';
import { cleanupContexts, freshContext, seedCertificate, type Seeded } from './crypto-client-seed';

// Key Vault's table of key usage → key operations (ARCHITECTURE §5, from the seed's
// about-certificates page), written out here cell by cell rather than read from src: a
// changed cell in the vault's table must fail a test. ✓ = the operation works, · = Forbidden.
type Op = 'sign' | 'verify' | 'encrypt' | 'decrypt' | 'wrapKey' | 'unwrapKey';
const OPS: readonly Op[] = ['sign', 'verify', 'encrypt', 'decrypt', 'wrapKey', 'unwrapKey'];
type Cell = '✓' | '·';

// prettier-ignore
const TABLE: Record<KeyUsageType, readonly [Cell, Cell, Cell, Cell, Cell, Cell]> = {
  //                sign verify encrypt decrypt wrapKey unwrapKey
  dataEncipherment: ['·', '·',   '✓',    '✓',    '·',    '·'],
  decipherOnly:     ['·', '·',   '·',    '✓',    '·',    '·'],
  digitalSignature: ['✓', '✓',   '·',    '·',    '·',    '·'],
  encipherOnly:     ['·', '·',   '✓',    '·',    '·',    '·'],
  keyCertSign:      ['✓', '✓',   '·',    '·',    '·',    '·'],
  keyEncipherment:  ['·', '·',   '·',    '·',    '✓',    '✓'],
  nonRepudiation:   ['✓', '✓',   '·',    '·',    '·',    '·'],
  cRLSign:          ['✓', '✓',   '·',    '·',    '·',    '·'],
  keyAgreement:     ['·', '·',   '·',    '·',    '·',    '·'],
};
const USAGES = Object.keys(TABLE) as KeyUsageType[];

const cells = USAGES.flatMap((usage) => OPS.map((op, i) => ({ usage, op, allowed: TABLE[usage][i] === '✓' })));

const data = new TextEncoder().encode('key usage table');
const oaep = { name: 'RSA-OAEP', hash: 'SHA-1' } as const;

let ctx: VaultContext;
const seeded = new Map<KeyUsageType, Seeded>();

beforeAll(async () => {
  ctx = await freshContext('ku', { value: new Date('2026-06-01T00:00:00Z') });
  for (const usage of USAGES) seeded.set(usage, await seedCertificate(ctx, { name: usage, keyUsage: [usage] }));
});
afterAll(cleanupContexts);

function seedOf(usage: KeyUsageType): Seeded {
  const s = seeded.get(usage);
  if (!s) throw new Error(`no certificate seeded for ${usage}`);
  return s;
}

/** The seeded key pair as RSA-OAEP keys, to make and read ciphertext outside the vault. */
async function oaepKeys(s: Seeded): Promise<{ encryptKey: CryptoKey; decryptKey: CryptoKey }> {
  const spki = await crypto.subtle.exportKey('spki', s.keyPair.publicKey);
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', s.keyPair.privateKey);
  return {
    encryptKey: await crypto.subtle.importKey('spki', spki, oaep, false, ['encrypt']),
    decryptKey: await crypto.subtle.importKey('pkcs8', pkcs8, oaep, false, ['decrypt']),
  };
}

/** Runs `op` through the client with inputs that make it succeed, and checks its result outside the vault. */
async function perform(op: Op, client: CryptographyClient, s: Seeded): Promise<void> {
  const { encryptKey, decryptKey } = await oaepKeys(s);
  const outside = async (ciphertext: Uint8Array) =>
    new Uint8Array(await crypto.subtle.decrypt(oaep, decryptKey, new Uint8Array(ciphertext)));
  const sealed = new Uint8Array(await crypto.subtle.encrypt(oaep, encryptKey, data));
  switch (op) {
    case 'sign': {
      const signed = await client.signData('RS256', data);
      const pkcs1 = { name: 'RSASSA-PKCS1-v1_5' };
      expect(await crypto.subtle.verify(pkcs1, s.keyPair.publicKey, new Uint8Array(signed.result), data)).toBe(true);
      return;
    }
    case 'verify': {
      const signature = new Uint8Array(await crypto.subtle.sign('RSASSA-PKCS1-v1_5', s.keyPair.privateKey, data));
      expect((await client.verifyData('RS256', data, signature)).result).toBe(true);
      return;
    }
    case 'encrypt':
      expect(await outside((await client.encrypt({ algorithm: 'RSA-OAEP', plaintext: data })).result)).toEqual(data);
      return;
    case 'decrypt':
      expect((await client.decrypt({ algorithm: 'RSA-OAEP', ciphertext: sealed })).result).toEqual(data);
      return;
    case 'wrapKey':
      expect(await outside((await client.wrapKey('RSA-OAEP', data)).result)).toEqual(data);
      return;
    case 'unwrapKey':
      expect((await client.unwrapKey('RSA-OAEP', sealed)).result).toEqual(data);
      return;
  }
}

describe('key usage → key operations: every cell of Key Vault’s table, through the CryptographyClient', () => {
  it('the table covers the nine key usages and six operations (54 cells)', () => {
    expect(USAGES).toHaveLength(9);
    expect(cells).toHaveLength(54);
  });

  it.each(cells)('$usage × $op → allowed: $allowed', async ({ usage, op, allowed }) => {
    const s = seedOf(usage);
    const client = await getCryptographyClient(ctx, usage);
    if (allowed) await perform(op, client, s);
    else {
      const refused = perform(op, client, s);
      await expect(refused).rejects.toMatchObject({ name: 'VaultError', code: 'Forbidden' });
      await expect(refused).rejects.toThrow(`Operation ${op} is not permitted on the key of "${usage}"`);
    }
  });
});
