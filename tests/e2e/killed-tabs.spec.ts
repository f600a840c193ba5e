import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { openVaultHarness } from './harness/module-harness';

/**
 * Killed mid-way (ARCHITECTURE §9 "Crash safety"): a tab closed or crashed at a random moment
 * during create, import, merge, restore and renew, 100 times in all, over Chromium's real
 * IndexedDB. After each kill a new tab opens the vault and finds: no integrity problem (no orphan
 * key, no half version, no stranded certificate or broken operation), and the operation either
 * not done at all or done completely; what was left pending (a request awaiting its merge, a
 * renewal claim) says so and is retried successfully.
 *
 * The delays are seeded (KILL_SEED) and spread over each operation's own duration, measured first
 * without a kill, so kills land before, during and after the write. Half the kills close the page
 * without unload handlers, half crash its renderer (CDP Page.crash).
 */
test.describe.configure({ mode: 'parallel' });

const SEED = Number(process.env.KILL_SEED ?? 20261202);
const KILLS_PER_OPERATION = 20;

/** mulberry32: small, seedable, good enough to spread delays. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Outcome = 'none' | 'done' | 'pending';

interface Operation {
  name: 'create' | 'import' | 'merge' | 'restore' | 'renew';
  /** kinds of run (kill i runs kind i % variants), each timed on its own */
  variants?: number;
  /** awaited before the kill; returns what the operation needs */
  setup(page: Page, vault: string, i: number): Promise<Record<string, string>>;
  /** the operation itself, in the page (not awaited: the kill ends it) */
  run(page: Page, vault: string, args: Record<string, string>, i: number): Promise<unknown>;
  /** in a new tab after the kill: what happened, and for 'pending' / 'none' the retry succeeds */
  settle(page: Page, vault: string, args: Record<string, string>, i: number): Promise<Outcome>;
}

