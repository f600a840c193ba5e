import type { LongWorkProgress } from '../state/vault-api';

/** The vault's phase names (vault/long-work.ts) in words. */
const PHASE_WORDS: Record<string, string> = {
  starting: 'Starting',
  'generating-key': 'Generating the key pair',
  'deriving-key': 'Deriving the key from the password',
  writing: 'Saving',
  importing: 'Importing',
};

function phaseWords(progress: LongWorkProgress): string {
  const words = PHASE_WORDS[progress.phase] ?? 'Working';
  if (progress.phase === 'importing' && progress.total !== undefined)
    return `${words} ${Math.min(progress.done + 1, progress.total)} of ${progress.total}${progress.item ? `: ${progress.item}` : ''}`;
  return words;
}

/**
 * A long call's progress bar and its Cancel button. Determinate when the vault says how much
 * there is (iterations of a key derivation, files of a bulk import), else indeterminate (no
 * aria-valuenow: key generation and native PBKDF2 cannot say how far they are).
 */
export function WorkProgress(props: { label: string; progress: LongWorkProgress; onCancel: () => void }) {
  const { progress } = props;
  const percent =
    progress.total !== undefined && progress.total > 0
      ? Math.min(100, Math.round((progress.done / progress.total) * 100))
      : undefined;
  const words = phaseWords(progress);
  return (
    <div class="work-progress" data-testid="work-progress">
      <div
        class={`progress-track ${percent === undefined ? 'indeterminate' : ''}`}
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={percent === undefined ? words : `${words}, ${percent} %`}
      >
        <div class="progress-fill" style={percent === undefined ? undefined : { width: `${percent}%` }} />
      </div>
      <p class="progress">
        {/* The phase is announced when it changes; the percentage lives on the progress bar. */}
        <span role="status">{words}…</span>
        {percent !== undefined && <span aria-hidden="true">{percent} %</span>}
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </p>
    </div>
  );
}
