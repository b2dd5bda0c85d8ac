import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'data', 'web/dist', 'test-output', 'bin'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: ['**/*.mjs', '**/*.js'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          // SQLite has one connection: a query on `db` while its transaction holds it waits forever.
          selector:
            "CallExpression[callee.property.name='execute'][callee.object.callee.property.name='transaction'] > :function Identifier[name=/^(db|database)$/]:not(MemberExpression > Identifier.property)",
          message: 'Inside db.transaction() use the transaction (trx), not db: on SQLite the outer connection deadlocks.',
        },
      ],
    },
  },
  {
    // Node scripts in plain JavaScript (run before dependencies are checked).
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    // The web app never reaches into the server; both share only contracts/.
    files: ['web/**/*.ts', 'web/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/server/**'], message: 'web/ may not import server/' }] }],
    },
  },
  {
    // Only repositories (and the db layer, migrations, tests) talk to kysely.
    files: ['server/features/**/*.ts'],
    ignores: ['server/features/**/*.repository.ts', 'server/features/**/*.table.ts', 'server/features/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'kysely', message: 'SQL lives in *.repository.ts' }] }] },
  },
);
