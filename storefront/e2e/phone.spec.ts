import { expect, test } from '@playwright/test'
import {
  admin,
  atCheckoutWith,
  deliveredBuyer,
  expectNoSidewaysScroll,
  field,
  findBooks,
  linkInMail,
  logIn,
  newCustomer,
  orderStatus,
  placeConfirmedOrder,
  screenshot,
  shipOrder,
  tokenOf,
  useLanguage,
} from './support'

test('on a phone a customer finds a book, checks out and follows the order', async ({ page, request }) => {
  const customer = await newCustomer(request)
  await logIn(page, customer)
  await page.goto('/')
  await expect(page.getByTestId('book-card').first()).toBeVisible()
  await screenshot(page, 'home')
  // Nothing is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)

  await field(page, 'search-input').fill('三体')
  await page.getByTestId('search-submit').click()
  await expect(page.getByTestId('book-card').first()).toBeVisible()
  await page.getByTestId('filters-toggle').click()
  await expect(page.getByTestId('in-stock')).toBeVisible()
  await screenshot(page, 'search')
  const [book] = await findBooks(request, { q: '三体' })
  await page.goto(`/books/${book.id}`)
  await screenshot(page, 'book')
  await page.getByTestId('add-to-cart').click()
  await expect(page.getByTestId('cart-count')).toHaveText('1')
  await page.getByTestId('cart-link').click()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)
  await screenshot(page, 'cart')
  await page.getByTestId('checkout').click()
  await field(page, 'address-recipient').fill('李雷')
  await field(page, 'address-phone').fill('13800138000')
  await field(page, 'address-line1').fill('解放路 8 号')
  await field(page, 'address-city').fill('上海')
  await field(page, 'address-postal-code').fill('200000')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)
  await screenshot(page, 'checkout')
  await page.getByTestId('place-order').click()
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'CONFIRMED', { timeout: 60_000 })
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)
  await screenshot(page, 'order')
  await useLanguage(page, 'en')
  await expect(page.getByTestId('order-status')).toHaveText('Confirmed')
  await screenshot(page, 'order')
})

test('on a phone a customer follows the parcel, confirms receipt and reviews the book', async ({ page, request }) => {
  const customer = await newCustomer(request)
  const token = await tokenOf(request, customer)
  const [book] = await findBooks(request, { q: '三体' })
  const orderId = await placeConfirmedOrder(request, token, book.id)
  await shipOrder(request, orderId)
  await logIn(page, customer)
  await page.goto(`/orders/${orderId}`)
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'DELIVERED', { timeout: 60_000 })
  await expect(page.getByTestId('tracking-event').first()).toHaveAttribute('data-status', 'DELIVERED')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)
  await screenshot(page, 'order-tracking')
  await useLanguage(page, 'en')
  await screenshot(page, 'order-tracking')
  await page.getByTestId('receive-order').click()
  await page.getByRole('dialog').getByRole('button', { name: 'Confirm receipt' }).click()
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'RECEIVED')
  expect(await orderStatus(request, token, orderId)).toBe('RECEIVED')

  await page.getByTestId('write-review').first().click()
  const form = page.getByTestId('review-form')
  await form.locator('.el-rate__item').nth(4).click()
  await form.locator('textarea').fill('A slow start, then impossible to put down.\nRecommended.')
  await form.getByTestId('review-submit').click()
  await expect(page.locator('[data-test="review"][data-mine="true"]')).toContainText('impossible to put down')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)
  await page.evaluate(() => window.scrollTo(0, 0))
  // The "published" note has gone.
  await expect(page.locator('.el-message')).toHaveCount(0)
  await screenshot(page, 'book-reviews')
  await useLanguage(page, 'zh-CN')
  await screenshot(page, 'book-reviews')
})

