/**
 * Clerk's error shape, `{errors: [{message, long_message, code, meta?}], clerk_trace_id}`, and the
 * exception the routes throw to produce it. Every error comes from the table in errors/table.ts
 * (`raise(name, vars, meta)`); the helpers below are shorthands for the common ones.
 */
import {randomBytes} from 'node:crypto'
import {ERRORS, type ErrorName} from './errors/table.js'

export {ERRORS, type ErrorName} from './errors/table.js'

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
    /** a body sent exactly as given (an injected fault's), instead of the errors above */
    readonly rawBody?: unknown,
  ) {
    super(errors[0]?.long_message ?? `HTTP ${status}`)
  }

  body(): unknown {
    return this.rawBody !== undefined ? this.rawBody : {errors: this.errors, clerk_trace_id: traceId()}
  }
}

export function traceId(): string {
  return randomBytes(16).toString('hex')
}

const fill = (template: string, vars: Record<string, unknown>) =>
  template.replace(/<([A-Za-z_]+)>/g, (m, k: string) => (vars[k] === undefined ? m : String(vars[k])))

/** One error item from the table: `<name>` placeholders filled from `vars`. */
export function errorItem(
  name: ErrorName,
  vars: Record<string, unknown> = {},
  meta?: Record<string, unknown>,
): ClerkErrorItem {
  const e = ERRORS[name]
  const item: ClerkErrorItem = {message: fill(e.message, vars), long_message: fill(e.long, vars), code: e.code}
  if (meta) item.meta = meta
  return item
}

/** The error `name` of the table as an exception (status from the table). */
export function raise(
  name: ErrorName,
  vars: Record<string, unknown> = {},
  meta?: Record<string, unknown>,
  headers: Record<string, string> = {},
): ErrorResponse {
  return new ErrorResponse(ERRORS[name].status, [errorItem(name, vars, meta)], headers)
}

const param = (p: string) => ({param_name: p})

/** 401 when the Authorization header is absent. */
export const authMissing = () => raise('InvalidAuthentication')
/** 401 when the Authorization header is not `Bearer <key>`. */
export const authFormatInvalid = () => raise('InvalidAuthorizationHeaderFormat')
/** 401 when a key is sent but is not this instance's secret key (the code @clerk/backend checks for). */
export const keyInvalid = () => raise('InvalidClerkSecretKey')

/** 404 for an unknown path or a resource Clerk documents no 404 for; `name` for one it does. */
export const notFound = (name: ErrorName = 'ResourceNotFound', vars: Record<string, unknown> = {}) => raise(name, vars)

export const tooManyRequests = (retryAfter: number | string) =>
  raise('TooManyRequests', {}, undefined, {'Retry-After': String(retryAfter)})

export const badRequestBody = () => raise('InvalidRequestBody')

/** 422 form_param_format_invalid: the email/phone/identifier entries when they fit, else the generic one. */
export const formatInvalid = (p: string, longMessage: string) =>
  raise('FormInvalidParameterFormat', {detail: longMessage}, param(p))
export const emailInvalid = (p: string) => raise('FormInvalidEmailAddress', {param: p}, param(p))
export const phoneInvalid = (p: string) => raise('FormInvalidPhoneNumber', {param: p}, param(p))

export const valueInvalid = (p: string, longMessage: string) =>
  raise('FormInvalidParameterValue', {detail: longMessage}, param(p))

/** 422 form_param_type_invalid: `` `p` must be a `type`. `` */
export const typeInvalid = (p: string, paramType: string) =>
  raise('FormInvalidTypeParameter', {param: p, paramType}, param(p))

export const timeInvalid = (p: string) => raise('FormInvalidTime', {param: p}, param(p))

export const paramUnknown = (p: string) => raise('FormUnknownParameter', {param: p}, param(p))

export const paramMissing = (p: string) => raise('FormMissingParameter', {param: p}, param(p))

/** `missing` is required when `present` is there. */
export const conditionalMissing = (missing: string, present: string) =>
  raise(
    'FormMissingConditionalParameterOnExistence',
    {missingParam: missing, conditionalParam: present},
    param(missing),
  )

export const paramNil = (p: string) => raise('FormNilParameter', {param: p}, param(p))

const TAKEN: Record<string, string> = {
  email_address: 'email address',
  phone_number: 'phone number',
  username: 'username',
  external_id: 'external ID',
  web3_wallet: 'web3 wallet',
}

export const identifierExists = (p: string) =>
  raise('FormIdentifierExists', {what: TAKEN[p] ?? p.replace(/_/g, ' ')}, param(p))

export const passwordTooShort = () => raise('FormPasswordLengthTooShort', {}, param('password'))

/** Which table entry an injected `status` fault answers with. */
const STATUS_ERRORS: Record<number, ErrorName> = {
  400: 'BadRequest',
  401: 'InvalidAuthentication',
  403: 'InvalidAuthorization',
  404: 'ResourceNotFound',
  409: 'EmulatorConflict',
  422: 'EmulatorUnprocessable',
  429: 'TooManyRequests',
  500: 'Unexpected',
  502: 'EmulatorBadGateway',
  503: 'SystemUnderMaintenance',
  504: 'EmulatorGatewayTimeout',
}

/** A Clerk-shaped error for an arbitrary status (used by injected faults); `body` replaces it verbatim. */
export function errorForStatus(status: number, headers: Record<string, string> = {}, body?: unknown): ErrorResponse {
  if (body !== undefined) return new ErrorResponse(status, [], headers, body)
  const name = STATUS_ERRORS[status] ?? (status >= 500 ? 'Unexpected' : 'BadRequest')
  const e = errorItem(name)
  return new ErrorResponse(status, [e], headers)
}

/** 403 when a create would take the instance past its user cap (development instances: 100 users). */
export const userQuotaExceeded = (max: number, production = false) =>
  raise('UserQuotaExceeded', {
    max,
    advice: production
      ? 'You can remove the user limit by upgrading to a paid plan.'
      : 'If you need more users, please use a Production instance.',
  })

/** 422 from POST /v1/users/{id}/verify_password when the password does not match. */
export const passwordIncorrect = () => raise('PasswordIncorrect', {}, param('password'))

/** 400 from POST /v1/users/{id}/verify_password when the user has no password. */
export const passwordNotSet = () => raise('PasswordNotSet', {}, param('password'))
