// The storefront's page-load benchmark: run by run.sh (which says what it measures and why), or on
// its own against a running shop:
//   STOREFRONT_URL=http://localhost:8080 node bench/storefront/measure.mjs
// Environment: STOREFRONT_URL, OUT (bench/storefront/out), RUNS (15 cold loads per page),
// WARMUP_LOADS (3 per page, not measured), TTFB_REQUESTS (30), CHROMIUM (/usr/bin/chromium),
// REGISTER_CUSTOMER (1: register a throwaway customer for the signed-in visit; run.sh sets it for its
// own shop), CUSTOMER_EMAIL / CUSTOMER_PASSWORD (an existing customer instead), SHOP_DESCRIPTION.
// Playwright comes from storefront/node_modules (its library API only; the browser is Debian's).
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import os from 'node:os'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(HERE, '../..')
const BASE = (process.env.STOREFRONT_URL ?? 'http://localhost:8080').replace(/\/+$/, '')
const OUT = path.resolve(process.env.OUT ?? path.join(HERE, 'out'))
const RUNS = positive(process.env.RUNS, 15)
const WARMUP_LOADS = positive(process.env.WARMUP_LOADS, 3, true)
const TTFB_REQUESTS = positive(process.env.TTFB_REQUESTS, 30)
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const QUERY = '三体'
const BUDGET_KB = 200 // initial JS + CSS of the home page, gzipped (the issue's budget)
const LCP_TARGET_MS = 1000
const VIEWPORT = { width: 1280, height: 720 }
const LOCALE = 'zh-CN' // the shop's first language
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
// The page a browser paints fastest on this machine: one heading, no script, no style sheet.
const FLOOR_HTML =
  '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
  '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Floor</title></head>' +
  '<body><h1>One heading, no script</h1></body></html>'

function positive(value, fallback, zeroAllowed = false) {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < (zeroAllowed ? 0 : 1)) throw new Error(`not a count: ${value}`)
  return n
}

/**
 * Playwright's library: PLAYWRIGHT_CORE (a copy of storefront/node_modules/playwright-core that
 * run.sh takes at its start, since a build running `npm ci` in storefront/ meanwhile empties
 * node_modules), else storefront/node_modules itself.
 */
function loadPlaywright() {
  const candidates = []
  if (process.env.PLAYWRIGHT_CORE) candidates.push([path.join(process.env.PLAYWRIGHT_CORE, 'package.json'), '.'])
  const storefront = path.join(ROOT, 'storefront', 'package.json')
  candidates.push([storefront, 'playwright-core'], [storefront, '@playwright/test'])
  for (const [from, name] of candidates) {
    try {
      return createRequire(from)(name)
    } catch {
      // the next one
    }
  }
  throw new Error('neither playwright-core nor @playwright/test in storefront/node_modules: cd storefront && npm ci')
}

// ---------------------------------------------------------------------------------------------- HTTP

/** One GET on a new connection (no keep-alive); the body as the server sent it, not decoded. */
function get(url, headers = {}) {
  const client = url.startsWith('https:') ? https : http
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const request = client.get(url, { headers, agent: false }, (response) => {
      const firstByte = performance.now() - start
      const chunks = []
      response.on('data', (chunk) => chunks.push(chunk))
      response.on('error', reject)
      response.on('end', () => {
        const body = Buffer.concat(chunks)
        resolve({
          status: response.statusCode,
          headers: response.headers,
          body,
          bytes: body.length,
          firstByte,
          total: performance.now() - start,
        })
      })
    })
    request.on('error', reject)
    request.setTimeout(60_000, () => request.destroy(new Error(`no answer from ${url} in 60 s`)))
  })
}

