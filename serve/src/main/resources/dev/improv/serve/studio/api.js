// Calls the service's own HTTP API (same origin). The key, if the service has keys, stays in this tab.
const KEY_ITEM = 'improv.apiKey';

export function setKey(key) {
  sessionStorage.setItem(KEY_ITEM, key);
}

export function key() {
  return sessionStorage.getItem(KEY_ITEM) || '';
}

/** POSTs a JSON body to an endpoint such as "v1/music"; resolves to the JSON answer or throws an Error with the service's message. */
export async function post(endpoint, body) {
  return call(endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

/** GETs an endpoint such as "v1/moods", as {@link post} does (the Error's status is the HTTP status). */
export async function get(endpoint) {
  return call(endpoint, { method: 'GET', headers: {} });
}

async function call(endpoint, init) {
  if (key()) {
    init.headers.Authorization = 'Bearer ' + key();
  }
  const response = await fetch('/' + endpoint, init);
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(endpoint + ': HTTP ' + response.status + ' (not JSON)');
  }
  if (!response.ok) {
    const err = json.error || {};
    const where = err.param ? ' [' + err.param + ']' : '';
    throw Object.assign(new Error(endpoint + ': ' + (err.message || 'HTTP ' + response.status) + where), { status: response.status });
  }
  return json;
}
