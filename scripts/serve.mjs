#!/usr/bin/env node
// Serves the static export in out/ on 127.0.0.1 with sirv-cli (pinned in
// package.json). `npm start` builds first, then runs this.
//
//   node scripts/serve.mjs              -> http://127.0.0.1:3000/ (next free port if 3000 is taken)
//   PORT=4173 node scripts/serve.mjs    -> exactly that port, or an error if it is taken
//   node scripts/serve.mjs --port 4173  -> same as PORT=4173
//
// Unknown page paths get out/404.html (sirv's --single fallback), so readers
// see the site's own "not found" page. Missing assets (paths with an
// extension) still get a plain 404.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 3000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'out');

function parsePort() {
  const i = process.argv.indexOf('--port');
  const raw = i >= 0 ? process.argv[i + 1] : process.env.PORT;
  if (raw === undefined || raw === '') return { port: DEFAULT_PORT, strict: false };
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`serve: invalid port "${raw}"`);
    process.exit(2);
  }
  return { port, strict: true };
}

function isFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, HOST, () => srv.close(() => resolve(true)));
  });
}

async function pickPort({ port, strict }) {
  if (await isFree(port)) return port;
  if (strict) {
    console.error(`serve: port ${port} on ${HOST} is already in use.`);
    process.exit(1);
  }
  for (let p = port + 1; p < port + 50; p++) if (await isFree(p)) return p;
  console.error(`serve: no free port between ${port} and ${port + 49} on ${HOST}.`);
  process.exit(1);
}

if (!existsSync(path.join(outDir, 'index.html'))) {
  console.error('serve: out/index.html not found. Build the site first: npm run build (or use npm start).');
  process.exit(1);
}

const port = await pickPort(parsePort());
// sirv-cli only exports package.json; find its bin through that.
const require = createRequire(import.meta.url);
const sirvPkgJson = require.resolve('sirv-cli/package.json');
const sirvBin = path.join(path.dirname(sirvPkgJson), require(sirvPkgJson).bin.sirv);

// sirv-cli lets HOST/PORT from the environment override its flags: drop them
// so it binds exactly where we say.
const env = { ...process.env };
delete env.HOST;
delete env.PORT;

const child = spawn(
  process.execPath,
  [sirvBin, outDir, '--host', HOST, '--port', String(port), '--single', '404.html', '--etag', '--quiet'],
  { stdio: 'inherit', env },
);

console.log(`\n  STS Simulator is being served from out/ at http://${HOST}:${port}/\n  Press Ctrl+C to stop.\n`);

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => child.kill(sig));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 0 : 1));
});
