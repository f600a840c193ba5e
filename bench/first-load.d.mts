/** Types of first-load.mjs for the e2e budget test that shares it. */
export interface FirstLoadScript {
  src: string;
  gzip: number;
  text: string;
}

/** The scripts index.html in `distDir` loads before the app renders, with their gzip sizes. */
export function firstLoadScripts(distDir?: string): FirstLoadScript[];
