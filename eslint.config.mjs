// Lint: TypeScript rules plus the import rules of ARCHITECTURE.md, enforced with Nx tags.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.data/**', '.nx/**', 'coverage/**', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  prettier,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            // Pure: no framework at all, so workflows can use it.
            { sourceTag: 'scope:domain', onlyDependOnLibsWithTags: ['scope:domain'], allowedExternalImports: [] },
            { sourceTag: 'scope:config', onlyDependOnLibsWithTags: [], allowedExternalImports: ['@nestjs/common', 'class-validator', 'class-transformer', 'reflect-metadata', 'node:*'] },
            // @temporalio/common: the typed search attribute keys (defineSearchAttributeKey), pure and deterministic.
            { sourceTag: 'scope:contracts', onlyDependOnLibsWithTags: ['scope:domain'], allowedExternalImports: ['@temporalio/workflow', '@temporalio/common'] },
            // Deterministic, bundled code: activities by type only (rule below).
            { sourceTag: 'scope:workflows', onlyDependOnLibsWithTags: ['scope:domain', 'scope:contracts', 'scope:activities'], allowedExternalImports: ['@temporalio/workflow', '@temporalio/common'] },
            { sourceTag: 'scope:persistence', onlyDependOnLibsWithTags: ['scope:domain', 'scope:config'], bannedExternalImports: ['@temporalio/*'] },
            { sourceTag: 'scope:lib', onlyDependOnLibsWithTags: ['scope:domain', 'scope:contracts', 'scope:config', 'scope:persistence', 'scope:lib'], bannedExternalImports: ['typeorm', '@temporalio/client', '@temporalio/worker'] },
            { sourceTag: 'scope:activities', onlyDependOnLibsWithTags: ['scope:domain', 'scope:contracts', 'scope:lib'], bannedExternalImports: ['typeorm', '@temporalio/client', '@temporalio/worker', '@temporalio/workflow'] },
            { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['scope:domain', 'scope:contracts', 'scope:config', 'scope:persistence', 'scope:lib', 'scope:activities'], bannedExternalImports: ['typeorm'] },
            { sourceTag: 'scope:tests', onlyDependOnLibsWithTags: ['*'] },
            // The browser app talks HTTP only: its types come from the generated OpenAPI schema.
            { sourceTag: 'scope:web', onlyDependOnLibsWithTags: [] },
          ],
        },
      ],
    },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@cluster/activities', allowTypeImports: true, message: 'Workflows import activities by type only (proxyActivities).' }],
          patterns: [{ group: ['node:*', 'fs', 'crypto', 'http', 'https', 'net'], message: 'Workflow code must stay deterministic: no Node APIs.' }],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
];
