// Entry of the letter page's bundle (dist/letter/index.js, an ES module; the .docx and PDF builders
// are separate chunks loaded when the citizen downloads). The page asks the API for the
// non-personal draft only: GET /api/conversations/{id}/letter.
import { h } from '../dom.js';
import { LetterPage } from './page.js';

const LOAD_FAILED = 'De brief kon niet worden geladen. Laad de pagina opnieuw. Lukt het niet? Ga dan terug naar de chat.';

async function start() {
  const root = document.getElementById('letter-app');
  const id = document.body.dataset.conversation;
  if (!root || !id) return;
  try {
    const response = await fetch(`/api/conversations/${encodeURIComponent(id)}/letter`, {
      credentials: 'omit', cache: 'no-store', headers: { Accept: 'application/json' },
    });
    const draft = await response.json();
    if (!response.ok) throw new Error(draft.detail || LOAD_FAILED);
    if (!draft.letters.length) {
      root.replaceChildren(h('p', { class: 'notice' }, draft.message));
      return;
    }
    new LetterPage(root, draft).start();
  } catch (error) {
    root.replaceChildren(h('p', { class: 'notice', role: 'alert' }, error.message && !/fetch|JSON/i.test(error.message) ? error.message : LOAD_FAILED));
  }
}

start();
