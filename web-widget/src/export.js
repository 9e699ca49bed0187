// Download the transcript as .txt, or print only the conversation.

export function downloadText(text, filename, container) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  container.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// While printing, the host page's own content is hidden so only the conversation is printed.
// A constructable stylesheet needs no inline style, so this works under a strict CSP.
let printSheet = null;

export function printWidget(host) {
  // Sources are printed too: open the closed ones, and close them again afterwards.
  const closed = [...host.shadowRoot.querySelectorAll('details.sources:not([open])')];
  for (const details of closed) details.open = true;
  if (!printSheet && 'adoptedStyleSheets' in document) {
    printSheet = new CSSStyleSheet();
    printSheet.replaceSync(`@media print { body.wegwijs-printing > :not(#${host.id}) { display: none !important; } }`);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, printSheet];
  }
  document.body.classList.add('wegwijs-printing');
  const done = () => {
    document.body.classList.remove('wegwijs-printing');
    for (const details of closed) details.open = false;
  };
  window.addEventListener('afterprint', done, { once: true });
  window.print();
}