test('on a phone a customer asks to return a copy, and an admin finds it in the returns queue', async ({ page, browser, request }) => {
  const [book] = await findBooks(request, { q: '三体' })
  const { customer, orderId } = await deliveredBuyer(request, book.id, { quantity: 2, received: true })
  await logIn(page, customer)
  await page.goto(`/orders/${orderId}`)
  await page.getByTestId('return-start').click()
  const copies = page.getByTestId('return-quantity').locator('input')
  await copies.fill('1')
  await copies.press('Tab')
  await field(page, 'return-reason-input').fill('书脊开裂，想换一本新的。')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)
  await page.getByTestId('return-submit').click()
  await expect(page.getByTestId('return').first().getByTestId('return-status')).toHaveAttribute('data-status', 'REQUESTED')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)
  await expect(page.locator('.el-message')).toHaveCount(0)
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, 'order-return')
  await useLanguage(page, 'en')
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)
  await screenshot(page, 'order-return')

  const staff = await browser.newPage({ locale: 'zh-CN' })
  await logIn(staff, admin())
  await staff.goto('/admin/returns')
  await expect(staff.locator(`[data-test="order-row"][data-order-id="${orderId}"]`)).toBeVisible()
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(staff.viewportSize()!.width)
  await screenshot(staff, 'admin-returns')
  await useLanguage(staff, 'en')
  expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(staff.viewportSize()!.width)
  await screenshot(staff, 'admin-returns')
  await staff.close()
})

test('on a phone a customer pays with WeChat Pay on the same device, and the order moves on to paid', async ({ page, context, request }) => {
  const customer = await newCustomer(request)
  const [book] = await findBooks(request, { q: '三体' })
  await logIn(page, customer)
  await atCheckoutWith(page, book.id, { recipient: '李雷', phone: '13800138000', line1: '解放路 8 号', city: '上海', postalCode: '200000' })
  await page.getByTestId('method-wechat_native').click()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, 'checkout-payment')
  await page.getByTestId('place-order').click()

  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'AWAITING_PAYMENT', { timeout: 60_000 })
  await expect(page.getByTestId('payment-qr')).toBeVisible()
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(page.viewportSize()!.width)
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, 'payment-qr')
  await useLanguage(page, 'en')
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, 'payment-qr')
  await useLanguage(page, 'zh-CN')

  // 在本机打开: the wallet's page opens beside the shop, as the wallet's app would.
  const [wallet] = await Promise.all([context.waitForEvent('page'), page.getByTestId('payment-open-here').click()])
  await expect(wallet.getByRole('status')).toHaveText('待支付')
  expect(await wallet.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(wallet.viewportSize()!.width)
  await screenshot(wallet, 'sandbox-pay-wechatpay')
  await wallet.getByRole('button', { name: '确认支付' }).click()
  await expect(wallet.getByRole('status')).toHaveText('支付成功')
  await wallet.close()

  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'CONFIRMED', { timeout: 60_000 })
  await expect(page.getByTestId('payment-paid')).toBeVisible()
})

test('on a narrow phone a customer manages the account, and asks for a password reset', async ({ page, request }) => {
  // The narrowest phones the shop is laid out for.
  await page.setViewportSize({ width: 360, height: 780 })
  const customer = await newCustomer(request)
  await logIn(page, customer)
  await page.goto('/account')
  await expect(page.getByTestId('account-email')).toHaveText(customer.email)
  await page.getByTestId('email-change-open').click()
  await expectNoSidewaysScroll(page)
  await screenshot(page, 'account')
  await useLanguage(page, 'en')
  await expectNoSidewaysScroll(page)
  await screenshot(page, 'account')

  await page.getByTestId('log-out').click()
  await expect(page.getByTestId('log-in-link')).toBeVisible()
  await page.goto('/forgot-password')
  await field(page, 'forgot-email').fill(customer.email)
  await page.getByTestId('forgot-submit').click()
  await expect(page.getByTestId('forgot-sent')).toContainText(customer.email)
  await expectNoSidewaysScroll(page)
  await screenshot(page, 'account-forgot-password')
  const { path } = await linkInMail(request, customer.email, '/reset-password')
  await page.goto(path)
  await expect(page.getByTestId('reset-submit')).toBeVisible()
  await expectNoSidewaysScroll(page)
  await screenshot(page, 'account-reset-password')
})
