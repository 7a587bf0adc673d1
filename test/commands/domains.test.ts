/** domains list|add|update|remove end to end: satellites come and go, the primary stays. */
import {describe, expect, it} from 'vitest'

import {useEmulator} from '../helpers/harness.js'

const t = useEmulator({rateLimit: 'off'})

describe('clerk domains', () => {
  it(
    'adds a satellite, renames it, refuses a proxy on development and removing the primary, removes it',
    {timeout: 120_000},
    async () => {
      const sat = await t.json(['domains', 'add', 'sat.example.com'])
      expect(sat).toMatchObject({
        object: 'domain',
        name: 'sat.example.com',
        is_satellite: true,
        accounts_portal_url: null,
      })
      const renamed = await t.json(['domains', 'update', sat.id, '--name', 'app2.example.com'])
      expect(renamed).toMatchObject({name: 'app2.example.com', frontend_api_url: 'https://clerk.app2.example.com'})
      const proxy = await t.fails(1, ['domains', 'update', sat.id, '--proxy-url', 'https://app2.example.com/__clerk'])
      expect(proxy.stderr).toMatch(/HTTP 400 domain_update_forbidden/)
      await t.usage(['domains', 'update', sat.id])

      const list = await t.ok(['domains', 'list'])
      expect(list.stdout).toMatch(/app2\.example\.com\s+true/)
      const primary = (await t.json(['domains', 'list'])).find((d: {is_satellite: boolean}) => !d.is_satellite)
      expect((await t.fails(4, ['domains', 'remove', primary.id, '--yes'])).stderr).toMatch(
        /operation_not_allowed_on_primary_domain/,
      )

      const since = t.mark()
      expect((await t.ok(['domains', 'remove', sat.id, '--dry-run'])).stderr).toContain(
        `would send DELETE /v1/domains/${sat.id}`,
      )
      await t.usage(['domains', 'remove', sat.id])
      expect(since().filter((r) => r.method !== 'GET')).toEqual([])
      expect(await t.json(['domains', 'remove', sat.id, '--yes'])).toMatchObject({object: 'domain', deleted: true})
      expect(await t.json(['domains', 'list'])).toHaveLength(1)
    },
  )
})
