// Bundles the live map into dist/ (served by picket-server at /map/). Run by the server's build
// (Picket.Server.csproj, target BuildMap) after `npm ci`; nothing here is fetched at run time.
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';

await mkdir('dist', { recursive: true });
await build({
  entryPoints: ['src/main.js'],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'iife',
  target: ['es2020'],
  outfile: 'dist/map.js',
  // Leaflet's stylesheet names its control images; they are bundled beside it.
  loader: { '.png': 'file', '.svg': 'file' },
  legalComments: 'linked',
  logLevel: 'warning',
});
await copyFile('src/index.html', 'dist/index.html');
