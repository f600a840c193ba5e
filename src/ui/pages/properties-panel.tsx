import { useEffect, useState } from 'preact/hooks';
import type { KeyVaultCertificate } from '../state/vault-api';
import { TagsEditor, rowsToTags, tagsToRows, type TagRow } from '../components/tags-editor';
import { ErrorBanner } from '../components/error-banner';
import { getVault, vaultChanged } from '../state/vault-client';
import { useAction } from '../state/use-action';
import { isChanged } from '../errors';

/** Enabled flag and tags of one version (updateCertificateProperties). */
export function PropertiesPanel({ cert }: { cert: KeyVaultCertificate }) {
  const [tags, setTagsState] = useState<TagRow[]>(() => tagsToRows(cert.properties.tags));
  // Tags being edited keep the revision they were read at: a refresh (this vault changed in
  // another tab) must neither wipe them nor let their save overwrite the other tab's unseen.
  const [editedFrom, setEditedFrom] = useState<number | undefined>();
  const editing = editedFrom !== undefined;
  const setTags = (rows: TagRow[]) => {
    if (!editing) setEditedFrom(cert.properties.revision ?? 0);
    setTagsState(rows);
  };
  const { busy, error, setError, done: saved, run } = useAction();
  const startAgain = () => {
    setEditedFrom(undefined);
    setTagsState(tagsToRows(cert.properties.tags));
    setError(undefined);
  };
  useEffect(() => {
    if (!editing) setTagsState(tagsToRows(cert.properties.tags));
  }, [cert]);
  const update = (options: { enabled?: boolean; tags?: Record<string, string> }, what: string, ifMatch?: number) =>
    run(async () => {
      await (await getVault()).updateCertificateProperties(cert.name, cert.properties.version, { ...options, ifMatch });
      if (options.tags) setEditedFrom(undefined);
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
          onClick={() =>
            void update({ enabled: !enabled }, enabled ? 'Disabled.' : 'Enabled.', cert.properties.revision)
          }
        >
          {enabled ? 'Disable' : 'Enable'}
        </button>
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void update({ tags: rowsToTags(tags) }, 'Tags saved.', editedFrom ?? cert.properties.revision);
        }}
      >
        <TagsEditor rows={tags} onChange={setTags} disabled={busy} />
        <button type="submit" disabled={busy}>
          Save tags
        </button>
      </form>
      <p role="status">{saved}</p>
      <ErrorBanner
        error={error}
        onDismiss={() => setError(undefined)}
        action={isChanged(error) ? { label: 'Start again from the saved tags', run: startAgain } : undefined}
      />
    </section>
  );
}
