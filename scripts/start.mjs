// `npm start`: install what is missing, build, serve the production build on :4173.
// `PORT=<n>` serves elsewhere; `npm start -- --no-build` serves the existing dist/.
import { spawn } from 'node:child_process';
import { ensureDependencies, run } from './ensure.mjs';

const port = process.env.PORT ?? '4173';
ensureDependencies();
if (!process.argv.includes('--no-build') && run(process.execPath, ['node_modules/vite/bin/vite.js', 'build']) !== 0) {
  process.exit(1);
}
console.log(`\nCertkeep is served at http://localhost:${port} (Ctrl+C stops it)\n`);

// The server is our direct child (no npx in between), and every way of stopping `npm start`
// — Ctrl+C, SIGTERM from a service manager, a closed terminal — stops it too, so the port
// is never left taken.
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', port, '--strictPort'], {
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
// `npm start` runs this script with exec, so npm's own signal reaches us; if whatever started
// us dies without one (kill -9), we are re-parented: stop the server then as well.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) server.kill('SIGTERM');
}, 1000).unref();
