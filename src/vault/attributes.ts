/**
 * The attributes a caller sets on a version (`enabled`, `tags`), checked the same way by
 * create, import, merge's request and updateCertificateProperties. Key Vault's limits: at most
 * 15 tags per object, names up to 512 characters, values up to 256.
 */
import { VaultError } from './vault-error';

export const MAX_TAGS = 15;
const MAX_TAG_NAME = 512;
const MAX_TAG_VALUE = 256;

export function validateAttributes(options: { enabled?: unknown; tags?: unknown } | undefined): void {
  if (options === undefined || options === null) return;
  if (typeof options !== 'object')
    throw new VaultError(
      'BadParameter',
      'The options must be an object such as { enabled: true, tags: { owner: "web-team" } }.',
    );
  if (options.enabled !== undefined && typeof options.enabled !== 'boolean')
    throw new VaultError('BadParameter', 'enabled must be true or false.');
  const tags = options.tags;
  if (tags === undefined) return;
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) {
    throw new VaultError('BadParameter', 'tags must map names to text values, e.g. { owner: "web-team" }.');
  }
  const entries = Object.entries(tags);
  if (entries.length > MAX_TAGS)
    throw new VaultError(
      'BadParameter',
      `There are ${entries.length} tags: a certificate version takes at most ${MAX_TAGS}.`,
    );
  for (const [name, value] of entries) {
    if (typeof value !== 'string')
      throw new VaultError(
        'BadParameter',
        `Tag "${name}" must have a text value, not ${value === null ? 'null' : typeof value}.`,
      );
    if (name.length === 0 || name.length > MAX_TAG_NAME)
      throw new VaultError('BadParameter', `Tag names must be 1 to ${MAX_TAG_NAME} characters long.`);
    if (value.length > MAX_TAG_VALUE)
      throw new VaultError(
        'BadParameter',
        `The value of tag "${name}" is ${value.length} characters long: at most ${MAX_TAG_VALUE}.`,
      );
  }
}