const OPERATIONS: Operation[] = [
  {
    name: 'create',
    variants: 3,
    setup: () => Promise.resolve({}),
    run: (page, vault, _args, i) =>
      page.evaluate(
        ({ vault, i }) =>
          window.vaultPage.withVault(vault, (v) =>
            v.createCertificate(
              'made',
              i % 3 === 0
                ? { subject: 'CN=made', keyType: 'RSA', keySize: 2048 }
                : i % 3 === 1
                  ? { subject: 'CN=made', keyType: 'EC' }
                  : { subject: 'CN=made', keyType: 'EC', issuerName: 'Unknown' },
            ),
          ),
        { vault, i },
      ),
    settle: (page, vault) =>
      page.evaluate(
        (vault) =>
          window.vaultPage.withVault(vault, async (v, kit) => {
            const rows = await kit.collect(v.listPropertiesOfCertificates({ includePending: true }));
            if (rows.length === 0) {
              await v.createCertificate('made', { subject: 'CN=made', keyType: 'EC' });
              return 'none' as const;
            }
            if (rows[0].pending) {
              const op = await v.getCertificateOperation('made');
              // A request awaiting its merge is what a create with issuer Unknown makes: done, whole.
              if (op.status !== 'inProgress' || !op.csr) throw new Error(`pending create left ${op.status}`);
              return 'done' as const;
            }
            if ((await v.getCertificate('made')).cer.length < 100) throw new Error('no certificate');
            return 'done' as const;
          }),
        vault,
      ),
  },
  {
    name: 'import',
    setup: (page, vault) =>
      page.evaluate(
        (vault) =>
          window.vaultPage.withVault(vault, async (v, kit) => {
            await v.createCertificate('source', { subject: 'CN=source', keyType: 'RSA', keySize: 2048 });
            const pfx = await v.getSecret('source', { password: 'kill' });
            return { pfx: kit.enc(pfx.value) };
          }),
        vault,
      ),
    run: (page, vault, args) =>
      page.evaluate(
        ({ vault, pfx }) =>
          window.vaultPage.withVault(vault, (v, kit) =>
            v.importCertificate('imported', kit.dec(pfx), { password: 'kill' }),
          ),
        { vault, pfx: args.pfx },
      ),
    settle: (page, vault, args) =>
      page.evaluate(
        ({ vault, pfx }) =>
          window.vaultPage.withVault(vault, async (v, kit) => {
            if ((await kit.codeOf(v.getCertificate('imported'))) === 'NotFound') {
              await v.importCertificate('imported', kit.dec(pfx), { password: 'kill' });
              return 'none' as const;
            }
            const c = await v.getCertificate('imported');
            if (!c.keyIncluded) throw new Error('imported without its key');
            await v.getSecret('imported', { password: 'x' });
            return 'done' as const;
          }),
        { vault, pfx: args.pfx },
      ),
  },
  {
    name: 'merge',
    setup: (page, vault) =>
      page.evaluate(
        (vault) =>
          window.vaultPage.withVault(vault, async (v, kit) => {
            await v.createCertificate('ca', {
              subject: 'CN=Kill CA',
              keyType: 'EC',
              basicConstraints: { ca: true },
              keyUsage: ['keyCertSign', 'cRLSign'],
              validityInDays: 365,
            });
            await v.createIssuer('Local', 'Local', { certificateName: 'ca' });
            const op = await v.createCertificate('leaf', { subject: 'CN=leaf', keyType: 'EC', issuerName: 'Unknown' });
            const signed = await v.signCertificateRequest('Local', op.csr!);
            return { cert: kit.enc(signed.certificate) };
          }),
        vault,
      ),
    run: (page, vault, args) =>
      page.evaluate(
        ({ vault, cert }) => window.vaultPage.withVault(vault, (v, kit) => v.mergeCertificate('leaf', [kit.dec(cert)])),
        { vault, cert: args.cert },
      ),
    settle: (page, vault, args) =>
      page.evaluate(
        ({ vault, cert }) =>
          window.vaultPage.withVault(vault, async (v, kit) => {
            const op = await v.getCertificateOperation('leaf');
            if (op.status === 'inProgress') {
              await v.mergeCertificate('leaf', [kit.dec(cert)]);
              return 'pending' as const;
            }
            if (op.status !== 'completed') throw new Error(`merge left the operation ${op.status}`);
            if ((await v.getCertificate('leaf')).cer.length < 100) throw new Error('no certificate');
            return 'done' as const;
          }),
        { vault, cert: args.cert },
      ),
  },
  {
    name: 'restore',
    setup: (page, vault) =>
      page.evaluate(
        (vault) =>
          window.vaultPage.withVault(vault, async (v, kit) => {
            await v.createCertificate('saved', { subject: 'CN=saved', keyType: 'EC' });
            await v.updateCertificateProperties('saved', undefined, { tags: { kept: 'yes' } });
            const backup = await v.backupCertificate('saved', { password: 'kill' });
            await v.deleteCertificate('saved');
            await v.purgeDeletedCertificate('saved');
            return { backup: kit.enc(backup) };
          }),
        vault,
      ),
    run: (page, vault, args) =>
      page.evaluate(
        ({ vault, backup }) =>
          window.vaultPage.withVault(vault, (v, kit) =>
            v.restoreCertificateBackup(kit.dec(backup), { password: 'kill' }),
          ),
        { vault, backup: args.backup },
      ),
    settle: (page, vault, args) =>
      page.evaluate(
        ({ vault, backup }) =>
          window.vaultPage.withVault(vault, async (v, kit) => {
            if ((await kit.codeOf(v.getCertificate('saved'))) === 'NotFound') {
              await v.restoreCertificateBackup(kit.dec(backup), { password: 'kill' });
              return 'none' as const;
            }
            const c = await v.getCertificate('saved');
            if (c.properties.tags.kept !== 'yes' || !c.keyIncluded) throw new Error('restored in part');
            return 'done' as const;
          }),
        { vault, backup: args.backup },
      ),
  },
  {
    name: 'renew',
    setup: (page, vault) =>
      page.evaluate(
        (vault) =>
          window.vaultPage.withVault(vault, async (v) => {
            // Self with AutoRenew at 80 % (the default): due after 24 days of a 1-month certificate.
            await v.createCertificate('renewed', { subject: 'CN=renewed', keyType: 'EC', validityInMonths: 1 });
            return { due: new Date(Date.now() + 28 * 86_400_000).toISOString() };
          }),
        vault,
      ),
    run: (page, vault, args) =>
      page.evaluate(
        ({ vault, due }) => window.vaultPage.withVault(vault, (v) => v.runLifetimeActions(), { now: due }),
        { vault, due: args.due },
      ),
    settle: async (page, vault, args) => {
      const count = (at: string) =>
        page.evaluate(
          ({ vault, at }) =>
            window.vaultPage.withVault(
              vault,
              async (v, kit) => {
                await v.runLifetimeActions();
                return (await kit.collect(v.listPropertiesOfCertificateVersions('renewed'))).length;
              },
              { now: at },
            ),
          { vault, at },
        );
      const before = await page.evaluate(
        (vault) =>
          window.vaultPage.withVault(
            vault,
            async (v, kit) => (await kit.collect(v.listPropertiesOfCertificateVersions('renewed'))).length,
          ),
        vault,
      );
      if (before === 2) return 'done';
      if (before !== 1) throw new Error(`${before} versions after a renewal`);
      // A claim left by the killed run is retried once it is stale (15 minutes); none: at once.
      const later = new Date(+new Date(args.due) + 16 * 60_000).toISOString();
      if ((await count(later)) !== 2) throw new Error('the renewal was not retried');
      return 'pending';
    },
  },
];

