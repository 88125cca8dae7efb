// Static file server for the built site, for browser tests and `make serve`.
//
//   import { serve } from './serve.mjs';
//   const { url, close } = await serve('public', '/sub/');  // url ends in the prefix
//
//   node tests/browser/serve.mjs DIR [--prefix /p/] [--port N]
//
//   import { useServer } from './serve.mjs';
//   const { url, close } = useServer('http://127.0.0.1:8080/p/', '/p/');
//
// useServer stands for a server already running (the tests' --url option, e.g.
// nginx in tests/site/nginx.sh): same shape, close() leaves it running.
//
// Binds 127.0.0.1 only. Serves DIR under the URL prefix (default '/'); anything
// outside the prefix is a 404. A URL ending in / serves its index.html; a
// directory URL without the / is redirected to it, as static hosts do. A missing
// file gets DIR/404.html with status 404.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.gz': 'application/gzip',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml',
  '.rss': 'application/rss+xml',
  '.atom': 'application/atom+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pdf': 'application/pdf',
};

// Leading and trailing slash: '' -> '/', 'sub' -> '/sub/'.
function normPrefix(p = '/') {
  return ('/' + p + '/').replace(/\/+/g, '/');
}

function statOrNull(file) {
  try {
    return fs.statSync(file);
  } catch {
    return null;
  }
}

// A server already running at url, which must end in the prefix the test
// expects; throws if it does not.
export function useServer(url, prefix = '/') {
  prefix = normPrefix(prefix);
  const u = new URL(url.endsWith('/') ? url : url + '/');
  if (u.pathname !== prefix) throw new Error(`--url ${url} does not end in the prefix ${prefix} (give --prefix ${u.pathname})`);
  return { url: u.href, close: async () => {} };
}

export async function serve(dir, prefix = '/', { port = 0 } = {}) {
  const root = fs.realpathSync(dir);
  prefix = normPrefix(prefix);

  async function send(req, res, status, file) {
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    res.writeHead(status, {
      'Content-Type': type,
      'Content-Length': fs.statSync(file).size,
      'Cache-Control': 'no-store',
      // So that a wrong Content-Type breaks the page here as it would on a real host.
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    await pipeline(fs.createReadStream(file), res);
  }

  function plain(res, status, text, headers = {}) {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end(text + '\n');
  }

  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return plain(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
    }
    const { pathname } = new URL(req.url, 'http://x');
    if (pathname + '/' === prefix) return plain(res, 301, 'moved', { Location: prefix });
    if (!pathname.startsWith(prefix)) return plain(res, 404, `not found (outside ${prefix})`);

    let rel;
    try {
      rel = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return plain(res, 400, 'bad URL encoding');
    }
    // new URL() already removed dot segments; this also catches %2e%2e and NULs.
    let file = path.join(root, rel);
    if (rel.includes('\0') || (file !== root && !file.startsWith(root + path.sep))) {
      return plain(res, 400, 'bad path');
    }

    let st = statOrNull(file);
    if (st?.isDirectory()) {
      if (!pathname.endsWith('/')) return plain(res, 301, 'moved', { Location: pathname + '/' });
      file = path.join(file, 'index.html');
      st = statOrNull(file);
    }
    if (st?.isFile()) return send(req, res, 200, file);

    const notFound = path.join(root, '404.html');
    if (statOrNull(notFound)?.isFile()) return send(req, res, 404, notFound);
    return plain(res, 404, 'not found');
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      // A client that goes away mid-file is not worth a message.
      if (err.code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      console.error(`serve: ${req.url}: ${err.message}`);
      if (!res.headersSent) plain(res, 500, 'internal error');
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    url: `http://127.0.0.1:${server.address().port}${prefix}`,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections(); // don't wait for the browser's keep-alive sockets
      }),
  };
}

// Run as a program (e.g. by `make serve`)?
if (import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1] ?? '.')).href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { prefix: { type: 'string', default: '/' }, port: { type: 'string', default: '0' } },
  });
  if (positionals.length !== 1) {
    console.error('usage: node tests/browser/serve.mjs DIR [--prefix /p/] [--port N]');
    process.exit(2);
  }
  const { url } = await serve(positionals[0], values.prefix, { port: Number(values.port) });
  console.log(url);
}
