// Entry point: <script src="https://…/widget.js" data-locale="nl" defer></script>
// Puts the widget in an open Shadow DOM, styled with a constructable stylesheet (no inline
// <style> or style attributes), so a host page with a strict CSP needs no exceptions.
import css from './styles.css';
import { readConfig } from './config.js';
import { loadStrings, translator } from './i18n.js';
import { Widget } from './widget.js';

const HOST_ID = 'wegwijs-widget';
const script = document.currentScript;

function styleShadow(shadow) {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style'); // old browsers only; needs style-src for the host page
    style.textContent = css;
    shadow.append(style);
  }
}

// The gemeente's colours (its settings file; checked for WCAG contrast by the API). CSSOM, not a
// style attribute, so a strict CSP on the host page allows it. Without them: the default colours.
async function brand(host, config) {
  if (!config.gemeente) return;
  try {
    const response = await fetch(`${config.apiBase}/widget/gemeente/${encodeURIComponent(config.gemeente)}.json`,
      { credentials: 'omit' });
    if (!response.ok) return;
    const style = await response.json();
    host.style.setProperty('--wegwijs-brand', style.colour);
    host.style.setProperty('--wegwijs-brand-dark', style.colour_dark);
    host.style.setProperty('--wegwijs-on-brand', style.text_colour);
  } catch {
    // offline or blocked: the default colours
  }
}

async function start() {
  if (document.getElementById(HOST_ID)) return; // the script was included twice
  const config = readConfig(script, document);
  const host = document.createElement('div');
  host.id = HOST_ID;
  host.lang = config.locale;
  const shadow = host.attachShadow({ mode: 'open' });
  styleShadow(shadow);
  document.body.append(host);
  const [strings] = await Promise.all([loadStrings(config.apiBase, config.locale), brand(host, config)]);
  const widget = new Widget({ ...config, t: translator(strings), shadow, host });
  await widget.start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
