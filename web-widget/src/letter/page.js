// The letter page (/letter/{conversation id}): choose a letter, fill in the fields, see the letter,
// download it as .docx or PDF, or print it. What the citizen types stays in this page's memory:
// it is never sent, never stored (no storage API, no cookie), and gone when the tab closes.
import { h } from '../dom.js';
import { fileName, fillLetter, initialValues, missingFields, visibleFields } from './fill.js';

const OPTIONAL = ' (niet verplicht)';
const FORMATS = {
  docx: { label: 'Download als Word-bestand (.docx)', load: () => import('./docx.js').then((m) => m.letterDocx) },
  pdf: { label: 'Download als PDF', load: () => import('./pdf.js').then((m) => m.letterPdf) },
};

const fieldId = (field) => `veld-${field.id}`;

function errorText(field) {
  if (field.confirm) return 'Zet eerst een vinkje. Alleen als de tijd om te beslissen echt voorbij is.';
  if (field.options.length) return `Kies een antwoord bij: ${field.label}`;
  return `Vul dit in: ${field.label.replace(/\?$/, '')}.`;
}

export class LetterPage {
  constructor(root, draft) {
    this.root = root;
    this.draft = draft;
    this.values = {};
    this.letter = null;
    this.previewTimer = null;
  }

  start() {
    const letters = this.draft.letters;
    this.chooser = letters.length > 1 ? this.renderChooser(letters) : null;
    this.about = h('section', { class: 'about', 'aria-labelledby': 'brief-titel' });
    this.formSection = h('section', { class: 'fill', 'aria-labelledby': 'invullen-titel' });
    this.preview = h('article', { class: 'letter-preview', lang: 'nl', 'aria-labelledby': 'voorbeeld-titel' });
    this.sending = h('section', { class: 'sending', 'aria-labelledby': 'versturen-titel' });
    this.status = h('p', { class: 'status', role: 'status' });
    this.root.replaceChildren(
      ...[this.chooser, this.about, this.formSection].filter(Boolean),
      h('section', { class: 'preview-section', 'aria-labelledby': 'voorbeeld-titel' },
        h('h2', { id: 'voorbeeld-titel' }, 'Zo ziet uw brief eruit'),
        h('p', { class: 'hint' }, 'Dit verandert mee met wat u invult.'),
        this.preview),
      this.sending,
    );
    this.root.removeAttribute('data-loading');
    this.choose(letters[0].id);
  }

  renderChooser(letters) {
    return h('fieldset', { class: 'chooser' },
      h('legend', {}, h('h2', {}, 'Welke brief wilt u maken?')),
      h('p', { class: 'hint' }, 'Wegwijs vond meer dan één brief voor uw situatie. Maak ze een voor een.'),
      letters.map((letter, i) => h('div', { class: 'choice' },
        h('input', { type: 'radio', name: 'brief', id: `brief-${letter.id}`, value: letter.id, checked: i === 0,
          'aria-describedby': `brief-${letter.id}-uitleg`, onchange: () => this.choose(letter.id) }),
        h('label', { for: `brief-${letter.id}` }, letter.title),
        h('p', { class: 'hint', id: `brief-${letter.id}-uitleg` }, letter.summary))));
  }

  choose(id) {
    this.letter = this.draft.letters.find((letter) => letter.id === id);
    for (const [key, value] of Object.entries(initialValues(this.letter))) {
      if (!(key in this.values)) this.values[key] = value;
    }
    this.renderAbout();
    this.renderForm();
    this.renderSending();
    this.updatePreview();
  }

  renderAbout() {
    const letter = this.letter;
    this.about.replaceChildren(
      h('h2', { id: 'brief-titel' }, letter.title),
      h('p', {}, letter.summary),
      h('h3', {}, 'Wat Wegwijs al weet'),
      h('dl', { class: 'facts' }, letter.shown_facts.flatMap((fact) => [h('dt', {}, fact.label), h('dd', {}, fact.value)])),
    );
  }

  renderForm() {
    this.summary = h('div', { class: 'error-summary', role: 'alert', tabindex: '-1', hidden: true });
    this.inputs = {};
    const fields = visibleFields(this.letter).map((field) => this.renderField(field));
    const buttons = Object.entries(FORMATS).map(([format, { label }]) =>
      h('button', { type: 'button', class: 'btn primary', 'data-format': format, onclick: () => this.download(format) }, label));
    const form = h('form', { method: 'dialog', class: 'letter-form', novalidate: true, 'aria-labelledby': 'invullen-titel',
      onsubmit: (event) => { event.preventDefault(); this.download('docx'); } },
    this.summary, ...fields,
    h('div', { class: 'actions' }, ...buttons,
      h('button', { type: 'button', class: 'btn', onclick: () => this.print() }, 'Print de brief')),
    this.status);
    this.formSection.replaceChildren(
      h('h2', { id: 'invullen-titel' }, 'Vul uw gegevens in'),
      h('p', {}, 'Vul in wat u weet. Wat niet verplicht is, mag leeg blijven. Wegwijs zet het dan niet in de brief.'),
      form);
  }

