import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'cdk.out/**', 'cdk.out.*/**', 'out/**', 'coverage/**', '.build/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain JavaScript entry points run on Node.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The analytics engine is pure: no AWS SDK, CDK, Lambda or middy imports.
    files: ['lambdas/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@aws-sdk/*', 'aws-cdk-lib', 'aws-cdk-lib/*', 'constructs', '@middy/*', 'aws-lambda', '@aws-lambda-powertools/*', '@slack/*', 'node:fs', 'fs', 'node:child_process'], message: 'lambdas/engine is pure: no AWS, CDK, Lambda or I/O imports.' },
          ],
        },
      ],
    },
  },
);
