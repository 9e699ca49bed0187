// The widget's DOM inside the shadow root: launcher, dialog, log, composer, quick replies, tools.
// The view never moves focus on its own when content arrives; only user actions do (open, close,
// a quick reply that disappears after use, start over).
import { h } from './dom.js';
import { N_ } from './i18n.js';
import { messageItem, pendingItem, setPendingNote } from './messages.js';
import { OPEN_LETTER } from './transcript.js';

// Same as the CSS media query that makes the dialog cover the whole screen: then it acts as a modal
// dialog (Tab stays inside), because the page behind it cannot be seen.
const FULL_SCREEN = '(max-width: 40em), (max-height: 30em)';

const HANDOFF_TEXT = {
  offered: N_('A staff member can help you.'),
  waiting: N_('You are waiting for a staff member.'),
  active: N_('You are talking to a staff member.'),
  callback: N_('A staff member will contact you.'),
  closed: N_('The conversation with the staff member has ended.'),
};

export class View {
  constructor(shadow, { t, locale, botLang, actions, privacyUrl }) {
    this.t = t;
    this.options = { t, locale, botLang };
    this.actions = actions;
    this.privacyUrl = privacyUrl;
    this.quickKey = '';

    this.live = h('div', { class: 'sr-only', 'aria-live': 'polite' });
    this.launcher = h(
      'button',
      { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'ww-panel', onclick: actions.open },
      t('Chat with Wegwijs'),
    );
    this.handoff = h('p', { class: 'handoff', hidden: true });
    this.log = h('ol', { class: 'log' });
    this.typing = h(
      'p',
      { class: 'typing', hidden: true },
      h('span', { class: 'dots', 'aria-hidden': 'true' }, h('span'), h('span'), h('span')),
      t('Wegwijs is writing an answer…'),
    );
    this.logWrap = h(
      'div',
      { class: 'log-wrap', role: 'region', 'aria-label': t('Conversation'), tabindex: '0' },
      h('p', { class: 'intro' }, t('Hello, I am Wegwijs. I help you with a complaint or an objection about care or support. Tell me in a few sentences what happened.')),
      this.log,
      this.typing,
    );
    this.offline = h('p', { class: 'offline', hidden: true }, t('No connection. We are trying again.'));
    this.error = h('div', { class: 'error', role: 'alert' });
    this.notice = h('div', { class: 'notice' }); // read out through the one live region (announce)
    this.input = h('textarea', { id: 'ww-input', rows: '2', 'aria-describedby': 'ww-hint', onkeydown: (event) => this.onKey(event) });
    this.quick = h('div', { class: 'quick', role: 'group', 'aria-label': t('Choose an answer or type your own.'), hidden: true });
    this.largeButton = h('button', { type: 'button', class: 'btn', 'aria-pressed': 'false', onclick: actions.larger }, t('Larger text'));
    this.startOverButton = h('button', { type: 'button', class: 'btn', onclick: () => this.confirmStartOver(true) }, t('Start over'));
    this.confirm = this.buildConfirm();
    this.deleteButton = h('button', { type: 'button', class: 'btn delete', onclick: () => this.confirmDelete(true) }, t('Delete this conversation'));
    this.deleteConfirm = this.buildDeleteConfirm();
    this.panel = h(
      'section',
      { id: 'ww-panel', class: 'panel', role: 'dialog', 'aria-labelledby': 'ww-title', hidden: true, onkeydown: (event) => this.onPanelKey(event) },
      this.buildHeader(),
      this.handoff,
      this.logWrap,
      this.offline,
      this.error,
      this.notice,
      this.buildComposer(),
      this.quick,
      this.buildFooter(),
    );
    this.root = h('div', { class: 'root', lang: locale }, this.launcher, this.panel, this.live);
    shadow.append(this.root);
    this.fullScreen = window.matchMedia(FULL_SCREEN);
    const modal = () => this.panel.setAttribute('aria-modal', String(this.fullScreen.matches));
    modal();
    this.fullScreen.addEventListener('change', modal);
  }

  buildHeader() {
    const { t } = this;
    return h(
      'div',
      { class: 'header' },
      h('div', { class: 'title' }, h('h2', { id: 'ww-title' }, t('Wegwijs')), h('p', {}, t('Help with care and support'))),
      h('button', { type: 'button', class: 'close', onclick: this.actions.close }, t('Close')),
    );
  }

