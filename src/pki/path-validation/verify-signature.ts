/**
 * Does the issuer's key verify a certificate's signature? WebCrypto does the arithmetic:
 * RSASSA-PKCS1-v1_5 and RSASSA-PSS (RFC 4055) with SHA-1/256/384/512, ECDSA on P-256/384/521
 * (RFC 5758; the DER signature becomes WebCrypto's r ‖ s), and Ed25519 (RFC 8410) where the
 * browser has it. Anything else is "unsupported", never a pass.
 */
import * as asn1js from 'asn1js';
import { DIGEST, KEY_ALGORITHM, PSS, SIGNATURE_ALGORITHM } from '../asn1/oids';
import { algorithmIdentifier, children, decodeBer, isContextTag, nodesOf, rawOf, type Node } from '../asn1/reader';
import { oidDer, tlv } from '../asn1/writer';
import { signatureAlgorithmName } from '../algorithm-names';
import type { CertificateDer } from '../certificate-der';
import { webCryptoCurve } from '../key-der';
import type { Bytes } from '../types';

export type SignatureCheck = { result: 'valid' } | { result: 'invalid' } | { result: 'unsupported'; why: string };

type Hash = 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512';

const RSA_PKCS1: Record<string, Hash> = {
  [SIGNATURE_ALGORITHM.sha1WithRSAEncryption]: 'SHA-1',
  [SIGNATURE_ALGORITHM.sha1WithRSA]: 'SHA-1',
  [SIGNATURE_ALGORITHM.sha256WithRSAEncryption]: 'SHA-256',
  [SIGNATURE_ALGORITHM.sha384WithRSAEncryption]: 'SHA-384',
  [SIGNATURE_ALGORITHM.sha512WithRSAEncryption]: 'SHA-512',
};
const ECDSA: Record<string, Hash> = {
  [SIGNATURE_ALGORITHM['ecdsa-with-SHA1']]: 'SHA-1',
  [SIGNATURE_ALGORITHM['ecdsa-with-SHA256']]: 'SHA-256',
  [SIGNATURE_ALGORITHM['ecdsa-with-SHA384']]: 'SHA-384',
  [SIGNATURE_ALGORITHM['ecdsa-with-SHA512']]: 'SHA-512',
};
const DIGESTS: Record<string, Hash> = {
  [DIGEST.sha1]: 'SHA-1',
  [DIGEST.sha256]: 'SHA-256',
  [DIGEST.sha384]: 'SHA-384',
  [DIGEST.sha512]: 'SHA-512',
};
const CURVE_BYTES = { 'P-256': 32, 'P-384': 48, 'P-521': 66 } as const;

const unsupported = (why: string): SignatureCheck => ({ result: 'unsupported', why });

/** The issuer's SubjectPublicKeyInfo parts: its algorithm and the DER to import. */
function spkiParts(spki: asn1js.Sequence): { oid: string; params?: Node; der: Bytes; key?: Node } {
  const [alg, key] = nodesOf(spki) as (Node | undefined)[];
  const { oid, params } = algorithmIdentifier(alg, 'subject public key info');
  const out: { oid: string; params?: Node; der: Bytes; key?: Node } = { oid, der: rawOf(spki) };
  if (params) out.params = params;
  if (key) out.key = key;
  return out;
}

/**
 * RSASSA-PSS-params (RFC 4055 §3.1): hash [0] (default SHA-1), MGF1 [1] with the same hash
 * (WebCrypto offers no other), salt length [2] (default 20), trailer [3] = 1.
 */
function pssParams(params: Node | undefined): { hash: Hash; saltLength: number } | string {
  let hash: Hash = 'SHA-1';
  let mgfHash: Hash | undefined;
  let saltLength = 20;
  for (const field of params ? children(params, 'pss parameters') : []) {
    const inner = nodesOf(field).at(0);
    if (isContextTag(field, 0)) {
      const h = DIGESTS[algorithmIdentifier(inner, 'pss hash').oid] as Hash | undefined;
      if (!h) return 'an RSASSA-PSS hash other than SHA-1/256/384/512';
      hash = h;
    } else if (isContextTag(field, 1)) {
      const mgf = algorithmIdentifier(inner, 'pss mask generation');
      if (mgf.oid !== PSS.mgf1) return 'an RSASSA-PSS mask generation function other than MGF1';
      mgfHash = DIGESTS[algorithmIdentifier(mgf.params, 'mgf1 hash').oid];
    } else if (isContextTag(field, 2)) {
      if (!(inner instanceof asn1js.Integer)) return 'a malformed RSASSA-PSS salt length';
      saltLength = inner.valueBlock.valueDec;
    } else if (isContextTag(field, 3)) {
      if (!(inner instanceof asn1js.Integer) || inner.valueBlock.valueDec !== 1)
        return 'an RSASSA-PSS trailer other than 1';
    }
  }
  if ((mgfHash ?? 'SHA-1') !== hash) return 'RSASSA-PSS with an MGF1 hash unlike its message hash';
  return { hash, saltLength };
}

