// The controller: conversation id, transcript, send queue, reconnect and polling.
//
// What is on screen is the server's transcript (`entries`) plus messages not yet confirmed
// (`queue`). Messages are sent one at a time, each with its own client message id: sending it
// again (after a timeout or a lost answer) is the same message to the API, stored and answered
// once. If the API cannot be reached, the widget goes offline, retries with backoff and then
// fetches the transcript: a message the server already got is not sent again, a message it never
// got is sent once. When the bot is down (503) the message is kept by the API and answered when
// the bot is back: the widget shows it as sent and polls for the answer.
// While a staff member is involved, staff messages and the queue position come over the /updates
// long-poll (updates.js); when that fails, the widget polls the transcript instead.
import { createApi, HttpError, NetworkError } from './api.js';
import { retryDelay } from './backoff.js';
import { downloadText, printWidget } from './export.js';
import { createStorage } from './storage.js';
import { citizenCount, currentButtons, letterUrl, reconcile, REQUEST_HUMAN, toPlainText } from './transcript.js';
import { lastId, queueText, unseen, UpdatesFeed } from './updates.js';
import { View } from './view.js';

const POLL_MS = 4000;
const MAX_REPLY_POLLS = 30; // waiting for an answer to a message whose response was lost: about 2 minutes
const MAX_KEPT_POLLS = 150; // waiting for the bot to come back and answer a kept message (503): about 10 minutes
const STAFF_STATES = new Set(['waiting', 'active']);