  buildComposer() {
    const { t } = this;
    return h(
      'form',
      { class: 'composer', onsubmit: (event) => { event.preventDefault(); this.submit(); } },
      h('label', { for: 'ww-input' }, t('Your message')),
      h('div', { class: 'row' }, this.input, h('button', { type: 'submit', class: 'btn primary' }, t('Send'))),
      h('p', { id: 'ww-hint', class: 'hint' }, t('Press Enter to send. Shift+Enter starts a new line.')),
    );
  }

  buildFooter() {
    const { t, actions } = this;
    return h(
      'div',
      { class: 'footer' },
      h('button', { type: 'button', class: 'btn human', onclick: actions.human }, t('Talk to a staff member')),
      h(
        'details',
        { class: 'options' },
        h('summary', {}, t('More options')),
        h(
          'div',
          { class: 'tools' },
          h('button', { type: 'button', class: 'btn', onclick: actions.download }, t('Download conversation (.txt)')),
          h('button', { type: 'button', class: 'btn', onclick: actions.print }, t('Print conversation')),
          this.largeButton,
          this.startOverButton,
          this.deleteButton,
        ),
        this.confirm,
        this.deleteConfirm,
      ),
      h(
        'p',
        { class: 'privacy' },
        h('a', { href: this.privacyUrl, target: '_blank', rel: 'noopener' }, t('Privacy: what we keep and for how long'),
          h('span', { class: 'sr-only' }, ` ${t('(opens in a new tab)')}`)),
      ),
    );
  }

  buildConfirm() {
    const { t } = this;
    this.confirmYes = h('button', { type: 'button', class: 'btn primary', onclick: () => { this.confirmStartOver(false); this.actions.startOver(); } }, t('Yes, start over'));
    return h(
      'div',
      { class: 'confirm', role: 'group', 'aria-labelledby': 'ww-confirm-text', hidden: true },
      h('p', { id: 'ww-confirm-text' }, t('Start over? This conversation disappears from this window.')),
      this.confirmYes,
      h('button', { type: 'button', class: 'btn', onclick: () => this.confirmStartOver(false, true) }, t('No, go back')),
    );
  }

  buildDeleteConfirm() {
    const { t } = this;
    this.deleteYes = h('button', { type: 'button', class: 'btn primary', onclick: () => this.actions.deleteConversation() }, t('Yes, delete'));
    return h(
      'div',
      { class: 'confirm-delete', role: 'group', 'aria-labelledby': 'ww-delete-text', hidden: true },
      h('p', { id: 'ww-delete-text' }, t('Delete this conversation? Wegwijs then keeps nothing of it: not your messages and not your phone number or e-mail address. This cannot be undone.')),
      this.deleteYes,
      h('button', { type: 'button', class: 'btn', onclick: () => this.confirmDelete(false, true) }, t('No, go back')),
    );
  }

  confirmDelete(show, refocus = false) {
    this.deleteConfirm.hidden = !show;
    if (show) {
      this.confirmStartOver(false);
      this.deleteYes.focus();
    } else if (refocus) this.deleteButton.focus();
  }

  confirmStartOver(show, refocus = false) {
    this.confirm.hidden = !show;
    if (show) {
      this.deleteConfirm.hidden = true;
      this.confirmYes.focus();
    }
    else if (refocus) this.startOverButton.focus();
  }

