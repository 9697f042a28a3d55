#!/usr/bin/env node
/*
 * Starts the backend alone on app-config.yaml, then (unless NODE_ENV=production or app-config.production.yaml is
 * among the layers) the development layer
 * app-config.development.yaml, then any extra `--config FILE` given, resolving those paths against the directory the
 * command was run from (backstage-cli would read them relative to packages/backend). The development layer holds the
 * repository's public local-only tokens and secrets, so a production start never loads it.
 *
 * `--no-watch` runs the backend once, without backstage-cli's restart-on-change: what tests, benchmarks and
 * production-like runs want.
 */
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const callerDir = process.env.INIT_CWD || process.cwd();
const args = process.argv.slice(2);
const watch = !args.includes('--no-watch');
// A production start never gets the development layer, even when NODE_ENV was forgotten: naming the production layer
// is enough.
const production =
  process.env.NODE_ENV === 'production' || args.some(arg => path.basename(arg) === 'app-config.production.yaml');
const forwarded = ['--config', path.join(root, 'app-config.yaml')];
if (!production) forwarded.push('--config', path.join(root, 'app-config.development.yaml'));
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--no-watch') continue;
  if (args[i] === '--config' && args[i + 1]) {
    forwarded.push('--config', path.resolve(callerDir, args[++i]));
  } else {
    forwarded.push(args[i]);
  }
}

const command = watch
  ? [path.join(root, 'node_modules/@backstage/cli/bin/backstage-cli'), 'package', 'start', ...forwarded]
  : ['--require', require.resolve('@backstage/cli/config/nodeTransform.cjs'), 'src/index.ts', ...forwarded];
const child = spawn(process.execPath, command, {
  cwd: path.join(root, 'packages/backend'),
  stdio: 'inherit',
  // Like backstage-cli package start: a local backend is a development backend (guest sign-in) unless told otherwise.
  env: { NODE_ENV: 'development', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', code => process.exit(code ?? 1));
