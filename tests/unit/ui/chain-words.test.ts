import { describe, expect, it } from 'vitest';
import { chainSummary, linkWords } from '../../../src/ui/state/chain-words';
import type { CertificateChain, CertificateChainLink } from '../../../src/vault/types';

const link = (subject: string, issuer: string, sha256: string, source: CertificateChainLink['source']) => ({
  subject,
  issuer,
  sha256,
  source,
  cer: new Uint8Array(),
  notBefore: new Date(0),
  expiresOn: new Date(0),
});
const leaf = link('CN=leaf', 'CN=int', 'L', 'version');
const int = link('CN=int', 'CN=root', 'I', 'version');
const root = link('CN=root', 'CN=root', 'R', 'anchor');

describe('linkWords: a status per link, in words', () => {
  it('a trusted chain: every link trusted, the anchor named as such', () => {
    const chain: CertificateChain = { status: 'trusted', path: [leaf, int, root], problems: [] };
    expect(linkWords(chain).map((w) => [w.roleLabel, w.status, w.tone, w.from])).toEqual([
      ['this certificate', 'trusted', 'ok', 'this version'],
      ['intermediate', 'trusted', 'ok', 'from this version’s chain'],
      ['root', 'trusted', 'ok', 'trust anchor'],
    ]);
    expect(chainSummary(chain)).toMatch(/^Trusted:/);
  });

  it('an expired intermediate, a bad signature and an untrusted root say so', () => {
    const chain: CertificateChain = {
      status: 'invalid',
      path: [leaf, int, { ...root, source: 'version' }],
      problems: [
        { code: 'badSignature', sha256: 'L', message: 'sig' },
        { code: 'expired', sha256: 'I', message: 'old' },
        { code: 'untrustedRoot', sha256: 'R', message: 'not an anchor' },
      ],
    };
    expect(linkWords(chain).map((w) => [w.status, w.tone, w.messages])).toEqual([
      ['signature does not verify', 'bad', ['sig']],
      ['expired intermediate', 'bad', ['old']],
      ['untrusted root', 'warn', ['not an anchor']],
    ]);
    expect(chainSummary(chain)).toMatch(/^Invalid:/);
  });

  it('a self-signed certificate that is not trusted is not called a root', () => {
    const self = link('CN=self', 'CN=self', 'S', 'version');
    const chain: CertificateChain = {
      status: 'untrusted',
      path: [self],
      problems: [{ code: 'untrustedRoot', sha256: 'S', message: 'm' }],
    };
    expect(linkWords(chain)[0]).toMatchObject({
      role: 'certificate',
      status: 'self-signed, not trusted',
      tone: 'warn',
    });
  });
});