/**
 * Closes or crashes `page` after `delay` ms, whatever the page is doing. The CDP session is made
 * before the operation starts, so the crash is one command away when the delay ends.
 */
async function killer(context: BrowserContext, page: Page, crash: boolean): Promise<(delay: number) => Promise<void>> {
  const cdp = crash ? await context.newCDPSession(page) : undefined;
  return async (delay) => {
    await new Promise((r) => setTimeout(r, delay));
    if (cdp) {
      // The renderer dies at once; the command never answers.
      void cdp.send('Page.crash').catch(() => undefined);
      await page.waitForEvent('crash', { timeout: 5000 }).catch(() => undefined);
    }
    await page.close({ runBeforeUnload: false });
  };
}

for (const [index, op] of OPERATIONS.entries()) {
  test(`killed during ${op.name}: ${KILLS_PER_OPERATION} kills, the vault stays whole`, async ({ context }) => {
    test.setTimeout(180_000);
    const rng = random(SEED + index);
    const run = `${op.name}-${Date.now().toString(36)}`;
    // Calibrate: how long each kind of run takes here, unkilled.
    const calibration = await context.newPage();
    await openVaultHarness(calibration);
    const durations: number[] = [];
    for (let k = 0; k < (op.variants ?? 1); k++) {
      const args0 = await op.setup(calibration, `${run}-cal${k}`, k);
      const t0 = Date.now();
      await op.run(calibration, `${run}-cal${k}`, args0, k);
      durations.push(Math.max(20, Date.now() - t0));
    }
    await calibration.close();

    const outcomes: Record<Outcome, number> = { none: 0, done: 0, pending: 0 };
    let crashes = 0;
    for (let i = 1; i <= KILLS_PER_OPERATION; i++) {
      const vault = `${run}-${i}`;
      const page = await context.newPage();
      await openVaultHarness(page);
      const args = await op.setup(page, vault, i);
      const delay = Math.floor(rng() * durations[i % durations.length] * 1.2);
      const crash = rng() < 0.5;
      if (crash) crashes++;
      const kill = await killer(context, page, crash);
      const running = op.run(page, vault, args, i).catch(() => undefined);
      await kill(delay);
      await running;

      const after = await context.newPage();
      await openVaultHarness(after);
      const problems = await after.evaluate((vault) => window.vaultPage.checkIntegrity(vault), vault);
      expect(problems, `kill ${i} of ${op.name} at ${delay} ms`).toEqual([]);
      outcomes[await op.settle(after, vault, args, i)]++;
      expect(await after.evaluate((vault) => window.vaultPage.checkIntegrity(vault), vault)).toEqual([]);
      await after.close();
    }
    console.log(
      `${op.name}: ${KILLS_PER_OPERATION} kills (${crashes} crashes, ${KILLS_PER_OPERATION - crashes} closes), delays up to 1.2 × the operation (${durations.join(' / ')} ms): ` +
        `not done ${outcomes.none}, done ${outcomes.done}, left pending and retried ${outcomes.pending}`,
    );
  });
}
