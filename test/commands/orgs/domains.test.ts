/** orgs domains list|add|update|verify|remove end to end, and the instance-wide --all-orgs list. */
import {describe, expect, it} from 'vitest'

import {useEmulator} from '../../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})

describe('clerk orgs domains', () => {
  it('adds, lists, updates, verifies and removes domains by org id or slug', {timeout: 180_000}, async () => {
    const [u] = t.seedUsers(1)
    const acme = (await t.emu.request('POST', '/v1/organizations', {name: 'Acme', slug: 'acme', created_by: u.id})).body
    await t.emu.request('POST', '/v1/organizations', {name: 'Other', slug: 'other', created_by: u.id})

    // domains are off in a new instance's organization settings: Clerk's 403, exit 4
    const off = await t.fails(4, ['orgs', 'domains', 'add', 'acme', 'acme.com'])
    expect(off.stderr).toMatch(/organization_domains_not_enabled/)
    await t.emu.request('PATCH', '/v1/instance/organization_settings', {
      domains_enabled: true,
      domains_enrollment_modes: ['automatic_invitation'],
    })

    const com = await t.json([
      'orgs',
      'domains',
      'add',
      'acme',
      'acme.com',
      '--enrollment-mode',
      'automatic_invitation',
    ])
    expect(com).toMatchObject({
      object: 'organization_domain',
      organization_id: acme.id,
      name: 'acme.com',
      enrollment_mode: 'automatic_invitation',
      affiliation_verification: {status: 'verified'},
      ownership_verification: null,
    })
    const org = await t.json(['orgs', 'domains', 'add', acme.id, 'acme.org', '--no-verified'])
    expect(org.affiliation_verification.status).toBe('unverified')
    await t.json(['orgs', 'domains', 'add', 'other', 'other.io'])
    const taken = await t.fails(1, ['orgs', 'domains', 'add', 'other', 'acme.com'])
    expect(taken.stderr).toMatch(/HTTP 422 organization_domain_already_exists/)
    const mode = await t.fails(4, [
      'orgs',
      'domains',
      'add',
      'acme',
      'x.acme.com',
      '--enrollment-mode',
      'automatic_suggestion',
    ])
    expect(mode.stderr).toMatch(/organization_domain_enrollment_mode_not_enabled/)

    const table = await t.ok(['orgs', 'domains', 'list', 'acme'])
    expect(table.stdout).toMatch(/acme\.org\s+manual_invitation\s+unverified\s+none/)
    expect(
      (await t.json(['orgs', 'domains', 'list', 'acme', '--no-verified'])).map((d: {name: string}) => d.name),
    ).toEqual(['acme.org'])

    const updated = await t.json(['orgs', 'domains', 'update', 'acme', org.id, '--verified'])
    expect(updated.affiliation_verification.status).toBe('verified')
    const verified = await t.json(['orgs', 'domains', 'verify', 'acme', org.id])
    expect(verified.ownership_verification).toMatchObject({status: 'verified', strategy: 'manual_override'})
    await t.usage(['orgs', 'domains', 'update', 'acme', org.id])

    const all = await t.json(['orgs', 'domains', 'list', '--all-orgs', '--order-by', 'name'])
    expect(all.map((d: {name: string}) => d.name)).toEqual(['acme.com', 'acme.org', 'other.io'])
    const notAuto = await t.json([
      'orgs',
      'domains',
      'list',
      '--all-orgs',
      '--enrollment-mode',
      '-automatic_invitation',
    ])
    expect(notAuto.map((d: {name: string}) => d.name).sort()).toEqual(['acme.org', 'other.io'])
    await t.usage(['orgs', 'domains', 'list'])

    const since = t.mark()
    await t.ok(['orgs', 'domains', 'remove', 'acme', org.id, '--dry-run'])
    await t.usage(['orgs', 'domains', 'remove', 'acme', org.id])
    expect(since().filter((r) => r.method !== 'GET')).toEqual([])
    expect(await t.json(['orgs', 'domains', 'remove', 'acme', org.id, '--yes'])).toMatchObject({
      id: org.id,
      deleted: true,
    })
    await t.usage(['orgs', 'domains', 'remove', 'acme', 'orgdmn_../x', '--yes'])
  })
})
