import { useEffect, useState } from 'preact/hooks';
import type { KeyVaultCertificate } from '../state/vault-api';
import { TagsEditor, rowsToTags, tagsToRows, type TagRow } from '../components/tags-editor';
import { ErrorBanner } from '../components/error-banner';
import { getVault, vaultChanged } from '../state/vault-client';
import { useAction } from '../state/use-action';

/** Enabled flag and tags of one version (updateCertificateProperties). */
export function PropertiesPanel({ cert }: { cert: KeyVaultCertificate }) {
  const [tags, setTags] = useState<TagRow[]>(() => tagsToRows(cert.properties.tags));
  const { busy, error, setError, done: saved, run } = useAction();
  useEffect(() => setTags(tagsToRows(cert.properties.tags)), [cert]);
  const update = (options: { enabled?: boolean; tags?: Record<string, string> }, what: string) =>
    run(async () => {
      await (await getVault()).updateCertificateProperties(cert.name, cert.properties.version, options);
      vaultChanged();
    }, what);
  const enabled = cert.properties.enabled;
  return (
    <section class="panel" aria-labelledby="props-title" aria-busy={busy ? 'true' : undefined}>
      <h2 id="props-title">Properties</h2>
      <p>
        This version is <strong data-testid="enabled-state">{enabled ? 'enabled' : 'disabled'}</strong>.{' '}
        {!enabled && 'Its key and secret cannot be used while it is disabled.'}
      </p>
      <p>
        <button
          type="button"
          disabled={busy}
          onClick={() => void update({ enabled: !enabled }, enabled ? 'Disabled.' : 'Enabled.')}
        >
          {enabled ? 'Disable' : 'Enable'}
        </button>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void update({ tags: rowsToTags(tags) }, 'Tags saved.');
        }}
      >
        <TagsEditor rows={tags} onChange={setTags} disabled={busy} />
        <button type="submit" disabled={busy}>
          Save tags
        </button>
      </form>
      <p role="status">{saved}</p>
      <ErrorBanner error={error} onDismiss={() => setError(undefined)} />
    </section>
  );
}
