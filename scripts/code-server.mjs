// Installs (once) and starts code-server 4.100.3: the real VS Code 1.100.3 workbench and Node
// extension host, which is the only real VS Code these offline machines can run.
// See ../shared/docs/real-vscode.md for why each workaround below exists.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.100.3';

export function cacheDir() {
  const base = process.env.INTERLOCUTOR_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'interlocutor');
  return join(base, `code-server-${CODE_SERVER_VERSION}`);
}

export function codeServerEntry() {
  return join(cacheDir(), 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function findRipgrep() {
  for (const candidate of ['/usr/bin/rg', '/usr/local/bin/rg']) if (existsSync(candidate)) return candidate;
  const which = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new Error('ripgrep (rg) is needed to install code-server offline: apt-get install -y ripgrep');
}

/** @vscode/ripgrep downloads rg from GitHub unless this cache file is present. */
function seedRipgrepCache() {
  const dir = join(process.env.TMPDIR || tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(archive)) return;
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'rg-'));
  copyFileSync(findRipgrep(), join(staging, 'rg'));
  const tar = spawnSync('tar', ['-czf', archive, '-C', staging, 'rg'], { stdio: 'inherit' });
  if (tar.status !== 0) throw new Error('could not create the ripgrep cache archive');
}

export function ensureCodeServer({ log = console.error } = {}) {
  if (existsSync(codeServerEntry())) return codeServerEntry();
  log(`Installing code-server ${CODE_SERVER_VERSION} into ${cacheDir()} (once; about 2 minutes)...`);
  seedRipgrepCache();
  mkdirSync(cacheDir(), { recursive: true });
  writeFileSync(join(cacheDir(), 'package.json'), JSON.stringify({ name: 'interlocutor-code-server-cache', private: true }));
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], {
    cwd: cacheDir(),
    stdio: 'inherit',
    // npm 11 skips dependency install scripts unless allowed; code-server's post-install
    // (and the native modules it builds) must run, including in the nested installs it starts.
    env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true', npm_config_dangerously_allow_all_scripts: 'true' },
  });
  if (result.status !== 0 || !existsSync(codeServerEntry())) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} failed to install. On Debian it needs: ` +
        'apt-get install -y libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep (see .ci/run)',
    );
  }
  return codeServerEntry();
}

/**
 * Starts code-server on a free loopback port with fresh user-data and extensions folders.
 * Resolves once it prints its listening address.
 */
export async function startCodeServer({ workspace, settings = {}, log = () => {}, env = {}, extensionsDir: givenExtensionsDir }) {
  const entry = ensureCodeServer();
  const userDataDir = mkdtempSync(join(tmpdir(), 'interlocutor-user-'));
  const extensionsDir = givenExtensionsDir ?? mkdtempSync(join(tmpdir(), 'interlocutor-ext-'));
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'telemetry.telemetryLevel': 'off',
        'security.workspace.trust.enabled': false,
        'extensions.ignoreRecommendations': true,
        'chat.disableAIFeatures': true,
        'editor.hover.delay': 100,
        'git.openRepositoryInParentFolders': 'never',
        ...settings,
      },
      null,
      2,
    ),
  );
  const port = Number(process.env.INTERLOCUTOR_PORT || 0);
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--ignore-last-opened',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    workspace,
  ];
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      const text = chunk.toString();
      output += text;
      log(text);
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`code-server exited with ${code} before listening:\n${output}`)));
  });
  return {
    url,
    userDataDir,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  ensureCodeServer();
  console.log(codeServerEntry());
}
