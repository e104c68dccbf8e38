// Bundles src/ into the app's static resources, copies public/ (the site icons) beside the
// bundle, and precompresses every text asset there and in any further folder named (the Maven
// build names htmx's, copied out of its WebJar). Spring's resource chain then serves the files
// under content-hashed names, and the .br or .gz beside a file to clients that accept it.
import * as esbuild from 'esbuild';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [outdir = '../target/classes/static', ...moreDirs] = process.argv.slice(2);

await esbuild.build({
  entryPoints: ['src/listing.js', 'src/widget.js', 'src/embed.js', 'src/site.css', 'src/noscript.css'],
  bundle: true,
  minify: true,
  sourcemap: true,
  target: ['es2020'],
  outdir,
  logLevel: 'info',
});

cpSync('public', outdir, { recursive: true });

// Text compresses; PNG and ICO (PNG inside) are compressed already.
const TEXT = /\.(js|css|svg|map|json|txt)$/;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      yield* files(path);
    } else {
      yield path;
    }
  }
}

let written = 0;
for (const dir of [outdir, ...moreDirs].filter(existsSync)) {
  for (const file of files(dir)) {
    if (!TEXT.test(file)) {
      continue;
    }
    const bytes = readFileSync(file);
    // Maximum levels: this runs once per build, and every visitor downloads the result.
    const encoded = {
      gz: gzipSync(bytes, { level: 9 }),
      br: brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      }),
    };
    for (const [extension, body] of Object.entries(encoded)) {
      // A file too small to gain is served as it is (no variant, so no encoding).
      if (body.length < bytes.length) {
        writeFileSync(`${file}.${extension}`, body);
        written++;
      } else {
        rmSync(`${file}.${extension}`, { force: true });
      }
    }
  }
}
console.log(`precompressed: ${written} files (.gz and .br)`);
