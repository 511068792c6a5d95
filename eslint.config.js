// @ts-check
import tseslint from 'typescript-eslint';

/**
 * DESIGN §2's dependency direction, enforced: each folder may import only the folders its arrow
 * allows. `cli` may import the server only from the `serve` command.
 */
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'completions/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer(['src/shared/**'], ['**/cli/**', '**/client/**', '**/server/**', '**/ledger/**', '**/config/**', '**/tokens/**', '**/sqlite/**'], 'shared/ imports nothing of ours'),
  layer(['src/sqlite/**'], ['**/cli/**', '**/client/**', '**/server/**', '**/ledger/**', '**/config/**', '**/tokens/**', '**/shared/**'], 'sqlite/ imports nothing of ours'),
  layer(['src/client/**'], ['**/cli/**', '**/server/**', '**/ledger/**', '**/config/**', '**/sqlite/**', 'chalk', 'ora', 'commander', 'conf', '@inquirer/*'], 'client/ may import only tokens/ (money) and shared/'),
  layer(['src/server/**'], ['**/cli/**', '**/client/**', '**/ledger/**', '**/config/**'], 'server/ may import only tokens/, sqlite/ and shared/'),
  layer(['src/ledger/**'], ['**/cli/**', '**/client/**', '**/server/**', '**/config/**'], 'ledger/ may import only tokens/ (money), sqlite/ and shared/'),
  layer(['src/config/**'], ['**/cli/**', '**/client/**', '**/server/**', '**/ledger/**', '**/sqlite/**'], 'config/ may import only shared/'),
  layer(['src/tokens/**'], ['**/cli/**', '**/client/**', '**/server/**', '**/ledger/**', '**/config/**', '**/sqlite/**'], 'tokens/ may import only shared/'),
  layer(
    ['src/cli/**'],
    ['**/server/**'],
    'only the serve command may import the server',
  ),
  { files: ['src/cli/commands/serve/**'], rules: { 'no-restricted-imports': 'off' } },
  { files: ['test/**', 'bench/**', 'scripts/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // CommonJS on purpose: the bin loads the CommonJS bundle (scripts/bundle.mjs says why).
  { files: ['bin/tokencli.js', '**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
