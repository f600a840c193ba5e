import type { Page } from '@playwright/test';

// Helpers of the access specs: a fake passkey, a reload that waits for the harness, and the raw
// rows of a vault's IndexedDB database as Chromium keeps them.

/** A passkey's public half and the PRF output its authenticator would return, as base64 for the page. */
export function fakePasskey() {
  const b64 = (n: number) => Buffer.from(crypto.getRandomValues(new Uint8Array(n))).toString('base64');
  return { prf: b64(32), credentialId: b64(16), prfSalt: b64(32) };
}

export async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => 'vaultPage' in window);
}

/** Every row of every store of the vault's database, read from the page: what Chromium keeps on disk. */
export function readRawRows(page: Page, dbName: string, needles: string[]) {
  return page.evaluate(
    async ({ dbName, needles }) => {
      const db: IDBDatabase = await new Promise((res, rej) => {
        const r = indexedDB.open(dbName);
        r.onsuccess = () => res(r.result);
        r.onerror = () => rej(r.error ?? new Error('open failed'));
      });
      const keys: { type: string; extractable: boolean; algorithm: string }[] = [];
      const blobs: string[] = [];
      const b64 = (b: Uint8Array) => btoa(Array.from(b, (c) => String.fromCharCode(c)).join(''));
      const walk = (v: unknown): void => {
        if (v instanceof CryptoKey)
          keys.push({ type: v.type, extractable: v.extractable, algorithm: v.algorithm.name });
        else if (v instanceof Uint8Array) blobs.push(b64(v));
        else if (v instanceof ArrayBuffer) blobs.push(b64(new Uint8Array(v)));
        else if (typeof v === 'string') blobs.push(v);
        else if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object' && !(v instanceof Date)) Object.values(v).forEach(walk);
      };
      const stores = [...db.objectStoreNames];
      const rows: Record<string, number> = {};
      for (const s of stores) {
        const all: unknown[] = await new Promise((res, rej) => {
          const q = db.transaction(s).objectStore(s).getAll();
          q.onsuccess = () => res(q.result as unknown[]);
          q.onerror = () => rej(q.error ?? new Error('getAll failed'));
        });
        rows[s] = all.length;
        all.forEach(walk);
      }
      db.close();
      // A PKCS#8 inside a longer byte string shows up in its base64 only at some offsets, so
      // compare bytes: decode every blob and search for each needle's bytes.
      const bytesOf = (s: string) => {
        try {
          return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
        } catch {
          return new TextEncoder().encode(s);
        }
      };
      const hay = blobs.map(bytesOf);
      const contains = (h: Uint8Array, n: Uint8Array) => {
        outer: for (let i = 0; i + n.length <= h.length; i++) {
          for (let j = 0; j < n.length; j++) if (h[i + j] !== n[j]) continue outer;
          return true;
        }
        return false;
      };
      const found = needles.map((n) => hay.some((h) => contains(h, bytesOf(n))) || blobs.some((s) => s.includes(n)));
      return { stores, rows, keys, found };
    },
    { dbName, needles },
  );
}