async function json(url) {
  const response = await get(url, { Accept: 'application/json' })
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`)
  return JSON.parse(response.body.toString('utf8'))
}

/** A JSON POST (node:http: fetch refuses the fetch standard's "bad ports", 10080 among them). */
function post(url, body) {
  const client = url.startsWith('https:') ? https : http
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Content-Length': Buffer.byteLength(payload) },
      },
      (response) => {
        const chunks = []
        response.on('data', (chunk) => chunks.push(chunk))
        response.on('error', reject)
        response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }))
      },
    )
    request.on('error', reject)
    request.setTimeout(60_000, () => request.destroy(new Error(`no answer from ${url} in 60 s`)))
    request.end(payload)
  })
}

// ------------------------------------------------------------------------------------------ figures

function quantile(values, q) {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
  if (sorted.length === 0) return null
  // Nearest rank: the value at or above q of the samples (p90 of 15 is the 14th).
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}
const median = (values) => quantile(values, 0.5)
const kb = (bytes) => (bytes === null || bytes === undefined ? '—' : (bytes / 1000).toFixed(1))
const ms = (value) => (value === null || value === undefined ? '—' : `${Math.round(value)} ms`)
const ratio = (a, b) => (a === null || b === null || b === 0 ? '—' : (a / b).toFixed(1))
const sum = (rows, key) => rows.reduce((total, row) => total + (row[key] ?? 0), 0)

function cpuTicks() {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number)
  return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7] }
}
const loadAverage = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')

// ------------------------------------------------------------------------------------- the build

/**
 * The files only the admin console loads, from the entry chunk as the gateway serves it: Vite's
 * preload map (`__vite__mapDeps`) lists each lazily loaded route's chunk and the chunks and style
 * sheets it needs; the router's source (storefront/src/router/index.ts) says which imports are the
 * console's (the store and the console both have an OrdersView and an OrderView, told apart by their
 * order). Whatever a console route needs that no other route or the entry needs is the console's own.
 */
function adminOnlyFiles(entryPath, entrySource, staticFiles) {
  const routerSource = fs.readFileSync(path.join(ROOT, 'storefront/src/router/index.ts'), 'utf8')
  const views = [...routerSource.matchAll(/import\(\s*['"]@\/views\/(store|admin)\/(\w+)\.vue['"]\s*\)/g)].map(
    (m) => ({ area: m[1], name: m[2] }),
  )
  const listMatch = entrySource.match(/m\.f\s*\|\|\s*\(\s*m\.f\s*=\s*(\[[^\]]*\])/)
  if (!listMatch || views.length === 0) return null
  const list = JSON.parse(listMatch[1].replace(/'/g, '"')).map((f) => '/' + f.replace(/^\/+/, ''))
  const entryDir = path.posix.dirname(entryPath)
  const imports = [
    ...entrySource.matchAll(/import\(\s*[`'"](\.\/[^`'"]+\.js)[`'"]\s*\)(?:\s*,\s*__vite__mapDeps\(\[([\d,\s]*)\]\))?/g),
  ].map((m) => ({
    file: path.posix.join(entryDir, m[1]),
    deps: (m[2] ?? '')
      .split(',')
      .filter((s) => s.trim() !== '')
      .map((i) => list[Number(i)]),
  }))
  // The router's imports in order, each matched to the next dynamic import of a chunk of that name.
  let at = 0
  const routeOf = new Map()
  for (const view of views) {
    while (at < imports.length && !path.posix.basename(imports[at].file).startsWith(view.name + '-')) at++
    if (at === imports.length) return null
    routeOf.set(at, view.area)
    at++
  }
  const admin = new Set()
  const others = new Set(staticFiles)
  imports.forEach((imported, i) => {
    const target = routeOf.get(i) === 'admin' ? admin : others
    for (const file of [imported.file, ...imported.deps]) target.add(file)
  })
  return [...admin].filter((file) => !others.has(file)).sort()
}

async function readBuild() {
  const index = await get(`${BASE}/`, { Accept: 'text/html', 'Accept-Encoding': 'identity' })
  if (index.status !== 200) throw new Error(`${BASE}/ answered ${index.status}`)
  const html = index.body.toString('utf8')
  const entry = html.match(/<script[^>]*type="module"[^>]*src="([^"]+)"/)?.[1]
  if (!entry) throw new Error(`no module script in ${BASE}/: is it the storefront?`)
  const staticFiles = [...html.matchAll(/<(?:script|link)[^>]*(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1])
  const entrySource = (await get(`${BASE}${entry}`, { 'Accept-Encoding': 'identity' })).body.toString('utf8')
  const adminOnly = adminOnlyFiles(entry, entrySource, staticFiles)
  return { entry, staticFiles, adminOnly }
}

/** raw, gzip and brotli sizes of a file as the gateway serves it to each Accept-Encoding. */
const sizeCache = new Map()
async function sizesOf(pathname) {
  if (!sizeCache.has(pathname)) {
    const sizes = {}
    for (const [key, coding] of [
      ['raw', 'identity'],
      ['gzip', 'gzip'],
      ['br', 'br'],
    ]) {
      const response = await get(`${BASE}${pathname}`, { 'Accept-Encoding': coding })
      const served = response.headers['content-encoding'] ?? 'identity'
      sizes[key] = response.status === 200 ? response.bytes : null
      sizes[`${key}Coding`] = served
    }
    sizeCache.set(pathname, sizes)
  }
  return sizeCache.get(pathname)
}

