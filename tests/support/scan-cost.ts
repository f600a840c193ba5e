/**
 * An operation counter for text parsers: how many characters `fn` makes String#indexOf and
 * RegExp#exec look at. A clock would make a test depend on the machine; this counts work, so
 * "linear in the input" is a property a test can assert exactly (the timing lives in bench/).
 *
 * indexOf costs the characters from its start to the match (or the end); a sticky regex costs
 * the match (or 1); any other regex costs the rest of the string from lastIndex, the most a
 * scan can touch without backtracking. Every String method that runs a regex (test, match,
 * replace, split, search) goes through RegExp#exec, so they are counted too.
 */
export function scanCost<T>(fn: () => T): { cost: number; result?: T; error?: unknown } {
  /* eslint-disable @typescript-eslint/unbound-method -- the originals are called with .call */
  const indexOf = String.prototype.indexOf;
  const exec = RegExp.prototype.exec;
  /* eslint-enable @typescript-eslint/unbound-method */
  let cost = 0;
  String.prototype.indexOf = function (this: string, search: string, position?: number) {
    const from = Math.max(0, Math.min(position ?? 0, this.length));
    const at = indexOf.call(this, search, position);
    cost += (at === -1 ? this.length : at + search.length) - from + 1;
    return at;
  };
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const match = exec.call(this, input);
    cost += this.sticky ? (match?.[0].length ?? 0) + 1 : input.length - from + 1;
    return match;
  };
  try {
    const result = fn();
    return { cost, result };
  } catch (error) {
    return { cost, error };
  } finally {
    String.prototype.indexOf = indexOf;
    RegExp.prototype.exec = exec;
  }
}
