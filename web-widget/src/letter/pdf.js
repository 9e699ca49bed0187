// The letter as an accessible PDF, built in the browser with PDFKit: tagged (a structure tree with
// H1, H2 and P), real text, the language set to Dutch and the title shown in the window.
import * as pdfkit from 'pdfkit';
import { toBlob } from 'pdfkit/output';
import Helvetica from 'pdfkit/standard-fonts/Helvetica';
import HelveticaBold from 'pdfkit/standard-fonts/HelveticaBold';

// The browser build needs the standard fonts' metrics registered; Node's build reads them itself
// (the docs' images are made with Node: scripts/letter_images.py).
if (pdfkit.registerStdFonts) pdfkit.registerStdFonts(Helvetica, HelveticaBold);
const PDFDocument = pdfkit.default;

const STYLE = {
  subject: { font: 'Helvetica-Bold', size: 14, tag: 'H1', before: 12, after: 12 },
  heading: { font: 'Helvetica-Bold', size: 12, tag: 'H2', before: 10, after: 4 },
  paragraph: { font: 'Helvetica', size: 11.5, tag: 'P', before: 0, after: 10 },
};

/** Writes the blocks into a new tagged PDF document; returns the document (not yet ended). */
export function writeLetterPdf(letter, blocks) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 72,
    pdfVersion: '1.7',
    lang: 'nl-NL',
    tagged: true,
    displayTitle: true,
    font: 'Helvetica',
    info: { Title: letter.title, Subject: letter.summary, Creator: 'Wegwijs', Producer: 'Wegwijs (PDFKit)' },
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  for (const block of blocks) {
    const style = STYLE[block.type];
    doc.moveDown(style.before / 12);
    root.add(doc.struct(style.tag, () => {
      doc.font(style.font).fontSize(style.size).text(block.lines.join('\n'), { width, lineGap: 2 });
    }));
    doc.moveDown((block.sign ? 60 : style.after) / 12);
  }
  root.end();
  return doc;
}

/** A Blob with the PDF. */
export async function letterPdf(letter, blocks) {
  const doc = writeLetterPdf(letter, blocks);
  const done = toBlob(doc);
  doc.end();
  return done;
}
