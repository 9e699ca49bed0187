// One message of the log as an <li>. All text is set as text (textContent), never as HTML.
import { h } from './dom.js';
import { displayText, senderLabel } from './transcript.js';

function sourcesList(sources, { t, botLang }) {
  const summary = sources.length === 1 ? t('Source') : t('Sources ({count})', { count: sources.length });
  return h(
    'details',
    { class: 'sources' },
    h('summary', {}, summary),
    h(
      'ul',
      {},
      sources.map((source) =>
        h(
          'li',
          {},
          `${t('Source')}: `,
          h('span', { lang: botLang }, source.title),
          h('span', { class: 'card-id' }, t('Knowledge card {id}', { id: source.card_id })),
        ),
      ),
    ),
  );
}

/** A message from the transcript. Bot and staff texts are in the bot's language, the citizen's in the widget's. */
export function messageItem(entry, options) {
  const { t, locale, botLang } = options;
  const lang = entry.sender === 'citizen' ? locale : botLang;
  const undelivered = entry.sender === 'citizen' && entry.delivered === false;
  return h(
    'li',
    { class: `msg ${entry.sender}` },
    h('span', { class: 'who' }, senderLabel(entry.sender, t)),
    h('p', { class: 'text', lang }, displayText(entry, t)),
    undelivered && h('p', { class: 'note' }, t('Wegwijs has not answered this message.')),
    entry.sources && entry.sources.length > 0 && sourcesList(entry.sources, options),
  );
}

/** A message the citizen sent that the server has not confirmed yet. */
export function pendingItem(text, { t, locale }) {
  return h(
    'li',
    { class: 'msg citizen pending' },
    h('span', { class: 'who' }, senderLabel('citizen', t)),
    h('p', { class: 'text', lang: locale }, text),
    h('p', { class: 'note' }, t('Sending…')),
  );
}

export function setPendingNote(item, offline, t) {
  const note = item.querySelector('.note');
  if (note) note.textContent = offline ? t('Not sent yet. It is sent as soon as there is a connection.') : t('Sending…');
}
