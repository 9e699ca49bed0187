// Bundles src/ into dist/widget.js (one minified file, CSS included as a string) and reports its size;
// and the letter page (src/letter/) into dist/letter/: index.js (an ES module whose .docx and PDF
// builders are chunks loaded on demand) and letter.css.
import { build, transform } from 'esbuild';
import { readFile, stat } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const OUT = 'dist/widget.js';
const TARGET = ['es2020', 'chrome90', 'firefox90', 'safari15'];

// `import css from './styles.css'` gives the minified stylesheet as a string; index.js puts it
// into a constructable stylesheet in the Shadow DOM.
const cssAsText = {
  name: 'css-as-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(await readFile(path, 'utf8'), { loader: 'css', minify: true });
      return { contents: `export default ${JSON.stringify(code)};`, loader: 'js' };
    });
  },
};

await build({
  entryPoints: ['src/index.js'],
  outfile: OUT,
  bundle: true,
  minify: true,
  format: 'iife',
  target: TARGET,
  legalComments: 'none',
  plugins: [cssAsText],
  logLevel: 'warning',
});

const code = await readFile(OUT);
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
console.log(`>> ${OUT}: ${kb((await stat(OUT)).size)} minified, ${kb(gzipSync(code, { level: 9 }).length)} gzipped`);

// The letter page: served by the API under /letter-assets/ (api/routes/letters.py).
await build({
  entryPoints: { index: 'src/letter/index.js', letter: 'src/letter/letter.css' },
  outdir: 'dist/letter',
  bundle: true,
  splitting: true,
  minify: true,
  format: 'esm',
  target: TARGET,
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('>> dist/letter/: index.js, letter.css and the .docx / PDF chunks');
