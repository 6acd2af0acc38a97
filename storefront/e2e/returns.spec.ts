import { type APIRequestContext, type Browser, expect, type Page, test } from '@playwright/test'
import {
  admin,
  confirmDialog,
  deliveredBuyer,
  expectAccessible,
  field,
  findBooks,
  logIn,
  newCustomer,
  placeConfirmedOrder,
  screenshot,
  tokenOf,
  useLanguage,
  watchConsole,
} from './support'

// What a customer might type as a reason: shown as these very characters, never run.
const REASON = '封面有折痕 <b>x</b><img src=x onerror="window.__xss=1">'

/** A Chinese book with at least two copies in stock, picked at random so that runs spread their orders. */
async function someBook(request: APIRequestContext) {
  const books = (await findBooks(request, { language: 'zh' })).filter((book) => book.availability.available >= 2)
  return books[Math.floor(Math.random() * books.length)]
}

/** An admin's own page in the same browser, signed in. */
async function adminPage(browser: Browser) {
  // In a context of its own (axe needs one): close it with `staff.context().close()`.
  const context = await browser.newContext({ locale: 'zh-CN' })
  const page = await context.newPage()
  await logIn(page, admin())
  return page
}

function returnCard(page: Page) {
  return page.getByTestId('return').first()
}

test('a customer returns one of two copies; an admin approves it from the queue and records it received; the customer is refunded', async ({
  page,
  browser,
  request,
}) => {
  const console = watchConsole(page)
  const book = await someBook(request)
  const { customer, orderId } = await deliveredBuyer(request, book.id, { quantity: 2, received: true })

  // The customer asks to return one copy, with a reason that holds markup.
  await logIn(page, customer)
  await page.goto(`/orders/${orderId}`)
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'RECEIVED')
  await expect(page.getByTestId('return-window')).toBeVisible()
  await page.getByTestId('return-start').click()
  const copies = page.getByLabel(`《${book.title}》退回的本数`)
  await copies.fill('1')
  await copies.press('Tab')
  await field(page, 'return-reason-input').fill(REASON)
  await expect(page.getByTestId('return-form')).toContainText(`${REASON.length} / 500`)
  await expect(page.getByTestId('return-preview')).toContainText('¥')
  await page.getByTestId('return-submit').click()

  const card = returnCard(page)
  await expect(card.getByTestId('return-status')).toHaveAttribute('data-status', 'REQUESTED')
  await expect(card.getByTestId('return-reason')).toHaveText(REASON)
  await expect(card.locator('b, img[src="x"]')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
  await expect(card.getByTestId('return-item')).toContainText('× 1')
  await expect(card.getByTestId('return-deadline')).toBeVisible()
  await expect(card.getByTestId('return-withdraw')).toBeVisible()
  // The second copy can still be returned.
  await expect(page.getByTestId('return-start')).toBeVisible()
  await expectAccessible(page, 'order with a return')
  await page.evaluate(() => window.scrollTo(0, 0))
  await expect(page.locator('.el-message')).toHaveCount(0)
  await screenshot(page, 'order-return')
  await useLanguage(page, 'en')
  await expect(card.getByTestId('return-status')).toHaveText('Requested')
  await screenshot(page, 'order-return')
  await useLanguage(page, 'zh-CN')

  // The order list marks it.
  await page.goto('/orders')
  await expect(page.getByTestId('order-row').filter({ has: page.getByTestId('order-returning') }).first()).toContainText(orderId.substring(0, 8))

  // The admin finds it in the returns queue and approves it.
  const staff = await adminPage(browser)
  await staff.goto('/admin/returns')
  const row = staff.locator(`[data-test="order-row"][data-order-id="${orderId}"]`)
  await expect(row).toBeVisible()
  await expect(row.getByTestId('after-sale-return')).toHaveAttribute('data-status', 'REQUESTED')
  await expectAccessible(staff, 'returns queue')
  await screenshot(staff, 'admin-returns')
  await useLanguage(staff, 'en')
  await screenshot(staff, 'admin-returns')
  await useLanguage(staff, 'zh-CN')
  await row.getByTestId('order-row-link').click()
  await expect(staff).toHaveURL(new RegExp(`/admin/orders/${orderId}$`))
  const staffCard = returnCard(staff)
  await expect(staffCard.getByTestId('return-reason')).toHaveText(REASON)
  await staffCard.getByTestId('return-approve').click()
  await confirmDialog(staff, '同意')
  await expect(staffCard.getByTestId('return-status')).toHaveAttribute('data-status', 'APPROVED')

  // The customer sends it back with a tracking number.
  await page.goto(`/orders/${orderId}`)
  await expect(card.getByTestId('return-status')).toHaveAttribute('data-status', 'APPROVED')
  await card.getByTestId('return-send-back').click()
  await field(page, 'send-back-tracking').fill('SF1234567890')
  await page.getByTestId('send-back-submit').click()
  await expect(card.getByTestId('return-status')).toHaveAttribute('data-status', 'SENT_BACK')
  await expect(card.getByTestId('return-parcel')).toContainText('SF1234567890')
  await expect(card.getByTestId('return-withdraw')).toHaveCount(0)

  // The admin records it received, the copy resalable (the default).
  await staff.reload()
  await expect(staffCard.getByTestId('return-status')).toHaveAttribute('data-status', 'SENT_BACK')
  await staffCard.getByTestId('return-receive').click()
  await expect(staffCard.locator('[data-test="return-resalable"] input')).toHaveValue('1')
  await expect(staffCard.locator('[data-test="return-damaged"] input')).toHaveValue('0')
  await expectAccessible(staff, 'admin order with a return to receive')
  await screenshot(staff, 'admin-order-return')
  await staff.getByTestId('return-receive-submit').click()
  await confirmDialog(staff, '登记收货')
  // Inventory restocks and payment refunds on their own; the page follows until the return completes.
  await expect(staffCard.getByTestId('return-status')).toHaveAttribute('data-status', 'COMPLETED', { timeout: 60_000 })
  await expect(staffCard.getByTestId('return-inspected')).toContainText('可再售 1 本，破损 0 本')
  await staff.context().close()

  // The customer sees the return completed and the refund of one copy.
  await page.reload()
  await expect(card.getByTestId('return-status')).toHaveAttribute('data-status', 'COMPLETED', { timeout: 60_000 })
  const refund = page.getByTestId('refund').first()
  await expect(refund).toHaveAttribute('data-status', 'REFUNDED')
  const refunded = await refund.getByTestId('refund-amount').textContent()
  await expect(card.getByTestId('return-refund')).toContainText(refunded!)
  await expect(page.getByTestId('order-refunded')).toHaveText(refunded!)
  console.expectClean()
})

