/**
 * Which build this page is: the package version and commit (Settings → About, so an admin can
 * tell which bundle a machine runs) and whether it is the one-file edition opened from disk
 * (`vite build --mode single-file`), which has no service worker and cannot be installed.
 */
export const BUILD_VERSION = __APP_VERSION__;
export const BUILD_COMMIT = __APP_COMMIT__;
export const SINGLE_FILE = import.meta.env.MODE === 'single-file';
