import { explainError } from '../errors';

/**
 * A dismissible banner with the vault's own words and a hint; `error` may be anything thrown.
 * `messageId` lets the input the error is about point at the message (aria-describedby).
 */
export function ErrorBanner({
  error,
  onDismiss,
  messageId,
  action,
}: {
  error: unknown;
  onDismiss?: () => void;
  messageId?: string;
  /** a way out the error offers, e.g. "Reload" after a save another tab overtook */
  action?: { label: string; run: () => void };
}) {
  if (error === undefined || error === null) return null;
  const words = explainError(error);
  return (
    <div class="error-banner" role="alert">
      <div>
        <strong>{words.title}.</strong>{' '}
        <span id={messageId} data-testid="error-message">
          {words.message}
        </span>
        {words.hint && <p class="hint">{words.hint}</p>}
        {action && (
          <p>
            <button type="button" onClick={action.run}>
              {action.label}
            </button>
          </p>
        )}
      </div>
      {onDismiss && (
        <button type="button" class="dismiss" onClick={onDismiss} aria-label="Dismiss error">
          ×
        </button>
      )}
    </div>
  );
}

/** The error text shown under a field (role=alert so a screen reader hears it as it appears). */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} class="field-error" role="alert">
      {message}
    </p>
  );
}
