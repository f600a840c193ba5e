/**
 * getSecret (Key Vault's certificate-backed secret): PFX or PEM per the policy's contentType,
 * with the private key only when it is exportable; a password protects the PFX, or encrypts
 * the PEM's key (PKCS#8 PBES2). A non-exportable key is a non-extractable CryptoKey: the
 * browser itself refuses exportKey, so the secret holds certificates only.
 */
import { encryptPkcs8 } from '../pki/encrypted-key';
import { encodePem } from '../pki/pem';
import { exportablePkcs8 } from './access/key-access';
import { writePkcs12 } from '../pki/pkcs12/write-pfx';
import type { VaultContext } from './context';
import { assertUsable, requireCertificate, requireVersion } from './lookups';
import { certificateKey } from './names';
import type { CertificateSecret, GetSecretOptions } from './types';
import { VaultError } from './vault-error';

/** The PFX MAC asked for: 'hmac' unless 'pbmac1', which old readers (the point of `legacy`) cannot check. */
function macOf(options: GetSecretOptions): 'hmac' | 'pbmac1' {
  const mac: unknown = options.mac ?? 'hmac';
  if (mac !== 'hmac' && mac !== 'pbmac1')
    throw new VaultError('BadParameter', `The MAC must be 'hmac' or 'pbmac1', not ${JSON.stringify(mac)}.`);
  if (mac === 'pbmac1' && options.legacy)
    throw new VaultError(
      'BadParameter',
      'PBMAC1 cannot go with the legacy encoding: readers old enough to need 3DES cannot check a PBMAC1 MAC. Choose one of the two.',
    );
  return mac;
}

export async function getSecret(
  ctx: VaultContext,
  name: string,
  options: GetSecretOptions = {},
): Promise<CertificateSecret> {
  const key = certificateKey(name);
  const { cert, version, keyRecord } = await ctx.store.read(async (tx) => {
    const cert = await requireCertificate(tx, key, name);
    const version = await requireVersion(tx, cert, options.version);
    const keyRecord = version.keyId === undefined ? undefined : await tx.get('keys', version.keyId);
    return { cert, version, keyRecord };
  });
  assertUsable(version, cert.name, ctx.now());
  const contentType = cert.policy.contentType ?? 'application/x-pkcs12';
  const pkcs8 = keyRecord ? await exportablePkcs8(ctx, keyRecord) : undefined;
  const chain = version.chain.length ? version.chain : [version.cer];
  if (contentType === 'application/x-pem-file') {
    if (options.legacy) {
      throw new VaultError(
        'BadParameter',
        "The legacy (3DES, SHA-1 MAC) encoding applies to PKCS#12 secrets only: this certificate's policy exports PEM. Change the policy's contentType to application/x-pkcs12 for a legacy PFX.",
        { field: 'contentType' },
      );
    }
    if (options.mac === 'pbmac1') {
      throw new VaultError(
        'BadParameter',
        "A MAC choice applies to PKCS#12 secrets only: this certificate's policy exports PEM. Change the policy's contentType to application/x-pkcs12 for a PFX with a PBMAC1 MAC.",
        { field: 'contentType' },
      );
    }
    // A password encrypts the key (PKCS#8 PBES2); without one (or '') the key is plain PKCS#8.
    const keyBlock =
      pkcs8 && options.password
        ? encodePem('ENCRYPTED PRIVATE KEY', await encryptPkcs8(pkcs8, options.password))
        : pkcs8 && encodePem('PRIVATE KEY', pkcs8);
    const blocks = [...(keyBlock ? [keyBlock] : []), ...chain.map((c) => encodePem('CERTIFICATE', c))];
    return {
      value: new TextEncoder().encode(blocks.map((b) => (b.endsWith('\n') ? b : `${b}\n`)).join('')),
      contentType,
    };
  }
  const mac = macOf(options);
  const value = await writePkcs12({
    key: pkcs8,
    certificates: chain,
    password: options.password ?? '',
    friendlyName: cert.name,
    legacy: options.legacy === true,
    mac,
  });
  return { value, contentType };
}
