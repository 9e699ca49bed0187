import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryDelay } from '../src/backoff.js';
import { readConfig } from '../src/config.js';
import { translator } from '../src/i18n.js';

test('reconnect waits longer each time, at most 10 seconds', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 9].map((n) => retryDelay(n)), [1000, 2000, 4000, 8000, 10000, 10000]);
});

const doc = (lang = '') => ({ baseURI: 'https://www.voorbeeld.nl/zorg', location: { origin: 'https://www.voorbeeld.nl' }, documentElement: { lang } });

test('the API is the origin of the script, unless data-api says otherwise', () => {
  const script = { src: 'https://wegwijs.voorbeeld.nl/widget.js', dataset: { locale: 'en' } };
  assert.deepEqual(readConfig(script, doc()), { apiBase: 'https://wegwijs.voorbeeld.nl', locale: 'en', gemeente: null });
  const other = { src: 'https://cdn.example/widget.js', dataset: { api: 'https://api.example/' } };
  assert.deepEqual(readConfig(other, doc('nl-NL')), { apiBase: 'https://api.example', locale: 'nl', gemeente: null });
  assert.equal(readConfig({ src: '', dataset: { locale: 'fr' } }, doc()).locale, 'nl');
});

test('data-gemeente names the gemeente by its CBS code; anything else is left out', () => {
  const tag = (gemeente) => ({ src: 'https://wegwijs.example/widget.js', dataset: { gemeente } });
  assert.equal(readConfig(tag('9992'), doc()).gemeente, '9992');
  assert.equal(readConfig(tag(' 0363 '), doc()).gemeente, '0363');
  assert.equal(readConfig(tag('Proefstad'), doc()).gemeente, null);
  assert.equal(readConfig(tag(undefined), doc()).gemeente, null);
});

test('texts fall back to the English key and fill in placeholders', () => {
  const t = translator({ 'Source: {title}': 'Bron: {title}' });
  assert.equal(t('Source: {title}', { title: 'Wat doet het CAK?' }), 'Bron: Wat doet het CAK?');
  assert.equal(t('Send'), 'Send');
});
