// `npm run bench -- fuzz`: the 10 000-input fuzz of bench/fuzz/run.mjs with its defaults
// (seed 42); run that file directly for another seed or count.
await import('./fuzz/run.mjs');
