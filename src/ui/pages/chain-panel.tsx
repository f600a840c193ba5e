import { ErrorBanner } from '../components/error-banner';
import { SubjectText } from '../components/subject-text';
import { chainSummary, linkWords, type LinkTone } from '../state/chain-words';
import { useAction } from '../state/use-action';
import { useVaultQuery } from '../state/use-vault-query';
import type { CertificateChainLink } from '../state/vault-api';
import { describeCertificate, getVault, vaultChanged } from '../state/vault-client';

const TONE_CLASS: Record<LinkTone, string> = { ok: 'st-valid', warn: 'st-expiring', bad: 'st-expired' };

/**
 * The chain as the vault checks it (ARCHITECTURE §8 "Chains and trust anchors"): each link with
 * its status in words and the reason when it fails, and buttons to trust this CA or the root
 * the chain ends at.
 */
export function ChainPanel({ name, version, cer }: { name: string; version?: string; cer: Uint8Array }) {
  const q = useVaultQuery(
    async (v) => {
      const [chain, info] = await Promise.all([v.getCertificateChain(name, { version }), describeCertificate(cer)]);
      return { chain, ca: info.basicConstraints?.ca === true, selfSigned: info.selfSigned };
    },
    [name, version, cer],
  );
  const trust = useAction();
  const d = q.data;
  if (!d) return q.error ? <ErrorBanner error={q.error} /> : null;
  const words = linkWords(d.chain);
  const first = d.chain.path.at(0);
  const top = d.chain.path.at(-1);
  const trustable: { link: CertificateChainLink; label: string }[] = [];
  if (first && (d.ca || d.selfSigned) && first.source !== 'anchor') {
    trustable.push({ link: first, label: d.ca ? 'Trust this CA' : 'Trust this certificate' });
  }
  if (top && top !== first && top.source !== 'anchor' && top.subject === top.issuer) {
    trustable.push({ link: top, label: 'Trust this root' });
  }
  const add = (link: CertificateChainLink) =>
    void trust.run(async () => {
      await (await getVault()).addTrustAnchor(link.cer);
      vaultChanged();
    }, `Trusted: ${link.subject}.`);
  return (
    <section class="panel" aria-labelledby="chain-title" aria-busy={trust.busy ? 'true' : undefined}>
      <h2 id="chain-title">Chain of trust</h2>
      <p data-testid="chain-status">
        <span
          class={`status ${TONE_CLASS[d.chain.status === 'trusted' ? 'ok' : d.chain.status === 'untrusted' ? 'warn' : 'bad']}`}
        >
          {d.chain.status}
        </span>{' '}
        {chainSummary(d.chain)}
      </p>
      <ol class="chain-links" data-testid="chain-links">
        {d.chain.path.map((link, i) => {
          const w = words[i];
          return (
            <li key={link.sha256}>
              <span class="chain-role">{w.roleLabel}:</span> <SubjectText subject={link.subject} empty="(no subject)" />{' '}
              <span class={`status ${TONE_CLASS[w.tone]}`} data-testid="link-status">
                {w.status}
              </span>{' '}
              <span class="hint">({w.from})</span>
              {w.messages.length > 0 && (
                <ul class="chain-problems">
                  {w.messages.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ol>
      {trustable.length > 0 && (
        <p class="actions">
          {trustable.map((t) => (
            <button
              type="button"
              key={t.link.sha256}
              disabled={trust.busy}
              onClick={() => add(t.link)}
              aria-describedby="chain-trust-hint"
            >
              {t.label}
            </button>
          ))}
        </p>
      )}
      {trustable.length > 0 && (
        <p id="chain-trust-hint" class="hint">
          A trust anchor ends chains in this vault: trust only a CA whose certificate you got from its owner. Trust
          anchors are listed on the Issuers page.
        </p>
      )}
      <span role="status">{trust.done}</span>
      <ErrorBanner error={trust.error} onDismiss={() => trust.setError(undefined)} />
    </section>
  );
}
