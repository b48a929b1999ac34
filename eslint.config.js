// Module boundaries: the pure core cannot reach platforms, stores, the network or the disk.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const IMPURE = [
  'discord.js', '@discordjs/*', '@slack/*', 'ioredis', 'bullmq', 'undici', 'better-sqlite3',
  'node-cron', 'pino', 'prom-client', 'rss-parser', 'feedsmith',
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'net', 'node:net', 'http', 'node:http',
  'https', 'node:https', 'dgram', 'node:dgram', 'tls', 'node:tls', 'child_process', 'node:child_process',
];
const CORE = ['detect', 'incidents', 'routing', 'format', 'commands', 'status-page'];

module.exports = tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: CORE.map((d) => `src/${d}/**/*.ts`).concat('src/model/**/*.ts'),
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: IMPURE, message: 'The pure core takes data and returns data: inject a port instead.' },
          { group: ['**/store/*', '**/store', '**/sources/*', '**/delivery/*', '**/chat/*', '**/http/*', '**/scheduler/*', '**/pipeline/*', '**/app', '**/cli'],
            message: 'The pure core does not depend on adapters or the composition root (type imports of ports are fine).',
            allowTypeImports: true },
        ],
      }],
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { URL: 'readonly', setTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', globalThis: 'readonly', require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
