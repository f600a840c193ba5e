import { createStore } from 'zustand/vanilla';
import { navigate } from '../state/router';

/** A file handed to the installed app (manifest file_handlers), waiting for the Import page. */
export interface LaunchedFile {
  name: string;
  bytes: Uint8Array;
}

interface LaunchParams {
  files: readonly FileSystemFileHandle[];
}
interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void): void;
}

/** The store keeps the file only until Import takes it (takeLaunchedFile). */
export const launchStore = createStore<{ file?: LaunchedFile }>(() => ({}));

export function takeLaunchedFile(): LaunchedFile | undefined {
  const file = launchStore.getState().file;
  if (file) launchStore.setState({ file: undefined });
  return file;
}

/**
 * "Open with Certkeep" from the OS: Chromium delivers the files through window.launchQueue
 * (File Handling API); we read the first one and open Import with it.
 */
export function startLaunchQueue(): void {
  const queue = (globalThis as { launchQueue?: LaunchQueue }).launchQueue;
  queue?.setConsumer((params) => {
    const handle = params.files.at(0);
    if (handle) void openLaunched(handle);
  });
}

async function openLaunched(handle: FileSystemFileHandle): Promise<void> {
  const file = await handle.getFile();
  launchStore.setState({ file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } });
  navigate('import');
}
