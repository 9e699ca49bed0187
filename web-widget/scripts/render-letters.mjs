// Renders sample letters to PDF with the letter page's own code (src/letter/fill.js, pdf.js), in Node.
// Usage: node scripts/render-letters.mjs drafts.json outdir
// drafts.json: [{"letter": <a letter of GET /api/conversations/{id}/letter>, "values": {field: text}}]
// Used by scripts/letter_images.py for the images in docs/letters/.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fillLetter, initialValues } from '../src/letter/fill.js';
import { letterPdf } from '../src/letter/pdf.js';

const [input, outdir] = process.argv.slice(2);
for (const { letter, values } of JSON.parse(await readFile(input, 'utf8'))) {
  const blocks = fillLetter(letter.body, { ...letter.facts, ...initialValues(letter), ...values });
  const blob = await letterPdf(letter, blocks);
  const path = join(outdir, `${letter.id}.pdf`);
  await writeFile(path, Buffer.from(await blob.arrayBuffer()));
  console.log(path);
}
