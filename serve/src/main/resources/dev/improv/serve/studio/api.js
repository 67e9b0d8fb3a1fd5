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
  const headers = { 'Content-Type': 'application/json' };
  if (key()) {
    headers.Authorization = 'Bearer ' + key();
  }
  const response = await fetch('/' + endpoint, { method: 'POST', headers, body: JSON.stringify(body) });
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
    throw new Error(endpoint + ': ' + (err.message || 'HTTP ' + response.status) + where);
  }
  return json;
}
