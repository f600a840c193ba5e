/**
 * getCryptographyClient: the SDK's CryptographyClient over a version's key, which never leaves
 * the vault. Each call checks, in this order: the caller's key permission in a protected vault
 * (Locked / Forbidden, ARCHITECTURE §8), the algorithm name (BadParameter), the policy's
 * key usage (Forbidden, ARCHITECTURE §5 seed 001), the version's attributes (Forbidden), the key type
 * (BadParameter), then that the private key is here and can do the algorithm (Forbidden /
 * Unsupported).
 *
 * The private key comes from key-access.ts for exactly the algorithm asked (WebCrypto binds
 * one algorithm to a key; see there for what each at-rest form can do). Public-key operations
 * (verify, encrypt, wrapKey) import the SPKI per algorithm, so they always work.
 */
import { parseCertificate } from '../pki/certificate-info';
import { authorize } from './access/gate';
import { usablePrivateKey } from './access/key-access';
import type { KeySpec } from '../pki/types';
import type { VaultContext } from './context';
import { keyIdOf } from './ids';
import {
  describeKeyUsage,
  ENCRYPTION_SCHEMES,
  isEncryptionAlgorithm,
  isSignatureAlgorithm,
  keyOperationsFor,
  SIGNATURE_SCHEMES,
  signatureImportAlgorithm,
  signatureParams,
  type KeyOperation,
  type SignatureScheme,
} from './key-operations';
import { assertUsable, requireCertificate, requireKey, requireVersion } from './lookups';
import { certificateKey } from './names';
import type {
  Bytes,
  CryptographyClient,
  EncryptionAlgorithm,
  GetCryptographyClientOptions,
  SignatureAlgorithm,
} from './types';
import { guard, VaultError } from './vault-error';
import type { KeyRecord } from './vault-store';

type EncScheme = (typeof ENCRYPTION_SCHEMES)[EncryptionAlgorithm];

