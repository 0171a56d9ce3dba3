// One build for every target: the extension bundle, the CLI bundle, the JSON Schema for dataset
// files, and (with --tests) the test and benchmark files transpiled one-to-one into out/.
// Type checking is `npm run typecheck` (tsc --noEmit); esbuild only strips types.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, chmodSync, rmSync, cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const withTests = args.has('--tests');
const watch = args.has('--watch');

/**
 * Parses, validates and checks data/builtin.json with the same loader users' datasets go through,
 * and returns it as compact JSON with every default filled in. It goes into each bundle (and each
 * transpiled file that uses it) as the constant INTERLOCUTOR_BUILTIN_DATASET, so that at run time
 * the built-in data costs one JSON.parse: no file search, no read, no zod. Any problem fails the build.
 */
async function normalisedBuiltinDataset() {
  const result = await esbuild.build({
    entryPoints: ['src/core/datasets.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'warning',
    absWorkingDir: root,
    alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
    define: { INTERLOCUTOR_BUILTIN_DATASET: 'undefined' },
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(join(root, 'src/core/datasets.ts')));
  const file = join(root, 'data', 'builtin.json');
  const knowledge = module.exports.loadKnowledge([{ file, text: readFileSync(file, 'utf8') }]);
  if (knowledge.problems.length > 0) {
    for (const problem of knowledge.problems) console.error(`${relative(root, problem.file)}:${problem.range.start.line + 1}:${problem.range.start.character + 1}: ${problem.severity}: ${problem.message}`);
    throw new Error(`data/builtin.json has ${knowledge.problems.length} problem(s); the built-in dataset must load cleanly`);
  }
  return JSON.stringify(knowledge.files[0].dataset);
}

const builtinDefine = { INTERLOCUTOR_BUILTIN_DATASET: JSON.stringify(await normalisedBuiltinDataset()) };

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  absWorkingDir: root,
  // jsonc-parser's UMD entry hides its requires from the bundler; its ESM entry bundles cleanly.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  // Dependencies shipped as ES modules (fdir, under tinyglobby) use import.meta.url, which a
  // CommonJS bundle lacks: give them the bundle's own file URL.
  define: { 'import.meta.url': 'importMetaUrl', ...builtinDefine },
  banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
};

/**
 * Packages the core requires only on first use (user datasets, front matter). In the
 * Node bundles each is its own file, dist/lazy/<name>.js, so that starting the extension or the
 * CLI does not even compile them (they are three quarters of the code). A browser bundle can keep
 * them inline: the core's require() calls work the same either way.
 */
const LAZY_PACKAGES = ['zod', 'yaml', 'jsonc-parser'];
const lazyFile = (name) => `lazy/${name.replace(/[^a-z0-9]+/gi, '-')}.js`;
const lazyPackagesApart = {
  name: 'lazy-packages-apart',
  setup(build) {
    const filter = new RegExp(`^(${LAZY_PACKAGES.map((name) => name.replace(/[.]/g, '\\.')).join('|')})$`);
    build.onResolve({ filter }, (args) => ({ path: `./${lazyFile(args.path)}`, external: true }));
  },
};
/** Modules with a web variant beside them (packCommands.web.ts): the web bundle takes the variant. */
const webVariants = {
  name: 'web-variants',
  setup(build) {
    build.onResolve({ filter: /\/packCommands$/ }, (args) => ({ path: join(args.resolveDir, `${args.path}.web.ts`) }));
  },
};
const lazyTargets = LAZY_PACKAGES.map((name) => ({
  ...common,
  banner: {},
  stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: 'js' },
  outfile: `dist/${lazyFile(name)}`,
}));

const targets = [
  ...lazyTargets,
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [lazyPackagesApart] },
  {
    ...common,
    plugins: [lazyPackagesApart],
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
    define: { ...common.define, INTERLOCUTOR_VERSION: JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) },
  },
  // The same extension for vscode.dev, github.dev and other web-worker extension hosts: no Node
  // built-ins (esbuild fails the build on one), files read through workspace.fs.
  {
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/web/extension.js',
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
    alias: common.alias,
    // The built-in data, embedded as in the Node bundles: the web host reads no extension files.
    define: builtinDefine,
    // Packs are read with Node's file system: the web bundle gets the module that says so instead.
    plugins: [webVariants],
    sourcemap: production ? false : 'linked',
    minify: production,
    legalComments: production ? 'none' : 'inline',
    logLevel: 'warning',
    absWorkingDir: root,
  },
  // The Channel Timeline webview's one script, loaded by the page under a nonce.
  {
    entryPoints: ['src/webview/channelTimeline.ts'],
    outfile: 'dist/webview/channelTimeline.js',
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    sourcemap: production ? false : 'linked',
    minify: production,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
  },
];

function listFiles(dir, extension) {
  const abs = join(root, dir);
  return readdirSync(abs).flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return listFiles(relative(root, path), extension);
    return name.endsWith(extension) ? [relative(root, path)] : [];
  });
}

function listTs(dir) {
  const abs = join(root, dir);
  let entries;
  try {
    entries = readdirSync(abs);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return listTs(relative(root, path));
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [relative(root, path)] : [];
  });
}

/** Writes schemas/dataset.schema.json from the zod schema, so the two can never disagree. */
async function writeJsonSchema() {
  const result = await esbuild.build({ ...common, banner: {}, define: {}, sourcemap: false, minify: false, entryPoints: ['src/core/schema.ts'], write: false });
  const module = { exports: {} };
  const require = createRequire(join(root, 'src/core/schema.ts'));
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, require);
  const schema = module.exports.datasetJsonSchema();
  mkdirSync(join(root, 'schemas'), { recursive: true });
  writeFileSync(join(root, 'schemas', 'dataset.schema.json'), `${JSON.stringify(schema, null, 2)}\n`);
}

async function main() {
  if (!watch) rmSync(join(root, 'dist'), { recursive: true, force: true });
  const builds = [...targets];
  if (withTests) {
    rmSync(join(root, 'out'), { recursive: true, force: true });
    const { alias: _bundlerOnly, ...unbundled } = common;
    builds.push({
      ...unbundled,
      bundle: false,
      banner: {},
      define: builtinDefine,
      sourcemap: 'inline',
      minify: false,
      entryPoints: [...listTs('src'), ...listTs('test'), ...listTs('bench')],
      outdir: 'out',
      outbase: '.',
    });
  }
  if (watch) {
    const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
    await Promise.all(contexts.map((context) => context.watch()));
    console.log('Watching for changes...');
    return;
  }
  await Promise.all(builds.map((options) => esbuild.build(options)));
  // Data the core imports (conventions.json) sits beside the transpiled files, as in src/.
  if (withTests) for (const file of listFiles('src', '.json')) cpSync(join(root, file), join(root, 'out', file));
  chmodSync(join(root, 'dist', 'cli.js'), 0o755);
  await writeJsonSchema();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
