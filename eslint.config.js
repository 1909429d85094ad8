import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// ----------------------------------------------------------------------------------------------------
// Layering (docs/architecture.md): which code may import what. Each rule is typescript-eslint's
// no-restricted-imports registered under its own name in a local `layering` plugin, so the rules' file
// scopes do not override one another and a violation names the rule it broke, in its id and at the
// start of its message. server/src/layering.test.ts proves that a rule fires.
const layeringRules = {};
const layeringConfigs = [];
/**
 * @param {string} name the rule, `layering/<name>`
 * @param {{ files: string[], ignores?: string[], modules?: string[], patterns?: string[], allowTypeImports?: boolean, message: string }} rule
 *   modules: exact import specifiers; patterns: regular expressions over the specifier
 */
function layer(name, rule) {
  const message = `[layering/${name}] ${rule.message}`;
  const allowTypeImports = rule.allowTypeImports ?? false;
  layeringRules[name] = tseslint.plugin.rules['no-restricted-imports'];
  layeringConfigs.push({
    files: rule.files,
    ignores: rule.ignores ?? [],
    rules: {
      [`layering/${name}`]: [
        'error',
        {
          paths: (rule.modules ?? []).map((module) => ({ name: module, message, allowTypeImports })),
          patterns: (rule.patterns ?? []).map((regex) => ({ regex, message, allowTypeImports })),
        },
      ],
    },
  });
}
const server = ['server/src/**/*.ts'];
const serverTests = ['server/src/**/*.test.ts', 'server/src/testing/**', 'server/src/media/testing/**'];

layer('routes-call-services', {
  files: ['server/src/**/*.routes.ts', 'server/src/uploads/tus.ts'],
  patterns: ['\\.repository(\\.ts)?$', '(^|/)db/'],
  message: 'Routes validate, call a service and answer; only services use repositories (and only repositories the database).',
});
layer('only-db-opens-databases', {
  files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs'],
  ignores: ['server/src/db/**'],
  modules: ['pg', '@electric-sql/pglite'],
  patterns: ['^pg/', '^@electric-sql/pglite/'],
  message: 'Only server/src/db/ opens databases (pg, PGlite); everything else gets a Database from platform.ts and queries it in a repository.',
});
layer('only-repositories-run-sql', {
  files: server,
  // the composition root opens the database and hands it to the repositories; a region handle holds it
  ignores: ['server/src/**/*.repository.ts', 'server/src/db/**', 'server/src/platform.ts', 'server/src/regions/regions.ts', ...serverTests],
  // type imports too: a service that is handed a Database runs SQL outside a repository
  patterns: ['(^|/)db/'],
  message: 'Only repositories (*.repository.ts) run SQL: add a repository method for the use case and pass the repository in.',
});
layer('only-media-runs-ffmpeg', {
  files: server,
  // tests start real processes of their own (a worker, s3rver)
  ignores: ['server/src/media/**', ...serverTests],
  modules: ['node:child_process', 'child_process'],
  message: 'Only server/src/media/ spawns processes (ffmpeg, ffprobe): call the media module.',
});
layer('only-storage-touches-files', {
  files: server,
  ignores: [
    'server/src/storage/**',
    // documented exceptions: the database adapters read migration files and create PGlite's directory;
    // ffmpeg's input and output are local files the media module reads and writes; the HTTP edge checks
    // that the built web app exists before @fastify/static serves it. (@tus/file-store, used by
    // uploads/tus.ts, writes tus's own upload directory; that library is the tus adapter's to use.)
    'server/src/db/**',
    'server/src/media/**',
    'server/src/http/app.ts',
    ...serverTests,
  ],
  modules: ['node:fs', 'fs', 'node:fs/promises', 'fs/promises'],
  patterns: ['^@aws-sdk/'],
  message: 'Only server/src/storage/ touches files or S3: use the BlobStore, or storage/local-files.ts for scratch files.',
});
layer('http-knows-no-domain', {
  files: ['server/src/http/**/*.ts'],
  ignores: serverTests,
  patterns: ['^\\.\\./(?!shared/)'],
  message: 'server/src/http/ is the edge: it imports shared/ but no domain module; platform.ts passes in what it needs.',
});
layer('services-know-no-http', {
  files: ['server/src/**/*.service.ts', 'server/src/**/*.repository.ts'],
  modules: ['fastify'],
  patterns: ['^@fastify/', '(^|/)http/', '(^|/)uploads/'],
  message: 'Services and repositories know no HTTP (no URLs, protocols or Fastify); routes turn their results into answers.',
});
layer('clients-stay-out-of-server', {
  files: ['web/**', 'recommender/**'],
  modules: ['@cliptide/server'],
  patterns: ['(^|/)server/', '^@cliptide/server/'],
  message: 'web/ and recommender/ never import server/: the web client talks to the API; the engine is pure and server/ hosts it.',
});
layer('contract-stands-alone', {
  files: ['contract/**'],
  patterns: ['^@cliptide/(server|web|recommender|e2e|bench)', '(^|/)(server|web|recommender|e2e|bench)/'],
  message: 'contract/ is the API described in zod alone: it imports nothing of the server, the web client or the engine.',
});
layer('web-imports-contract-types', {
  files: ['web/**'],
  modules: ['@cliptide/contract'],
  allowTypeImports: true,
  message: 'The web client imports only types from @cliptide/contract (no zod in the bundle); numbers come from @cliptide/contract/limits.',
});
// ----------------------------------------------------------------------------------------------------

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', '.tmp/**', 'e2e/screenshots/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { layering: { rules: layeringRules } },
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
  ...layeringConfigs,
);
