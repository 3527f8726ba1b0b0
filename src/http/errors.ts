// Every error leaves as JSON { error: { code, message[, field] } } with the
// right status. Unknown errors are logged and answered as a bare 500.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { z } from 'zod';
import { AppError, fromPgError, isDatabaseUnavailable, serviceErrors, type ErrorKind } from '../errors.js';
import { toApiFieldName } from '../api-keys/api-key-settings.js';

export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export function errorBody(code: string, message: string, field?: string): ErrorBody {
  return { error: { code, message, ...(field ? { field } : {}) } };
}

/** Validates input with zod, failing with invalid_input naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') {
    // Inside a nested object (e.g. proxy.extra) the unknown key is named with its parents.
    const names = issue.keys.map((key) => [...path, key].join('.'));
    throw new AppError({ code: 'invalid_input', status: 400, message: `unknown field(s): ${names.join(', ')}` }, { field: names[0] });
  }
  const field = path.length > 0 ? path.join('.') : where;
  throw new AppError({ code: 'invalid_input', status: 400, message: `${field}: ${issue.message}` }, { field });
}

const fastifyErrors: Record<string, ErrorKind> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: serviceErrors.unsupportedMediaType,
  FST_ERR_CTP_BODY_TOO_LARGE: serviceErrors.payloadTooLarge,
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'invalid_json', status: 400, message: 'Request body must be JSON' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'invalid_json', status: 400, message: 'Request body is not valid JSON' },
};

export function handleError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const appError = error instanceof AppError ? error : fromPgError(error);
  if (appError) {
    // Database errors name fields the SQL way (token_limit); speak the API's names (tokenLimit).
    const fromDb = appError.field !== undefined && appError.sqlState !== undefined;
    const field = fromDb ? toApiFieldName(appError.field!) : appError.field;
    const message = fromDb && appError.message.startsWith(`${appError.field}:`) ? `${field}${appError.message.slice(appError.field!.length)}` : appError.message;
    return reply.status(appError.status).send(errorBody(appError.code, message, field));
  }
  const code = (error as FastifyError).code;
  // Input PostgreSQL cannot take (NUL bytes, invalid encodings) that slipped past validation.
  if (code === '22P05' || code === '22021' || code === '22P02') {
    return reply.status(400).send(errorBody('invalid_input', 'Input contains characters that cannot be stored'));
  }
  const known = code ? fastifyErrors[code] : undefined;
  if (known) return reply.status(known.status).send(errorBody(known.code, known.message));
  // JSON syntax errors from the body parser come as SyntaxError with a 400 status.
  const status = (error as FastifyError).statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return reply.status(status).send(errorBody('bad_request', error instanceof SyntaxError ? 'Request body is not valid JSON' : 'Bad request'));
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: { message: error.message, code } }, 'database unavailable');
    return reply.status(503).send(errorBody(serviceErrors.unavailable.code, serviceErrors.unavailable.message));
  }
  request.log.error({ err: error }, 'unhandled error');
  return reply.status(500).send(errorBody(serviceErrors.internal.code, serviceErrors.internal.message));
}

/** Errors Node raises before a request exists (e.g. headers over the size limit). */
export function handleClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const [status, text, kind] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', serviceErrors.headersTooLarge]
      : [400, 'Bad Request', serviceErrors.badRequest];
  const body = JSON.stringify(errorBody(kind.code, kind.message));
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
