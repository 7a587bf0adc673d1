/**
 * Machine identities end to end, as one loop: machines and their scopes, an M2M token minted with the
 * machine's own key, an API key; each verifies with `clerk token verify` until it is revoked (then exit 3);
 * a rotated key stops minting, a deleted machine's tokens stop verifying. Secrets reach stdout once and
 * never stderr, even with --verbose.
 */
import {describe, expect, it} from 'vitest'

import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})

describe('clerk machines, m2m-tokens, api-keys', () => {
  it('create -> mint -> verify -> revoke -> verify fails; rotate, scopes, delete', {timeout: 300_000}, async () => {
    const billing = await t.json(['machines', 'create', '--name', 'billing'])
    expect(billing.secret_key).toMatch(/^ak_/)
    const worker = await t.json(['machines', 'create', '--name', 'worker', '--scope', billing.id, '--token-ttl', '600'])
    expect(worker).toMatchObject({default_token_ttl: 600, scoped_machines: [{id: billing.id}]})
    const renamed = await t.json(['machines', 'update', worker.id, '--name', 'night-worker'])
    expect(renamed).toMatchObject({name: 'night-worker'})
    expect(renamed.secret_key).toBeUndefined()
    const listed = await t.json(['machines', 'list', '--query', 'night'])
    expect(listed.map((m: {id: string}) => m.id)).toEqual([worker.id])
    await t.ok(['machines', 'scopes', 'add', billing.id, worker.id])
    const table = await t.ok(['machines', 'get', billing.id])
    expect(table.stdout).toMatch(new RegExp(`SCOPED MACHINES\\s+.*${worker.id}`))
    expect(table.stdout).not.toContain('ak_')

    // an M2M token, minted with the worker's own key (read by the CLI, never shown)
    const minted = await t.run(['m2m-tokens', 'create', '--machine', worker.id, '--verbose', '-o', 'json'])
    expect(minted.code, minted.stderr).toBe(0)
    const m2m = JSON.parse(minted.stdout)
    expect(m2m).toMatchObject({subject: worker.id, scopes: [billing.id], revoked: false})
    expect(m2m.token).toMatch(/^mt_/)
    expect(minted.stderr).toMatch(/\[http\] POST \/m2m_tokens -> 201/)
    for (const secret of [m2m.token, worker.secret_key]) expect(minted.stderr).not.toContain(secret)
    const ok = await t.json(['token', 'verify', m2m.token, '--accepts', 'm2m_token'])
    expect(ok).toMatchObject({valid: true, tokenType: 'm2m_token', id: m2m.id})
    const tokens = await t.json(['m2m-tokens', 'list', '--machine', worker.id])
    expect(tokens.map((x: {id: string}) => x.id)).toEqual([m2m.id])
    expect(JSON.stringify(tokens)).not.toContain(m2m.token)
    await t.json(['m2m-tokens', 'revoke', m2m.id, '--reason', 'done', '--yes'])
    const revoked = await t.fails(3, ['token', 'verify', m2m.token, '--accepts', 'any'])
    expect(revoked.stderr + revoked.stdout).not.toContain(m2m.token)
    expect(await t.json(['m2m-tokens', 'list', '--machine', worker.id, '--revoked'])).toMatchObject([
      {id: m2m.id, revoked: true, revocation_reason: 'done'},
    ])

    // rotation: the old key stops minting at once, the new one (printed once) mints
    const rotated = await t.json(['machines', 'rotate-secret', worker.id, '--yes'])
    expect(rotated.secret).toMatch(/^ak_/)
    const stale = await t.fails(3, ['m2m-tokens', 'create'], {env: {CLERK_MACHINE_SECRET_KEY: worker.secret_key}})
    expect(stale.stderr).toMatch(/HTTP 401/)
    expect(stale.stderr).not.toContain(worker.secret_key)
    const fresh = await t.json(['m2m-tokens', 'create', '--claims', '{"job":"nightly"}'], {
      env: {CLERK_MACHINE_SECRET_KEY: rotated.secret},
    })
    expect(fresh).toMatchObject({subject: worker.id, claims: {job: 'nightly'}})
    expect((await t.usage(['m2m-tokens', 'create'])).stderr).toMatch(/CLERK_MACHINE_SECRET_KEY/)

    // an API key for a user
    const user = t.seedUsers(1)[0]
    const key = await t.json(['api-keys', 'create', '--subject', user.id, '--name', 'ci-deploy', '--scope', 'read'])
    expect(key.secret).toMatch(/^ak_/)
    expect((await t.ok(['api-keys', 'secret', key.id])).stdout.trim()).toBe(key.secret)
    expect(await t.json(['api-keys', 'update', key.id, '--description', 'CI'])).toMatchObject({description: 'CI'})
    const shown = await t.ok(['api-keys', 'get', key.id])
    expect(shown.stdout).toMatch(/DESCRIPTION\s+.*CI/)
    expect(shown.stdout).not.toContain(key.secret)
    expect(await t.json(['token', 'verify', key.secret, '--accepts', 'api_key'])).toMatchObject({
      valid: true,
      tokenType: 'api_key',
      id: key.id,
    })
    const pasted = await t.usage(['machines', 'get', key.secret]) // a secret in the wrong place is not echoed
    expect(pasted.stderr).toContain(`ak_****${key.secret.slice(-4)}`)
    expect(pasted.stderr).not.toContain(key.secret)
    await t.ok(['api-keys', 'revoke', key.id, '--yes'])
    await t.fails(3, ['token', 'verify', key.secret, '--accepts', 'api_key'])
    expect(await t.json(['api-keys', 'list', '--subject', user.id, '--all'])).toMatchObject([
      {id: key.id, revoked: true},
    ])

    // removing the scope and the machine (--dry-run and confirmations: test/safety)
    await t.ok(['machines', 'scopes', 'remove', billing.id, worker.id, '--yes'])
    await t.ok(['machines', 'delete', worker.id, '--yes'])
    await t.fails(3, ['token', 'verify', fresh.token, '--accepts', 'm2m_token'])
    expect(await t.json(['machines', 'list'])).toMatchObject([{id: billing.id, scoped_machines: []}])
  })
})
