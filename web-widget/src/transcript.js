// Pure helpers for the transcript (no DOM): matching what is shown with what the server has,
// the text a citizen sees for a stored button click, and the .txt export.
import { N_ } from './i18n.js';

// A button click is stored with the button's title; a payload sent without a button (the widget's
// own "Talk to a staff member") is stored as the payload itself. Show those as their label.
const PAYLOAD_LABELS = { '/request_human': N_('Talk to a staff member') };
export const REQUEST_HUMAN = '/request_human';
// The bot's "Maak een voorbeeldbrief": not sent to the API; the widget opens the letter page instead.
export const OPEN_LETTER = '/open_letter';

/** The letter page of a conversation, on the API's origin (api/routes/letters.py). */
export function letterUrl(apiBase, id) {
  return `${apiBase}/letter/${encodeURIComponent(id)}`;
}

export function displayText(entry, t) {
  if (entry.sender === 'citizen' && PAYLOAD_LABELS[entry.text]) return t(PAYLOAD_LABELS[entry.text]);
  return entry.text;
}

function sameContent(a, b) {
  return (
    a.text === b.text &&
    (a.delivered !== false) === (b.delivered !== false) &&
    JSON.stringify(a.sources || []) === JSON.stringify(b.sources || []) &&
    JSON.stringify(a.buttons || []) === JSON.stringify(b.buttons || [])
  );
}

/**
 * Compare the entries on screen with a fresh transcript from the server. The transcript only grows,
 * so normally what is shown is a prefix: then only `added` is new (and gets announced), and `changed`
 * lists shown entries whose content differs (updated in place, not announced). Anything else (the
 * server has fewer entries, or a different sender at some position) means: render everything again.
 */
export function reconcile(shown, server) {
  if (server.length < shown.length) return { reset: true, changed: [], added: [] };
  const changed = [];
  for (let i = 0; i < shown.length; i += 1) {
    if (shown[i].sender !== server[i].sender) return { reset: true, changed: [], added: [] };
    if (!sameContent(shown[i], server[i])) changed.push(i);
  }
  return { reset: false, changed, added: server.slice(shown.length) };
}

export function citizenCount(entries) {
  return entries.filter((entry) => entry.sender === 'citizen').length;
}

/** The quick replies on offer: buttons of the last bot message after the citizen's last message. */
export function currentButtons(entries) {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i];
    if (entry.sender === 'citizen') return [];
    if (entry.sender === 'bot' && entry.buttons && entry.buttons.length) return entry.buttons;
  }
  return [];
}

/** created_at from the API may lack a time zone (SQLite); it is UTC. */
export function parseTime(value) {
  if (!value) return null;
  const iso = /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? null : time;
}

const WHO = { citizen: N_('You'), bot: N_('Wegwijs'), staff: N_('Staff member') };

export function senderLabel(sender, t) {
  return t(WHO[sender] || sender);
}

/** The conversation as plain text, for the download. */
export function toPlainText(entries, { t, locale, now = new Date() }) {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  const clock = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' });
  const lines = [t('Conversation with Wegwijs'), t('Saved on {date}', { date: dateTime.format(now) }), ''];
  for (const entry of entries) {
    const time = parseTime(entry.created_at);
    const stamp = time ? `[${clock.format(time)}] ` : '';
    lines.push(`${stamp}${senderLabel(entry.sender, t)}: ${displayText(entry, t)}`);
    for (const source of entry.sources || []) lines.push(`    ${t('Source: {title}', { title: source.title })}`);
    if (entry.sender === 'citizen' && entry.delivered === false) lines.push(`    (${t('Wegwijs has not answered this message.')})`);
    lines.push('');
  }
  return lines.join('\n');
}
