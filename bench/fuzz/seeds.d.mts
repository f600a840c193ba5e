/** Types of seeds.mjs for the unit test's fuzz slice. */
import type { FuzzSeed } from './engine.mjs';

export interface WorkDir {
  path(file: string): string;
  read(file: string): Uint8Array;
  cleanup(): void;
}

export function openssl(args: string[], input?: string | Uint8Array): Buffer;
export function workDir(): WorkDir;
export function makeCa(w: WorkDir): { caPem: string; sign(csrPem: string): string };
export function opensslSeeds(w: WorkDir): FuzzSeed[];
export function corpusSeeds(): FuzzSeed[];
