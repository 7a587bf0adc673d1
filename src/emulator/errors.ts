/**
 * Clerk's error shape, `{errors: [{message, long_message, code, meta?}], clerk_trace_id}`, and the
 * exception the routes throw to produce it. The messages follow what BAPI sends for each code.
 */
import {randomBytes} from 'node:crypto'

export interface ClerkErrorItem {
  message: string
  long_message: string
  code: string
  meta?: Record<string, unknown>
}

export interface ClerkErrorBody {
  errors: ClerkErrorItem[]
  clerk_trace_id: string
}

export class ErrorResponse extends Error {
  constructor(
    readonly status: number,
    readonly errors: ClerkErrorItem[],
    readonly headers: Record<string, string> = {},
  ) {
    super(errors[0]?.long_message ?? `HTTP ${status}`)
  }

  body(): ClerkErrorBody {
    return {errors: this.errors, clerk_trace_id: traceId()}
  }
}

export function traceId(): string {
  return randomBytes(16).toString('hex')
}

const item = (code: string, message: string, longMessage: string, meta?: Record<string, unknown>): ClerkErrorItem =>
  meta ? {message, long_message: longMessage, code, meta} : {message, long_message: longMessage, code}

/** 401 when the Authorization header is absent or not `Bearer <key>`. */
export const authMissing = () =>
  new ErrorResponse(401, [
    item(
      'authentication_invalid',
      'Invalid authentication',
      'Unable to authenticate the request, you need to supply an active API key',
    ),
  ])

/** 401 when a key is sent but is not this instance's secret key (the code @clerk/backend checks for). */
export const keyInvalid = () =>
  new ErrorResponse(401, [
    item(
      'clerk_key_invalid',
      'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
      'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
    ),
  ])

export const notFound = () => new ErrorResponse(404, [item('resource_not_found', 'not found', 'Resource not found')])

export const tooManyRequests = (retryAfter: number | string) =>
  new ErrorResponse(429, [item('too_many_requests', 'Too many requests', 'Too many requests, please retry later')], {
    'Retry-After': String(retryAfter),
  })

export const badRequestBody = () =>
  new ErrorResponse(400, [
    item(
      'request_body_invalid',
      'Request body invalid',
      'The request body is invalid. Please consult the API documentation for more information.',
    ),
  ])

export const formatInvalid = (param: string, longMessage: string) =>
  new ErrorResponse(422, [item('form_param_format_invalid', 'is invalid', longMessage, {param_name: param})])

export const valueInvalid = (param: string, longMessage: string) =>
  new ErrorResponse(422, [item('form_param_value_invalid', 'is invalid', longMessage, {param_name: param})])

export const paramUnknown = (param: string) =>
  new ErrorResponse(422, [
    item('form_param_unknown', 'is unknown', `${param} is not a valid parameter for this request.`, {
      param_name: param,
    }),
  ])

export const paramMissing = (param: string, longMessage = `${param} must be included.`) =>
  new ErrorResponse(422, [item('form_param_missing', 'missing', longMessage, {param_name: param})])

const TAKEN: Record<string, string> = {
  email_address: 'That email address is taken. Please try another.',
  phone_number: 'That phone number is taken. Please try another.',
  username: 'That username is taken. Please try another.',
  external_id: 'That external ID is taken. Please try another.',
  web3_wallet: 'That web3 wallet is taken. Please try another.',
}

export const identifierExists = (param: string) =>
  new ErrorResponse(422, [
    item(
      'form_identifier_exists',
      TAKEN[param] ?? 'That identifier is taken.',
      TAKEN[param] ?? 'That identifier is taken.',
      {param_name: param},
    ),
  ])

export const passwordTooShort = () =>
  new ErrorResponse(422, [
    item(
      'form_password_length_too_short',
      'Passwords must be 8 characters or more.',
      'Passwords must be 8 characters or more.',
      {param_name: 'password'},
    ),
  ])

const STATUS_ERRORS: Record<number, [string, string, string]> = {
  400: ['bad_request', 'Bad request', 'The request could not be processed.'],
  401: [
    'authentication_invalid',
    'Invalid authentication',
    'Unable to authenticate the request, you need to supply an active API key',
  ],
  403: ['authorization_invalid', 'Unauthorized request', 'You are not authorized to perform this request'],
  404: ['resource_not_found', 'not found', 'Resource not found'],
  409: ['conflict', 'Conflict', 'The request conflicts with the current state of the resource.'],
  422: ['unprocessable_entity', 'Unprocessable entity', 'The request could not be processed.'],
  429: ['too_many_requests', 'Too many requests', 'Too many requests, please retry later'],
  500: [
    'internal_clerk_error',
    'Oops, an unexpected error occurred',
    "There was an internal error on our servers. We've been notified and are working on fixing it.",
  ],
  502: ['bad_gateway', 'Bad gateway', 'The upstream server returned an invalid response.'],
  503: [
    'service_unavailable',
    'Service unavailable',
    'The service is temporarily unavailable. Please try again later.',
  ],
  504: ['gateway_timeout', 'Gateway timeout', 'The upstream server did not respond in time.'],
}

/** A Clerk-shaped error for an arbitrary status (used by injected faults). */
export function errorForStatus(status: number, headers: Record<string, string> = {}): ErrorResponse {
  const [code, message, longMessage] =
    STATUS_ERRORS[status] ?? (status >= 500 ? STATUS_ERRORS[500] : STATUS_ERRORS[400])
  return new ErrorResponse(status, [item(code, message, longMessage)], headers)
}

/**
 * 403 when a create would take the instance past its user cap (Clerk caps development instances,
 * 100 users by default: clerk-docs "managing environments"; code and messages as BAPI sends them).
 */
export const userQuotaExceeded = (max: number, production = false) =>
  new ErrorResponse(403, [
    item(
      'user_quota_exceeded',
      'user quota exceeded',
      production
        ? `You have reached your limit of ${max} users. You can remove the user limit by upgrading to a paid plan.`
        : `You have reached your limit of ${max} users. If you need more users, please use a Production instance.`,
    ),
  ])

/** 422 from POST /v1/users/{id}/verify_password when the password does not match. */
export const passwordIncorrect = () =>
  new ErrorResponse(422, [
    item(
      'form_password_incorrect',
      'Password is incorrect. Try again, or use another method.',
      'Password is incorrect. Try again, or use another method.',
      {param_name: 'password'},
    ),
  ])

/** 400 from POST /v1/users/{id}/verify_password when the user has no password. */
export const passwordNotSet = () =>
  new ErrorResponse(400, [
    item('password_not_set', 'no password set', 'The user does not have a password set.', {param_name: 'password'}),
  ])
