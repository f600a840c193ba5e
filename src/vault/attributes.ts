/**
 * The attributes a caller sets on a version (`enabled`, `tags`), checked the same way by
 * create, import, merge's request and updateCertificateProperties. Key Vault's limits: at most
 * 15 tags per object, names up to 512 characters, values up to 256.
 */
import { VaultError } from './vault-error';

const MAX_TAGS = 15;
const MAX_TAG_NAME = 512;
const MAX_TAG_VALUE = 256;

/** Checks an options object as it arrives from the caller, whatever its static type said. */
export function validateAttributes(input: unknown): void {
  if (input === undefined || input === null) return;
  if (typeof input !== 'object')
    throw new VaultError(
      'BadParameter',
      'The options must be an object such as { enabled: true, tags: { owner: "web-team" } }.',
    );
  const options = input as { enabled?: unknown; tags?: unknown };
  if (options.enabled !== undefined && typeof options.enabled !== 'boolean')
    throw new VaultError('BadParameter', 'enabled must be true or false.', { field: 'enabled' });
  const tags = options.tags;
  if (tags === undefined) return;
  const bad = (message: string) => new VaultError('BadParameter', message, { field: 'tags' });
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) {
    throw bad('tags must map names to text values, e.g. { owner: "web-team" }.');
  }
  const entries = Object.entries(tags as Record<string, unknown>);
  if (entries.length > MAX_TAGS)
    throw bad(`There are ${entries.length} tags: a certificate version takes at most ${MAX_TAGS}.`);
  for (const [name, value] of entries) {
    if (typeof value !== 'string')
      throw bad(`Tag "${name}" must have a text value, not ${value === null ? 'null' : typeof value}.`);
    if (name.length === 0 || name.length > MAX_TAG_NAME)
      throw bad(`Tag names must be 1 to ${MAX_TAG_NAME} characters long.`);
    if (value.length > MAX_TAG_VALUE)
      throw bad(`The value of tag "${name}" is ${value.length} characters long: at most ${MAX_TAG_VALUE}.`);
  }
}
