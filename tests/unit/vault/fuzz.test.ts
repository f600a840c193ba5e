/**
 * The CI slice of bench/fuzz (ARCHITECTURE §4 "Hostile input"): 500 inputs with a fixed seed,
 * the same engine, mutations and entry points as `node bench/fuzz/run.mjs`, over the vault
 * from src/. Every outcome is an acceptance or a VaultError (never Internal, never a raw
 * error), and after every case a dump of every store equals the one before the run. The
 * 2-second bound is the bench's to measure (machines are noisy); here only behaviour.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { describeCertificate, describeCsr, inspectImport } from '../../../src/vault';
import { backupCertificate } from '../../../src/vault/backup';
import { createVaultContext } from '../../../src/vault/context';
import { isVaultError } from '../../../src/vault/vault-error';
import { STORE_NAMES } from '../../../src/vault/vault-store';
import { dumpVault, MUTATIONS, runFuzz } from '../../../bench/fuzz/engine.mjs';
import { corpusSeeds, makeCa, openssl, opensslSeeds, workDir } from '../../../bench/fuzz/seeds.mjs';
import { prepareTargets } from '../../../bench/fuzz/targets.mjs';
import { makeVault } from './vault-fixture';

const w = workDir();
afterAll(() => w.cleanup());

describe('fuzz slice: 500 hostile inputs, seed 500', () => {
  it('only VaultErrors, and the vault unchanged after every input', async () => {
    const source = await makeVault();
    await source.vault.createCertificate('backed', { subject: 'CN=backed', keyType: 'EC' });
    const { vault, store } = await makeVault();
    const prepared = await prepareTargets({
      vault,
      store,
      module: { inspectImport, describeCsr, describeCertificate },
      ca: makeCa(w),
      openssl: (args, input) => new Uint8Array(openssl(args, input)),
      backupOf: (name, password) =>
        backupCertificate(createVaultContext(source.store), name, { password }, { iterations: 1000 }),
    });
    const result = await runFuzz({
      seed: 500,
      count: 500,
      targets: prepared.targets,
      seeds: [...opensslSeeds(w), ...corpusSeeds(), ...prepared.seeds],
      dump: () => dumpVault(store, STORE_NAMES),
      isVaultError,
    });
    expect(result.findings).toEqual([]);
    expect(result.count).toBe(500);
    // Not vacuous: every mutation ran, and hostile iteration counts were refused as such.
    expect(Object.keys(result.byMutation).sort()).toEqual([...MUTATIONS, 'random'].sort());
    expect(result.byCode.Unsupported).toBeGreaterThan(0);
    expect(result.byCode.Malformed).toBeGreaterThan(250);
    expect(Object.keys(result.byTarget).sort()).toEqual(prepared.targets.map((t) => t.name).sort());
  }, 240_000);
});
