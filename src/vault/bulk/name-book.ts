/**
 * What a bulk import must not collide with: the names in use (live, pending and deleted
 * certificates, which Key Vault keeps until purged) and the thumbprints of every version
 * already in the vault, plus what the run itself adds.
 */
import type { CertificateVault } from '../types';

const MAX_NAME = 127;

export class NameBook {
  private readonly names = new Set<string>();
  private readonly thumbprints = new Map<string, { certificate: string } | { file: string }>();

  static async read(vault: CertificateVault): Promise<NameBook> {
    const book = new NameBook();
    const names: string[] = [];
    for await (const p of vault.listPropertiesOfCertificates({ includePending: true })) names.push(p.name);
    for await (const d of vault.listDeletedCertificates()) book.names.add(d.name.toLowerCase());
    for (const name of names) {
      book.names.add(name.toLowerCase());
      for await (const v of vault.listPropertiesOfCertificateVersions(name))
        if (v.x509ThumbprintString) book.thumbprints.set(v.x509ThumbprintString, { certificate: name });
    }
    return book;
  }

  /** The certificate (or earlier file of this run) that holds this SHA-1 thumbprint. */
  holderOf(thumbprint: string): { certificate: string } | { file: string } | undefined {
    return this.thumbprints.get(thumbprint.toUpperCase());
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
