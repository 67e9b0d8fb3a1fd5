// Bytes from the API (base64) as blobs the page can play, draw and offer as downloads.

export function bytes(base64) {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    out[i] = text.charCodeAt(i);
  }
  return out;
}

export function blobUrl(data, type) {
  return URL.createObjectURL(new Blob([data], { type }));
}

/** A download link (a real <a download>, so keyboard, drag and "save link as" all work). */
export function downloadLink(label, fileName, data, type) {
  const a = document.createElement('a');
  a.className = 'download';
  a.textContent = label;
  a.download = fileName;
  a.href = blobUrl(data, type);
  a.setAttribute('aria-label', 'Download ' + fileName);
  return a;
}

/** Saves text as a file at once (for buttons such as "Save card"). */
export function saveText(fileName, text, type) {
  const a = downloadLink(fileName, fileName, text, type);
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** Makes an element with a class and optional text. */
export function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) {
    e.className = className;
  }
  if (text !== undefined) {
    e.textContent = text;
  }
  return e;
}

/** Frees the blob URLs of the players and links inside {@code element} before it is emptied. */
export function revokeWithin(element) {
  for (const e of element.querySelectorAll('a[href^="blob:"], audio[src^="blob:"]')) {
    URL.revokeObjectURL(e.href || e.src);
  }
}
