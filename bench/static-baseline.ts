import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';

// Usage: node --import tsx bench/static-baseline.ts <file.html> <port>
// The ceiling a page can reach on this machine: every request streams the file from disk
// (fs.createReadStream, no in-memory cache), as a plain static file server would.
const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: static-baseline.ts <file.html> <port>');

// The file does not change during a run, so its size is read once for Content-Length.
const { size } = statSync(file);

createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': size });
  createReadStream(file).pipe(response);
}).listen(Number(port), '127.0.0.1');