// -------------------------------------------------------------------------------------- the browser

async function newPage(browser) {
  // A new context: its own empty cache, cookies and storage, and its own renderer processes.
  const context = await browser.newContext({ viewport: VIEWPORT, locale: LOCALE })
  const page = await context.newPage()
  return { context, page }
}

/** Read once the page's network is idle: LCP from a buffered observer, FCP and navigation timing. */
function paintFigures(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const describe = (element) => {
          if (!element) return null
          let text = element.tagName.toLowerCase()
          if (element.id) text += `#${element.id}`
          const classes = [...element.classList].slice(0, 2)
          if (classes.length) text += `.${classes.join('.')}`
          const content = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24)
          return content ? `${text} “${content}”` : text
        }
        const entries = []
        let done = false
        const finish = () => {
          if (done) return
          done = true
          observer.disconnect()
          const last = entries.at(-1)
          const navigation = performance.getEntriesByType('navigation')[0]
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]
          // Where the time went: when the entry script, all scripts and style sheets, and the API's
          // answers had arrived (responseEnd, from the navigation's start).
          const resources = performance.getEntriesByType('resource')
          const entryScript = document.querySelector('script[type="module"][src]')?.src
          const lastEnd = (test) => {
            const ends = resources.filter((r) => test(new URL(r.name))).map((r) => r.responseEnd)
            return ends.length ? Math.max(...ends) : null
          }
          resolve({
            lcp: last ? last.startTime : null,
            lcpSize: last ? last.size : null,
            lcpElement: last ? (describe(last.element) ?? (last.url || `(removed) ${last.id || ''}`.trim())) : null,
            lcpCandidates: entries.length,
            fcp: fcp ? fcp.startTime : null,
            ttfb: navigation ? navigation.responseStart : null,
            serverWait: navigation ? navigation.responseStart - navigation.requestStart : null,
            domContentLoaded: navigation ? navigation.domContentLoadedEventEnd : null,
            entryScriptEnd: lastEnd((u) => u.href === entryScript),
            codeEnd: lastEnd((u) => /\.(m?js|css)$/.test(u.pathname)),
            apiEnd: lastEnd((u) => u.pathname.startsWith('/api/')),
          })
        }
        const observer = new PerformanceObserver((list) => {
          entries.push(...list.getEntries())
          setTimeout(finish, 0)
        })
        observer.observe({ type: 'largest-contentful-paint', buffered: true })
        setTimeout(finish, 2000) // no entry at all: the page painted nothing LCP counts
      }),
  )
}

/**
 * When the page's own content (CONTENT selector: the first book of a grid, the book's title) was
 * first in the DOM, plus one frame: what a customer waits for, which LCP does not always see (on
 * the search page the footer's text is larger than any result's). An approximation of its paint.
 */
function watchContent(selector) {
  const shown = () => {
    if (!document.querySelector(selector)) return false
    requestAnimationFrame(() => setTimeout(() => (window.__contentShown ??= performance.now()), 0))
    return true
  }
  const observer = new MutationObserver(() => shown() && observer.disconnect())
  document.addEventListener('DOMContentLoaded', () => shown() || observer.observe(document.body, { childList: true, subtree: true }))
}

/** A cold load, timed: nothing listens but a count of failed responses. */
async function timedLoad(browser, target) {
  const url = target.url
  const { context, page } = await newPage(browser)
  if (target.content) await page.addInitScript(watchContent, target.content)
  let errors = 0
  page.on('response', (response) => {
    if (response.status() >= 400) errors++
  })
  page.on('requestfailed', () => errors++)
  try {
    const response = await page.goto(url, { waitUntil: 'networkidle', timeout: 60_000 })
    const status = response ? response.status() : null
    const contentShown = target.content ? await page.evaluate(() => window.__contentShown ?? null) : null
    // A load whose page itself failed (the shop restarting, say) paints an error: not counted.
    return { ...(await paintFigures(page)), contentShown, errors, status, failed: status !== 200 }
  } finally {
    await context.close()
  }
}