test('an admin refunds part of an order without a return, and the customer sees it', async ({ page, browser, request }) => {
  const [book] = await findBooks(request, { q: '三体' })
  const customer = await newCustomer(request)
  const token = await tokenOf(request, customer)
  const orderId = await placeConfirmedOrder(request, token, book.id)

  const staff = await adminPage(browser)
  await staff.goto(`/admin/orders/${orderId}`)
  const section = staff.getByTestId('order-after-sale')
  await field(staff, 'refund-amount').fill('99999')
  await field(staff, 'refund-reason').fill('封面轻微破损，顾客保留')
  await staff.getByTestId('refund-submit').click()
  await expect(staff.getByTestId('refund-amount-error')).toBeVisible()
  await field(staff, 'refund-amount').fill('1.5')
  await staff.getByTestId('refund-submit').click()
  await confirmDialog(staff, '退款')
  await expect(section.getByTestId('refund').first()).toHaveAttribute('data-status', 'REFUNDED', { timeout: 60_000 })
  await expect(section.getByTestId('refund-amount').first()).toHaveText('¥1.50')
  await expectAccessible(staff, 'order refunded in part')
  await staff.context().close()

  await logIn(page, customer)
  await page.goto(`/orders/${orderId}`)
  const refund = page.getByTestId('refund').first()
  await expect(refund).toHaveAttribute('data-status', 'REFUNDED')
  await expect(refund.getByTestId('refund-reason')).toHaveText('封面轻微破损，顾客保留')
  await expect(page.getByTestId('order-refunded')).toHaveText('¥1.50')
})

test('an admin rejects a return with a reason, which the customer reads', async ({ page, browser, request }) => {
  const book = await someBook(request)
  const { customer, token, orderId } = await deliveredBuyer(request, book.id, { received: true })
  const asked = await request.post(`/api/orders/${orderId}/returns`, {
    headers: { Authorization: `Bearer ${token}` },
    data: { items: [{ bookId: book.id, quantity: 1 }], reason: '不想要了' },
  })
  expect(asked.status(), await asked.text()).toBe(201)

  const staff = await adminPage(browser)
  await staff.goto(`/admin/orders/${orderId}`)
  const staffCard = returnCard(staff)
  await staffCard.getByTestId('return-reject').click()
  await staff.getByTestId('return-reject-submit').click()
  await expect(staff.getByTestId('return-reject-error')).toBeVisible()
  await field(staff, 'return-reject-reason').fill('图书已有明显使用痕迹')
  await staff.getByTestId('return-reject-submit').click()
  await expect(staffCard.getByTestId('return-status')).toHaveAttribute('data-status', 'REJECTED')
  await staff.context().close()

  await logIn(page, customer)
  await page.goto(`/orders/${orderId}`)
  const card = returnCard(page)
  await expect(card.getByTestId('return-status')).toHaveText('已拒绝')
  await expect(card.getByTestId('return-outcome')).toHaveText('原因：图书已有明显使用痕迹')
  await expect(card.getByTestId('return-withdraw')).toHaveCount(0)
  await useLanguage(page, 'en')
  await expect(card.getByTestId('return-outcome')).toHaveText('Why: 图书已有明显使用痕迹')
  // The copy may be asked for again while the window is open.
  await expect(page.getByTestId('return-start')).toBeVisible()
})
