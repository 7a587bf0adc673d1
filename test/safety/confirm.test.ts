/**
 * Every destructive command, single and file mode alike, asks at a terminal and needs --yes otherwise;
 * with a production key the person types the id. Driven over the manifest: a destructive command without
 * a case in cases.ts fails here. The emulator's request log proves nothing changing was sent.
 */
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'

import {emulatorEnv} from '../helpers/cli.js'
import {useEmulator, withEmulator} from '../helpers/harness.js'
import {runPty} from '../helpers/pty.js'
import {DESTRUCTIVE, FILE_MODE, manifestCommands} from './cases.js'
import {type Fixtures, changing, makeFixtures} from './fixtures.js'

const destructive = manifestCommands().filter((c) => c.safety === 'destructive')
const LIVE_KEY = `sk_live_${'C'.repeat(40)}`

describe('every destructive command', () => {
  const t = useEmulator({rateLimit: 'off'})
  let f: Fixtures
  beforeAll(async () => {
    f = await makeFixtures(t)
  })

  it('has a case (add one to test/safety/cases.ts for a new command)', () => {
    expect(destructive.length).toBeGreaterThan(10)
    expect(destructive.map((c) => c.id).filter((id) => !DESTRUCTIVE[id])).toEqual([])
  })

  for (const c of destructive) {
    it(`${c.id}: without --yes and no terminal, exit 2 and nothing changing is sent`, async () => {
      const since = t.mark()
      const r = await t.usage(DESTRUCTIVE[c.id](f))
      expect(r.stderr).toMatch(/without confirmation/)
      expect(r.stderr).toMatch(/--yes/)
      expect(changing(since())).toEqual([])
    })

    it(`${c.id}: with --yes it acts (the case is real)`, async () => {
      const own = await makeFixtures(t)
      const since = t.mark()
      await t.ok([...DESTRUCTIVE[c.id](own), '--yes'])
      expect(changing(since()).length).toBeGreaterThan(0)
    })
  }

  for (const c of destructive.filter((c) => FILE_MODE[c.id])) {
    it(`${c.id} --file: without --yes and no terminal, exit 2 and nothing changing is sent`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'clerk-safety-'))
      const {argv, file, name} = FILE_MODE[c.id](f)
      writeFileSync(join(dir, name), file)
      const since = t.mark()
      const r = await t.usage([...argv, '--file', join(dir, name)])
      expect(r.stderr).toMatch(/without confirmation/)
      expect(changing(since())).toEqual([])
    })
  }
})

describe('with a production key at a terminal, the person types the id', () => {
  for (const c of destructive) {
    it(`${c.id}: a wrong answer cancels, nothing changing is sent`, async () => {
      await withEmulator({rateLimit: 'off', secretKey: LIVE_KEY}, async (t) => {
        const own = await makeFixtures(t)
        const since = t.mark()
        const r = await runPty(DESTRUCTIVE[c.id](own), {
          env: emulatorEnv(t.emu),
          steps: [[/PRODUCTION instance: .*Type \S+ to confirm:/, 'no\r']],
        })
        expect(r.stepsDone, r.tty).toBe(1)
        expect(r.code, r.tty).toBe(1)
        expect(r.tty).toMatch(/cancelled, nothing was changed/)
        expect(changing(since())).toEqual([])
      })
    })
  }
})

describe('clerk api', () => {
  it('a non-GET request with a production key: exit 2 without --yes, sent with it', async () => {
    await withEmulator({rateLimit: 'off', secretKey: LIVE_KEY}, async (t) => {
      const [u] = t.emu.store.seedUsers(1)
      const since = t.mark()
      const r = await t.usage(['api', '-X', 'DELETE', `/users/${u.id}`])
      expect(r.stderr).toMatch(/without confirmation/)
      expect(changing(since())).toEqual([])
      await t.ok(['api', '-X', 'DELETE', `/users/${u.id}`, '--yes'])
      expect(changing(since())).toEqual([`DELETE /v1/users/${u.id}`])
    })
  })

  it('GET with a production key and any method with a development key need no confirmation', async () => {
    await withEmulator({rateLimit: 'off', secretKey: LIVE_KEY}, async (t) => {
      await t.ok(['api', '/users', '-q', 'limit=1'])
    })
    await withEmulator({rateLimit: 'off'}, async (t) => {
      const [u] = t.emu.store.seedUsers(1)
      await t.ok(['api', '-X', 'DELETE', `/users/${u.id}`])
    })
  })
})