/** A cold load with every request recorded: what it fetched, how, and how many bytes came. */
async function inventoryLoad(browser, url, page = null) {
  const own = page === null ? await newPage(browser) : null
  const target = page ?? own.page
  const requests = []
  const listener = (request) => requests.push(request)
  target.on('request', listener)
  try {
    const response = await target.goto(url, { waitUntil: 'networkidle', timeout: 60_000 })
    if (response && response.status() !== 200) throw new Error(`${url} answered ${response.status()}: the counts would be the error page's`)
    const figures = await paintFigures(target)
    const rows = []
    for (const request of requests) {
      const response = await request.response()
      const sizes = response ? await request.sizes().catch(() => null) : null
      const headers = response ? await response.allHeaders() : {}
      const address = new URL(request.url())
      rows.push({
        url: request.url(),
        path: address.origin === new URL(BASE).origin ? address.pathname + address.search : request.url(),
        type: request.resourceType(),
        status: response ? response.status() : null,
        coding: headers['content-encoding'] ?? 'identity',
        // Bytes of the body as they came over the wire (coded); Chromium reports nonsense (< 0) for
        // a response it did not fetch itself, such as its own second request for the favicon.
        received: sizes && sizes.responseBodySize >= 0 ? sizes.responseBodySize : null,
        failure: request.failure()?.errorText ?? null,
      })
    }
    return { url, rows, figures, finalUrl: target.url() }
  } finally {
    target.off('request', listener)
    if (own) await own.context.close()
  }
}

const isCode = (row) => /\.(m?js|css)$/.test(new URL(row.url).pathname) && row.status === 200
const kindOf = (row) => {
  const pathname = new URL(row.url).pathname
  if (pathname.endsWith('.css')) return 'css'
  if (/\.m?js$/.test(pathname)) return 'js'
  if (pathname.startsWith('/api/')) return 'api'
  return row.type
}

async function withSizes(rows) {
  const files = []
  for (const row of rows.filter(isCode)) {
    const pathname = new URL(row.url).pathname
    files.push({ file: pathname, kind: kindOf(row), received: row.received, coding: row.coding, ...(await sizesOf(pathname)) })
  }
  return files
}

// --------------------------------------------------------------------------------------- the run

