// Signs the dashboard's user in at the OpenID Connect provider: the authorization code flow with PKCE (RFC 7636) as
// a public client, run by this page. The tokens stay in this page's memory, never in storage a script of another
// page could read; a reload signs in again, without a password while the provider's session lasts. Every API call
// and the live stream carry the access token as a bearer token (so the live stream is read with fetch: EventSource
// cannot send one).

import { getJson } from '../shared/format.js';

const PENDING = 'incidents.dashboard.sign-in';
let provider = null;
let clientId = null;
let commandsUrl = null;
let tokens = null;
let refreshTimer = null;

/** The signed-in user ({ id, name, roles }), once signed in; navigates to the provider's login page when not. */
export async function signIn() {
  const config = await getJson('/dashboard/sign-in');
  clientId = config.clientId;
  commandsUrl = config.commandsUrl;
  provider = await getJson(`${config.issuer}/.well-known/openid-configuration`);
  const answer = new URLSearchParams(location.search);
  if (!answer.has('code') && !answer.has('error')) {
    await goToProvider();
    return new Promise(() => {});
  }
  await finishSignIn(answer);
  return signedInUser();
}

/** Where commands go: the incident-commands service, as this service's configuration names it. */
export function commandService() {
  return commandsUrl;
}

/** Ends the provider's session too, then comes back here (and so to the login page). */
export function signOut() {
  const query = new URLSearchParams({ client_id: clientId, post_logout_redirect_uri: returnAddress() });
  if (tokens?.id) query.set('id_token_hint', tokens.id);
  tokens = null;
  location.assign(`${provider.end_session_endpoint}?${query}`);
}

/** fetch() with the access token; a 401 (the token expired or was revoked) signs in again. */
export async function authorised(path, init = {}) {
  const response = await fetch(path, { ...init, headers: { ...init.headers, Authorization: `Bearer ${tokens.access}` } });
  if (response.status === 401) {
    await goToProvider();
    throw new Error('Signed out: signing in again');
  }
  return response;
}

/** GET a JSON resource as the signed-in user. */
export function readJson(path) {
  return getJson(path, authorised);
}

/** GET every page of a paged JSON list as the signed-in user, following each Link rel="next". */
export async function readAllPages(path) {
  const all = [];
  for (let next = path; next;) {
    const response = await authorised(next, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(`${next} answered ${response.status}`);
    }
    all.push(...await response.json());
    next = (response.headers.get('Link') || '').match(/<([^>]+)>;\s*rel="next"/)?.[1];
  }
  return all;
}

async function goToProvider() {
  const verifier = randomText();
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  const state = randomText();
  // Where to come back to: the provider returns to this page's address without its #view.
  sessionStorage.setItem(PENDING, JSON.stringify({ state, verifier, view: location.hash }));
  const query = new URLSearchParams({
    client_id: clientId, response_type: 'code', scope: 'openid', redirect_uri: returnAddress(), state,
    code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${provider.authorization_endpoint}?${query}`);
}

async function finishSignIn(answer) {
  const pending = JSON.parse(sessionStorage.getItem(PENDING) ?? 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', location.pathname + (pending?.view ?? ''));
  if (answer.has('error')) {
    throw new Error(`The provider refused the sign-in: ${answer.get('error_description') ?? answer.get('error')}`);
  }
  if (pending === null || pending.state !== answer.get('state')) {
    throw new Error('This sign-in answer is not for a sign-in this page started');
  }
  await requestTokens({
    grant_type: 'authorization_code', code: answer.get('code'), redirect_uri: returnAddress(),
    code_verifier: pending.verifier,
  });
}

async function requestTokens(form) {
  const response = await fetch(provider.token_endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: clientId, ...form }),
  });
  if (!response.ok) {
    const error = new Error(`The provider's token endpoint answered ${response.status}`);
    error.status = response.status;
    throw error;
  }
  const answer = await response.json();
  tokens = { access: answer.access_token, refresh: answer.refresh_token, id: answer.id_token ?? tokens?.id };
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refresh, Math.max(5, answer.expires_in - 30) * 1000);
}

/** A fresh access token before the current one expires; the provider's session ended: sign in again. */
async function refresh() {
  try {
    await requestTokens({ grant_type: 'refresh_token', refresh_token: tokens.refresh });
  } catch (error) {
    if (error.status === 400 || error.status === 401) {
      await goToProvider();
    } else {
      console.warn(`Token refresh failed, trying again in 10 s: ${error.message}`);
      refreshTimer = setTimeout(refresh, 10000);
    }
  }
}

function signedInUser() {
  const claims = JSON.parse(new TextDecoder().decode(base64UrlBytes(tokens.access.split('.')[1])));
  return {
    id: claims.preferred_username ?? claims.sub,
    name: claims.name ?? claims.preferred_username ?? claims.sub,
    roles: claims.realm_access?.roles ?? [],
  };
}

function returnAddress() {
  return location.origin + location.pathname;
}

function randomText() {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replaceAll('+', '-').replaceAll('/', '_')
    .replace(/=+$/, '');
}

function base64UrlBytes(text) {
  const base64 = text.replaceAll('-', '+').replaceAll('_', '/');
  return Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) => c.charCodeAt(0));
}
