import { useEffect, useRef, useState } from 'preact/hooks';
import type { LongWorkProgress } from './vault-api';

/** What a long vault call gets: its signal and progress callback (ARCHITECTURE §4 "Long work"). */
interface LongWorkHandle {
  signal: AbortSignal;
  onProgress: (progress: LongWorkProgress) => void;
}

export interface LongWork {
  /** The last report of the running call; undefined when none runs. */
  progress: LongWorkProgress | undefined;
  /** Starts watching a call: pass the handle in its options. */
  begin: () => LongWorkHandle;
  /** The call ended (done, failed or cancelled); given its handle, only if no later call began since. */
  end: (handle?: LongWorkHandle) => void;
  /** Asks the running call to stop; it rejects with VaultError 'Cancelled' and stores nothing. */
  cancel: () => void;
}

/** Progress and Cancel for one long vault call at a time; leaving the screen cancels it. */
export function useLongWork(): LongWork {
  const [progress, setProgress] = useState<LongWorkProgress>();
  const controller = useRef<AbortController | undefined>(undefined);
  useEffect(() => () => controller.current?.abort(), []);
  return {
    progress,
    begin() {
      controller.current?.abort();
      const c = new AbortController();
      controller.current = c;
      setProgress({ done: 0, phase: 'starting' });
      return {
        signal: c.signal,
        onProgress: (p) => {
          if (controller.current === c) setProgress(p);
        },
      };
    },
    end(handle) {
      if (handle && controller.current?.signal !== handle.signal) return;
      controller.current = undefined;
      setProgress(undefined);
    },
    cancel() {
      controller.current?.abort();
    },
  };
}
