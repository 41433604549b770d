// Who uploads, from a GitHub Actions OIDC token and nothing else: signed with RS256 by a key of
// the configured issuer (its JWKS, cached, fetched again on an unknown key id), for this
// deployment's one audience, within its lifetime. Numeric repository and owner ids are the keys.
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose'
import type { UploadIdentity } from './store/store.ts'

export class TokenRefused extends Error {
  override name = 'TokenRefused'
}

export interface VerifiedToken {
  identity: UploadIdentity
  expiresAt: Date
  claims: JWTPayload
}

export type Verify = (token: string) => Promise<VerifiedToken>

/** Allowed skew between our clock and the issuer's, in seconds. */
const CLOCK_TOLERANCE_S = 60
const REQUIRED = [
  'jti',
  'iat',
  'exp',
  'repository_id',
  'repository_owner_id',
  'run_id',
  'run_attempt',
]

export function oidcVerifier(issuer: string, audience: string): Verify {
  let keys: ReturnType<typeof createRemoteJWKSet> | undefined
  // The JWKS address comes from the issuer's discovery document, read once it is first needed.
  const keySet = async () => {
    if (!keys) {
      const response = await fetch(`${issuer}/.well-known/openid-configuration`, {
        signal: AbortSignal.timeout(5_000),
      })
      if (!response.ok) throw new Error(`the OIDC discovery document answered ${response.status}`)
      const discovery = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown }
      if (discovery.issuer !== issuer || typeof discovery.jwks_uri !== 'string') {
        throw new Error('the OIDC discovery document names another issuer or no jwks_uri')
      }
      keys = createRemoteJWKSet(new URL(discovery.jwks_uri))
    }
    return keys
  }
  return async (token) => {
    let payload: JWTPayload
    try {
      ;({ payload } = await jwtVerify(token, await keySet(), {
        issuer,
        audience,
        algorithms: ['RS256'],
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: REQUIRED,
      }))
    } catch (error) {
      throw new TokenRefused(refusal(error))
    }
    if (typeof payload.aud !== 'string') {
      throw new TokenRefused('the token must name this service as its one audience')
    }
    return {
      identity: identityOf(payload),
      expiresAt: new Date(payload.exp! * 1000),
      claims: payload,
    }
  }
}

function refusal(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired'
  if (error instanceof errors.JWTClaimValidationFailed)
    return `the token's ${error.claim} claim is not accepted (${error.reason})`
  if (error instanceof errors.JOSEAlgNotAllowed) return 'the token is not signed with RS256'
  if (error instanceof errors.JWKSNoMatchingKey) return "the token's key is not one of the issuer's"
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return "the token's signature does not verify"
  if (error instanceof errors.JOSEError) return `the token is not valid (${error.code})`
  return `the token could not be checked: ${(error as Error).message}`
}

function identityOf(claims: JWTPayload): UploadIdentity {
  const id = (name: string) => {
    const value = claims[name]
    const n = typeof value === 'string' && /^[1-9]\d*$/.test(value) ? Number(value) : NaN
    if (!Number.isSafeInteger(n)) throw new TokenRefused(`the token's ${name} is not a numeric id`)
    return n
  }
  const text = (name: string) => (typeof claims[name] === 'string' ? (claims[name] as string) : '')
  return {
    repositoryId: id('repository_id'),
    ownerId: id('repository_owner_id'),
    repository: text('repository'),
    runId: id('run_id'),
    runAttempt: id('run_attempt'),
    // Legs of one matrix share the workflow; GitHub's newer tokens name the job's own check run.
    job: text('check_run_id') || text('job_workflow_ref') || text('workflow_ref'),
    jti: text('jti'),
    eventName: text('event_name'),
    ref: text('ref'),
  }
}
