import { useState } from 'preact/hooks';

/**
 * Copies text to the clipboard and says so; when the browser refuses (no permission, not a
 * secure context), `fallbackId` names a field whose text is selected instead, so Ctrl+C works.
 */
export function CopyButton(props: { text: () => string | Promise<string>; label: string; fallbackId?: string }) {
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(await props.text());
      setSaid('Copied to the clipboard.');
    } catch {
      const field = props.fallbackId ? document.getElementById(props.fallbackId) : null;
      if (field instanceof HTMLTextAreaElement) field.select();
      setSaid(field ? 'Selected: press Ctrl+C to copy.' : 'The browser did not allow copying.');
    }
    setTimeout(() => setSaid(''), 3000);
  };
  return (
    <>
      <button type="button" onClick={() => void copy()}>
        {props.label}
      </button>
      <span role="status">{said}</span>
    </>
  );
}
