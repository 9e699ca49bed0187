// The letter as an editable Word file (.docx), built in the browser with the `docx` library.
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

const LANGUAGE = { value: 'nl-NL' };

function paragraph(block) {
  const runs = block.lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, language: LANGUAGE }));
  if (block.type === 'subject') return new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs, spacing: { before: 240, after: 240 } });
  if (block.type === 'heading') return new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs, spacing: { before: 240, after: 80 } });
  return new Paragraph({ children: runs, spacing: { after: block.sign ? 1200 : 240 }, alignment: AlignmentType.LEFT });
}

/** A Blob with the .docx file: Arial 12 pt, language Dutch, the subject as Heading 1. */
export async function letterDocx(letter, blocks) {
  const doc = new Document({
    creator: 'Wegwijs',
    title: letter.title,
    description: letter.summary,
    styles: {
      default: {
        document: { run: { font: 'Arial', size: 24, language: LANGUAGE }, paragraph: { spacing: { line: 300 } } },
        heading1: { run: { font: 'Arial', size: 28, bold: true, color: '000000', language: LANGUAGE } },
        heading2: { run: { font: 'Arial', size: 24, bold: true, color: '000000', language: LANGUAGE } },
      },
    },
    sections: [{ properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } }, children: blocks.map(paragraph) }],
  });
  return Packer.toBlob(doc);
}
