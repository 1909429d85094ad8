import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.tmp/**', 'e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read configuration through server/src/config (parsed once).' }],
    },
  },
  {
    // Places allowed to read the environment: the config module, tests, benchmarks and scripts.
    files: ['server/src/config/**', '**/*.test.ts', 'e2e/**', 'bench/**', 'scripts/**', 'web/vite.config.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
