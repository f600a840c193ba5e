/**
 * The store's schema is derived from the vault's record map: these assertions are checked by the
 * type checker (`npm run typecheck` compiles tests), the runtime ones by vitest.
 */
import type { DBSchema, IndexKey, IndexNames, StoreKey, StoreNames, StoreValue } from 'idb';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ALL_STORES, type DbSchemaOf, type VaultDbSchema } from '../../../src/store/schema';
import {
  STORE_NAMES,
  type CertificateRecord,
  type LifetimeLogRecord,
  type MetaRecord,
  type VaultStoreMap,
  type VersionRecord,
} from '../../../src/vault/vault-store';

describe('VaultDbSchema, derived from VaultStoreMap', () => {
  it('is an idb DBSchema with exactly the stores of the map', () => {
    expectTypeOf<VaultDbSchema>().toExtend<DBSchema>();
    expectTypeOf<StoreNames<VaultDbSchema>>().toEqualTypeOf<keyof VaultStoreMap>();
  });

  it("gives each store the vault's key and value types", () => {
    expectTypeOf<StoreValue<VaultDbSchema, 'certificates'>>().toEqualTypeOf<CertificateRecord>();
    expectTypeOf<StoreKey<VaultDbSchema, 'versions'>>().toEqualTypeOf<[string, string]>();
    expectTypeOf<StoreValue<VaultDbSchema, 'versions'>>().toEqualTypeOf<VersionRecord>();
    expectTypeOf<StoreValue<VaultDbSchema, 'meta'>>().toEqualTypeOf<MetaRecord>();
    expectTypeOf<StoreValue<VaultDbSchema, 'lifetimeLog'>>().toEqualTypeOf<LifetimeLogRecord>();
  });

  it('has the declared indexes, keyed by the type of the field each reads', () => {
    expectTypeOf<IndexNames<VaultDbSchema, 'certificates'>>().toEqualTypeOf<'byNextDue'>();
    // nextDueMs is optional on the record; an index holds only rows that have it
    expectTypeOf<IndexKey<VaultDbSchema, 'certificates', 'byNextDue'>>().toEqualTypeOf<number>();
    expectTypeOf<IndexNames<VaultDbSchema, 'versions'>>().toEqualTypeOf<'byCertificate'>();
    expectTypeOf<IndexKey<VaultDbSchema, 'keys', 'byCertificate'>>().toEqualTypeOf<string>();
    expectTypeOf<IndexKey<VaultDbSchema, 'lifetimeLog', 'byCertificate'>>().toEqualTypeOf<string>();
    expectTypeOf<IndexNames<VaultDbSchema, 'meta'>>().toBeNever();
    expectTypeOf<IndexNames<VaultDbSchema, 'operations'>>().toBeNever();
  });

  it('refuses an index declaration that names a missing field or store', () => {
    expectTypeOf<DbSchemaOf<{ lifetimeLog: { byAt: 'at' } }>['lifetimeLog']['indexes']>().toEqualTypeOf<{
      byAt: Date;
    }>();
    // @ts-expect-error certificates rows have no field "nextDue"
    expectTypeOf<DbSchemaOf<{ certificates: { byNextDue: 'nextDue' } }>>().toBeObject();
    // @ts-expect-error there is no store "certs"
    expectTypeOf<DbSchemaOf<{ certs: { byName: 'name' } }>>().toBeObject();
  });
});

describe('the store list', () => {
  it('names every store of the map, once', () => {
    expectTypeOf<(typeof STORE_NAMES)[number]>().toEqualTypeOf<keyof VaultStoreMap>();
    expect(new Set(STORE_NAMES).size).toBe(STORE_NAMES.length);
    expect([...STORE_NAMES].sort()).toEqual([
      'access',
      'audit',
      'caStates',
      'certificates',
      'contacts',
      'deleted',
      'issued',
      'issuers',
      'keys',
      'lifetimeLog',
      'meta',
      'operations',
      'trustAnchors',
      'versions',
    ]);
    expect(ALL_STORES).toBe(STORE_NAMES);
  });
});
