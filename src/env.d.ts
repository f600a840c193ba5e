/** Injected by vite.config.ts `define`: the package version shown in Settings. */
declare const __APP_VERSION__: string;
