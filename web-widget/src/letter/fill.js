// Fills a letter template (knowledge/letters/*.md) with the conversation's facts and what the citizen
// typed, in the browser. The same rules as knowledge/letters/templates.py `fill`:
//   {{fact}} / [[field]]   replaced by the value; a line with an empty one is left out
//   (als name) / (als geen name)   the line only when `name` has a value / is empty
//   ## text  the letter's subject;  ### text  a heading inside the letter;  a blank line ends a paragraph
// Pure: no DOM, so node's test runner checks it (web-widget/test/letter.test.js).

const PLACEHOLDER = /\[\[([a-z_]+)\]\]|\{\{([a-z_]+)\}\}/g;
const CONDITION = /^\(als (geen )?([a-z_]+)\)\s*/;
export const SIGN_HERE = 'Handtekening:'; // a paragraph ending with this gets room for a signature

const known = (values, name) => String(values[name] ?? '').trim() !== '';

/** The letter's lines with everything filled in (before paragraphs are made). */
export function fillLines(body, values) {
  const out = [];
  for (let line of body.split('\n')) {
    const condition = line.match(CONDITION);
    if (condition) {
      if (known(values, condition[2]) === Boolean(condition[1])) continue;
      line = line.slice(condition[0].length);
    }
    const names = [...line.matchAll(PLACEHOLDER)].map((m) => m[1] || m[2]);
    if (names.some((name) => !known(values, name))) continue;
    out.push(line.replace(PLACEHOLDER, (_m, field, fact) => String(values[field || fact]).trim()));
  }
  return out.join('\n').split('\n'); // a multi-line answer becomes several lines
}

/**
 * The letter as blocks: {type: 'subject' | 'heading' | 'paragraph', lines: [...], sign?: true}.
 * Renderers (preview, .docx, PDF) only read blocks.
 */
export function fillLetter(body, values) {
  const blocks = [];
  let paragraph = null;
  const close = () => {
    if (paragraph) {
      paragraph.sign = paragraph.lines[paragraph.lines.length - 1] === SIGN_HERE;
      blocks.push(paragraph);
    }
    paragraph = null;
  };
  for (const raw of fillLines(body, values)) {
    const line = raw.trimEnd();
    if (line.trim() === '') close();
    else if (line.startsWith('### ')) { close(); blocks.push({ type: 'heading', lines: [line.slice(4)] }); }
    else if (line.startsWith('## ')) { close(); blocks.push({ type: 'subject', lines: [line.slice(3)] }); }
    else (paragraph ||= { type: 'paragraph', lines: [] }).lines.push(line);
  }
  close();
  return blocks;
}

/** The fields the citizen is asked for: a field with `when` only when that fact is known. */
export function visibleFields(letter) {
  return letter.fields.filter((field) => !field.when || known(letter.facts, field.when));
}

/** Values to start with: a field with `default` starts with that fact. */
export function initialValues(letter) {
  const values = {};
  for (const field of letter.fields) if (field.default) values[field.id] = letter.facts[field.default] || '';
  return values;
}

/** The required fields still empty (a confirm box counts as empty until ticked). */
export function missingFields(letter, values) {
  return visibleFields(letter).filter((field) => field.required && !known(values, field.id));
}

/** The letter's plain text (for a check or a screen reader): blocks joined by blank lines. */
export function plainText(blocks) {
  return blocks.map((block) => block.lines.join('\n')).join('\n\n');
}

/** A file name for the download: "bezwaarschrift-23-november-2026.docx". */
export function fileName(letter, extension) {
  const date = String(letter.facts.datum || '').toLowerCase().replace(/\s+/g, '-').replace(/[^a-z0-9-]/g, '');
  return `${letter.id}${date ? `-${date}` : ''}.${extension}`;
}
