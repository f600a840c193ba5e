/**
 * Test fixtures for the crypto client, backup and lifetime tests: writes a
 * certificate straight into the store (records as create.ts writes them, the summary by the vault's summaryOf), so these tests do not
 * depend on createCertificate and a bench can seed 10 000 certificates in seconds.
 */
import * as x509 from '@peculiar/x509';
import { deleteVaultDatabase, openIdbVaultStore } from '../../../src/store/idb-vault-store';
import { createVaultContext, type VaultContext } from '../../../src/vault/context';
import type { CertificatePolicy, KeyUsageType } from '../../../src/vault/types';
import type { CertificateRecord, KeyRecord, VersionRecord } from '../../../src/vault/vault-store';
import type { KeySpec } from '../../../src/pki/types';
import { summaryOf } from '../../../src/vault/version-records';

let counter = 0;
const opened: VaultContext[] = [];

/** A fresh vault context (own database) with a movable clock. */
export async function freshContext(
  prefix: string,
  now: { value: Date } = { value: new Date() },
): Promise<VaultContext> {
  const store = await openIdbVaultStore(`${prefix}-${++counter}-${Date.now()}`);
  const ctx = createVaultContext(store, () => new Date(now.value));
  opened.push(ctx);
  return ctx;
}

/** afterEach: closes and deletes every context made by freshContext. */
export async function cleanupContexts(): Promise<void> {
  for (const ctx of opened.splice(0)) {
    ctx.store.close();
    await deleteVaultDatabase(ctx.name);
  }
}

export const hex = (b: ArrayBuffer | Uint8Array): string =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b))
    .toString('hex')
    .toUpperCase();

export interface SeedOptions {
  name: string;
  spec?: KeySpec;
  exportable?: boolean;
  keyUsage?: KeyUsageType[];
  notBefore?: Date;
  expiresOn?: Date;
  enabled?: boolean;
  /** false: the version has no key in this browser (restored from a non-extractable backup) */
  keyIncluded?: boolean;
  policy?: CertificatePolicy;
  tags?: Record<string, string>;
  /** add a version to an existing certificate */
  keyPair?: CryptoKeyPair;
}

export interface Seeded {
  version: string;
  keyPair: CryptoKeyPair;
  cer: Uint8Array<ArrayBuffer>;
  thumbprint: string;
}

function algorithmOf(spec: KeySpec): RsaHashedKeyGenParams | EcKeyGenParams {
  return spec.kty === 'RSA'
    ? {
        name: 'RSASSA-PKCS1-v1_5',
        hash: 'SHA-256',
        modulusLength: spec.size,
        publicExponent: new Uint8Array([1, 0, 1]),
      }
    : { name: 'ECDSA', namedCurve: spec.curve };
}

/** One certificate (or one more version of it) with a real key and a real self-signed certificate. */
export async function seedCertificate(ctx: VaultContext, o: SeedOptions): Promise<Seeded> {
  const spec = o.spec ?? { kty: 'RSA', size: 2048 };
  const exportable = o.exportable ?? true;
  const alg = algorithmOf(spec);
  const keyPair = o.keyPair ?? (await crypto.subtle.generateKey(alg, exportable, ['sign', 'verify']));
  const notBefore = o.notBefore ?? new Date('2026-01-01T00:00:00Z');
  const expiresOn = o.expiresOn ?? new Date('2027-01-01T00:00:00Z');
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    name: `CN=${o.name}`,
    keys: keyPair,
    signingAlgorithm: spec.kty === 'RSA' ? alg : { name: 'ECDSA', hash: 'SHA-256' },
    notBefore,
    notAfter: expiresOn,
  });
  const cer = new Uint8Array(cert.rawData);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keyPair.publicKey));
  const key = o.name.toLowerCase();
  const keyId = `k${++counter}${Date.now()}`;
  const thumbprint = hex(await crypto.subtle.digest('SHA-1', cer));
  const policy: CertificatePolicy = o.policy ?? {
    subject: `CN=${o.name}`,
    keyType: spec.kty,
    ...(spec.kty === 'RSA' ? { keySize: spec.size } : { keyCurveName: spec.curve }),
    exportable,
    keyUsage: o.keyUsage,
    issuerName: 'Self',
    lifetimeActions: [{ action: 'AutoRenew', lifetimePercentage: 80 }],
  };
  const sha256 = hex(await crypto.subtle.digest('SHA-256', cer));
  const version = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('hex');
  await ctx.store.write(async (tx) => {
    const existing = await tx.get('certificates', key);
    const ordinal = existing?.versionCount ?? 0;
    const v: VersionRecord = {
      certificateKey: key,
      version,
      ordinal,
      enabled: o.enabled ?? true,
      notBefore,
      expiresOn,
      createdOn: notBefore,
      updatedOn: notBefore,
      tags: { ...(o.tags ?? {}) },
      x509Thumbprint: thumbprint,
      sha256Fingerprint: sha256,
      subject: `CN=${o.name}`,
      cer,
      chain: [cer],
      keyId: o.keyIncluded === false ? undefined : keyId,
      keyExportable: exportable,
    };
    if (o.keyIncluded !== false) {
      const k: KeyRecord = {
        id: keyId,
        certificateKey: key,
        privateKey: keyPair.privateKey,
        publicKey: keyPair.publicKey,
        spec,
        exportable,
        spki,
        merged: true,
      };
      await tx.put('keys', k);
    }
    await tx.put('versions', v);
    const record: CertificateRecord = {
      key,
      name: existing?.name ?? o.name,
      policy: existing && !o.policy ? existing.policy : policy,
      createdOn: existing?.createdOn ?? notBefore,
      updatedOn: notBefore,
      latest: summaryOf(v),
      versionCount: ordinal + 1,
    };
    await tx.put('certificates', record);
  });
  return { version, keyPair, cer, thumbprint };
}
