import { describe, expect, it } from 'vitest';
import { validateAttributes } from '../../../src/vault/attributes';
import { makeVault } from './vault-fixture';
import { stringContaining } from '../../support/match';

const many = Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`t${i}`, 'v']));
const cases: { name: string; options: unknown; want?: string }[] = [
  { name: 'none', options: undefined },
  { name: 'enabled + tags', options: { enabled: false, tags: { owner: 'web' } } },
  { name: '15 tags', options: { tags: Object.fromEntries(Object.entries(many).slice(0, 15)) } },
  { name: '16 tags', options: { tags: many }, want: 'at most 15' },
  { name: 'enabled as text', options: { enabled: 'yes' }, want: 'enabled must be true or false' },
  { name: 'tags as array', options: { tags: ['a'] }, want: 'tags must map names' },
  { name: 'numeric tag value', options: { tags: { n: 1 } }, want: 'Tag "n" must have a text value, not number' },
  { name: 'empty tag name', options: { tags: { '': 'x' } }, want: 'Tag names must be 1 to 512' },
  { name: 'long tag value', options: { tags: { a: 'x'.repeat(257) } }, want: 'at most 256' },
];

describe('version attributes', () => {
  it.each(cases)('$name', ({ options, want }) => {
    const run = () => validateAttributes(options);
    if (want === undefined) expect(run).not.toThrow();
    else
      expect(run).toThrow(
        expect.objectContaining({ name: 'VaultError', code: 'BadParameter', message: stringContaining(want) }),
      );
  });

  it('create, import and update refuse bad attributes before doing any work', async () => {
    const { vault, dump } = await makeVault();
    const before = await dump();
    await expect(vault.createCertificate('a', { subject: 'CN=a' }, { tags: many })).rejects.toMatchObject({
      code: 'BadParameter',
    });
    await expect(vault.importCertificate('a', new Uint8Array([1]), { enabled: 'no' as never })).rejects.toMatchObject({
      code: 'BadParameter',
      message: stringContaining('enabled'),
    });
    expect(await dump()).toEqual(before);
  });
});