  onKey(event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.submit();
    }
  }

  onPanelKey(event) {
    if (event.key === 'Tab' && this.fullScreen.matches) this.keepTabInside(event);
    if (event.key !== 'Escape') return;
    event.preventDefault();
    if (!this.confirm.hidden) this.confirmStartOver(false, true);
    else if (!this.deleteConfirm.hidden) this.confirmDelete(false, true);
    else this.actions.close();
  }

  keepTabInside(event) {
    const items = [...this.panel.querySelectorAll('button, textarea, summary, a[href], [tabindex="0"]')].filter(
      (el) => el.getClientRects().length > 0 && !el.closest('details:not([open]) > :not(summary)'),
    );
    const active = this.root.getRootNode().activeElement;
    const [first, last] = [items[0], items[items.length - 1]];
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  submit() {
    const text = this.input.value;
    if (!text.trim()) {
      this.showError(this.t('Type a message first.'));
      return;
    }
    this.input.value = '';
    this.actions.send({ text }, text);
  }

  // --- open and close ---
  setOpen(open, { moveFocus }) {
    this.panel.hidden = !open;
    this.launcher.hidden = open;
    this.launcher.setAttribute('aria-expanded', String(open));
    if (!moveFocus) return;
    if (open) this.input.focus();
    else this.launcher.focus();
  }

  isOpen() {
    return !this.panel.hidden;
  }

  // --- the log ---
  firstPending() {
    return this.log.querySelector('.pending');
  }

  appendEntries(entries) {
    const stick = this.nearBottom();
    for (const entry of entries) this.log.insertBefore(messageItem(entry, this.options), this.firstPending());
    if (stick) this.scrollToEnd();
  }

  replaceEntry(index, entry) {
    const old = this.log.children[index];
    if (old) old.replaceWith(messageItem(entry, this.options));
  }

  renderAll(entries) {
    const hadFocus = this.log.contains(this.root.getRootNode().activeElement);
    const pending = [...this.log.querySelectorAll('.pending')];
    this.log.replaceChildren(...entries.map((entry) => messageItem(entry, this.options)), ...pending);
    if (hadFocus) this.logWrap.focus(); // the focused message was replaced: keep focus on the log
    this.scrollToEnd();
  }

  addPending(text, offline) {
    const item = pendingItem(text, this.options);
    setPendingNote(item, offline, this.t);
    this.log.append(item);
    this.scrollToEnd();
    return item;
  }

  setPendingOffline(offline) {
    for (const item of this.log.querySelectorAll('.pending')) setPendingNote(item, offline, this.t);
  }

  nearBottom() {
    const wrap = this.logWrap;
    return wrap.scrollHeight - wrap.scrollTop - wrap.clientHeight < 96;
  }

  scrollToEnd() {
    this.logWrap.scrollTop = this.logWrap.scrollHeight;
  }

  setTyping(on) {
    this.typing.hidden = !on;
    if (on) this.scrollToEnd();
  }

  // --- quick replies ---
  setQuickReplies(buttons) {
    const key = JSON.stringify(buttons);
    if (key === this.quickKey) return;
    this.quickKey = key;
    const hadFocus = this.quick.contains(this.root.getRootNode().activeElement);
    this.quick.replaceChildren(
      ...buttons.map((button) => (button.payload === OPEN_LETTER
        ? this.letterLink(button)
        : h('button', { type: 'button', class: 'btn', lang: this.options.botLang, onclick: () => this.quickReply(button) }, button.title)),
      ).filter(Boolean),
    );
    this.quick.hidden = buttons.length === 0;
    if (hadFocus) this.input.focus();
  }

  /** "Maak een voorbeeldbrief": a link to the letter page in a new tab; nothing is sent to the chat. */
  letterLink(button) {
    const href = this.actions.letterUrl();
    if (!href) return null;
    return h('a', { class: 'btn letter', href, target: '_blank', rel: 'noopener', lang: this.options.botLang }, button.title,
      h('span', { class: 'sr-only', lang: this.options.locale }, ` ${this.t('(opens in a new tab)')}`));
  }

  quickReply(button) {
    // The buttons go away once used: focus moves to the input, not to the page.
    this.input.focus();
    this.setQuickReplies([]);
    this.actions.send({ payload: button.payload }, button.title);
  }

  // --- status lines ---
  /** The status line above the log; `detail` follows it (the place in the queue while waiting). */
  setHandoff(handoff, detail = '') {
    const text = HANDOFF_TEXT[handoff];
    this.handoff.hidden = !text;
    this.handoff.textContent = text ? [this.t(text), detail].filter(Boolean).join(' ') : '';
    this.handoff.className = `handoff ${handoff}`;
  }

  setOffline(offline) {
    this.offline.hidden = !offline;
    this.setPendingOffline(offline);
  }

  showError(detail) {
    this.error.replaceChildren(...(detail ? [h('p', {}, detail)] : []));
  }

  /** A calm confirmation on screen, e.g. after the conversation was deleted (announce it separately). */
  showNotice(text) {
    this.notice.replaceChildren(...(text ? [h('p', {}, text)] : []));
  }

  setLarge(large) {
    this.root.classList.toggle('large', large);
    this.largeButton.setAttribute('aria-pressed', String(large));
  }

  restoreInput(text) {
    if (!this.input.value) this.input.value = text;
  }

  /** Announce new messages once, through the polite live region: only their text. */
  announce(items) {
    if (!items.length) return;
    if (!this.announceTimer) {
      this.live.replaceChildren(); // empty first, so the same text twice in a row is read again
      this.toAnnounce = [];
    }
    this.toAnnounce.push(...items);
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      this.announceTimer = null;
      this.live.replaceChildren(...this.toAnnounce.map(({ text, lang }) => h('p', { lang }, text)));
    }, 100);
  }
}
