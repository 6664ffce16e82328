// Bundles the UI into static files: node build.mjs <outdir> (the gateway's Maven build passes
// target/classes/META-INF/resources, which Quarkus serves at /). Everything the page loads is in
// <outdir>: no CDN, so the UI works offline.
import { build } from 'esbuild';
import { readFile, writeFile, rm, mkdir } from 'node:fs/promises';
import path from 'node:path';

const outdir = path.resolve(process.argv[2] ?? 'dist');
await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const result = await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  // hls.js is loaded only by browsers without native HLS: its own chunk
  splitting: true,
  format: 'esm',
  target: ['es2020'],
  minify: true,
  outdir: path.join(outdir, 'assets'),
  // hashed names: a new build is never mixed with a cached old one
  entryNames: '[name]-[hash]',
  chunkNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});

const entry = Object.entries(result.metafile.outputs).find(([, output]) => output.entryPoint === 'src/main.ts');
if (!entry) {
  throw new Error('esbuild wrote no output for src/main.ts');
}
const url = (file) => '/' + path.relative(outdir, path.resolve(file)).split(path.sep).join('/');
const html = (await readFile('index.html', 'utf8'))
  .replace('%SCRIPT%', url(entry[0]))
  .replace('%STYLE%', url(entry[1].cssBundle));
await writeFile(path.join(outdir, 'index.html'), html);
console.log(`web UI bundled into ${outdir}`);
