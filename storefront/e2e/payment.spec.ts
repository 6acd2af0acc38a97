import { type APIRequestContext, type BrowserContext, expect, type Page, test } from '@playwright/test'
import { atCheckoutWith, expectAccessible, findBooks, logIn, newCustomer, screenshot, useLanguage, watchConsole } from './support'

/** A new customer with one book of the query in the cart, at checkout with the address filled in. */
async function atCheckout(page: Page, request: APIRequestContext, query: Record<string, string>) {
  const customer = await newCustomer(request)
  const [book] = await findBooks(request, query)
  await logIn(page, customer)
  await atCheckoutWith(page, book.id)
  return customer
}

/**
 * The person pays on the sandbox's "scan to pay" page, opened in a page of its own as a phone would
 * open the QR code's link, and sees the payment succeed there.
 */
async function payOnTheSandboxPage(context: BrowserContext, link: string, approve: RegExp, paid: RegExp, name: string) {
  const phone = await context.newPage()
  const console = watchConsole(phone)
  await phone.goto(link)
  await expect(phone.getByRole('status')).toBeVisible()
  await expectAccessible(phone, 'sandbox pay page')
  await screenshot(phone, name)
  await phone.getByRole('button', { name: approve }).click()
  await expect(phone.getByRole('status')).toHaveText(paid)
  await expect(phone.getByRole('button')).toHaveCount(0)
  console.expectClean()
  await phone.close()
}

test('a customer pays with sandbox Alipay by scanning the QR code, and the order page moves on to paid by itself', async ({ page, context, request }) => {
  const console = watchConsole(page)
  await atCheckout(page, request, { q: '三体' })
  await page.getByTestId('method-alipay_qr').click()
  await expectAccessible(page, 'checkout')
  await page.evaluate(() => window.scrollTo(0, 0))
  await screenshot(page, 'checkout-payment')
  await page.getByTestId('place-order').click()

  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}/)
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'AWAITING_PAYMENT', { timeout: 60_000 })
  await expect(page.getByTestId('order-status')).toHaveText('待支付')
  const step = page.getByTestId('payment-step')
  await expect(step.getByRole('img', { name: '支付宝付款二维码' })).toBeVisible()
  await expect(step.getByTestId('payment-countdown')).toHaveText(/剩余支付时间 \d\d:\d\d/)
  await expect(page.getByTestId('payment-method')).toHaveText('支付宝')
  await expectAccessible(page, 'payment step')
  await screenshot(page, 'payment-qr')

  // The QR code carries the sandbox page's address; "在本机打开" leads to the same place.
  const link = (await step.getByTestId('payment-qr').getAttribute('data-content'))!
  await expect(step.getByTestId('payment-open-here')).toHaveAttribute('href', link)
  await payOnTheSandboxPage(context, link, /确认支付/, /支付成功/, 'sandbox-pay-alipay')

  // No reload: the page follows the order until it is paid.
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'CONFIRMED', { timeout: 60_000 })
  await expect(page.getByTestId('payment-paid')).toContainText('支付成功')
  await expect(page.getByTestId('payment-step')).toHaveCount(0)
  console.expectClean()
})

test('a customer pays with sandbox WeChat Pay, in English, after asking for a fresh QR code', async ({ page, context, request }) => {
  const console = watchConsole(page)
  await atCheckout(page, request, { language: 'en' })
  await useLanguage(page, 'en')
  await page.getByTestId('method-wechat_native').click()
  await page.getByTestId('place-order').click()

  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'AWAITING_PAYMENT', { timeout: 60_000 })
  await expect(page.getByTestId('order-status')).toHaveText('Awaiting payment')
  const step = page.getByTestId('payment-step')
  await expect(step.getByRole('img', { name: 'WeChat Pay payment QR code' })).toBeVisible()
  await screenshot(page, 'payment-qr')

  // The order list offers to pay it.
  await page.goto('/orders')
  await expect(page.getByTestId('order-pay-now').first()).toHaveText('Pay now')
  await page.getByTestId('order-row').first().click()
  await expect(step).toBeVisible()

  // A fresh QR code replaces the first.
  const first = (await step.getByTestId('payment-qr').getAttribute('data-content'))!
  await step.getByTestId('payment-renew').click()
  await expect(step.getByTestId('payment-qr')).not.toHaveAttribute('data-content', first, { timeout: 30_000 })
  const fresh = (await step.getByTestId('payment-qr').getAttribute('data-content'))!

  // The phone that scans it speaks Chinese.
  await payOnTheSandboxPage(context, fresh, /确认支付/, /支付成功/, 'sandbox-pay-wechatpay')

  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'CONFIRMED', { timeout: 60_000 })
  await expect(page.getByTestId('payment-paid')).toContainText('Paid')
  console.expectClean()
})

test('a card that asks for 3-D Secure sends the customer to confirm it, and the order is paid', async ({ page, request }) => {
  const console = watchConsole(page)
  await atCheckout(page, request, { language: 'zh' })
  await page.getByTestId('card-pm_card_threeDSecure2Required').click()
  await page.getByTestId('place-order').click()

  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'AWAITING_PAYMENT', { timeout: 60_000 })
  const orderPage = page.url()
  await expect(page.getByTestId('payment-step')).toHaveAttribute('data-kind', 'REDIRECT')
  await expect(page.getByTestId('payment-step')).toContainText('3-D Secure')
  await screenshot(page, 'payment-3ds')
  await page.getByTestId('payment-redirect').click()

  // The "bank's" page: the sandbox's, in the card's grey.
  await expect(page.getByRole('banner')).toHaveText(/3-D Secure/)
  await screenshot(page, 'sandbox-pay-card')
  await page.getByRole('button', { name: '确认支付' }).click()
  await expect(page.getByRole('status')).toHaveText(/支付成功/)

  await page.goto(orderPage)
  await expect(page.getByTestId('order-status')).toHaveAttribute('data-status', 'CONFIRMED', { timeout: 60_000 })
  console.expectClean()
})
