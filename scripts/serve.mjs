#!/usr/bin/env node
// Serves the static export in out/ on 127.0.0.1 with sirv (pinned in package.json).
// `npm start` builds first, then runs this.
//
//   node scripts/serve.mjs              -> http://127.0.0.1:3000/ (next free port if 3000 is taken)
//   PORT=4173 node scripts/serve.mjs    -> exactly that port, or an error if it is taken
//   node scripts/serve.mjs --port 4173  -> same as PORT=4173
//   --base /repo (or BASE_PATH=/repo)   -> the site lives under /repo/, as on GitHub Pages; build
//                                          it with the same BASE_PATH
//   --headers                           -> send the security headers of scripts/security-headers.mjs
//   --dir tmp/out-base                  -> serve another export folder than out/
//
// Unknown paths get out/404.html with status 404, as a static host does, so readers see the
// site's own "not found" page and crawlers and link checkers see a 404.
import { createReadStream, existsSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { securityHeaders } from './security-headers.mjs';

const HOST = '127.0.0.1';
const DEFAULT_PORT = 3000;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function flag(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function parsePort() {
  const raw = flag('--port') ?? process.env.PORT;
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

const outDir = path.resolve(root, flag('--dir') ?? 'out');
const baseTrimmed = (flag('--base') ?? process.env.BASE_PATH ?? '').trim().replace(/^\/+|\/+$/g, '');
const base = baseTrimmed ? `/${baseTrimmed}` : '';
const withHeaders = process.argv.includes('--headers');

if (!existsSync(path.join(outDir, 'index.html'))) {
  console.error(`serve: ${path.relative(root, outDir) || '.'}/index.html not found. Build the site first: npm run build (or use npm start).`);
  process.exit(1);
}

const notFoundPage = path.join(outDir, '404.html');
const assets = sirv(outDir, { etag: true, dev: false, extensions: ['html'] });

function notFound(res) {
  res.statusCode = 404;
  if (existsSync(notFoundPage)) {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    createReadStream(notFoundPage).pipe(res);
  } else {
    res.end('Not found');
  }
}

const server = http.createServer((req, res) => {
  if (withHeaders) for (const [k, v] of Object.entries(securityHeaders)) res.setHeader(k, v);
  const url = req.url ?? '/';
  if (base) {
    const pathname = url.split('?')[0] ?? '';
    if (pathname === base) {
      res.writeHead(301, { Location: `${base}/${url.slice(base.length)}` }).end();
      return;
    }
    if (!pathname.startsWith(`${base}/`)) return notFound(res);
    req.url = url.slice(base.length);
  }
  assets(req, res, () => notFound(res));
});

const port = await pickPort(parsePort());
server.listen(port, HOST, () => {
  console.log(`\n  STS Simulator is being served from ${path.relative(root, outDir) || '.'}/ at http://${HOST}:${port}${base}/\n  Press Ctrl+C to stop.\n`);
});

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
