import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Imports flow one way: the UI reaches devices, storage and Node only through the API,
// and electron/core stays free of Electron so the browser host can run it.
const nodeOnly = ['fs', 'node:fs', 'child_process', 'node:child_process', 'better-sqlite3', 'serialport', 'node-hid', 'electron'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'node_modules/**', 'test-results/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: nodeOnly.map((name) => ({ name, message: 'The renderer reaches Node and devices only through the API.' })) }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'native-bridges/**/*.ts', 'kiosk-config/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Core and bridges run under the browser host too: no Electron here.' }] }],
    },
  },
);
