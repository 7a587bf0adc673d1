/**
 * Every error the emulator can answer, and where each one comes from. Routes raise errors by name from
 * this table only (see ../errors.ts: `raise(name, vars, meta)`); nothing else invents a status or a code.
 *
 * Source: Clerk's Backend API errors reference. Its generated data lives in clerk/clerk-docs as
 * `data/api_errors.json` (synced from clerk/clerk; `file` + `name` below) and was rendered as
 * `docs/guides/development/errors/backend-api.mdx` (sections named after the Go file). An entry's `source`
 * says `clerk:<file>:<Name>` when it is taken from there, or `undocumented: ...` when Clerk documents
 * nothing for that case; then the emulator picks the most conservative answer (the one most likely to
 * surface a client bug, not hide it) and the README's emulator section lists the choice.
 *
 * Fields: `message` is Clerk's shortMessage and is sent exactly; `long` is Clerk's longMessage template:
 * `<name>` placeholders are filled from `vars` when raised (a missing var leaves the placeholder's name),
 * anything else is sent as written. `meta` lists the meta keys the error carries on the wire (Clerk's
 * `Name` is sent as `param_name`, `EmailAddresses` as `email_addresses`).
 *
 * To add an error: add an entry under its Clerk name (copy status, code, shortMessage, longMessage from
 * data/api_errors.json, cite it in `source`), raise it by that name, and add a case to
 * test/emulator/error-table.test.ts that provokes it (the test fails for an entry no case covers, unless
 * the entry is marked `faultOnly`).
 */
export interface ErrorEntry {
  status: number
  code: string
  message: string
  long: string
  meta?: Array<'param_name' | 'email_addresses'>
  source: string
  /** only injected faults answer it (no route raises it on its own) */
  faultOnly?: boolean
}

const entry = (e: ErrorEntry) => e

