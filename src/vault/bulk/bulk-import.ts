/**
 * importCertificates: many files into the vault, one importCertificate each (so every rule,
 * permission and atomic write of a single import holds for each), with
 *
 * - zips opened (zip-entries.ts) and every file inside taken as one more file;
 * - passwords asked once each: a protected file is tried with every password that opened an
 *   earlier one (most recent first) before the caller's askPassword is called;
 * - duplicates skipped: a file whose leaf's SHA-1 thumbprint is already a version in the vault
 *   (name-book.ts says which versions are looked at), or came with an earlier file of the run,
 *   is not imported again;
 * - each certificate a new name (the caller's nameFor, made unique with "-2", "-3", …), so a
 *   bulk import never adds versions to certificates that were already there;
 * - cancel between files and inside each import: a certificate is imported whole or not at all,
 *   and the summary lists every file in exactly one place.
 */
import type { CertificateVault } from '../types';
import type { ImportInspection } from '../inspect-import';
import { inspectImport } from '../inspect-import';
import { isVaultError, toVaultError, VaultError } from '../vault-error';
import type { BulkImportFile, BulkImportOptions, BulkImportSummary } from './bulk-types';
import { isZip, zipEntries } from './zip-entries';
import { NameBook } from './name-book';

export async function importCertificates(
  vault: CertificateVault,
  files: BulkImportFile[],
  options: BulkImportOptions,
): Promise<BulkImportSummary> {
  const summary: BulkImportSummary = { imported: [], skipped: [], refused: [], cancelled: false, notReached: [] };
  const refuse = (file: string, e: unknown) => {
    const v = isVaultError(e) ? e : toVaultError(e, `Importing "${file}"`);
    summary.refused.push({ file, code: v.code, message: v.message });
  };

  const queue: BulkImportFile[] = [];
  for (const file of files) {
    if (!isZip(file.bytes)) queue.push(file);
    else
      await zipEntries(file).then(
        (entries) => queue.push(...entries),
        (e: unknown) => refuse(file.name, e),
      );
  }
  const book = await NameBook.read(vault);
  const passwords = [...(options.passwords ?? [])];

  for (let i = 0; i < queue.length; i++) {
    const file = queue[i];
    if (options.signal?.aborted) {
      summary.cancelled = true;
      summary.notReached = queue.slice(i).map((f) => f.name);
      break;
    }
    options.onProgress?.({ done: i, total: queue.length, phase: 'importing', item: file.name });
    try {
      const opened = await open(file, passwords, options);
      if (!opened) {
        summary.refused.push({
          file: file.name,
          code: 'InvalidPassword',
          message: 'No password was given for this protected file, so it was left out.',
        });
        continue;
      }
      const leaf =
        opened.inspection.leaf === undefined ? undefined : opened.inspection.certificates[opened.inspection.leaf];
      const thumbprint = leaf?.sha1Thumbprint;
      const duplicateOf = leaf && (await book.holderOf(leaf.sha1Thumbprint, leaf.subject));
      if (thumbprint !== undefined && duplicateOf) {
        summary.skipped.push({ file: file.name, thumbprint, duplicateOf });
        continue;
      }
      const name = book.freeName(options.nameFor(file.name, leaf));
      const done = await vault.importCertificate(name, file.bytes, {
        password: opened.password,
        signal: options.signal,
      });
      const imported = done.properties.x509ThumbprintString ?? thumbprint ?? '';
      book.add(name, imported, file.name);
      summary.imported.push({ file: file.name, name: done.name, thumbprint: imported });
    } catch (e) {
      if (isVaultError(e) && e.code === 'Cancelled') {
        summary.cancelled = true;
        summary.notReached = queue.slice(i).map((f) => f.name);
        break;
      }
      refuse(file.name, e);
    }
  }
  if (!summary.cancelled) options.onProgress?.({ done: queue.length, total: queue.length, phase: 'importing' });
  return summary;
}

/**
 * The file read with the first password that opens it: none, then those known from this run,
 * then the caller's answers until one opens it. Undefined when the caller gave up.
 */
async function open(
  file: BulkImportFile,
  passwords: string[],
  options: BulkImportOptions,
): Promise<{ inspection: ImportInspection; password?: string } | undefined> {
  const work = { signal: options.signal };
  const first = await inspectImport(file.bytes, undefined, work);
  if (!first.needsPassword) return { inspection: first };
  for (const password of passwords) {
    const inspection = await inspectImport(file.bytes, password, work);
    if (!inspection.needsPassword) {
      remember(passwords, password);
      return { inspection, password };
    }
  }
  for (let wrong = false; ; wrong = true) {
    const password = await options.askPassword(file.name, wrong);
    if (options.signal?.aborted) throw new VaultError('Cancelled', 'The bulk import was cancelled.');
    if (password === undefined) return undefined;
    const inspection = await inspectImport(file.bytes, password, work);
    if (!inspection.needsPassword) {
      remember(passwords, password);
      return { inspection, password };
    }
  }
}

/** Most recent first: files of one batch usually share the password of the one before. */
function remember(passwords: string[], password: string): void {
  const at = passwords.indexOf(password);
  if (at >= 0) passwords.splice(at, 1);
  passwords.unshift(password);
}