/** An RSASSA-PSS-keyed SPKI as plain rsaEncryption, the only RSA form WebCrypto imports. */
function asRsaEncryption(spki: { oid: string; der: Bytes; key?: Node }): Bytes {
  if (spki.oid !== KEY_ALGORITHM.rsassaPss || !spki.key) return spki.der;
  const algorithm = tlv(0x30, oidDer(KEY_ALGORITHM.rsaEncryption), new Uint8Array([0x05, 0x00]));
  return tlv(0x30, algorithm, rawOf(spki.key));
}

/** ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } → r ‖ s, each `size` bytes; undefined when it cannot be. */
function ecdsaRaw(signature: Uint8Array, size: number): Bytes | undefined {
  let parts: Node[];
  try {
    parts = children(decodeBer(signature)?.node, 'ecdsa signature', 2);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(size * 2);
  for (const [i, part] of parts.slice(0, 2).entries()) {
    if (!(part instanceof asn1js.Integer)) return undefined;
    let bytes = part.valueBlock.valueHexView;
    while (bytes.length > 1 && bytes[0] === 0) bytes = bytes.subarray(1);
    if (bytes.length > size) return undefined;
    out.set(bytes, (i + 1) * size - bytes.length);
  }
  return out;
}

async function verifyWith(
  algorithm: AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams,
  verifyParams: AlgorithmIdentifier | RsaPssParams | EcdsaParams,
  spki: Bytes,
  signature: Bytes,
  data: Bytes,
): Promise<SignatureCheck> {
  let key: CryptoKey;
  try {
    key = await crypto.subtle.importKey('spki', spki, algorithm, false, ['verify']);
  } catch {
    return unsupported("the issuer's public key cannot be used for this signature");
  }
  try {
    return (await crypto.subtle.verify(verifyParams, key, signature, data))
      ? { result: 'valid' }
      : { result: 'invalid' };
  } catch {
    return { result: 'invalid' };
  }
}

/** Checks `cert`'s signature with the issuer's SubjectPublicKeyInfo node. */
export async function verifyCertificateSignature(
  cert: CertificateDer,
  issuerSpki: asn1js.Sequence,
): Promise<SignatureCheck> {
  let spki: ReturnType<typeof spkiParts>;
  try {
    spki = spkiParts(issuerSpki);
  } catch {
    return unsupported("the issuer's public key cannot be read");
  }
  const oid = cert.signatureAlgorithmOid;
  const { tbs, signature } = cert;
  const rsaKey = spki.oid === KEY_ALGORITHM.rsaEncryption || spki.oid === KEY_ALGORITHM.rsassaPss;
  if (oid in RSA_PKCS1 && rsaKey) {
    const hash = RSA_PKCS1[oid];
    return verifyWith({ name: 'RSASSA-PKCS1-v1_5', hash }, 'RSASSA-PKCS1-v1_5', asRsaEncryption(spki), signature, tbs);
  }
  if (oid === SIGNATURE_ALGORITHM.rsassaPss && rsaKey) {
    let params: ReturnType<typeof pssParams>;
    try {
      params = pssParams(algorithmIdentifier(cert.signatureAlgorithm, 'signature algorithm').params);
    } catch {
      return unsupported('malformed RSASSA-PSS parameters');
    }
    if (typeof params === 'string') return unsupported(params);
    const { hash, saltLength } = params;
    return verifyWith(
      { name: 'RSA-PSS', hash },
      { name: 'RSA-PSS', saltLength },
      asRsaEncryption(spki),
      signature,
      tbs,
    );
  }
  if (oid in ECDSA && spki.oid === KEY_ALGORITHM.ecPublicKey) {
    const curve =
      spki.params instanceof asn1js.ObjectIdentifier ? webCryptoCurve(spki.params.valueBlock.toString()) : undefined;
    if (!curve) return unsupported('an elliptic curve other than P-256, P-384 or P-521');
    const raw = ecdsaRaw(signature, CURVE_BYTES[curve]);
    if (!raw) return { result: 'invalid' };
    return verifyWith({ name: 'ECDSA', namedCurve: curve }, { name: 'ECDSA', hash: ECDSA[oid] }, spki.der, raw, tbs);
  }
  if (oid === SIGNATURE_ALGORITHM.ED25519 && spki.oid === KEY_ALGORITHM.ed25519) {
    return verifyWith({ name: 'Ed25519' }, { name: 'Ed25519' }, spki.der, signature, tbs);
  }
  if (
    oid in RSA_PKCS1 ||
    oid in ECDSA ||
    oid === SIGNATURE_ALGORITHM.rsassaPss ||
    oid === SIGNATURE_ALGORITHM.ED25519
  ) {
    return unsupported(`a ${signatureAlgorithmName(oid)} signature under a key of another type`);
  }
  return unsupported(`the signature algorithm ${signatureAlgorithmName(oid)}`);
}
