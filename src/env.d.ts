/** Injected by vite.config.ts `define`: the package version shown in Settings. */
declare const __APP_VERSION__: string;
/** Injected by vite.config.ts `define`: the commit the build was made from (Settings → About). */
declare const __APP_COMMIT__: string;
