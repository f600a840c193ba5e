/**
 * The audit log of a vault (ARCHITECTURE §8 "Access"): who changed access, who unlocked or
 * failed to, when, and with what result. Append-only through the API: no vault method edits or
 * deletes a row. Each row carries `prev`, the SHA-256 of the row before it, so an edit or a
 * removal made around the API (devtools, a disk editor) breaks the chain and verifyAuditLog
 * says where. Someone who rewrites every later row as well, or cuts rows off the end, is not
 * caught by this: the log records what people sharing a vault did; it is no defence against
 * whoever can write the profile.
 *
 * The hash is computed inside the write transaction, where only IndexedDB calls may be awaited
 * (ARCHITECTURE §7), so it is @noble/hashes' synchronous SHA-256, not WebCrypto's.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { AuditEntry, AuditLogCheck } from '../access-types';
import type { VaultContext } from '../context';
import type { StoreTx } from '../vault-store';
import type { AuditRecord, NewAuditEntry } from './access-store';

const GENESIS = '0'.repeat(64);

function hashOf(r: AuditRecord): string {
  const canonical = JSON.stringify([
    r.seq,
    new Date(r.at).toISOString(),
    r.principal ?? null,
    r.action,
    r.target ?? null,
    r.result,
    r.detail ?? null,
    r.prev,
  ]);
  return Array.from(sha256(new TextEncoder().encode(canonical)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Inside a write transaction: appends one row, numbered and chained to the last one. */
export async function appendAudit(tx: StoreTx, at: Date, entry: NewAuditEntry): Promise<void> {
  const seq = (await tx.count('audit')) + 1;
  const previous = seq > 1 ? await tx.get('audit', seq - 1) : undefined;
  const row: AuditRecord = { ...stripUndefined(entry), seq, at, prev: previous ? hashOf(previous) : GENESIS };
  await tx.put('audit', row);
}

/** Appends one row in a transaction of its own. */
export function writeAudit(ctx: VaultContext, entry: NewAuditEntry): Promise<void> {
  return ctx.store.write((tx) => appendAudit(tx, ctx.now(), entry));
}

/** Every entry, newest first. */
export async function listAuditLog(ctx: VaultContext): Promise<AuditEntry[]> {
  const rows = await ctx.store.read((tx) => tx.getAll('audit'));
  return rows.reverse().map(entryOf);
}

/** Walks the chain from the first row. */
export async function verifyAuditLog(ctx: VaultContext): Promise<AuditLogCheck> {
  const rows = await ctx.store.read((tx) => tx.getAll('audit'));
  let expected = GENESIS;
  for (const [i, row] of rows.entries()) {
    if (row.seq !== i + 1 || row.prev !== expected) return { intact: false, entries: rows.length, brokenAt: i + 1 };
    expected = hashOf(row);
  }
  return { intact: true, entries: rows.length };
}

/** Optional fields left out rather than stored as undefined, so the hash input is what a reader sees. */
function stripUndefined(entry: NewAuditEntry): NewAuditEntry {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => (v as unknown) !== undefined)) as NewAuditEntry;
}

/** The public entry of a stored row (without the chain link). */
function entryOf(row: AuditRecord): AuditEntry {
  const entry: AuditEntry & { prev?: string } = { ...row, at: new Date(row.at) };
  delete entry.prev;
  return entry;
}
