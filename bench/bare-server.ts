/**
 * Baseline for `npm run bench`: a bare node:http server that answers every request with one
 * precomputed HTML page, so the app's figures can be read as a ratio of what Node itself
 * can do on this machine.
 *
 *   node --import tsx bench/bare-server.ts --file page.html   (or --bytes 20000)
 *
 * Listens on 127.0.0.1 on a free port and prints `listening <port>` on stdout.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { file: { type: 'string' }, bytes: { type: 'string' }, port: { type: 'string', default: '0' } },
});

function fillerPage(bytes: number): Buffer {
  const head = '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Baseline</title></head><body><main>';
  const tail = '</main></body></html>';
  const para = '<p>Adviesraad sociaal domein: vergaderingen, adviezen en signalen van inwoners.</p>\n';
  let body = '';
  while (Buffer.byteLength(head + body + tail) < bytes) body += para;
  return Buffer.from((head + body + tail).slice(0, Math.max(bytes, head.length + tail.length)));
}

const page = values.file ? fs.readFileSync(values.file) : fillerPage(Number(values.bytes ?? 20_000));
const headers = {
  'content-type': 'text/html; charset=utf-8',
  'content-length': String(page.length),
};

const server = http.createServer((_req, res) => {
  res.writeHead(200, headers);
  res.end(page);
});
server.keepAliveTimeout = 72_000;
server.listen(Number(values.port), '127.0.0.1', () => {
  console.log(`listening ${(server.address() as AddressInfo).port}`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