function newMessageId() {
  if (globalThis.crypto && typeof globalThis.crypto.randomUUID === 'function') return globalThis.crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export class Widget {
  constructor({ apiBase, locale, gemeente = null, t, shadow, host }) {
    this.api = createApi(apiBase);
    this.locale = locale;
    this.gemeente = gemeente; // CBS code from data-gemeente (null: the API's default gemeente)
    this.t = t;
    this.host = host;
    this.storage = createStorage(gemeente ? `${apiBase}:${gemeente}` : apiBase); // one chat per gemeente
    this.id = this.storage.get('conversation');
    this.entries = [];
    this.state = { handoff: 'none' };
    this.queue = [];
    this.busy = false;
    this.online = true;
    this.attempt = 0;
    this.replyPolls = 0;
    this.generation = 0; // bumped by start over: answers to an older conversation are dropped
    this.queueLine = ''; // "Er wacht 1 persoon voor u.", from /updates
    this.feed = new UpdatesFeed({
      request: (query, signal) => this.api.updates(this.id, query, signal),
      onNews: (answer) => this.news(answer),
      onFailure: () => {
        this.queueLine = ''; // no longer known
        this.applyState(this.state); // and the transcript poll takes over
      },
    });
    this.view = new View(shadow, {
      t,
      locale,
      botLang: locale, // the bot writes in the conversation's language; the API says when it changes
      actions: {
        open: () => this.setOpen(true, true),
        close: () => this.setOpen(false, true),
        send: (message, shown) => this.send(message, shown),
        human: () => this.send({ payload: REQUEST_HUMAN }, t('Talk to a staff member')),
        download: () => this.download(),
        print: () => printWidget(host),
        larger: () => this.setLarge(!this.large),
        startOver: () => this.startOver(),
        deleteConversation: () => this.deleteConversation(),
        letterUrl: () => (this.id ? letterUrl(apiBase, this.id) : null),
      },
      privacyUrl: `${apiBase}/privacy${gemeente ? `?gemeente=${encodeURIComponent(gemeente)}` : ''}`,
    });
    window.addEventListener('online', () => this.retryNow());
  }

  async start() {
    this.setLarge(this.storage.get('large') === '1');
    if (this.storage.get('open') === '1') this.setOpen(true, false);
    if (!this.id) return;
    try {
      const transcript = await this.api.transcript(this.id);
      if (transcript.locale) this.view.options.botLang = transcript.locale;
      this.applyTranscript(transcript.messages, false);
      this.applyState(transcript.state);
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) this.forget(); // gone: the next message starts anew
      else this.goOffline(false); // unreachable: keep the id, retry and then show it
    }
  }

  setOpen(open, moveFocus) {
    this.view.setOpen(open, { moveFocus });
    this.storage.set('open', open ? '1' : null);
  }

  setLarge(large) {
    this.large = large;
    this.view.setLarge(large);
    this.storage.set('large', large ? '1' : null);
  }

  // --- sending ---
  send(message, shown) {
    this.view.showError('');
    this.view.showNotice('');
    this.view.setQuickReplies([]);
    const node = this.view.addPending(shown, !this.online);
    this.queue.push({ message: { ...message, client_message_id: newMessageId() }, shown, node, base: 0, maybeSent: false });
    this.processQueue();
  }

  async processQueue() {
    if (this.busy || !this.online || this.queue.length === 0) return;
    const item = this.queue[0];
    const generation = this.generation;
    const run = {};
    this.run = run;
    this.busy = true;
    this.view.setTyping(true);
    let inFlight = false;
    try {
      if (!this.id) await this.createConversation();
      if (generation !== this.generation) return;
      item.base = citizenCount(this.entries);
      inFlight = true;
      const reply = await this.api.send(this.id, item.message);
      if (generation !== this.generation) return;
      this.attempt = 0;
      this.done(item);
      const now = new Date().toISOString();
      this.append([{ sender: 'citizen', text: item.shown, buttons: [], sources: [], delivered: true, created_at: now }], false);
      if (reply.locale) this.view.options.botLang = reply.locale; // the citizen chose another language
      this.append(reply.messages.map((m) => ({ sender: 'bot', delivered: true, created_at: now, ...m })), true);
      this.applyState(reply.state);
    } catch (error) {
      if (generation !== this.generation) return;
      if (error instanceof NetworkError) {
        item.maybeSent = item.maybeSent || inFlight;
        this.goOffline(true);
      } else if (error instanceof HttpError && error.status === 503) {
        this.kept(error, item);
      } else {
        this.done(item);
        this.failed(error, item);
      }
    } finally {
      if (this.run === run) {
        this.run = null;
        this.busy = false;
        this.view.setTyping(this.replyPolls > 0);
        this.refreshQuickReplies();
        setTimeout(() => this.processQueue(), 0);
      }
    }
  }

  async createConversation() {
    const created = await this.api.create(this.locale, this.gemeente);
    this.id = created.id;
    this.storage.set('conversation', this.id);
  }

  done(item) {
    this.queue.splice(this.queue.indexOf(item), 1);
    item.node.remove();
  }

  /** The bot is down, the API kept the message (503): show it as sent and poll for the answer. */
  kept(error, item) {
    this.done(item);
    const now = new Date().toISOString();
    this.append([{ sender: 'citizen', text: item.shown, buttons: [], sources: [], delivered: false, created_at: now }], false);
    this.view.showError(error.detail || this.t('Something went wrong. Please try again.'));
    this.replyPolls = MAX_KEPT_POLLS;
    this.schedulePoll();
  }

  /** The API answered with an error: show its Dutch detail and give the typed text back. */
  failed(error, item) {
    if (error instanceof HttpError && error.status === 404) this.reset();
    const detail = (error instanceof HttpError && error.detail) || this.t('Something went wrong. Please try again.');
    this.view.showError(detail);
    if (item.message.text) this.view.restoreInput(item.message.text);
  }

  // --- the transcript on screen ---
  append(entries, announce) {
    if (!entries.length) return;
    this.entries.push(...entries);
    this.view.appendEntries(entries);
    if (announce) {
      const spoken = entries.filter((e) => e.sender !== 'citizen' && e.text);
      this.view.announce(spoken.map((e) => ({
        lang: this.view.options.botLang,
        text: e.sender === 'staff' ? this.t('Staff member: {text}', { text: e.text }) : e.text,
      })));
    }
  }

  applyTranscript(serverEntries, announce) {
    this.feed.seen(lastId(serverEntries));
    const { reset, changed, added } = reconcile(this.entries, serverEntries);
    if (reset) {
      this.entries = serverEntries.slice();
      this.view.renderAll(this.entries);
    } else {
      for (const index of changed) {
        this.entries[index] = serverEntries[index];
        this.view.replaceEntry(index, serverEntries[index]);
      }
      this.append(added, announce);
    }
    this.refreshQuickReplies();
  }

  refreshQuickReplies() {
    const label = this.t('Talk to a staff member');
    // The bot's own "Praat met een medewerker" button is the same as the one that is always there.
    const buttons = currentButtons(this.entries).filter((b) => !(b.payload === REQUEST_HUMAN && b.title === label));
    this.view.setQuickReplies(this.queue.length || this.replyPolls ? [] : buttons);
  }

  applyState(state) {
    this.state = state || { handoff: 'none' };
    if (this.state.handoff !== 'waiting') this.queueLine = '';
    this.view.setHandoff(this.state.handoff, this.queueLine);
    this.schedulePoll();
  }

  /** An answer of /updates: new staff messages and notices (each once), the queue position, the state. */
  news(answer) {
    this.append(unseen(this.entries, answer.messages), true);
    const line = queueText(answer.status, this.t);
    if (line && this.queueLine && line !== this.queueLine) this.view.announce([{ lang: this.locale, text: line }]);
    this.queueLine = line;
    this.applyState(answer.state);
  }

  /** After a reconnect or a poll: the server's transcript is the truth. */
  resync(transcript) {
    const item = this.queue[0];
    if (item && item.maybeSent && citizenCount(transcript.messages) > item.base) {
      // The server got it before the connection broke: do not send it again.
      this.done(item);
      const last = transcript.messages[transcript.messages.length - 1];
      this.replyPolls = last && last.sender === 'citizen' && last.delivered === false ? MAX_REPLY_POLLS : 0;
    } else if (this.replyPolls > 0) {
      const last = transcript.messages[transcript.messages.length - 1];
      this.replyPolls = last && last.sender === 'citizen' ? this.replyPolls - 1 : 0;
      if (this.replyPolls === 0) this.view.showError(''); // the answer came
    }
    this.view.setTyping(this.replyPolls > 0 || this.busy);
    this.applyTranscript(transcript.messages, true);
    this.applyState(transcript.state);
  }

  // --- staff messages: /updates, else polling the transcript (also for an answer whose response was lost) ---
  schedulePoll() {
    clearTimeout(this.pollTimer);
    const staff = Boolean(this.id && this.online && STAFF_STATES.has(this.state.handoff));
    if (staff) this.feed.start();
    else this.feed.stop();
    const wanted = (staff && !this.feed.healthy) || this.replyPolls > 0;
    if (this.id && this.online && wanted) this.pollTimer = setTimeout(() => this.poll(), POLL_MS);
  }

  async poll() {
    if (this.busy) return this.schedulePoll();
    const generation = this.generation;
    try {
      const transcript = await this.api.transcript(this.id);
      if (generation !== this.generation) return;
      if (!this.busy) this.resync(transcript);
      else this.schedulePoll();
    } catch (error) {
      if (generation !== this.generation) return;
      if (error instanceof NetworkError) this.goOffline(true);
      else if (error instanceof HttpError && error.status === 404) this.reset();
      else this.schedulePoll();
    }
  }

  // --- offline and reconnect ---
  goOffline(announce) {
    if (!this.online) return;
    this.online = false;
    clearTimeout(this.pollTimer);
    this.feed.stop();
    this.view.setOffline(true);
    if (announce) this.view.announce([{ lang: this.locale, text: this.t('No connection. We are trying again.') }]);
    this.scheduleRetry();
  }

  scheduleRetry() {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.reconnect(), retryDelay(this.attempt));
    this.attempt += 1;
  }

  retryNow() {
    if (this.online) return;
    clearTimeout(this.retryTimer);
    this.reconnect();
  }

  async reconnect() {
    const generation = this.generation;
    try {
      const transcript = this.id ? await this.api.transcript(this.id) : null;
      if (generation !== this.generation) return this.reconnect();
      this.online = true;
      if (transcript) this.attempt = 0; // without a conversation yet, sending it is the test
      this.view.setOffline(false);
      if (transcript) this.resync(transcript);
      this.processQueue();
    } catch (error) {
      if (error instanceof HttpError && error.status === 404) {
        this.online = true;
        this.view.setOffline(false);
        this.reset();
        this.processQueue();
      } else {
        this.scheduleRetry();
      }
    }
  }

  // --- tools ---
  download() {
    const text = toPlainText(this.entries, { t: this.t, locale: this.locale });
    const day = new Date().toISOString().slice(0, 10);
    downloadText(text, `wegwijs-${day}.txt`, this.view.root);
  }

  forget() {
    this.id = null;
    this.storage.set('conversation', null);
  }

  /** Forget the conversation on this page (the server keeps it for the staff). */
  reset() {
    this.generation += 1;
    this.forget();
    clearTimeout(this.pollTimer);
    this.feed.reset();
    this.queueLine = '';
    this.replyPolls = 0;
    this.entries = [];
    this.view.renderAll([]);
    this.applyState({ handoff: 'none' });
    this.refreshQuickReplies();
  }

  /** "Verwijder dit gesprek": the server deletes everything of it; the widget starts fresh. */
  async deleteConversation() {
    if (this.deleting) return;
    this.deleting = true;
    this.view.showError('');
    try {
      if (this.id) await this.api.remove(this.id);
    } catch (error) {
      if (!(error instanceof HttpError && error.status === 404)) { // 404: already gone
        this.view.showError(this.t('The conversation could not be deleted. Check your connection and try again.'));
        return;
      }
    } finally {
      this.deleting = false;
    }
    this.view.confirmDelete(false);
    this.startOver();
    const done = this.t('Your conversation has been deleted. Wegwijs keeps nothing of it.');
    this.view.showNotice(done);
    this.view.announce([{ lang: this.locale, text: done }]);
  }

  startOver() {
    for (const item of this.queue.slice()) this.done(item);
    this.run = null;
    this.busy = false;
    this.view.setTyping(false);
    this.reset();
    this.view.showError('');
    this.view.input.focus();
  }
}