export const ERRORS = {
  // ---- auth -------------------------------------------------------------------------------------------
  /** No Authorization header at all. */
  InvalidAuthentication: entry({
    status: 401,
    code: 'authentication_invalid',
    message: 'Invalid authentication',
    long: 'Unable to authenticate the request, you need to supply an active session',
    source: 'clerk:auth.go:InvalidAuthentication',
  }),
  /** An Authorization header that is not `Bearer <key>` (e.g. `Basic ...`, `Token ...`). */
  InvalidAuthorizationHeaderFormat: entry({
    status: 401,
    code: 'authorization_header_format_invalid',
    message: 'Invalid Authorization header format',
    long: "Invalid Authorization header format. Must be 'Bearer <YOUR_API_KEY>'",
    source: 'clerk:auth.go:InvalidAuthorizationHeaderFormat',
  }),
  InvalidClerkSecretKey: entry({
    status: 401,
    code: 'clerk_key_invalid',
    message: 'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
    long: 'The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct.',
    source: 'clerk:auth.go:InvalidClerkSecretKey',
  }),
  InvalidAuthorization: entry({
    status: 403,
    code: 'authorization_invalid',
    message: 'Unauthorized request',
    long: 'You are not authorized to perform this request',
    source:
      'clerk:auth.go:InvalidAuthorization (also: POST /m2m_tokens with the instance key, which needs a machine secret key, and a machine key naming another machine; the reference says nothing more specific)',
  }),

  // ---- requests and internal --------------------------------------------------------------------------
  InvalidRequestBody: entry({
    status: 400,
    code: 'request_body_invalid',
    message: 'Request body invalid',
    long: 'The request body is invalid. Please consult the API documentation for more information.',
    source: 'clerk:requests.go:InvalidRequestBody',
  }),
  BulkSizeExceeded: entry({
    status: 400,
    code: 'bulk_size_exceeded',
    message: 'bulk size exceeded',
    long: 'Parameters exceed the maximum allowed bulk processing size of <max>.',
    source: 'clerk:requests.go:BulkSizeExceeded',
  }),
  BadRequest: entry({
    status: 400,
    code: 'bad_request',
    message: 'Bad request',
    long: 'Bad request',
    source: 'clerk:internal.go:BadRequest',
  }),
  TooManyRequests: entry({
    status: 429,
    code: 'too_many_requests',
    message: 'Too many requests',
    long: 'Too many requests, retry later',
    source: 'clerk:internal.go:TooManyRequests (listed for FAPI; BAPI sends the same code with Retry-After)',
  }),
  Unexpected: entry({
    status: 500,
    code: 'internal_clerk_error',
    message: 'Oops, an unexpected error occurred',
    long: "There was an internal error on our servers. We've been notified and are working on fixing it.",
    source: 'clerk:internal.go:Unexpected',
    faultOnly: true,
  }),
  SystemUnderMaintenance: entry({
    status: 503,
    code: 'maintenance_mode',
    message: 'System under maintenance',
    long: 'We are currently undergoing maintenance and only essential operations are permitted. We will be back shortly.',
    source: 'clerk:maintenance.go:SystemUnderMaintenance',
    faultOnly: true,
  }),

  // ---- not found (Clerk names the resource) -----------------------------------------------------------
  /** An unknown path, and resources whose 404 Clerk does not document (memberships, waitlist entries). */
  ResourceNotFound: entry({
    status: 404,
    code: 'resource_not_found',
    message: 'not found',
    long: 'Resource not found',
    source: 'clerk:user_settings.go:ResourceNotFound (the generic 404; used where Clerk documents no per-resource one)',
  }),
  UserNotFound: entry({
    status: 404,
    code: 'resource_not_found',
    message: 'not found',
    long: 'No user was found with id <userID>',
    source: 'clerk:users.go:UserNotFound',
  }),
  SessionNotFound: entry({
    status: 404,
    code: 'resource_not_found',
    message: 'Session not found',
    long: 'No session was found with id <sessionID>',
    source: 'clerk:sessions.go:SessionNotFound',
  }),
  InvitationNotFound: entry({
    status: 404,
    code: 'resource_not_found',
    message: 'not found',
    long: 'No invitation was found with id <invitationID>.',
    source: 'clerk:invitations.go:InvitationNotFound (also used for organization invitations: Clerk lists no other)',
  }),
  OrganizationNotFound: entry({
    status: 404,
    code: 'resource_not_found',
    message: 'not found',
    long: 'Given organization not found.',
    source: 'clerk:organizations.go:OrganizationNotFound',
  }),
  OrganizationRoleNotFound: entry({
    status: 404,
    code: 'resource_not_found',
    message: 'not found',
    long: 'Organization role not found',
    meta: ['param_name'],
    source: 'clerk:organizations.go:OrganizationRoleNotFound',
  }),
  AllowlistIdentifierNotFound: entry({
    status: 404,
    code: 'resource_not_found',
    message: 'Identifier not found',
    long: 'No identifier was found with id <identifierID>',
    source: 'clerk:allowlist_identifiers.go:AllowlistIdentifierNotFound',
  }),
  BlocklistIdentifierNotFound: entry({
    status: 404,
    code: 'resource_not_found',
    message: 'Identifier not found',
    long: 'No identifier was found with id <identifierID>',
    source: 'clerk:blocklist_identifiers.go:BlocklistIdentifierNotFound',
  }),
  JWTTemplateNotFound: entry({
    status: 404,
    code: 'resource_not_found',
    message: 'JWT template not found',
    long: 'No JWT template exists with <attribute>: <val>',
    source: 'clerk:jwt_templates.go:JWTTemplateNotFound',
  }),
  RedirectURLNotFound: entry({
    status: 404,
    code: 'resource_not_found',
    message: 'Redirect url not found',
    long: 'No RedirectURL exists with <attribute>: <val>',
    source: 'clerk:redirect_urls.go:RedirectURLNotFound',
  }),
  MachineNotFound: entry({
    status: 404,
    code: 'machine_not_found',
    message: 'Machine not found',
    long: 'No machine was found with id <machineID>',
    source: 'clerk:machines.go:MachineNotFound',
  }),
  /**
   * Input the API key and M2M token routes (/api_keys, /m2m_tokens: not under /v1) refuse. Their spec
   * documents a 400 of this shape for it (not the 422 form_param_* errors of /v1 routes).
   */
  MachineAuthRequestInvalid: entry({
    status: 400,
    code: 'bad_request',
    message: 'Bad Request',
    long: "Invalid '<where>': <why>",
    source:
      "undocumented: the errors reference lists nothing for /api_keys or /m2m_tokens input; the shape of their spec's 400 example (message 'Bad Request', long_message \"Invalid 'url_parameter.example': Failed regex check\")",
  }),
  /** Machine tokens: unknown, revoked or expired at verify; an unknown API key or M2M token id elsewhere. */
  MachineTokenNotFound: entry({
    status: 404,
    code: 'resource_not_found',
    message: 'not found',
    long: '<what> not found',
    source:
      'undocumented: the reference lists no machine/API/OAuth token 404; the generic code and message, the kind in long_message',
  }),

  // ---- form validation (422) --------------------------------------------------------------------------
  FormUnknownParameter: entry({
    status: 422,
    code: 'form_param_unknown',
    message: 'is unknown',
    long: '<param> is not a valid parameter for this request.',
    meta: ['param_name'],
    source: 'clerk:forms.go:FormUnknownParameter',
  }),
  FormMissingParameter: entry({
    status: 422,
    code: 'form_param_missing',
    message: 'is missing',
    long: '<param> must be included.',
    meta: ['param_name'],
    source: 'clerk:forms.go:FormMissingParameter',
  }),
  FormMissingConditionalParameterOnExistence: entry({
    status: 422,
    code: 'form_conditional_param_missing',
    message: 'is missing',
    long: '`<missingParam>` is required when `<conditionalParam>` is present.',
    meta: ['param_name'],
    source: 'clerk:forms.go:FormMissingConditionalParameterOnExistence',
  }),
  FormMissingConditionalParameter: entry({
    status: 422,
    code: 'form_conditional_param_missing',
    message: 'is missing',
    long: '`<param>` is required when `<leftCondition>` is `<rightCondition>`.',
    meta: ['param_name'],
    source: 'clerk:forms.go:FormMissingConditionalParameter',
  }),
  FormInvalidTypeParameter: entry({
    status: 422,
    code: 'form_param_type_invalid',
    message: 'is invalid',
    long: '`<param>` must be a `<paramType>`.',
    meta: ['param_name'],
    source: 'clerk:forms.go:FormInvalidTypeParameter',
  }),
  FormNilParameter: entry({
    status: 422,
    code: 'form_param_nil',
    message: 'is invalid',
    long: '<param> must not be null.',
    meta: ['param_name'],
    source:
      'clerk:forms.go:FormNilParameter (short and long message empty in the reference; the emulator writes its own)',
  }),
  FormInvalidTime: entry({
    status: 422,
    code: 'form_param_invalid_time',
    message: 'invalid format',
    long: '<param> must contain a datetime specified in RFC3339 format (e.g. `2022-10-20T10:00:27.645Z`).',
    meta: ['param_name'],
    source: 'clerk:forms.go:FormInvalidTime',
  }),
  FormInvalidEmailAddress: entry({
    status: 422,
    code: 'form_param_format_invalid',
    message: 'is invalid',
    long: '<param> must be a valid email address.',
    meta: ['param_name'],
    source: 'clerk:forms.go:FormInvalidEmailAddress',
  }),
  FormInvalidPhoneNumber: entry({
    status: 422,
    code: 'form_param_format_invalid',
    message: 'is invalid',
    long: '<param> must be a valid phone number according to E.164 international standard.',
    meta: ['param_name'],
    source: 'clerk:forms.go:FormInvalidPhoneNumber',
  }),
  FormInvalidIdentifier: entry({
    status: 422,
    code: 'form_param_format_invalid',
    message: 'is invalid',
    long: '<param> must be either a valid email address, a valid phone number according to E.164 international standard or a valid web3 wallet.',
    meta: ['param_name'],
    source: 'clerk:forms.go:FormInvalidIdentifier',
  }),
  /** Any other malformed value (a slug, a URL, metadata that is not an object). */
  FormInvalidParameterFormat: entry({
    status: 422,
    code: 'form_param_format_invalid',
    message: 'is invalid',
    long: '<detail>',
    meta: ['param_name'],
    source:
      'clerk:forms.go:FormInvalidParameterFormat (messages empty in the reference; the emulator says what is wrong)',
  }),
  /** A value out of range or not among the allowed ones; the long message says which check failed. */
  FormInvalidParameterValue: entry({
    status: 422,
    code: 'form_param_value_invalid',
    message: 'is invalid',
    long: '<detail>',
    meta: ['param_name'],
    source:
      'clerk:forms.go:FormInvalidParameterValue (and its WithAllowed / OnlyOneOfAllowed variants: same code and message, the long message names the rule)',
  }),
  FormParameterMaxLengthExceeded: entry({
    status: 422,
    code: 'form_param_max_length_exceeded',
    message: 'exceeds maximum length',
    long: '<param> should not exceed <max> characters.',
    meta: ['param_name'],
    source: 'clerk:forms.go:FormParameterMaxLengthExceeded',
  }),
  FormDuplicateParameterValue: entry({
    status: 422,
    code: 'form_param_duplicate',
    message: 'duplicate values',
    long: '<value> contains duplicate values',
    meta: ['param_name'],
    source: 'clerk:forms.go:FormDuplicateParameterValue',
  }),
  FormIdentifierExists: entry({
    status: 422,
    code: 'form_identifier_exists',
    message: 'That <what> is taken. Please try another.',
    long: 'That <what> is taken. Please try another.',
    meta: ['param_name'],
    source:
      'clerk:forms.go:FormIdentifierExists (messages empty in the reference; the text is what Clerk shows for a taken identifier)',
  }),
  FormPasswordLengthTooShort: entry({
    status: 422,
    code: 'form_password_length_too_short',
    message: 'Passwords must be 8 characters or more.',
    long: 'Passwords must be 8 characters or more.',
    meta: ['param_name'],
    source:
      'clerk:forms.go:FormInvalidPasswordLengthTooShort (messages empty in the reference; 8 is the default minimum)',
  }),
  FormUsernameInvalidLength: entry({
    status: 422,
    code: 'form_username_invalid_length',
    message: 'Username must be between 4 and 64 characters long.',
    long: 'Username must be between 4 and 64 characters long.',
    meta: ['param_name'],
    source: 'clerk:forms.go:FormInvalidUsernameLength (messages empty in the reference; 4..64 is the default)',
  }),
  FormUsernameInvalidCharacter: entry({
    status: 422,
    code: 'form_username_invalid_character',
    message: "Username can only contain letters, numbers and '_' or '-'.",
    long: "Username can only contain letters, numbers and '_' or '-'.",
    meta: ['param_name'],
    source: 'clerk:forms.go:FormInvalidUsernameCharacter (messages empty in the reference)',
  }),
  FormMissingResource: entry({
    status: 422,
    code: 'form_resource_not_found',
    message: 'is missing',
    long: 'The resource associated with the supplied <param> was not found.',
    meta: ['param_name'],
    source: 'clerk:forms.go:FormMissingResource',
  }),

  // ---- allow-list / block-list ------------------------------------------------------------------------
  DuplicateAllowlistIdentifier: entry({
    status: 400,
    code: 'duplicate_record',
    message: 'duplicate allowlist identifier',
    long: 'the identifier <identifier> already exists',
    source: 'clerk:allowlist_identifiers.go:DuplicateAllowlistIdentifier',
  }),
  DuplicateBlocklistIdentifier: entry({
    status: 400,
    code: 'duplicate_record',
    message: 'duplicate blocklist identifier',
    long: 'the identifier <identifier> already exists',
    source: 'clerk:blocklist_identifiers.go:DuplicateBlocklistIdentifier',
  }),

  // ---- instance invitations ---------------------------------------------------------------------------
  /** One or more addresses already have a pending invitation (single and bulk); names every one. */
  DuplicateInvitations: entry({
    status: 400,
    code: 'duplicate_record',
    message: '',
    long: 'There are already pending invitations for the following email addresses: <emails>',
    meta: ['email_addresses'],
    source: 'clerk:invitations.go:DuplicateInvitations (shortMessage empty in the reference, sent empty)',
  }),
  InvitationAlreadyAccepted: entry({
    status: 400,
    code: 'invitation_already_accepted',
    message: 'Invitation is already accepted, try signing in instead.',
    long: 'Invitation is already accepted, try signing in instead.',
    source: 'clerk:invitations.go:InvitationAlreadyAccepted',
  }),
  InvitationAlreadyRevoked: entry({
    status: 400,
    code: 'invitation_already_revoked',
    message: 'Invitation is already revoked.',
    long: 'Invitation is already revoked.',
    source: 'clerk:invitations.go:InvitationAlreadyRevoked',
  }),

  // ---- organizations ----------------------------------------------------------------------------------
  OrganizationCreatorNotFound: entry({
    status: 400,
    code: 'organization_creator_not_found',
    message: 'creator not found',
    long: 'No users found with id <userID>.',
    source: 'clerk:organizations.go:OrganizationCreatorNotFound',
  }),
  AlreadyAMemberOfOrganization: entry({
    status: 400,
    code: 'already_a_member_in_organization',
    message: 'already a member',
    long: '<user> is already a member of the organization.',
    source: 'clerk:organizations.go:AlreadyAMemberOfOrganization (no meta: a bulk request does not say which item)',
  }),
  OrganizationInvitationNotUnique: entry({
    status: 400,
    code: 'organization_invitation_not_unique',
    message: 'organization invitation not unique',
    long: 'Organizations cannot have duplicate pending invitations for an email address.',
    source: 'clerk:organizations.go:OrganizationInvitationNotUnique (no meta: a bulk request does not say which item)',
  }),
  OrganizationMembershipQuotaExceeded: entry({
    status: 403,
    code: 'organization_membership_quota_exceeded',
    message: 'organization membership quota exceeded',
    long: 'You have reached your limit of <max> organization memberships, including outstanding invitations.',
    source: 'clerk:organizations.go:OrganizationMembershipQuotaExceeded',
  }),
  OrganizationInvitationNotPending: entry({
    status: 404,
    code: 'organization_invitation_not_pending',
    message: 'not pending',
    long: "The organization invitation is not in the 'pending' status.",
    source: 'clerk:organizations.go:OrganizationInvitationNotPending',
  }),
  NotAnAdminInOrganization: entry({
    status: 403,
    code: 'not_an_admin_in_organization',
    message: 'not an administrator',
    long: '<who> is not an administrator in the organization. Only administrators can perform this action.',
    source:
      'clerk:organizations.go:NotAnAdminInOrganization (listed for FAPI; BAPI checks inviter_user_id the same way)',
  }),

  // ---- one-time tokens --------------------------------------------------------------------------------
  ActorTokenCannotBeRevoked: entry({
    status: 400,
    code: 'actor_token_cannot_be_revoked_code',
    message: 'cannot revoke',
    long: 'Actor token cannot be revoked because its status is <status>. Only pending tokens can be revoked.',
    source: 'clerk:actor_tokens.go:ActorTokenCannotBeRevoked',
  }),
  SignInTokenCannotBeRevoked: entry({
    status: 400,
    code: 'sign_in_token_cannot_be_revoked_code',
    message: 'cannot revoke',
    long: 'Sign in token cannot be revoked because its status is <status>. Only pending tokens can be revoked.',
    source: 'clerk:sign_in_tokens.go:SignInTokenCannotBeRevoked',
  }),

  // ---- waitlist ---------------------------------------------------------------------------------------
  WaitlistEntryAlreadyCompleted: entry({
    status: 409,
    code: 'waitlist_entry_already_completed',
    message: 'Waitlist entry already completed',
    long: 'The waitlist entry has already been completed.',
    source: 'clerk:waitlist.go:WaitlistEntryAlreadyCompleted',
  }),
  WaitlistEntryAlreadyInvited: entry({
    status: 409,
    code: 'waitlist_entry_already_invited',
    message: 'Waitlist entry already invited',
    long: 'The waitlist entry has already been invited.',
    source: 'clerk:waitlist.go:WaitlistEntryAlreadyInvited',
  }),
  WaitlistEntryAlreadyRejected: entry({
    status: 409,
    code: 'waitlist_entry_already_rejected',
    message: 'Waitlist entry already rejected',
    long: 'The waitlist entry has already been rejected.',
    source: 'clerk:waitlist.go:WaitlistEntryAlreadyRejected',
  }),

  // ---- machines -----------------------------------------------------------------------------------------
  /** A machine scope that exists already (POST /v1/machines/{id}/scopes documents 409). */
  Conflict: entry({
    status: 409,
    code: 'conflict',
    message: 'Conflict',
    long: 'Conflict',
    source: 'clerk:internal.go:Conflict (the reference lists no machine-scope error; the spec documents a 409)',
  }),

  // ---- statuses only injected faults answer (not in Clerk's reference) --------------------------------
  EmulatorConflict: entry({
    status: 409,
    code: 'conflict',
    message: 'Conflict',
    long: 'The request conflicts with the current state of the resource.',
    source: 'undocumented: a fault status the reference has no error for',
    faultOnly: true,
  }),
  EmulatorUnprocessable: entry({
    status: 422,
    code: 'unprocessable_entity',
    message: 'Unprocessable entity',
    long: 'The request could not be processed.',
    source: 'undocumented: a fault status the reference has no error for',
    faultOnly: true,
  }),
  EmulatorBadGateway: entry({
    status: 502,
    code: 'bad_gateway',
    message: 'Bad gateway',
    long: 'The upstream server returned an invalid response.',
    source: 'undocumented: what a proxy in front of Clerk might answer (fault only)',
    faultOnly: true,
  }),
  EmulatorGatewayTimeout: entry({
    status: 504,
    code: 'gateway_timeout',
    message: 'Gateway timeout',
    long: 'The upstream server did not respond in time.',
    source: 'undocumented: what a proxy in front of Clerk might answer (fault only)',
    faultOnly: true,
  }),
  // ---- users: caps, passwords, identifications (issues 16, 19) --------------------------------------------
  /** A create past the instance's user cap (Clerk caps development instances at 100 users). */
  UserQuotaExceeded: entry({
    status: 403,
    code: 'user_quota_exceeded',
    message: 'user quota exceeded',
    long: 'You have reached your limit of <max> users. <advice>',
    source: 'clerk:users.go:UserQuotaExceeded',
  }),
  /** POST /v1/users/{id}/verify_password with a password that does not match. */
  PasswordIncorrect: entry({
    status: 422,
    code: 'form_password_incorrect',
    message: 'Password is incorrect. Try again, or use another method.',
    long: 'Password is incorrect. Try again, or use another method.',
    meta: ['param_name'],
    source: 'clerk:forms.go:FormPasswordIncorrect',
  }),
  /** verify_password or password/set_compromised for a user without a password. */
  PasswordNotSet: entry({
    status: 400,
    code: 'password_not_set',
    message: 'no password set',
    long: 'The user does not have a password set.',
    meta: ['param_name'],
    source: 'undocumented: the spec documents a 400 for verify_password without its body; code and text chosen',
  }),
  /** DELETE of a user's primary email address or phone number while they have another. */
  PrimaryIdentificationDeletionNotAllowed: entry({
    status: 422,
    code: 'primary_identification_deletion_not_allowed',
    message: 'cannot delete the primary identification',
    long: "This is the user's primary <kind>; make another one primary first.",
    source: 'undocumented: Clerk refuses deleting a primary identification; code and text chosen',
  }),
  /** A permission added twice to a role, or a role or permission key taken. */
  RoleDuplicate: entry({
    status: 409,
    code: 'duplicate_record',
    message: 'duplicate',
    long: '<detail>',
    source: 'undocumented: the spec documents a 409 for organization roles and permissions without its body',
  }),

  // ---- organization domains and instance domains -------------------------------------------------------
  OrganizationDomainsNotEnabled: entry({
    status: 403,
    code: 'organization_domains_not_enabled',
    message: 'organization domains not enabled',
    long: 'This instance does not have domains enabled for organizations.',
    source: 'clerk:organizations.go:OrganizationDomainsNotEnabled',
  }),
  OrganizationDomainEnrollmentModeNotEnabled: entry({
    status: 403,
    code: 'organization_domain_enrollment_mode_not_enabled',
    message: 'organization enrollment mode not enabled',
    long: "Enrollment mode <enrollmentMode> is not enabled for this instances's organizations.",
    source: 'clerk:organizations.go:OrganizationDomainEnrollmentModeNotEnabled',
  }),
  OrganizationDomainCommon: entry({
    status: 422,
    code: 'organization_domain_common',
    message: 'common email domain',
    long: 'This is a common email provider domain. Please use a different one.',
    source: 'clerk:organizations.go:OrganizationDomainCommon',
  }),
  OrganizationDomainAlreadyExists: entry({
    status: 422,
    code: 'organization_domain_already_exists',
    message: 'organizaton domain already exists',
    long: 'This domain is already used by another organization.',
    source: "clerk:organizations.go:OrganizationDomainAlreadyExists (the typo in the short message is Clerk's)",
  }),
  OrganizationDomainAlreadyExistsForSameOrganization: entry({
    status: 422,
    code: 'organization_domain_already_exists_same_organization',
    message: 'organization domain already exists',
    long: 'This domain is already used by your organization.',
    source: 'clerk:organizations.go:OrganizationDomainAlreadyExistsForSameOrganization',
  }),
  OperationNotAllowedOnPrimaryDomain: entry({
    status: 403,
    code: 'operation_not_allowed_on_primary_domain',
    message: 'operation not allowed',
    long: 'This operation is not allowed on a primary domain. Try again with a satellite domain of the instance.',
    source: 'clerk:domains.go:OperationNotAllowedOnPrimaryDomain',
  }),
  PrimaryDomainAlreadyExists: entry({
    status: 422,
    code: 'primary_domain_already_exists',
    message: 'primary domain already exists',
    long: 'Currently, only a single primary domain is supported and the current instance already has one. All new domains need to be set a satellites.',
    source: 'clerk:domains.go:PrimaryDomainAlreadyExists',
  }),
  DomainUpdateForbidden: entry({
    status: 400,
    code: 'domain_update_forbidden',
    message: 'Domain update was forbidden',
    long: 'Domain can be only updated for production instances',
    source:
      'clerk:domains.go:DomainUpdateForbidden (the emulator is a development instance: answered for a proxy_url there)',
  }),
} satisfies Record<string, ErrorEntry>

export type ErrorName = keyof typeof ERRORS

/** The entry of a name (typed lookup for callers holding a string). */
export const errorEntry = (name: ErrorName): ErrorEntry => ERRORS[name]

/** A long_message template as a regular expression (placeholders match anything). */
export function longPattern(e: ErrorEntry): RegExp {
  const parts = e.long.split(/<[A-Za-z_]+>/).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  return new RegExp(`^${parts.join('[\\s\\S]*')}$`)
}

/** Every entry with this status and code (several Clerk errors share a code, e.g. resource_not_found). */
export function entriesFor(status: number, code: string): Array<[ErrorName, ErrorEntry]> {
  return (Object.entries(ERRORS) as Array<[ErrorName, ErrorEntry]>).filter(
    ([, e]) => e.status === status && e.code === code,
  )
}
