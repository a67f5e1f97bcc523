/**
 * The JSON API as a client sees it, for tests: calls with a Bearer key and a JSON body, the
 * problem+json answer (RFC 9457) checked in one place, and API keys made through the workspace
 * page as their user would.
 */
import assert from 'node:assert/strict';
import type { Council } from '../../src/core/organisations.schema.ts';
import type { Role } from '../../src/core/roles.ts';
import { login, makeMember, post, type Res, type TestApp } from './factories.ts';

export type ApiCall = { method?: 'GET' | 'POST' | 'PUT'; url: string; token?: string; body?: unknown; raw?: string; headers?: Record<string, string>; ip?: string };

/** Calls the API from the addresses `nextIp` hands out; answers the response and its JSON (null when it is not JSON). */
export function apiCaller(t: TestApp, nextIp: () => string, defaultMethod: ApiCall['method'] = 'GET') {
  return async ({ method = defaultMethod, url, token, body, raw, headers = {}, ip }: ApiCall) => {
    const res = await t.app.inject({
      method,
      url,
      remoteAddress: ip ?? nextIp(),
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      payload: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const json = res.body && /json/.test(String(res.headers['content-type'])) ? JSON.parse(res.body) : null;
    return { res, json };
  };
}

/** The answer is problem+json with this status (and `code`, when given), a title and a detail. */
export function assertProblem(answer: { res: Res; json: { status: number; code: string; title: string; detail: string } | null }, status: number, code?: string) {
  const { res, json } = answer;
  assert.equal(res.statusCode, status, res.body.slice(0, 300));
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  assert.equal(json?.status, status);
  assert.equal(typeof json?.code, 'string');
  assert.equal(typeof json?.title, 'string');
  assert.equal(typeof json?.detail, 'string');
  if (code) assert.equal(json?.code, code);
}

/** A new member with `role` makes an API key on the workspace page (`form`: its name, scope). */
export async function makeApiKey(t: TestApp, council: Council, role: Role, form: Record<string, string> = { name: 'Zaaksysteem' }) {
  const { user, membership } = await makeMember(t, council, role);
  const session = await login(t, user);
  const res = await post(t, `/${council.slug}/werkruimte/api-sleutels`, form, session);
  assert.equal(res.statusCode, 201, res.body.slice(0, 300));
  return { token: /value="(rw_[A-Za-z0-9_-]+)"/.exec(res.body)![1]!, userId: user.id, membershipId: membership.id, session, page: res.body };
}
