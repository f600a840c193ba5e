/**
 * What a bulk import must not collide with: the names in use (live, pending and deleted
 * certificates, which Key Vault keeps until purged) and the thumbprints already in the vault,
 * plus what the run itself adds.
 *
 * Thumbprints: one listing gives every certificate's latest version; older versions are read
 * only for the certificates whose subject is the file's (a renewal keeps its subject), each
 * once. So a 100 000-certificate vault costs one listing, not one per certificate; a file equal
 * to an old version of a certificate whose subject has since changed is not recognised.
 */
import type { CertificateVault } from '../types';

const MAX_NAME = 127;
type Holder = { certificate: string } | { file: string };

export class NameBook {
  private readonly names = new Set<string>();
  private readonly thumbprints = new Map<string, Holder>();
  /** certificates by their latest subject whose older versions are not read yet */
  private readonly unread = new Map<string, string[]>();

  private constructor(private readonly vault: CertificateVault) {}

  static async read(vault: CertificateVault): Promise<NameBook> {
    const book = new NameBook(vault);
    for await (const d of vault.listDeletedCertificates()) book.names.add(d.name.toLowerCase());
    for await (const p of vault.listPropertiesOfCertificates({ includePending: true })) {
      book.names.add(p.name.toLowerCase());
      if (p.x509ThumbprintString) book.thumbprints.set(p.x509ThumbprintString, { certificate: p.name });
      if (p.subject !== undefined) book.unread.set(p.subject, [...(book.unread.get(p.subject) ?? []), p.name]);
    }
    return book;
  }

  /** The certificate (or earlier file of this run) that holds this SHA-1 thumbprint. */
  async holderOf(thumbprint: string, subject: string): Promise<Holder | undefined> {
    const key = thumbprint.toUpperCase();
    const known = this.thumbprints.get(key);
    if (known) return known;
    const names = this.unread.get(subject) ?? [];
    this.unread.delete(subject);
    for (const name of names)
      for await (const v of this.vault.listPropertiesOfCertificateVersions(name))
        if (v.x509ThumbprintString) this.thumbprints.set(v.x509ThumbprintString, { certificate: name });
    return this.thumbprints.get(key);
  }

  /** `wanted`, or `wanted-2`, `wanted-3`, … : the first not in use (names are unique regardless of case). */
  freeName(wanted: string): string {
    if (!this.names.has(wanted.toLowerCase())) return wanted;
    for (let n = 2; ; n++) {
      const suffix = `-${n}`;
      const candidate = `${wanted.slice(0, MAX_NAME - suffix.length).replace(/-+$/, '')}${suffix}`;
      if (!this.names.has(candidate.toLowerCase())) return candidate;
    }
  }

  add(name: string, thumbprint: string, file: string): void {
    this.names.add(name.toLowerCase());
    if (thumbprint) this.thumbprints.set(thumbprint.toUpperCase(), { file });
  }
}
