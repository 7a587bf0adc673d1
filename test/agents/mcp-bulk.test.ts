/**
 * The bulk tools of `clerk mcp serve`, driven by the MCP SDK's own client over stdio against the emulator:
 * without confirm they answer a plan and send nothing; with confirm they run the CLI's bulk jobs and send
 * progress notifications; a call cancelled by the client, and a server killed midway, resume from the journal
 * on the next call with no row sent twice.
 */
import {existsSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import type {Progress} from '@modelcontextprotocol/sdk/types.js'
import {describe, expect, it} from 'vitest'

import {withEmulator} from '../helpers/harness.js'
import {connectMcp} from '../helpers/mcp.js'

const connect = connectMcp

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const text = (r: any): any => JSON.parse(r.content[0].text)
const dir = () => mkdtempSync(join(tmpdir(), 'mcp-bulk-'))
const emails = (n: number, domain: string) => Array.from({length: n}, (_, i) => `p${i}@${domain}`)
const csv = (path: string, header: string, values: string[]) => {
  writeFileSync(path, `${header}\n${values.join('\n')}\n`)
  return path
}
const posts = (h: Harness, path: string, status?: number) =>
  h.emu.requests.filter((q) => q.method === 'POST' && q.path === path && (status === undefined || q.status === status))
    .length

describe('clerk mcp serve: bulk tools', () => {
  it('plan without confirm sends nothing; with confirm every job runs, with progress; the same call again resumes', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const e = t.emu
      const boss = await t.createUser({email_address: ['boss@corp.test'], skip_password_requirement: true})
      const org = (await e.request('POST', '/v1/organizations', {name: 'Corp', slug: 'corp', created_by: boss.id})).body
      const d = dir()
      const people = csv(join(d, 'people.csv'), 'email', emails(12, 'corp.test'))
      const rows = emails(40, 'import.test').map((email_address, i) => ({email_address, first_name: `P${i}`}))
      const {client} = await connect(t, ['--rate-limit', '1000/10s'])
      try {
        const names = (await client.listTools()).tools.map((x) => x.name)
        for (const n of ['users_import', 'users_bulk', 'invitations_create_bulk', 'orgs_invite_bulk'])
          expect(names).toContain(n)

        // no confirm: the plan, and not one request for an import (reads only for the invitation skip lists)
        let since = t.mark()
        const plan = text(await client.callTool({name: 'users_import', arguments: {rows}}))
        expect(plan).toMatchObject({sent: false, plan: {rows: 40, valid: 40, to_send: 40, requests: 40}})
        expect(plan.plan.lines.join('\n')).toMatch(/requests: +40/)
        expect(since()).toEqual([])
        since = t.mark()
        const invitePlan = text(
          await client.callTool({name: 'orgs_invite_bulk', arguments: {organization_id: 'corp', file: people}}),
        )
        expect(invitePlan).toMatchObject({sent: false, plan: {rows: 12, to_send: 12, requests: 2}})
        expect(since().filter((q) => q.method !== 'GET')).toEqual([])
        expect(existsSync(`${people}.journal`)).toBe(false)
        const stdin = await client.callTool({name: 'users_import', arguments: {file: '-', confirm: true}})
        expect(text(stdin).error).toMatchObject({exit: 2})
        // an invalid row: the plan names it; confirm without skip_invalid is refused, naming it too
        const bad = [...rows.slice(0, 2), {email_address: 'not-an-email'}]
        const badPlan = text(await client.callTool({name: 'users_import', arguments: {rows: bad}}))
        expect(badPlan).toMatchObject({
          plan: {rows: 3, valid: 2, invalid: 1},
          invalid_rows: [expect.stringMatching(/^row 3: /)],
        })
        const refused = text(await client.callTool({name: 'users_import', arguments: {rows: bad, confirm: true}}))
        expect(refused.error).toMatchObject({exit: 2, hint: expect.stringMatching(/skip_invalid: true/)})
        expect(refused.error.details.invalid_rows).toEqual(badPlan.invalid_rows)
        expect(since().filter((q) => q.method !== 'GET')).toEqual([])

        // confirm: the import runs, progress notifications arrive (increasing, fewer than one per row)
        const progress: Progress[] = []
        const done = text(
          await client.callTool({name: 'users_import', arguments: {rows, confirm: true}}, undefined, {
            onprogress: (p) => progress.push(p),
          }),
        )
        expect(done).toMatchObject({sent: true, status: 'done', exit: 0, rows: 40, ok: 40, failed: 0})
        expect(posts(t, '/v1/users', 200)).toBe(41)
        expect(progress.length).toBeGreaterThanOrEqual(2)
        expect(progress.length).toBeLessThan(40)
        expect(progress.at(-1)).toMatchObject({progress: 40, total: 40})
        for (let i = 1; i < progress.length; i++) expect(progress[i].progress).toBeGreaterThan(progress[i - 1].progress)
        expect(readFileSync(done.report, 'utf8').trim().split('\n')).toHaveLength(40)

        // the same call again: its journal says every row is done, nothing is sent
        since = t.mark()
        const again = text(await client.callTool({name: 'users_import', arguments: {rows, confirm: true}}))
        expect(again).toMatchObject({status: 'done', ok: 40, already_done: 40})
        expect(since()).toEqual([])

        const ids = [...e.store.users.values()].filter((u) => u.first_name?.startsWith('P')).map((u) => u.id)
        const banned = text(
          await client.callTool({name: 'users_bulk', arguments: {action: 'ban', user_ids: ids, confirm: true}}),
        )
        expect(banned).toMatchObject({status: 'done', ok: 40})
        expect(ids.every((id) => e.store.users.get(id)?.banned)).toBe(true)

        const invited = text(
          await client.callTool({
            name: 'orgs_invite_bulk',
            arguments: {organization_id: 'corp', file: people, role: 'org:member', confirm: true},
          }),
        )
        expect(invited).toMatchObject({status: 'done', ok: 12, journal: `${people}.journal`})
        expect(posts(t, `/v1/organizations/${org.id}/invitations/bulk`, 200)).toBe(2)
        // the journal is tied to its organization: the same file for another org is refused, not "resumed"
        const other = await client.callTool({
          name: 'orgs_invite_bulk',
          arguments: {organization_id: 'corp', file: people, role: 'org:admin', confirm: true},
        })
        expect(text(other).error.message).toMatch(/other parameters/)

        const signups = text(
          await client.callTool({
            name: 'invitations_create_bulk',
            arguments: {rows: emails(3, 'signup.test').map((email) => ({email})), confirm: true},
          }),
        )
        expect(signups).toMatchObject({status: 'done', ok: 3})
        expect(posts(t, '/v1/invitations/bulk', 200)).toBe(1)
      } finally {
        await client.close()
      }
    }))

  it('a cancelled call and a killed server both resume from the journal: every row once', () =>
    withEmulator({rateLimit: 'off'}, async (t) => {
      const n = 80
      const file = csv(join(dir(), 'users.csv'), 'email_address', emails(n, 'resume.test'))
      const args = {file, confirm: true}
      const created = () => [...t.emu.store.users.values()].length
      const serve = ['--rate-limit', '20/1s']
      const untilProgress = (min: number) => {
        const o = {abort: new AbortController(), seen: 0}
        const onprogress = (p: Progress) => {
          o.seen = p.progress
          if (p.progress >= min) o.abort.abort()
        }
        return {o, onprogress}
      }

      // 1. the client cancels once rows are under way: the server stops, rows in flight finish, the journal ends
      const first = await connect(t, serve)
      const cancel = untilProgress(10)
      await expect(
        first.client.callTool({name: 'users_import', arguments: args}, undefined, {
          onprogress: cancel.onprogress,
          signal: cancel.o.abort.signal,
        }),
      ).rejects.toThrow()
      while (!/"t":"end"/.test(readFileSync(`${file}.journal`, 'utf8'))) await new Promise((r) => setTimeout(r, 50))
      const afterCancel = created()
      expect(afterCancel).toBeGreaterThanOrEqual(10)
      expect(afterCancel).toBeLessThan(n)

      // 2. the same call resumes; the server is killed (SIGKILL) midway. The cancelled run may still be
      // closing (its rows in flight): until it has, the server answers "in progress" and the call is repeated
      const kill = untilProgress(afterCancel + 15)
      for (;;) {
        const outcome = await first.client
          .callTool({name: 'users_import', arguments: args}, undefined, {
            onprogress: (p) => {
              kill.onprogress(p)
              if (kill.o.abort.signal.aborted) process.kill(first.transport.pid!, 'SIGKILL')
            },
          })
          .then(
            (answer) => ({answer}),
            (error: Error) => ({error}),
          )
        if ('error' in outcome) break
        expect(JSON.stringify(outcome.answer)).toMatch(/is in progress in this server/)
        await new Promise((r) => setTimeout(r, 100))
      }
      await first.client.close().catch(() => undefined)
      expect(created()).toBeGreaterThan(afterCancel)
      expect(created()).toBeLessThan(n)

      // 3. a new server, the same call: it finishes, and nobody was created twice
      const second = await connect(t, serve)
      try {
        const r = text(await second.client.callTool({name: 'users_import', arguments: args}))
        expect(r).toMatchObject({status: 'done', exit: 0, rows: n, ok: n, failed: 0})
        expect(r.already_done).toBeGreaterThan(afterCancel)
      } finally {
        await second.client.close()
      }
      expect(created()).toBe(n)
      expect(posts(t, '/v1/users', 200)).toBe(n)
      expect(posts(t, '/v1/users')).toBe(n)
      const report = readFileSync(`${file}.report.ndjson`, 'utf8').trim().split('\n')
      expect(new Set(report.map((l) => JSON.parse(l).key)).size).toBe(n)
    }))
})
