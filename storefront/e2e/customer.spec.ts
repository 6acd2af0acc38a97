import { expect, type Page, test } from '@playwright/test'
import { expectAccessible, field, findBooks, logIn, newCustomer, screenshot, watchConsole } from './support'

/** Fills the checkout's address form for a customer with no saved address. */
async function fillAddress(page: Page) {
  await field(page, 'address-recipient').fill('韩梅梅')
  await field(page, 'address-phone').fill('+86 138 0013 8000')
  await field(page, 'address-line1').fill('人民路 1 号')
  await field(page, 'address-city').fill('北京')
  await field(page, 'address-postal-code').fill('100000')
}

test('a customer searches 三体, opens the book, buys it with a test Visa card and sees the order confirmed', async ({ page, request }) => {
  const console = watchConsole(page)
  const customer = await newCustomer(request)
  await logIn(page, customer, customer.name)

  await page.goto('/')
  await field(page, 'search-input').fill('三体')
  await field(page, 'search-input').press('Enter')
  await expect(page).toHaveURL(/\/search\?q=%E4%B8%89%E4%BD%93/)
  const result = page.getByTestId('book-card').filter({ hasText: '三体' }).first()
  await expect(result).toBeVisible()
  await expectAccessible(page, 'search')
  await result.getByRole('link').first().click()

  await expect(page).toHaveURL(/\/books\//)
  const title = (await page.getByTestId('book-title').textContent())!.trim()
  expect(title).toContain('三体')
  await expect(page).toHaveTitle(new RegExp(title))
  await expectAccessible(page, 'book')

  // A reload on the book page keeps the page and the session.
  await page.reload()
  await expect(page.getByTestId('book-title')).toHaveText(title)
  await expect(page.getByTestId('account-link')).toHaveText(customer.name)

  await page.getByTestId('add-to-cart').click()
  await expect(page.getByTestId('cart-count')).toHaveText('1')
  await page.getByTestId('cart-link').click()
  await expect(page.getByTestId('cart-line')).toHaveCount(1)
  await expect(page.getByTestId('cart-line')).toContainText(title)

  // A reload on the cart keeps the cart and the session.
  await page.reload()
  await expect(page.getByTestId('cart-line')).toContainText(title)
  await expect(page.getByTestId('account-link')).toHaveText(customer.name)
  await expectAccessible(page, 'cart')

  await page.getByTestId('checkout').click()
  await expect(page).toHaveURL(/\/checkout/)
  await fillAddress(page)
  await page.getByTestId('card-pm_card_visa').click()
  await expectAccessible(page, 'checkout')
  await page.getByTestId('place-order').click()

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}/)
  // The page follows the saga by itself: no reload.
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'CONFIRMED', { timeout: 60_000 })
  await expect(page.getByTestId('timeline')).toContainText('已确认')
  await expect(page.getByTestId('cart-count')).toHaveCount(0)
  await screenshot(page, 'order-confirmed')

  // The address was saved to the profile for next time.
  await page.goto('/account')
  await expect(page.getByTestId('address')).toContainText('人民路 1 号')
  console.expectClean()
})

test('a declined card ends the order cancelled, with the reason in plain words', async ({ page, request }) => {
  const console = watchConsole(page)
  const customer = await newCustomer(request)
  const [book] = await findBooks(request, { language: 'en' })
  await logIn(page, customer)

  await page.goto(`/books/${book.id}`)
  await page.getByTestId('add-to-cart').click()
  await expect(page.getByTestId('cart-count')).toHaveText('1')
  await page.goto('/checkout')
  await fillAddress(page)
  await page.getByTestId('card-pm_card_chargeDeclined').click()
  await page.getByTestId('place-order').click()

  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'CANCELLED', { timeout: 60_000 })
  await expect(page.getByTestId('failure-reason')).toHaveText('发卡行拒绝了这笔付款。')
  await expect(page.getByTestId('cancel-order')).toHaveCount(0)
  await screenshot(page, 'order-declined')
  console.expectClean()
})

test('a customer cancels an order before it ships', async ({ page, request }) => {
  const customer = await newCustomer(request)
  const [, book] = await findBooks(request, { language: 'zh' })
  await logIn(page, customer)
  await page.goto(`/books/${book.id}`)
  await page.getByTestId('add-to-cart').click()
  await page.goto('/checkout')
  await fillAddress(page)
  await page.getByTestId('place-order').click()
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'CONFIRMED', { timeout: 60_000 })

  await page.getByTestId('cancel-order').click()
  await page.getByRole('dialog').getByRole('button', { name: '取消订单' }).click()
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'CANCELLED')
  await expect(page.getByTestId('failure-reason')).toHaveText('您取消了此订单。')
})

test('a customer cannot use the staff console', async ({ page, request }) => {
  const customer = await newCustomer(request)
  await logIn(page, customer)
  const adminCalls: number[] = []
  page.on('response', (response) => {
    if (/\/api\/(inventory|users\?|books\/catalogue)/.test(response.url())) adminCalls.push(response.status())
  })
  for (const path of ['/admin', '/admin/orders', '/admin/inventory']) {
    await page.goto(path)
    await expect(page.getByTestId('forbidden')).toBeVisible()
  }
  expect(adminCalls.filter((status) => status < 400), 'admin API calls that succeeded').toEqual([])
  await screenshot(page, 'forbidden')
})

test('registering through the page signs the new customer in', async ({ page }) => {
  const email = `e2e-register-${Date.now()}@storefront-tests.example`
  await page.goto('/register')
  await field(page, 'register-name').fill('新读者')
  await field(page, 'register-email').fill('not-an-email')
  await field(page, 'register-password').fill('short')
  await page.getByTestId('register-submit').click()
  await expect(page.getByText('请输入电子邮箱')).toBeVisible()
  await expect(page.getByText('至少 10 个字符。')).toBeVisible()

  await field(page, 'register-email').fill(email)
  await field(page, 'register-password').fill('Reading-Lamp-and-Tea-7')
  await page.getByTestId('register-submit').click()
  await expect(page.getByTestId('account-link')).toHaveText('新读者')

  await page.getByTestId('log-out').click()
  await expect(page.getByTestId('log-in-link')).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('log-in-link')).toBeVisible()
})

test('the session keeps no token where the scripts of the page could read it', async ({ page, request, context }) => {
  const customer = await newCustomer(request)
  await logIn(page, customer)
  const readable = await page.evaluate(() => ({
    storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
    cookies: document.cookie,
  }))
  expect(readable.storage, 'web storage').not.toMatch(/eyJ|refresh/i)
  expect(readable.cookies, 'cookies scripts can read').toBe('bookstore_signed_in=1')
  const refresh = (await context.cookies()).find((cookie) => cookie.name === 'bookstore_refresh')
  expect(refresh).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth/session' })
  // Without the access token the page keeps in memory, the API does not know the browser.
  expect(await page.evaluate(async () => (await fetch('/api/users/me')).status)).toBe(401)
})
