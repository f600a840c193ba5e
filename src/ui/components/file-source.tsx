import { useId, useState } from 'preact/hooks';

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * One control for the three ways a file arrives: the file picker, drag and drop onto the
 * zone, or pasted text (PEM). The zone is not the only way in: the picker and the text area
 * work from the keyboard.
 */
export function FileSource(props: {
  label: string;
  accept?: string;
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
        id={`${id}-file`}
        type="file"
        accept={props.accept}
        disabled={props.disabled}
        {...invalid}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void read(file);
          e.currentTarget.value = '';
        }}
      />
      <p class="hint">or drop a file here, or paste PEM text below.</p>
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