async function main() {
  fs.mkdirSync(OUT, { recursive: true })
  const startedAt = new Date()
  const ticksStart = cpuTicks()
  const loadStart = loadAverage()
  const { chromium } = loadPlaywright()

  // The shop's search for 三体 must have hits: its first is the book page measured.
  const search = await json(`${BASE}/api/books?q=${encodeURIComponent(QUERY)}&size=1`)
  const book = search.items?.[0]
  if (!book) throw new Error(`no book found for ${QUERY} at ${BASE}: is the catalogue seeded yet?`)
  const pages = [
    { name: 'home', label: 'home `/`', url: `${BASE}/`, content: 'main .grid > *' },
    {
      name: 'search',
      label: `search \`/search?q=${QUERY}\``,
      url: `${BASE}/search?q=${encodeURIComponent(QUERY)}`,
      content: 'main .grid > *',
    },
    {
      name: 'book',
      label: `book \`/books/…\` (${book.title})`,
      url: `${BASE}/books/${encodeURIComponent(book.id)}`,
      content: '[data-test="book-title"]',
    },
  ]
  const build = await readBuild()

  // The floor: a minimal page from a bare Node server on loopback, painted by the same browser.
  const floorServer = http.createServer((request, response) => {
    response.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': Buffer.byteLength(FLOOR_HTML),
      'Cache-Control': 'no-store',
    })
    response.end(FLOOR_HTML)
  })
  await new Promise((resolve) => floorServer.listen(0, '127.0.0.1', resolve))
  const floor = { name: 'floor', label: 'floor: one heading, no script (Node on loopback)', url: `http://127.0.0.1:${floorServer.address().port}/` }

  // Chromium refuses some ports outright (10080, the shop's at offset 2000, is one): allow the shop's.
  const shopPort = new URL(BASE).port || (BASE.startsWith('https:') ? '443' : '80')
  const args = [...LAUNCH_ARGS, `--explicitly-allowed-ports=${shopPort}`]
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args })
  const browserVersion = browser.version()
  const log = (line) => console.log(line)
  try {
    log(`== ${browserVersion}, ${RUNS} cold loads per page after ${WARMUP_LOADS} unmeasured; book ${book.id}`)
    for (let i = 0; i < WARMUP_LOADS; i++) {
      for (const target of [floor, ...pages]) await timedLoad(browser, target)
    }

    // 1. What each page loads, on a cold visit of its own (not timed: every request is inspected).
    log('== requests and files of a cold visit to each page')
    const inventories = {}
    for (const target of pages) {
      // Up to three tries: a shop being restarted beside the benchmark answers with errors for a while.
      for (let attempt = 1; ; attempt++) {
        try {
          inventories[target.name] = await inventoryLoad(browser, target.url)
          break
        } catch (error) {
          if (attempt === 3) throw error
          log(`${target.name}: ${error.message.split('\n')[0]}; again in 10 s`)
          await new Promise((resolve) => setTimeout(resolve, 10_000))
        }
      }
      inventories[target.name].files = await withSizes(inventories[target.name].rows)
    }

    // Whether a customer's visit ever loads a file of the admin console: anonymous, and signed in.
    log('== a customer visit (home, search, book, cart): does any admin console file load?')
    const journeys = []
    const journeyPages = [...pages, { name: 'cart', url: `${BASE}/cart` }]
    {
      const { context, page } = await newPage(browser)
      const visited = []
      for (const target of journeyPages) visited.push(await inventoryLoad(browser, target.url, page))
      await context.close()
      journeys.push({ who: 'anonymous visitor (/cart sends to log in)', visited })
    }
    const customer = await customerCredentials()
    const signedInVisit = async (who, email, password, targets) => {
      const { context, page } = await newPage(browser)
      try {
        await signIn(page, email, password)
        const visited = []
        for (const target of targets) visited.push(await inventoryLoad(browser, target.url, page))
        return { who, visited }
      } catch (error) {
        return { who, skipped: `could not sign in: ${error.message.split('\n')[0]}` }
      } finally {
        await context.close()
      }
    }
    if (customer.error) {
      journeys.push({ who: 'signed-in customer', skipped: customer.error })
    } else if (customer.email) {
      const who = `signed-in customer${customer.registered ? ' (registered for this run)' : ''}`
      journeys.push(await signedInVisit(who, customer.email, customer.password, journeyPages))
    } else {
      journeys.push({ who: 'signed-in customer', skipped: 'no customer (REGISTER_CUSTOMER=1 or CUSTOMER_EMAIL/CUSTOMER_PASSWORD)' })
    }
    // The control: an admin's visit to the console must load its files, or the check above sees nothing.
    if (process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD) {
      const consolePages = ['/admin/books', '/admin/orders', '/admin/customers'].map((p) => ({ url: `${BASE}${p}` }))
      const visit = await signedInVisit('control: an admin, pages', process.env.ADMIN_EMAIL, process.env.ADMIN_PASSWORD, consolePages)
      journeys.push({ ...visit, control: true })
    }

    // 2. Time to first byte of index.html: Node on a new connection each time, gateway and floor.
    log(`== time to first byte of index.html, ${TTFB_REQUESTS} requests on new connections`)
    const ttfb = { gateway: [], floor: [] }
    for (let i = 0; i < TTFB_REQUESTS + 3; i++) {
      const g = await get(`${BASE}/`, { Accept: 'text/html', 'Accept-Encoding': 'gzip, deflate, br' })
      const f = await get(floor.url, { Accept: 'text/html' })
      if (i >= 3) {
        ttfb.gateway.push(g.firstByte)
        ttfb.floor.push(f.firstByte)
      }
    }

    // 3. LCP: RUNS cold loads of each page, the pages taking turns so that a busy moment of the
    // machine falls on all of them alike.
    log(`== LCP: ${RUNS} cold loads of each page`)
    const order = [floor, ...pages]
    const samples = Object.fromEntries(order.map((target) => [target.name, []]))
    for (let run = 0; run < RUNS; run++) {
      for (let k = 0; k < order.length; k++) {
        const target = order[(run + k) % order.length]
        const figures = await timedLoad(browser, target)
        samples[target.name].push({ run, ...figures })
      }
      const line = order.map((t) => `${t.name} ${ms(samples[t.name].at(-1).lcp)}`).join(', ')
      log(`run ${run + 1}/${RUNS}: LCP ${line}`)
    }

    const adminFiles = []
    for (const file of build.adminOnly ?? []) adminFiles.push({ file, ...(await sizesOf(file)) })

    const ticksEnd = cpuTicks()
    const steal =
      ticksEnd.total > ticksStart.total ? (100 * (ticksEnd.steal - ticksStart.steal)) / (ticksEnd.total - ticksStart.total) : 0
    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      base: BASE,
      browser: browserVersion,
      node: process.version,
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      loadStart,
      loadEnd: loadAverage(),
      stealPercent: steal,
      runs: RUNS,
      book,
      build,
      adminFiles,
      pages: [floor, ...pages],
      inventories,
      journeys,
      ttfb,
      samples,
    }
    fs.writeFileSync(path.join(OUT, 'storefront.json'), JSON.stringify(report, null, 2))
    writeSamples(report)
    const markdown = results(report)
    fs.writeFileSync(path.join(OUT, 'results.md'), markdown)
  } finally {
    await browser.close()
    floorServer.close()
  }
}

