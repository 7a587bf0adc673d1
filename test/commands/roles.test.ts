/** orgs roles, orgs permissions, role-sets end to end; the role check (with did-you-mean) of set-role, members add and invite. */
import {beforeAll, describe, expect, it} from 'vitest'

import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})
let userId: string

beforeAll(() => {
  userId = t.emu.store.seedUsers(1)[0].id
})

describe('clerk orgs permissions, orgs roles, role-sets', () => {
  it(
    'creates permissions and a role, edits them by key, assigns and removes a permission, deletes',
    {timeout: 300_000},
    async () => {
      const system = await t.json(['orgs', 'permissions', 'list'])
      expect(system.map((p: {key: string}) => p.key)).toContain('org:sys_memberships:read')
      const read = await t.json([
        'orgs',
        'permissions',
        'create',
        '--key',
        'org:invoices:read',
        '--name',
        'Read invoices',
      ])
      expect(read).toMatchObject({object: 'permission', key: 'org:invoices:read', type: 'user'})
      await t.json(['orgs', 'permissions', 'create', '--key', 'org:invoices:manage', '--name', 'Manage invoices'])
      const bad = await t.fails(1, ['orgs', 'permissions', 'create', '--key', 'invoices', '--name', 'x'])
      expect(bad.stderr).toMatch(/HTTP 422/)
      expect((await t.json(['orgs', 'permissions', 'get', 'org:invoices:read'])).id).toBe(read.id)
      const upd = await t.json(['orgs', 'permissions', 'update', read.id, '--description', 'See every invoice'])
      expect(upd.description).toBe('See every invoice')
      expect(await t.json(['orgs', 'permissions', 'list', '--query', 'invoices', '--order-by', 'key'])).toHaveLength(2)

      const role = await t.json([
        'orgs',
        'roles',
        'create',
        '--key',
        'org:billing',
        '--name',
        'Billing',
        '--permission',
        'org:invoices:read',
        '--initial-role-set',
      ])
      expect(role.permissions.map((p: {key: string}) => p.key)).toEqual(['org:invoices:read'])
      const added = await t.json(['orgs', 'roles', 'add-permission', 'org:billing', 'org:invoices:manage'])
      expect(added.permissions).toHaveLength(2)
      const twice = await t.fails(1, ['orgs', 'roles', 'add-permission', 'org:billing', 'org:invoices:manage'])
      expect(twice.stderr).toMatch(/HTTP 409/)
      const removed = await t.json([
        'orgs',
        'roles',
        'remove-permission',
        'org:billing',
        'org:invoices:manage',
        '--yes',
      ])
      expect(removed.permissions).toHaveLength(1)
      const table = await t.ok(['orgs', 'roles', 'get', 'org:billing'])
      expect(table.stdout).toMatch(/PERMISSIONS\s+.*org:invoices:read/)
      expect((await t.json(['orgs', 'roles', 'update', role.id, '--name', 'Billing admin'])).name).toBe('Billing admin')
      await t.usage(['orgs', 'roles', 'update', role.id])
      const keys = (await t.json(['orgs', 'roles', 'list', '--order-by', 'key'])).map((r: {key: string}) => r.key)
      expect(keys).toEqual(['org:admin', 'org:billing', 'org:member'])
      const unknown = await t.usage(['orgs', 'roles', 'get', 'org:biling'])
      expect(unknown.stderr).toMatch(/unknown role "org:biling"[\s\S]*did you mean org:billing\?/)

      const initial = await t.json(['role-sets', 'get', 'role_set:default'])
      expect(initial.roles.map((r: {key: string}) => r.key)).toContain('org:billing')
      const set = await t.json([
        'role-sets',
        'create',
        '--name',
        'Enterprise',
        '--role',
        'org:admin',
        '--role',
        'org:billing',
        '--default-role',
        'org:billing',
        '--creator-role',
        'org:admin',
      ])
      expect(set).toMatchObject({object: 'role_set', key: 'role_set:enterprise', type: 'custom'})
      expect(set.default_role.key).toBe('org:billing')
      const init = await t.json([
        'role-sets',
        'update',
        'role_set:enterprise',
        '--initial',
        '--description',
        'big ones',
      ])
      expect(init).toMatchObject({type: 'initial', description: 'big ones'})
      const sets = await t.json(['role-sets', 'list'])
      expect(sets.map((s: {key: string; type: string}) => `${s.key}=${s.type}`).sort()).toEqual([
        'role_set:default=custom',
        'role_set:enterprise=initial',
      ])
      expect((await t.ok(['role-sets', 'list', '--wide'])).stdout).toMatch(
        /role_set:enterprise\s+Enterprise\s+initial\s+org:billing/,
      )

      // a role that is the default of a set cannot go; a plain one can
      expect((await t.fails(1, ['orgs', 'roles', 'delete', 'org:billing', '--yes'])).stderr).toMatch(/HTTP 422/)
      await t.json(['orgs', 'roles', 'create', '--key', 'org:temp', '--name', 'Temp'])
      expect(await t.json(['orgs', 'roles', 'delete', 'org:temp', '--yes'])).toMatchObject({deleted: true})
      expect((await t.json(['orgs', 'permissions', 'delete', 'org:invoices:manage', '--yes'])).deleted).toBe(true)
      expect((await t.fails(1, ['orgs', 'permissions', 'delete', 'org:sys_profile:manage', '--yes'])).stderr).toMatch(
        /HTTP 422/,
      )
    },
  )

  it(
    'checks a role against the instance (one lookup) before set-role, members add and invite',
    {timeout: 120_000},
    async () => {
      await t.ok(['orgs', 'create', '--name', 'Roles Inc', '--slug', 'roles-inc', '--created-by', userId])
      const since = t.mark()
      const typo = await t.usage(['orgs', 'members', 'set-role', 'roles-inc', userId, 'org:admn', '--yes'])
      expect(typo.stderr).toMatch(/unknown role "org:admn"/)
      expect(typo.stderr).toMatch(/did you mean org:admin\?/)
      const invite = await t.usage(['orgs', 'invite', 'roles-inc', '--email', 'a@roles.example', '--role', 'org:membr'])
      expect(invite.stderr).toMatch(/did you mean org:member\?/)
      const writes = since().filter((r) => r.method !== 'GET')
      expect(writes).toEqual([])
      const lookups = since().filter((r) => r.path === '/v1/organization_roles')
      expect(lookups).toHaveLength(2) // one per command
      await t.ok(['orgs', 'members', 'set-role', 'roles-inc', userId, 'org:billing', '--yes'])
      const m = await t.json(['orgs', 'members', 'list', 'roles-inc'])
      expect(m[0]).toMatchObject({role: 'org:billing', permissions: ['org:invoices:read']})
    },
  )
})
