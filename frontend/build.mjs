// Bundles src/ into the app's static resources. The Maven build passes the output folder;
// Spring's resource chain then serves the files under content-hashed names.
import * as esbuild from 'esbuild';

const outdir = process.argv[2] ?? '../target/classes/static';

await esbuild.build({
  entryPoints: ['src/listing.js', 'src/widget.js', 'src/embed.js', 'src/site.css'],
  bundle: true,
  minify: true,
  sourcemap: true,
  target: ['es2020'],
  outdir,
  logLevel: 'info',
});