/** Signs in through the storefront's own form, as a person would. */
async function signIn(page, email, password) {
  await page.goto(`${BASE}/login`, { waitUntil: 'networkidle' })
  await page.fill('[data-test="login-email"] input, input[data-test="login-email"]', email)
  await page.fill('[data-test="login-password"] input, input[data-test="login-password"]', password)
  await page.click('[data-test="login-submit"]')
  await page.waitForURL((address) => !address.pathname.startsWith('/login'), { timeout: 30_000 })
}

/** A customer to sign in with: given, or registered now (REGISTER_CUSTOMER=1), or none. */
async function customerCredentials() {
  if (process.env.CUSTOMER_EMAIL && process.env.CUSTOMER_PASSWORD) {
    return { email: process.env.CUSTOMER_EMAIL, password: process.env.CUSTOMER_PASSWORD }
  }
  if (process.env.REGISTER_CUSTOMER !== '1') return {}
  const email = `storefront-bench-${Date.now()}@bookstore.example.com`
  const password = `Quiet-Reading-Room-${Math.floor(Math.random() * 1e6)}`
  const answer = await post(`${BASE}/api/users`, { email, password, displayName: 'Storefront Bench' })
  if (answer.status >= 300) return { error: `registering a customer answered ${answer.status}: ${answer.text.slice(0, 200)}` }
  return { email, password, registered: true }
}

function writeSamples(report) {
  const lines = [
    'page,run,status,lcp_ms,fcp_ms,content_shown_ms,ttfb_ms,server_wait_ms,entry_script_end_ms,code_end_ms,api_end_ms,dom_content_loaded_ms,lcp_size,lcp_candidates,lcp_element,errors',
  ]
  for (const [name, list] of Object.entries(report.samples)) {
    for (const s of list) {
      const cells = [name, s.run, s.status, s.lcp, s.fcp, s.contentShown, s.ttfb, s.serverWait, s.entryScriptEnd, s.codeEnd, s.apiEnd, s.domContentLoaded, s.lcpSize, s.lcpCandidates]
      lines.push([...cells.map((v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : (v ?? ''))), JSON.stringify(s.lcpElement ?? ''), s.errors].join(','))
    }
  }
  fs.writeFileSync(path.join(OUT, 'samples.csv'), lines.join('\n') + '\n')
}

// ------------------------------------------------------------------------------------------ report

