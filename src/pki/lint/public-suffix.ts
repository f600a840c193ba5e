/**
 * The public-suffix list, through tldts (which bundles a copy of it: nothing is fetched). It is
 * about 100 kB, so it is imported on the first lint, never with the first page.
 */
import type { PublicSuffixes } from './types';

let loaded: Promise<PublicSuffixes> | undefined;

/** The list, loaded once. */
export function loadPublicSuffixes(): Promise<PublicSuffixes> {
  loaded ??= import('tldts').then(({ parse }) => {
    const known = (name: string, privateToo: boolean): ReturnType<typeof parse> =>
      parse(name, { allowPrivateDomains: privateToo, extractHostname: false, validateHostname: false });
    return {
      // Asked as a name under the label, the way it appears in a certificate: the answer is then
      // the list's ICANN rule for the label, never the implicit "*" rule a lone label may match.
      isKnownTld: (label) => {
        const r = known(`x.${label}`, false);
        return r.isIcann === true && r.publicSuffix === label;
      },
      isPublicSuffix: (name) => {
        const r = known(name, true);
        return (r.isIcann === true || r.isPrivate === true) && r.publicSuffix === name;
      },
    };
  });
  return loaded;
}
