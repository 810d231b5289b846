// Small DOM helpers shared by the dashboard's parts: element creation without innerHTML (service data is never
// parsed as markup), the banner for errors, and timestamps.

export function $(selector) {
  return document.querySelector(selector);
}

/** An element with attributes and children; strings become text nodes. */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/** Shows a message in a result box: ok (green) or an error (red). */
export function show(box, ok, ...content) {
  box.hidden = false;
  box.className = `result ${ok ? 'ok' : 'error'}`;
  box.replaceChildren(...content.flat().map((c) => (c instanceof Node ? c : document.createTextNode(String(c)))));
}

/** The text of an error for a person: an ApiError's description or the message. */
export function describe(error) {
  return typeof error.describe === 'function' ? error.describe() : String(error.message || error);
}

export function short(id) {
  return id && id.length > 16 ? `${id.slice(0, 12)}…` : id;
}

export function pretty(value) {
  return JSON.stringify(value, null, 2);
}