function results(report) {
  const { inventories, build } = report
  // Loads whose document did not answer 200 are left out of every timing (and counted in the table).
  const samples = Object.fromEntries(Object.entries(report.samples).map(([name, list]) => [name, list.filter((s) => !s.failed)]))
  const failedLoads = (name) => report.samples[name].length - samples[name].length
  const homeFiles = new Set(inventories.home.files.map((f) => f.file))
  const lcpOf = (name) => samples[name].map((s) => s.lcp)
  const floorLcp = median(lcpOf('floor'))
  const mostCommon = (values) => {
    const counts = new Map()
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
    const [value, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['—', 0]
    return `${value} (${count}/${values.length})`
  }
  const errorsOf = (name) => `${sum(samples[name], 'errors')}${failedLoads(name) ? `; **${failedLoads(name)} loads left out: the page itself failed**` : ''}`
  const lines = []
  const p = (line = '') => lines.push(line)

  p(`# Storefront benchmark, ${report.startedAt}`)
  p()
  p(
    `${report.cores} cores, ${report.memoryGiB} GiB, ${os.arch()}, ${report.browser} (Debian's \`/usr/bin/chromium\`, headless, new context per load: empty cache), ` +
      `Node ${report.node}, viewport ${VIEWPORT.width}×${VIEWPORT.height}, locale ${LOCALE}. ` +
      `Shop: ${process.env.SHOP_DESCRIPTION ?? report.base}. ` +
      `Load average (1/5/15 min) ${report.loadStart} at start, ${report.loadEnd} at the end; CPU stolen by the hypervisor ${report.stealPercent.toFixed(0)} % of the machine. ` +
      `kB = 1,000 bytes (as Vite prints them).`,
  )
  p()
  p(`| page | requests | JS+CSS files | JS+CSS raw / gzip / br kB | added to home: files, gzip kB | LCP median / p90 | FCP median | LCP ÷ floor (median) | LCP element (most runs) | failed responses in timed loads |`)
  p(`| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |`)
  for (const target of report.pages) {
    const s = samples[target.name]
    const lcp = lcpOf(target.name)
    const element = mostCommon(s.map((x) => x.lcpElement ?? '—'))
    if (target.name === 'floor') {
      p(`| ${target.label} | 1 | 0 | — | — | ${ms(median(lcp))} / ${ms(quantile(lcp, 0.9))} | ${ms(median(s.map((x) => x.fcp)))} | 1.0 | ${element} | ${errorsOf('floor')} |`)
      continue
    }
    const inventory = inventories[target.name]
    const files = inventory.files
    const added = files.filter((f) => !homeFiles.has(f.file))
    const addedCell = target.name === 'home' ? '—' : `${added.length}, ${kb(sum(added, 'gzip'))}`
    p(
      `| ${target.label} | ${inventory.rows.length} | ${files.length} | ${kb(sum(files, 'raw'))} / ${kb(sum(files, 'gzip'))} / ${kb(sum(files, 'br'))} | ${addedCell} | ` +
        `${ms(median(lcp))} / ${ms(quantile(lcp, 0.9))} | ${ms(median(s.map((x) => x.fcp)))} | ${ratio(median(lcp), floorLcp)} | ${element} | ${errorsOf(target.name)} |`,
    )
  }
  p()

  // The budget and the LCP target: reported, not asserted.
  const home = inventories.home.files
  const homeGzip = sum(home, 'gzip')
  const receivedCodings = [...new Set(home.map((f) => f.coding))].join(', ')
  p(
    `- **Budget, initial JS + CSS of the home page ≤ ${BUDGET_KB} kB gzipped: ${kb(homeGzip)} kB → ${homeGzip <= BUDGET_KB * 1000 ? 'met' : '**not met**'}** ` +
      `(${home.length} files; ${kb(sum(home, 'raw'))} kB raw; ${kb(sum(home, 'br'))} kB as brotli, which is what Chromium received: ${kb(sum(home, 'received'))} kB of bodies, coded ${receivedCodings}). ` +
      `Gzip is the size of the \`.gz\` sibling the gateway serves to \`Accept-Encoding: gzip\`.`,
  )
  for (const target of report.pages.filter((t) => t.name !== 'floor')) {
    const lcp = lcpOf(target.name)
    const m = median(lcp)
    const q = quantile(lcp, 0.9)
    p(
      `- LCP target, under ${LCP_TARGET_MS / 1000} s on this machine, ${target.name}: median ${ms(m)} (${m !== null && m < LCP_TARGET_MS ? 'under' : '**over**'}), p90 ${ms(q)} (${q !== null && q < LCP_TARGET_MS ? 'under' : '**over**'}).`,
    )
  }
  const adminOnly = build.adminOnly
  p(
    adminOnly
      ? `- Admin console: ${adminOnly.length} files only its routes load (from the entry's preload map and src/router/index.ts), ` +
          `${kb(sum(report.adminFiles, 'raw'))} kB raw, ${kb(sum(report.adminFiles, 'gzip'))} kB gzip (listed below). Customers' visits, each page loaded in full in one browser context:`
      : '- Admin console: its files could not be told apart in the entry chunk; only the AdminLayout-*.js name is checked. Customers\' visits:',
  )
  for (const journey of report.journeys) {
    if (journey.skipped) {
      p(`  - ${journey.who}: not visited (${journey.skipped}).`)
      continue
    }
    const loaded = new Set(journey.visited.flatMap((v) => v.rows.filter(isCode).map((r) => new URL(r.url).pathname)))
    const admin = [...loaded].filter((f) => /\/AdminLayout-[^/]*\.js$/.test(f) || (adminOnly ?? []).includes(f))
    const where = journey.visited.map((v) => new URL(v.finalUrl).pathname).join(', ')
    if (journey.control) {
      p(
        `  - ${journey.who} ${where}: ${admin.length} of the admin console's files loaded` +
          (admin.some((f) => /\/AdminLayout-/.test(f)) ? ', AdminLayout-*.js among them (the check can see them).' : ' — **AdminLayout-*.js not among them: the check is blind**.'),
      )
      continue
    }
    p(
      `  - ${journey.who}, pages ${where}: ${loaded.size} JS/CSS files, ` +
        (admin.length === 0 ? 'none of the admin console (no AdminLayout-*.js).' : `**admin console files loaded: ${admin.join(', ')}**.`),
    )
  }
  const ttfbG = median(report.ttfb.gateway)
  const ttfbF = median(report.ttfb.floor)
  const browserTtfb = (name) => median(samples[name].map((s) => s.ttfb))
  p(
    `- Time to first byte of index.html, ${report.ttfb.gateway.length} GETs on new connections from Node: through the gateway median ${ttfbG.toFixed(1)} ms, p90 ${quantile(report.ttfb.gateway, 0.9).toFixed(1)} ms; ` +
      `the floor's Node server median ${ttfbF.toFixed(1)} ms (ratio ${ratio(ttfbG, ttfbF)}). ` +
      `In the cold browser loads (navigation responseStart, connection included): home ${ms(browserTtfb('home'))}, search ${ms(browserTtfb('search'))}, book ${ms(browserTtfb('book'))}, floor ${ms(browserTtfb('floor'))}.`,
  )
  p(
    `- ${report.runs} cold loads per page (a new browser context each, pages taking turns), each read once the network had been idle for 500 ms ` +
      `(Playwright's \`networkidle\`): LCP is the last \`largest-contentful-paint\` entry of a buffered PerformanceObserver, FCP the \`first-contentful-paint\` entry. ` +
      `p90 is the nearest-rank value. Chromium's flags: ${LAUNCH_ARGS.join(' ')} and --explicitly-allowed-ports for the shop's port, besides Playwright's own defaults. ` +
      `Every sample: samples.csv; every request of the inventory loads: storefront.json.`,
  )
  p()

  p('## Where the time of a cold load went (medians, ms from the navigation’s start)')
  p()
  p('| page | index.html first byte | entry script arrived | DOMContentLoaded | all JS and CSS arrived | API answered | FCP | LCP | content shown |')
  p('| --- | --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const target of report.pages) {
    const s = samples[target.name]
    const m = (key) => ms(median(s.map((x) => x[key])))
    p(`| ${target.name} | ${m('ttfb')} | ${m('entryScriptEnd')} | ${m('domContentLoaded')} | ${m('codeEnd')} | ${m('apiEnd')} | ${m('fcp')} | ${m('lcp')} | ${m('contentShown')} |`)
  }
  p()
  p(
    'The route’s own chunks are requested only once the entry script has run and the router has resolved the route (Vite’s preload of a lazy route starts then), so "all JS and CSS arrived" follows the entry by a second round of requests; the API is called when the view mounts, a third. ' +
      '"Content shown": the first book of the grid (home, search) or the book’s title (book page) in the DOM, plus one frame, from a MutationObserver (not a paint timing: an approximation, for the pages whose LCP element is not their content).',
  )
  p()

  // Files, per page.
  const fileTable = (title, files) => {
    p(`## ${title}`)
    p()
    p('| file | raw kB | gzip kB | br kB | received by Chromium (coding) |')
    p('| --- | --- | --- | --- | --- |')
    for (const f of [...files].sort((a, b) => (b.gzip ?? 0) - (a.gzip ?? 0))) {
      p(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.br)} | ${kb(f.received)} (${f.coding}) |`)
    }
    p(`| **total, ${files.length} files** | ${kb(sum(files, 'raw'))} | ${kb(sum(files, 'gzip'))} | ${kb(sum(files, 'br'))} | ${kb(sum(files, 'received'))} |`)
    p()
  }
  fileTable('JS and CSS of a cold visit to the home page', home)
  fileTable('What the search page adds to the home page’s files', inventories.search.files.filter((f) => !homeFiles.has(f.file)))
  fileTable('What the book page adds to the home page’s files', inventories.book.files.filter((f) => !homeFiles.has(f.file)))
  if (adminOnly) {
    p(`Admin console only (${adminOnly.length} files, ${kb(sum(report.adminFiles, 'gzip'))} kB gzip): ${adminOnly.map((f) => path.posix.basename(f)).join(', ')}.`)
    p()
  }

  p('## Requests of each cold visit, by kind')
  p()
  p('| page | all | document | js | css | api | other | failed or ≥ 400 |')
  p('| --- | --- | --- | --- | --- | --- | --- | --- |')
  for (const name of ['home', 'search', 'book']) {
    const rows = inventories[name].rows
    const count = (kind) => rows.filter((r) => kindOf(r) === kind).length
    const other = rows.length - count('document') - count('js') - count('css') - count('api')
    const bad = rows.filter((r) => r.status === null || r.status >= 400).map((r) => `${r.path} ${r.status ?? r.failure}`)
    p(`| ${name} | ${rows.length} | ${count('document')} | ${count('js')} | ${count('css')} | ${count('api')} | ${other} | ${bad.length ? bad.join('; ') : 0} |`)
  }
  p()
  p('API calls of each cold visit: ' + ['home', 'search', 'book'].map((name) => `${name}: ${inventories[name].rows.filter((r) => kindOf(r) === 'api').map((r) => '`' + decodeURIComponent(r.path) + '`').join(', ')}`).join('; ') + '.')
  p()
  return lines.join('\n')
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
