/** Types of engine.mjs for the unit test that runs a slice of the same fuzz. */
export interface FuzzSeed {
  kind: string;
  name: string;
  bytes: Uint8Array;
  password?: string;
  weight?: number;
}

export interface FuzzTarget {
  name: string;
  weight: number;
  kinds: string[];
  run: (bytes: Uint8Array, seed: FuzzSeed) => Promise<unknown>;
  undo?: () => Promise<void>;
}

export interface FuzzCase {
  ms: number;
  case: string;
  outcome: string;
}

export interface FuzzResult {
  count: number;
  accepted: number;
  byCode: Record<string, number>;
  byTarget: Record<string, number>;
  msByTarget: Record<string, number>;
  byMutation: Record<string, number>;
  findings: { case: string; problem: string }[];
  slow: FuzzCase[];
  slowest: FuzzCase;
  totalMs: number;
}

interface DumpableStore {
  read<T>(fn: (tx: { getAll(store: string): Promise<unknown[]> }) => Promise<T>): Promise<T>;
}

export function dumpVault(store: DumpableStore, storeNames: readonly string[]): Promise<string>;

export function runFuzz(options: {
  seed: number;
  count: number;
  from?: number;
  targets: FuzzTarget[];
  seeds: FuzzSeed[];
  dump: () => Promise<string>;
  isVaultError: (e: unknown) => boolean;
  slowMs?: number;
  onProgress?: (done: number) => void;
  onInput?: (index: number, bytes: Uint8Array) => void;
}): Promise<FuzzResult>;

export const MUTATIONS: string[];
