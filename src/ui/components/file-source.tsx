import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ScanQrButton } from '../transfer/scan-qr-button';

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Puts `file` into the picker, so the browser's own "No file chosen" never contradicts a file
 * that came by drop, paste or "Open with" (a DataTransfer is the one way to fill a file input).
 */
function showInPicker(input: HTMLInputElement, file: PickedFile | undefined): void {
  const current = input.files?.[0];
  if (!file) {
    if (current) input.value = '';
    return;
  }
  if (current?.name === file.name && current.size === file.bytes.length) return;
  try {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(file.bytes)], file.name));
    input.files = transfer.files;
  } catch {
    // A browser without the DataTransfer constructor: the page's own line names the file.
  }
}

/**
 * One control for the four ways a file arrives: the file picker, drag and drop onto the
 * zone, pasted text (PEM), or QR codes scanned from another screen (ARCHITECTURE §8). The zone is not the only way in: the picker and the text area
 * work from the keyboard. `file` is the file the screen is working on, whichever way it came;
 * the picker shows its name.
 */
export function FileSource(props: {
  label: string;
  accept?: string;
  file: PickedFile | undefined;
  onFile: (file: PickedFile) => void;
  pasteLabel?: string;
  disabled?: boolean;
  /** Marks both inputs invalid, described by the element with this id (the error's message). */
  errorId?: string;
}) {
  const id = useId();
  const invalid = props.errorId ? { 'aria-invalid': 'true' as const, 'aria-describedby': props.errorId } : {};
  const [over, setOver] = useState(false);
  const [text, setText] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current) showInPicker(input.current, props.file);
  }, [props.file]);
  const read = async (file: File) => props.onFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return (
    <div
      class={`file-source ${over ? 'over' : ''}`}
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer?.files[0];
        if (file) void read(file);
      }}
    >
      <label for={`${id}-file`}>{props.label}</label>
      <input
        ref={input}
        id={`${id}-file`}
        type="file"
        accept={props.accept}
        disabled={props.disabled}
        {...invalid}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void read(file);
        }}
      />
      <p class="hint">or drop a file here, paste PEM text below, or scan the QR codes another screen shows.</p>
      <div class="actions">
        <ScanQrButton what={props.label} onFile={props.onFile} disabled={props.disabled} />
      </div>
      <label for={`${id}-text`}>{props.pasteLabel ?? 'Pasted text'}</label>
      <textarea
        id={`${id}-text`}
        rows={4}
        spellcheck={false}
        value={text}
        onInput={(e) => setText(e.currentTarget.value)}
        disabled={props.disabled}
        {...invalid}
      />
      <p>
        <button
          type="button"
          disabled={props.disabled || !text.trim()}
          onClick={() => props.onFile({ name: 'pasted.pem', bytes: new TextEncoder().encode(text.trim() + '\n') })}
        >
          Use pasted text
        </button>
      </p>
    </div>
  );
}