  renderField(field) {
    const id = fieldId(field);
    const hint = field.hint ? h('p', { class: 'hint', id: `${id}-hint` }, field.hint) : null;
    const error = h('p', { class: 'error', id: `${id}-fout`, hidden: true });
    const describedBy = [hint && `${id}-hint`, `${id}-fout`].filter(Boolean).join(' ');
    const value = this.values[field.id] || '';
    const onInput = (event) => this.setValue(field, event.target);
    if (field.confirm) {
      const box = h('input', { type: 'checkbox', id, name: field.id, checked: value === 'ja', 'aria-describedby': describedBy,
        'aria-required': field.required ? 'true' : null, onchange: onInput });
      this.inputs[field.id] = box;
      return h('div', { class: 'field confirm' }, error, h('div', { class: 'check' }, box, h('label', { for: id }, field.label)), hint);
    }
    if (field.options.length) {
      const radios = field.options.map((option, i) => {
        const radio = h('input', { type: 'radio', id: `${id}-${i}`, name: field.id, value: option, checked: value === option,
          onchange: onInput });
        return h('div', { class: 'choice' }, radio, h('label', { for: `${id}-${i}` }, option));
      });
      this.inputs[field.id] = radios[0].querySelector('input');
      return h('fieldset', { class: 'field', id, 'aria-describedby': describedBy },
        h('legend', {}, field.label + (field.required ? '' : OPTIONAL)), hint, error, ...radios);
    }
    const props = { id, name: field.id, 'aria-describedby': describedBy, autocomplete: field.autocomplete || 'off',
      'aria-required': field.required ? 'true' : null, spellcheck: field.lines > 1 ? 'true' : 'false', oninput: onInput };
    const input = field.lines > 1 ? h('textarea', { ...props, rows: String(field.lines + 1) }) : h('input', { ...props, type: 'text' });
    input.value = value;
    this.inputs[field.id] = input;
    return h('div', { class: 'field' }, h('label', { for: id }, field.label + (field.required ? '' : OPTIONAL)), hint, error, input);
  }

  setValue(field, input) {
    this.values[field.id] = field.confirm ? (input.checked ? 'ja' : '') : input.value;
    if (this.shownErrors) this.showErrors(missingFields(this.letter, this.values), false);
    clearTimeout(this.previewTimer);
    this.previewTimer = setTimeout(() => this.updatePreview(), 150);
  }

  blocks() {
    return fillLetter(this.letter.body, { ...this.letter.facts, ...this.values });
  }

  updatePreview() {
    this.preview.replaceChildren(...this.blocks().map((block) => {
      const lines = block.lines.flatMap((line, i) => (i ? [h('br'), line] : [line]));
      if (block.type === 'subject') return h('h3', { class: 'subject' }, ...lines);
      if (block.type === 'heading') return h('h4', {}, ...lines);
      return h('p', { class: block.sign ? 'sign' : null }, ...lines);
    }));
  }

  /** Marks the empty required fields; returns true when there are none. */
  showErrors(missing, focus) {
    this.shownErrors = missing.length > 0;
    for (const field of visibleFields(this.letter)) {
      const error = this.formSection.querySelector(`#${fieldId(field)}-fout`);
      const wrong = missing.includes(field);
      error.hidden = !wrong;
      error.textContent = wrong ? errorText(field) : '';
      const input = this.inputs[field.id];
      if (input && !field.options.length) input.setAttribute('aria-invalid', String(wrong));
    }
    this.summary.hidden = missing.length === 0;
    this.summary.replaceChildren(...(missing.length ? [
      h('h3', {}, 'Vul eerst dit in'),
      h('ul', {}, missing.map((field) => h('li', {}, h('a', { href: `#${fieldId(field)}`,
        onclick: (event) => { event.preventDefault(); this.focusField(field); } }, errorText(field))))),
    ] : []));
    if (missing.length && focus) this.summary.focus();
    return missing.length === 0;
  }

  focusField(field) {
    const target = field.options.length ? this.formSection.querySelector(`#${fieldId(field)}-0`) : this.inputs[field.id];
    target.focus();
  }

  async download(format) {
    clearTimeout(this.previewTimer);
    this.updatePreview();
    if (!this.showErrors(missingFields(this.letter, this.values), true)) {
      this.status.textContent = '';
      return;
    }
    this.status.textContent = 'Uw brief wordt gemaakt…';
    try {
      const build = await FORMATS[format].load();
      const blob = await build(this.letter, this.blocks());
      const name = fileName(this.letter, format);
      saveBlob(blob, name, this.root);
      this.status.textContent = `Uw brief is klaar: ${name}. Kijk bij uw downloads.`;
    } catch (error) {
      this.status.textContent = 'Het lukte niet om de brief te maken. Probeer het opnieuw. Of print de brief.';
      throw error;
    }
  }

  print() {
    clearTimeout(this.previewTimer);
    this.updatePreview();
    if (this.showErrors(missingFields(this.letter, this.values), true)) window.print();
  }

  renderSending() {
    const { sending } = this.letter;
    this.sending.replaceChildren(...[
      h('h2', { id: 'versturen-titel' }, 'Waar stuurt u de brief heen?'),
      ...sending.where.map((line) => h('p', {}, line)),
      sending.address.length ? h('address', {}, ...sending.address.flatMap((line, i) => (i ? [h('br'), line] : [line]))) : null,
      sending.website ? h('p', {}, 'Website: ', h('a', { href: sending.website, rel: 'noopener noreferrer' }, sending.website)) : null,
      sending.proof.length ? h('h3', {}, 'Zo kunt u laten zien dat u de brief op tijd stuurde') : null,
      sending.proof.length ? h('ul', {}, sending.proof.map((line) => h('li', {}, line))) : null,
    ].filter(Boolean));
  }
}

function saveBlob(blob, name, container) {
  const url = URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  container.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
