import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'test/artifacts/**', 'apps/web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    // The domain is pure: no framework, no store client, no clock, nothing from the apps.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['@nestjs/*'], message: 'libs/domain is pure: no Nest.' },
          { group: ['@eventstore/*'], message: 'libs/domain is pure: no store client.' },
          { group: ['better-sqlite3'], message: 'libs/domain is pure: no database.' },
          { group: ['**/apps/**', '@liaison/event-store', '@liaison/projections'], message: 'libs/domain must not depend on apps or infrastructure.' },
        ],
      }],
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Time arrives in command metadata.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Time arrives in command metadata.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Ids arrive in command metadata.' },
      ],
    },
  },
);
