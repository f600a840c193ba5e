/** A copy of `record` without `keys`: fields a test leaves out of a comparison or a rebuilt row. */
export function omit<T extends object, K extends keyof T>(record: T, ...keys: K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => !(keys as PropertyKey[]).includes(k))) as Omit<T, K>;
}
