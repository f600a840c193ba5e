// typescript-eslint's strictTypeChecked over every TypeScript file, each checked against the
// tsconfig of its runtime (worker, app, node).
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dev-dist/',
      'release/',
      'reports/',
      'test-results/',
      'playwright-report/',
      'bench/.cache/',
      'node_modules/',
      'public/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.worker.json', './tsconfig.app.json', './tsconfig.node.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Numbers read naturally in messages ("at most 200 days"); objects and undefined do not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `onClick={() => setOpen(false)}` is the idiom of every Preact handler.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // A test's `!` stands on a value the test has just made or checked (op.csr of a pending
      // create, the match of a regex it asserted); if it is wrong, the next line throws and the
      // test fails, which is all a test can do with it. src/ keeps the rule.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Fakes of async interfaces (a vault, a notification surface, window clients) are async so
      // that their throws become rejections, as the real ones' do; there is nothing to await.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
);