/** Opens a client on `name` (the latest version unless `options.version`). */
export async function getCryptographyClient(
  ctx: VaultContext,
  name: string,
  options: GetCryptographyClientOptions = {},
): Promise<CryptographyClient> {
  const key = certificateKey(name);
  const { cert, version } = await ctx.store.read(async (tx) => {
    const c = await requireCertificate(tx, key, name);
    return { cert: c, version: await requireVersion(tx, c, options.version) };
  });
  const keyID = keyIdOf(ctx, cert.name, version.version);
  const label = `"${cert.name}" (version ${version.version})`;

  // Everything is read per call: attributes and policy may change while a client is held,
  // as they would on Key Vault's side.
  const current = () =>
    ctx.store.read(async (tx) => {
      const c = await requireCertificate(tx, key, name);
      const v = await requireVersion(tx, c, version.version);
      const k = v.keyId === undefined ? undefined : await tx.get('keys', v.keyId);
      return { cert: c, v, k };
    });

  /** Usage and attribute gates shared by every operation; returns the key row if present. */
  const gate = async (
    op: KeyOperation,
  ): Promise<{ keyRecord?: KeyRecord; spec: KeySpec; spki: Bytes; requirePrivate: () => Promise<KeyRecord> }> => {
    const { cert: c, v, k } = await current();
    const usage = c.policy.keyUsage;
    if (!keyOperationsFor(usage).has(op)) {
      throw new VaultError(
        'Forbidden',
        `Operation ${op} is not permitted on the key of ${label}: its key usage (${describeKeyUsage(usage)}) allows only ${[...keyOperationsFor(usage)].join(', ') || 'nothing'}. Change the policy's key usage and renew to get a key that can ${op}.`,
      );
    }
    assertUsable(v, c.name, ctx.now());
    // A restored version whose key stayed in another browser still has its certificate: the
    // public-key operations work from the certificate's SPKI.
    const info = k ? undefined : await parseCertificate(v.cer);
    const spec = k ? k.spec : info?.keySpec;
    const spki = k ? k.spki : info?.spki;
    if (!spec || !spki)
      throw new VaultError('Unsupported', `The key of ${label} is of a type Certkeep cannot use for cryptography.`);
    return {
      keyRecord: k,
      spec,
      spki,
      // requireKey says why the key is missing (restored from a backup of a non-extractable key).
      requirePrivate: () => (k ? Promise.resolve(k) : ctx.store.read((tx) => requireKey(tx, v, c.name))),
    };
  };

  /** The private key, usable with `scheme` (key-access.ts decides how it is reached). */
  const privateKeyFor = (k: KeyRecord, scheme: SignatureScheme | EncScheme, use: KeyUsage, alg: string) => {
    const importAlg = 'kty' in scheme ? signatureImportAlgorithm(scheme) : { name: scheme.name, hash: scheme.hash };
    return usablePrivateKey(ctx, k, importAlg, use, { label: `the key of ${label}`, algorithmName: alg });
  };

  const publicKeyFor = (spkiDer: Bytes, scheme: SignatureScheme | EncScheme, use: KeyUsage): Promise<CryptoKey> => {
    const importAlg = 'kty' in scheme ? signatureImportAlgorithm(scheme) : { name: scheme.name, hash: scheme.hash };
    return crypto.subtle.importKey('spki', spkiDer, importAlg, false, [use]);
  };

  const signatureScheme = (alg: unknown, spec: KeySpec): SignatureScheme => {
    const scheme = SIGNATURE_SCHEMES[alg as SignatureAlgorithm];
    if (scheme.kty !== spec.kty) {
      throw new VaultError(
        'BadParameter',
        `${String(alg)} needs an ${scheme.kty} key, but the key of ${label} is ${describeSpec(spec)}.`,
        { field: 'algorithm' },
      );
    }
    if (scheme.kty === 'EC' && spec.kty === 'EC' && scheme.curve !== spec.curve) {
      // RFC 7518 §3.4: ES256 is P-256 + SHA-256, ES384 P-384, ES512 P-521 (Key Vault enforces it too).
      const fit = Object.entries(SIGNATURE_SCHEMES).find(([, s]) => s.kty === 'EC' && s.curve === spec.curve)?.[0];
      throw new VaultError(
        'BadParameter',
        `${String(alg)} needs a ${scheme.curve} key, but the key of ${label} is ${describeSpec(spec)}: use ${fit}.`,
        { field: 'algorithm' },
      );
    }
    return scheme;
  };

  const encScheme = (alg: unknown, spec: KeySpec): EncScheme => {
    if (spec.kty !== 'RSA')
      throw new VaultError(
        'BadParameter',
        `${String(alg)} needs an RSA key, but the key of ${label} is ${describeSpec(spec)}: EC keys cannot encrypt.`,
        { field: 'algorithm' },
      );
    return ENCRYPTION_SCHEMES[alg as EncryptionAlgorithm];
  };

  const checkSigAlg = (alg: unknown): SignatureAlgorithm => {
    if (!isSignatureAlgorithm(alg))
      throw new VaultError(
        'BadParameter',
        `"${String(alg)}" is not a signature algorithm: use one of ${Object.keys(SIGNATURE_SCHEMES).join(', ')}.`,
        { field: 'algorithm' },
      );
    return alg;
  };
  const checkEncAlg = (alg: unknown): EncryptionAlgorithm => {
    if (!isEncryptionAlgorithm(alg))
      throw new VaultError(
        'BadParameter',
        `"${String(alg)}" is not an encryption algorithm: use RSA-OAEP or RSA-OAEP-256.`,
        { field: 'algorithm' },
      );
    return alg;
  };

  const encryptWith = async (op: 'encrypt' | 'wrapKey', alg: EncryptionAlgorithm, input: unknown): Promise<Bytes> => {
    const data = bytesOf(input, op === 'encrypt' ? 'plaintext' : 'key');
    const g = await gate(op);
    const scheme = encScheme(alg, g.spec);
    const pub = await publicKeyFor(g.spki, scheme, 'encrypt');
    try {
      return new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP' }, pub, data));
    } catch (e) {
      const max = g.spec.kty === 'RSA' ? g.spec.size / 8 - 2 * (scheme.hash === 'SHA-1' ? 20 : 32) - 2 : 0;
      throw new VaultError(
        'BadParameter',
        `${alg} cannot encrypt ${data.length} bytes with ${describeSpec(g.spec)}: at most ${max} bytes fit.`,
        { cause: e, field: 'data' },
      );
    }
  };

  const decryptWith = async (op: 'decrypt' | 'unwrapKey', alg: EncryptionAlgorithm, input: unknown): Promise<Bytes> => {
    const data = bytesOf(input, op === 'decrypt' ? 'ciphertext' : 'encryptedKey');
    const g = await gate(op);
    const scheme = encScheme(alg, g.spec);
    const k = await g.requirePrivate();
    const priv = await privateKeyFor(k, scheme, 'decrypt', alg);
    try {
      return new Uint8Array(await crypto.subtle.decrypt({ name: 'RSA-OAEP' }, priv, data));
    } catch (e) {
      throw new VaultError(
        'BadParameter',
        `The ${op === 'decrypt' ? 'ciphertext' : 'wrapped key'} could not be decrypted with ${alg} and the key of ${label}: it was made for another key or algorithm, or it is damaged.`,
        { cause: e, field: 'data' },
      );
    }
  };

  return {
    keyID,
    signData: (algorithm, data) =>
      guard('Signing', async () => {
        await authorize(ctx, { keys: 'sign' }, 'Signing');
        const alg = checkSigAlg(algorithm);
        const bytes = bytesOf(data, 'data');
        const g = await gate('sign');
        const scheme = signatureScheme(alg, g.spec);
        const k = await g.requirePrivate();
        const priv = await privateKeyFor(k, scheme, 'sign', alg);
        // ECDSA: WebCrypto returns r||s (IEEE P1363), as Key Vault and the SDK do for ES*.
        const result = new Uint8Array(await crypto.subtle.sign(signatureParams(scheme), priv, bytes));
        return { result, algorithm: alg, keyID };
      }),
    verifyData: (algorithm, data, signature) =>
      guard('Verifying', async () => {
        await authorize(ctx, { keys: 'verify' }, 'Verifying');
        const alg = checkSigAlg(algorithm);
        const bytes = bytesOf(data, 'data');
        const sig = bytesOf(signature, 'signature');
        const g = await gate('verify');
        const scheme = signatureScheme(alg, g.spec);
        const pub = await publicKeyFor(g.spki, scheme, 'verify');
        let result: boolean;
        try {
          result = await crypto.subtle.verify(signatureParams(scheme), pub, sig, bytes);
        } catch {
          result = false; // a signature of the wrong length is simply not valid
        }
        return { result, keyID };
      }),
    encrypt: (parameters) =>
      guard('Encrypting', async () => {
        await authorize(ctx, { keys: 'encrypt' }, 'Encrypting');
        const p = parametersOf(parameters);
        const algorithm = checkEncAlg(p.algorithm);
        return { result: await encryptWith('encrypt', algorithm, p.plaintext), algorithm, keyID };
      }),
    decrypt: (parameters) =>
      guard('Decrypting', async () => {
        await authorize(ctx, { keys: 'decrypt' }, 'Decrypting');
        const p = parametersOf(parameters);
        const algorithm = checkEncAlg(p.algorithm);
        return { result: await decryptWith('decrypt', algorithm, p.ciphertext), algorithm, keyID };
      }),
    wrapKey: (algorithm, key) =>
      guard('Wrapping the key', async () => {
        await authorize(ctx, { keys: 'wrapKey' }, 'Wrapping a key');
        const alg = checkEncAlg(algorithm);
        return { result: await encryptWith('wrapKey', alg, key), algorithm: alg, keyID };
      }),
    unwrapKey: (algorithm, encryptedKey) =>
      guard('Unwrapping the key', async () => {
        await authorize(ctx, { keys: 'unwrapKey' }, 'Unwrapping a key');
        const alg = checkEncAlg(algorithm);
        return { result: await decryptWith('unwrapKey', alg, encryptedKey), algorithm: alg, keyID };
      }),
  };
}

/** A parameters object as it arrived: the caller may pass none at run time. */
function parametersOf(p: unknown): Record<string, unknown> {
  return typeof p === 'object' && p !== null ? (p as Record<string, unknown>) : {};
}

function bytesOf(v: unknown, label: string): Bytes {
  if (!(v instanceof Uint8Array))
    throw new VaultError('BadParameter', `${label} must be bytes (a Uint8Array).`, { field: 'data' });
  return new Uint8Array(v);
}

function describeSpec(spec: KeySpec): string {
  return spec.kty === 'RSA' ? `RSA ${spec.size}` : `EC ${spec.curve}`;
}
