import { describe, expect, it } from 'vitest';
import { offlineStatusText } from '../../../src/ui/pwa/network-status';

describe('offlineStatusText', () => {
  it.each([
    [{ online: true, offlineReady: true, installing: false }, 'Available offline', 'ok'],
    // A reload of a page the worker controls is ready at once: never "preparing".
    [{ online: true, offlineReady: true, installing: true }, 'Available offline', 'ok'],
    [{ online: true, offlineReady: false, installing: true }, 'Preparing offline use…', 'muted'],
    // No worker at all (development, or a browser without service workers): say nothing rather than "preparing".
    [{ online: true, offlineReady: false, installing: false }, '', 'muted'],
    [{ online: false, offlineReady: true, installing: false }, 'Network down · working offline', 'warn'],
    [{ online: false, offlineReady: false, installing: true }, 'Network down', 'warn'],
  ])('%o → %s', (state, text, tone) => expect(offlineStatusText(state)).toEqual({ text, tone }));
});
