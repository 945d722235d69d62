// Lint rules that keep the house in shape (npm run lint, run by .ci/run):
// - no import cycles;
// - the kernel (bus, conversation, inbox, outbox, jobs, db, platform, reports, config-import and the
//   contracts) imports no capability, command or job;
// - capabilities, commands and jobs never import a platform adapter (they ask the port's capabilities).
// Formatting is Prettier's (eslint-config-prettier turns off the rules that would disagree with it).
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';

const kernel = [
  './src/bus',
  './src/conversation',
  './src/inbox',
  './src/outbox',
  './src/jobs',
  './src/db',
  './src/platform',
  './src/reports',
  './src/config-import',
  './src/capability.ts',
  './src/services.ts',
  './src/events.ts',
  './src/clock.ts',
  './src/time.ts',
  './src/errors.ts',
  './src/log.ts',
  './src/metrics.ts',
  './src/i18n',
  './src/http',
  './src/charts',
];
const capabilities = ['./src/capabilities', './commands', './jobs'];
const adapters = ['./src/platform/slack', './src/platform/telegram', './src/platform/memory', './src/adapters.ts'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'src/db/generated/**', 'data/**', 'tests/artifacts/**', 'dist/**'] },
  ...tseslint.configs.recommended,
  importX.flatConfigs.typescript,
  {
    files: ['**/*.ts', '**/*.tsx'],
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: kernel, from: capabilities, message: 'The kernel imports no capability: let the capability contribute it (src/capability.ts).' },
            {
              target: capabilities,
              from: adapters,
              message: 'Capabilities speak to platforms through the port (src/platform/port.ts) and its declared capabilities.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  prettier,
);
