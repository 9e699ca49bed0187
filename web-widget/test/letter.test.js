import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileName, fillLetter, initialValues, missingFields, plainText, visibleFields } from '../src/letter/fill.js';
import { letterUrl, OPEN_LETTER } from '../src/transcript.js';

const BODY = `[[naam]]
[[adres]]

Aan: [[aan]]

## Bezwaar tegen {{beslissing}}

Mijn BSN is [[bsn]].
(als namens) Ik schrijf voor [[naam_naaste]].

(als wat_klopt_niet) ### Waarom?
(als wat_klopt_niet) [[wat_klopt_niet]]
(als geen wat_klopt_niet) Mijn redenen stuur ik later.

Handtekening:


[[naam]]
`;
const letter = {
  id: 'bezwaarschrift',
  body: BODY,
  facts: { aan: 'CIZ', beslissing: 'de beslissing van het CIZ', namens: '', datum: '23 november 2026' },
  fields: [
    { id: 'aan', required: true, default: 'aan', when: '', options: [], confirm: false },
    { id: 'naam', required: true, default: '', when: '', options: [], confirm: false },
    { id: 'naam_naaste', required: true, default: '', when: 'namens', options: [], confirm: false },
    { id: 'wat_klopt_niet', required: false, default: '', when: '', options: [], confirm: false },
  ],
};

test('facts and fields are filled in; a line with an empty field is left out', () => {
  const values = { ...letter.facts, ...initialValues(letter), naam: 'Jan', adres: 'Straat 1\n1234 AB Dorp' };
  const blocks = fillLetter(letter.body, values);
  assert.deepEqual(blocks.slice(0, 3), [
    { type: 'paragraph', lines: ['Jan', 'Straat 1', '1234 AB Dorp'], sign: false },
    { type: 'paragraph', lines: ['Aan: CIZ'], sign: false },
    { type: 'subject', lines: ['Bezwaar tegen de beslissing van het CIZ'] },
  ]);
  const text = plainText(blocks);
  assert.ok(!text.includes('BSN') && !text.includes('Ik schrijf voor'));
  assert.ok(text.includes('Mijn redenen stuur ik later.'), 'pro forma without reasons');
  assert.ok(blocks.find((b) => b.lines.includes('Handtekening:')).sign, 'room to sign');
});

test('reasons replace the pro-forma line and keep their own paragraphs', () => {
  const blocks = fillLetter(letter.body, { ...letter.facts, naam: 'Jan', wat_klopt_niet: 'Te weinig uren.\n\nIk kan niet koken.' });
  const text = plainText(blocks);
  assert.ok(text.includes('Waarom?') && !text.includes('later'));
  assert.deepEqual(blocks.filter((b) => b.type === 'paragraph').map((b) => b.lines[0]).slice(2, 4), ['Te weinig uren.', 'Ik kan niet koken.']);
});

test('a field for a relative is only asked when the citizen writes for one', () => {
  assert.deepEqual(visibleFields(letter).map((f) => f.id), ['aan', 'naam', 'wat_klopt_niet']);
  const forRelative = { ...letter, facts: { ...letter.facts, namens: 'ja' } };
  assert.deepEqual(missingFields(forRelative, { aan: 'CIZ', naam: ' ' }).map((f) => f.id), ['naam', 'naam_naaste']);
});

test('the download is named after the letter and its date', () => {
  assert.equal(fileName(letter, 'docx'), 'bezwaarschrift-23-november-2026.docx');
});

test('the letter button opens the letter page on the API origin', () => {
  assert.equal(OPEN_LETTER, '/open_letter');
  assert.equal(letterUrl('https://wegwijs.voorbeeld.nl', 'abc123'), 'https://wegwijs.voorbeeld.nl/letter/abc123');
});
