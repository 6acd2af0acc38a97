import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

export const PASSWORD = 'Reading-Lamp-and-Tea-7'

/** The shop's administrator, as the shop under test was started with (BOOKSTORE_ADMIN_*). */
export function admin() {
  const email = process.env.BOOKSTORE_ADMIN_EMAIL
  const password = process.env.BOOKSTORE_ADMIN_PASSWORD
  if (!email || !password) {
    throw new Error('Set BOOKSTORE_ADMIN_EMAIL and BOOKSTORE_ADMIN_PASSWORD to the admin the shop was started with')
  }
  return { email, password }
}

export interface Customer {
  email: string
  password: string
  name: string
}

/** A new customer, registered through the API (the tests of registration itself use the page). */
export async function newCustomer(request: APIRequestContext, name = '读者'): Promise<Customer> {
  const email = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@storefront-tests.example`
  const answer = await request.post('/api/users', { data: { email, password: PASSWORD, displayName: name } })
  expect(answer.status(), await answer.text()).toBe(201)
  return { email, password: PASSWORD, name }
}

/** An access token for API set-up steps (placing an order for a test of what comes after). */
export async function tokenOf(request: APIRequestContext, who: { email: string; password: string }) {
  const answer = await request.post('/api/auth/token', { data: { email: who.email, password: who.password } })
  expect(answer.status(), await answer.text()).toBe(200)
  return ((await answer.json()) as { accessToken: string }).accessToken
}

/** The text input of a form field, whether its data-test sits on the input or on the component around it. */
export function field(page: Page, testId: string) {
  return page.locator(`input[data-test="${testId}"], textarea[data-test="${testId}"], [data-test="${testId}"] input, [data-test="${testId}"] textarea`).first()
}

/** Logs in through the page, as a person does, and waits until the shop greets them. */
export async function logIn(page: Page, who: { email: string; password: string }, name?: string) {
  await page.goto('/login')
  await field(page, 'login-email').fill(who.email)
  await field(page, 'login-password').fill(who.password)
  await page.getByTestId('login-submit').click()
  // Signed in, profile loaded and sent on from the log-in page: a navigation the test starts next can
  // no longer cross the page's own redirect.
  await expect(page).not.toHaveURL(/\/login/)
  await expect(page.getByTestId('log-out')).toBeVisible()
  await expect(page.getByTestId('account-link')).toHaveText(name ?? /\S/)
}

export interface BookHit {
  id: string
  title: string
  availability: { available: number }
}

/** Books the catalogue finds for a query, in stock, best sellers first. */
export async function findBooks(request: APIRequestContext, query: Record<string, string>) {
  const answer = await request.get('/api/books', { params: { inStock: 'true', sort: 'bestselling', size: '20', ...query } })
  expect(answer.status()).toBe(200)
  return ((await answer.json()) as { items: BookHit[] }).items
}

/** Serious and critical accessibility problems axe finds on the page as it is now (WCAG 2.1 A and AA). */
export async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({ id: violation.id, impact: violation.impact, nodes: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5) }))
  expect(serious, `serious or critical axe violations on ${name}`).toEqual([])
}

const screenshots = process.env.STOREFRONT_SCREENSHOTS ?? 'test-results/screenshots'

/** A full-page screenshot kept as an artifact of the run, named by page, language and device. */
export async function screenshot(page: Page, name: string) {
  const project = test.info().project.name
  const locale = await page.evaluate(() => document.documentElement.lang)
  mkdirSync(screenshots, { recursive: true })
  // From the top: a full-page capture taken while scrolled draws the sticky header where the viewport was.
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: join(screenshots, `${project}-${name}-${locale}.png`), fullPage: true })
}

/** Fails the test on any Content-Security-Policy violation or uncaught error the page reports. */
export function watchConsole(page: Page) {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text())
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  return {
    expectClean: () => expect(problems, 'CSP violations and uncaught errors').toEqual([]),
  }
}

/** Switches the page to a language with the header's switch (if it is not shown in it already). */
export async function useLanguage(page: Page, locale: 'zh-CN' | 'en') {
  if ((await page.evaluate(() => document.documentElement.lang)) !== locale) {
    await page.getByTestId('language-switch').click()
    await expect(page.locator('html')).toHaveAttribute('lang', locale)
  }
}

/** A valid ISBN-13 in the 979-8 range no real book has, with its check digit. */
export function newIsbn() {
  let digits = '9798'
  for (let i = 0; i < 8; i++) digits += Math.floor(Math.random() * 10)
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(digits[i]) * (i % 2 === 0 ? 1 : 3)
  return digits + ((10 - (sum % 10)) % 10)
}

/** An order of copies of a book (one unless told), placed through the API and paid with the sandbox's test Visa, once it is CONFIRMED. */
export async function placeConfirmedOrder(request: APIRequestContext, token: string, bookId: string, quantity = 1) {
  const placed = await request.post('/api/orders', {
    headers: { Authorization: `Bearer ${token}`, 'Idempotency-Key': `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}` },
    data: {
      items: [{ bookId, quantity }],
      paymentMethod: 'pm_card_visa',
      shippingAddress: { recipient: '收件人', line1: '长安街 1 号', city: '北京', postalCode: '100000', country: 'CN' },
    },
  })
  expect(placed.status(), await placed.text()).toBe(202)
  const orderId = ((await placed.json()) as { id: string }).id
  await expect(async () => expect(await orderStatus(request, token, orderId)).toBe('CONFIRMED')).toPass({ timeout: 60_000 })
  return orderId
}

/** The order's status as its owner (or an admin) reads it. */
export async function orderStatus(request: APIRequestContext, token: string, orderId: string) {
  const order = await request.get(`/api/orders/${orderId}`, { headers: { Authorization: `Bearer ${token}` } })
  expect(order.status()).toBe(200)
  return ((await order.json()) as { status: string }).status
}

/** An admin hands the order to the carrier (the test shop's sandbox carrier then reports it, a second apart). */
export async function shipOrder(request: APIRequestContext, orderId: string) {
  const token = await tokenOf(request, admin())
  const shipped = await request.post(`/api/orders/${orderId}/ship`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { carrier: 'shunfeng', trackingNumber: `SF${Date.now()}` },
  })
  expect(shipped.status(), await shipped.text()).toBe(200)
}

/**
 * A new customer whose order of copies of the book the sandbox carrier delivered (through the API: what
 * comes after is under test); `received` confirms receipt too.
 */
export async function deliveredBuyer(request: APIRequestContext, bookId: string, options: { quantity?: number; received?: boolean } = {}) {
  const customer = await newCustomer(request, '读者')
  const token = await tokenOf(request, customer)
  const orderId = await placeConfirmedOrder(request, token, bookId, options.quantity)
  await shipOrder(request, orderId)
  await expect(async () =>
    expect(
      await orderStatus(request, token, orderId),
      'delivered by the sandbox carrier (start the shop with SANDBOX_CARRIER_PACE=1s for these tests)',
    ).toBe('DELIVERED'),
  ).toPass({ timeout: 60_000 })
  if (options.received) {
    const received = await request.post(`/api/orders/${orderId}/receive`, { headers: { Authorization: `Bearer ${token}` } })
    expect(received.status(), await received.text()).toBe(200)
  }
  return { customer, token, orderId }
}

/** Confirms the open Element Plus message box with its button of this name. */
export async function confirmDialog(page: Page, name: string) {
  await page.getByRole('dialog').getByRole('button', { name }).click()
}

/** A signed-in customer puts one copy of the book in the cart and fills in a new address at checkout. */
export async function atCheckoutWith(
  page: Page,
  bookId: string,
  address = { recipient: '韩梅梅', phone: '13800138000', line1: '人民路 1 号', city: '北京', postalCode: '100000' },
) {
  await page.goto(`/books/${bookId}`)
  await page.getByTestId('add-to-cart').click()
  await expect(page.getByTestId('cart-count')).toHaveText('1')
  await page.goto('/checkout')
  await field(page, 'address-recipient').fill(address.recipient)
  await field(page, 'address-phone').fill(address.phone)
  await field(page, 'address-line1').fill(address.line1)
  await field(page, 'address-city').fill(address.city)
  await field(page, 'address-postal-code').fill(address.postalCode)
}

/** A mail as the shop's test mailbox shows it (`GET {MAILBOX_URL}/messages?to=`, newest last). */
export interface Mail {
  id: string
  to: string
  from: string
  subject: string
  text: string
  html: string
  receivedAt: string
}

/**
 * The read-only mailbox of the shop under test: `./shop`'s on :8025 unless MAILBOX_URL says otherwise (the system
 * tests set it to their shop's).
 */
function mailbox() {
  return (process.env.MAILBOX_URL ?? 'http://localhost:8025').replace(/\/$/, '')
}

/** Every mail sent to the address so far, oldest first. */
export async function mailsTo(request: APIRequestContext, to: string): Promise<Mail[]> {
  const answer = await request.get(`${mailbox()}/messages`, { params: { to } })
  expect(answer.status(), await answer.text()).toBe(200)
  return (await answer.json()) as Mail[]
}

/**
 * The link of the newest mail to the address that leads to one of the shop's mail pages
 * (`/verify-email`, `/reset-password`), once such a mail has arrived, as a path on the shop under test
 * (the mail's link names the shop's configured address). `except` leaves out links already used.
 */
export async function linkInMail(
  request: APIRequestContext,
  to: string,
  page: '/verify-email' | '/reset-password',
  except: string[] = [],
): Promise<{ path: string; mail: Mail }> {
  const pattern = new RegExp(`https?://[^\\s"'<>]+?(${page}\\?token=[A-Za-z0-9_-]+)`, 'g')
  let found: { path: string; mail: Mail } | undefined
  await expect(async () => {
    found = undefined
    for (const mail of (await mailsTo(request, to)).reverse()) {
      const path = [...`${mail.text}\n${mail.html}`.matchAll(pattern)].map((match) => match[1]).find((link) => !except.includes(link))
      if (path) {
        found = { path, mail }
        break
      }
    }
    expect(found, `a mail to ${to} with a link to ${page}`).toBeDefined()
  }).toPass({ timeout: 60_000 })
  return found!
}

/** Nothing on the page is wider than the screen (phones). */
export async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)
}
