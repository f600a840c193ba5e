// `npm start`: install what is missing, build, serve the production build on :4173.
import { ensureDependencies, run } from './ensure.mjs';

ensureDependencies();
if (run('npx', ['vite', 'build']) !== 0) process.exit(1);
console.log('\nCertkeep is served at http://localhost:4173 (Ctrl+C stops it)\n');
process.exit(run('npx', ['vite', 'preview', '--port', '4173', '--strictPort']));
