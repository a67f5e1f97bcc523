/**
 * The one way the JSON API says no: RFC 9457 problem details (`application/problem+json`) with
 * a stable `code`, as the NL GOV API Design Rules ask. Routes, the error handler and the rate
 * limiter all answer through `sendProblem`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Translate } from '../i18n/index.ts';
import { issuesToErrors } from '../http/forms.ts';
import { NOT_ALLOWED_FROM_STATE, type DomainError } from '../errors.ts';
import { API_VERSION } from './version.ts';

type InvalidParam = { name: string; code: string; reason: string };
export type Problem = { status: number; code: string; title: string; detail: string; invalidParams?: InvalidParam[] };

const PROBLEM_TYPE = 'application/problem+json';

/** Sends a problem; the API-Version header is set here too, for errors raised before any route (a malformed URL). */
export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).header('api-version', API_VERSION).type(PROBLEM_TYPE).send(p);
}

/** zod issues as `invalidParams`: the field as a path (answers.0.reason) and the same texts as the forms. */
function invalidParams(issues: z.core.$ZodIssue[], t: Translate): InvalidParam[] {
  return issues.map((issue) => {
    const name = issue.path.length ? issue.path.map(String).join('.') : 'body';
    const reason = issuesToErrors([{ ...issue, path: [name] } as z.core.$ZodIssue], t)[name];
    return { name, code: issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined ? 'required' : issue.code, reason };
  });
}

/** A body that does not fit the input schema: 400 `VALIDATION_FAILED` with a reason per field. */
export function validationProblem(reply: FastifyReply, req: FastifyRequest, issues: z.core.$ZodIssue[]): FastifyReply {
  return sendProblem(reply, {
    status: 400,
    code: 'VALIDATION_FAILED',
    title: req.t('api.invalid.title'),
    detail: req.t('api.invalid.body'),
    invalidParams: invalidParams(issues, req.t),
  });
}

/**
 * A domain rule that was not met: 409 for a step that is not allowed in the record's state, the
 * error's own status when it names one, 422 for the others. The code is the service's.
 */
export function domainProblem(reply: FastifyReply, req: FastifyRequest, err: DomainError): FastifyReply {
  const conflict = err.code === NOT_ALLOWED_FROM_STATE;
  const status = err.status ?? (conflict ? 409 : 422);
  const reason = req.t(err.messageKey, err.params);
  return sendProblem(reply, {
    status,
    code: err.code,
    title: conflict ? req.t('api.conflict.title') : req.t('api.invalid.title'),
    detail: reason,
    invalidParams: err.field ? [{ name: err.field, code: err.code, reason }] : undefined,
  });
}
