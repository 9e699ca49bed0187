import { test } from 'node:test';
import assert from 'node:assert/strict';
import { citizenCount, currentButtons, displayText, parseTime, reconcile, toPlainText } from '../src/transcript.js';
import { translator } from '../src/i18n.js';

const t = translator({ 'Talk to a staff member': 'Praat met een medewerker', You: 'U', 'Source: {title}': 'Bron: {title}' });
const citizen = (text, extra = {}) => ({ sender: 'citizen', text, buttons: [], sources: [], delivered: true, ...extra });
const bot = (text, extra = {}) => ({ sender: 'bot', text, buttons: [], sources: [], delivered: true, ...extra });

test('a longer transcript with the same start only adds', () => {
  const shown = [citizen('hallo'), bot('Waar kan ik u mee helpen?')];
  const server = [...shown, citizen('wat doet het CAK'), bot('Het CAK ...')];
  assert.deepEqual(reconcile(shown, server), { reset: false, changed: [], added: server.slice(2) });
});

test('a button click stored with another text is updated in place, not added again', () => {
  const shown = [citizen('Praat met een medewerker'), bot('Ik zet u door.')];
  const server = [citizen('/request_human'), bot('Ik zet u door.')];
  assert.deepEqual(reconcile(shown, server), { reset: false, changed: [0], added: [] });
});

test('a different order or a shorter transcript means render everything again', () => {
  const shown = [citizen('a'), bot('b')];
  assert.equal(reconcile(shown, [bot('b'), citizen('a')]).reset, true);
  assert.equal(reconcile(shown, [citizen('a')]).reset, true);
});

test('quick replies are the buttons of the last bot message after the last citizen message', () => {
  const buttons = [{ title: 'Ja', payload: '/affirm' }];
  assert.deepEqual(currentButtons([citizen('x'), bot('Wilt u dat?', { buttons }), bot('Nog iets')]), buttons);
  assert.deepEqual(currentButtons([bot('Wilt u dat?', { buttons }), citizen('ja')]), []);
  assert.deepEqual(currentButtons([bot('Wilt u dat?', { buttons }), { sender: 'staff', text: 'Hallo' }]), buttons);
});

test('the widget payload for a person is shown as its label; other text as it is', () => {
  assert.equal(displayText(citizen('/request_human'), t), 'Praat met een medewerker');
  assert.equal(displayText(citizen('<b>vet</b>'), t), '<b>vet</b>');
  assert.equal(displayText(bot('/request_human'), t), '/request_human');
});

test('times without a zone are UTC', () => {
  assert.equal(parseTime('2026-11-23T10:00:00').toISOString(), '2026-11-23T10:00:00.000Z');
  assert.equal(parseTime('2026-11-23T10:00:00+01:00').toISOString(), '2026-11-23T09:00:00.000Z');
  assert.equal(parseTime('nonsense'), null);
});

test('the text export has every message once, with its sources', () => {
  const entries = [
    citizen('wat doet het CAK', { created_at: '2026-11-23T10:00:00' }),
    bot('Het CAK int de eigen bijdrage.', { created_at: '2026-11-23T10:00:02', sources: [{ card_id: 'cak-wat-doet', title: 'Wat doet het CAK?' }] }),
  ];
  const text = toPlainText(entries, { t, locale: 'nl', now: new Date('2026-11-23T10:05:00Z') });
  assert.match(text, /\[11:00\] U: wat doet het CAK/);
  assert.match(text, /\[11:00\] Wegwijs: Het CAK int de eigen bijdrage\./);
  assert.match(text, / {4}Bron: Wat doet het CAK\?/);
  assert.equal(citizenCount(entries), 1);
});
