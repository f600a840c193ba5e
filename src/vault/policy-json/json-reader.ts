/**
 * Reads one JSON object member by member under either spelling of each name (json-names.ts),
 * collecting every problem with its JSON path instead of stopping at the first, so a pasted
 * policy is corrected in one pass (ARCHITECTURE §8, "Key Vault policy JSON").
 */
import type { JsonName, KeyVaultJsonForm } from './json-names';

type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as a problem message quotes it: short, and valid JSON so it reads like the input. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** A member that was present (and not null), with the path it was found at. */
export interface Found<T> {
  value: T;
  path: string;
}

export class JsonObjectReader {
  private readonly seen = new Set<string>();

  private constructor(
    private readonly obj: JsonObject,
    /** where this object is: '' for the document itself */
    readonly path: string,
    readonly form: KeyVaultJsonForm,
    readonly problems: string[],
  ) {}

  /** A reader over `value`, or undefined (with a problem unless it is absent) when it is not an object. */
  static open(value: unknown, path: string, form: KeyVaultJsonForm, problems: string[]): JsonObjectReader | undefined {
    if (value === undefined || value === null) return undefined;
    if (!isObject(value)) {
      problems.push(`${path || 'The policy'} must be a JSON object ({ … }), not ${quote(value)}.`);
      return undefined;
    }
    return new JsonObjectReader(value, path, form, problems);
  }

  /** True when the object has the member under either spelling. */
  has(name: JsonName): boolean {
    return Object.hasOwn(this.obj, name.rest) || Object.hasOwn(this.obj, name.cli);
  }

  /** The member under either spelling; `null` counts as absent (the az CLI prints unset members as null). */
  member(name: JsonName): Found<unknown> | undefined {
    const keys = [...new Set([name.rest, name.cli])].filter((k) => Object.hasOwn(this.obj, k));
    for (const k of keys) this.seen.add(k);
    const key = keys.at(0);
    if (key === undefined) return undefined;
    if (keys.length > 1) {
      this.problems.push(`${this.at(name.rest)} and ${this.at(name.cli)} are the same field: give only one of them.`);
      return undefined;
    }
    const value = this.obj[key];
    return value === null ? undefined : { value, path: this.at(key) };
  }

  string(name: JsonName): Found<string> | undefined {
    return this.typed(name, (v): v is string => typeof v === 'string', 'a string');
  }

  boolean(name: JsonName): Found<boolean> | undefined {
    return this.typed(name, (v): v is boolean => typeof v === 'boolean', 'true or false');
  }

  integer(name: JsonName): Found<number> | undefined {
    return this.typed(name, (v): v is number => Number.isInteger(v), 'a whole number');
  }

  /** A list of strings; entries of another type are named one by one and left out. */
  strings(name: JsonName): Found<string[]> | undefined {
    const found = this.list(name);
    if (!found) return undefined;
    const out: string[] = [];
    found.value.forEach((item, i) => {
      if (typeof item === 'string') out.push(item);
      else this.problems.push(`${found.path}[${i}] must be a string, not ${quote(item)}.`);
    });
    return { value: out, path: found.path };
  }

  list(name: JsonName): Found<unknown[]> | undefined {
    return this.typed(name, (v): v is unknown[] => Array.isArray(v), 'a list ([ … ])');
  }

  object(name: JsonName): JsonObjectReader | undefined {
    const found = this.member(name);
    return found && JsonObjectReader.open(found.value, found.path, this.form, this.problems);
  }

  /** Members accepted and dropped (read-only values Key Vault reports). */
  ignore(names: readonly JsonName[]): void {
    for (const name of names) this.member(name);
  }

  /** Names every member no read asked for; `known` are the names this object may have. */
  finish(known: readonly JsonName[]): void {
    const expected = known.map((n) => n[this.form]).join(', ');
    for (const key of Object.keys(this.obj)) {
      if (this.seen.has(key)) continue;
      this.problems.push(
        `${this.at(key)} is not a Key Vault policy field: ${this.path || 'a policy'} has ${expected}.`,
      );
    }
  }

  at(key: string): string {
    return this.path ? `${this.path}.${key}` : key;
  }

  private typed<T>(name: JsonName, ok: (v: unknown) => v is T, what: string): Found<T> | undefined {
    const found = this.member(name);
    if (!found) return undefined;
    if (ok(found.value)) return { value: found.value, path: found.path };
    this.problems.push(`${found.path} must be ${what}, not ${quote(found.value)}.`);
    return undefined;
  }
}
