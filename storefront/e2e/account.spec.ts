import { expect, type Page, test } from '@playwright/test'
import {
  admin,
  confirmDialog,
  expectAccessible,
  field,
  linkInMail,
  logIn,
  newCustomer,
  PASSWORD,
  screenshot,
  tokenOf,
  useLanguage,
  watchConsole,
} from './support'

// Accounts people manage themselves (issue 22), against a shop with notification-service and the
// launcher's mailbox (MAILBOX_URL): the links come out of the mails the shop really sent.

const NEW_PASSWORD = 'Lamp-Light-and-Green-Tea-9'

function newAddress(label: string) {
  return `e2e-${label}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@storefront-tests.example`
}

/** Logs in through the page and expects a refusal, with the message the page shows. */
async function expectLoginRefused(page: Page, who: { email: string; password: string }) {
  await page.goto('/login')
  await field(page, 'login-email').fill(who.email)
  await field(page, 'login-password').fill(who.password)
  await page.getByTestId('login-submit').click()
  await expect(page.getByTestId('problem')).toBeVisible()
  await expect(page).toHaveURL(/\/login/)
  await expect(page.getByTestId('log-out')).toHaveCount(0)
}

test('a new customer registers in English, reads the verification mail and opens its link: the address is verified', async ({ page, request }) => {
  const console = watchConsole(page)
  const email = newAddress('verify')
  await page.goto('/register')
  await field(page, 'register-name').fill('New Reader')
  await field(page, 'register-email').fill(email)
  await field(page, 'register-password').fill(PASSWORD)
  // The page's language is offered; the customer chooses English, and the pages follow.
  await expect(page.getByTestId('register-language-zh-CN').locator('input')).toBeChecked()
  await page.getByTestId('register-language-en').click()
  await page.getByTestId('register-submit').click()
  await expect(page.getByTestId('account-link')).toHaveText('New Reader')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  await page.goto('/account')
  await expect(page.getByTestId('account-email')).toHaveText(email)
  await expect(page.getByTestId('email-unverified')).toHaveText('Not verified')
  await expect(page.getByTestId('account-language-en').locator('input')).toBeChecked()

  const { path } = await linkInMail(request, email, '/verify-email')
  await page.goto(path)
  await expect(page.getByTestId('verify-done')).toContainText(`${email} is verified`)
  await expectAccessible(page, 'verify-email')
  await screenshot(page, 'account-verified')
  await page.getByTestId('verify-to-account').click()
  await expect(page.getByTestId('email-verified')).toHaveText('Verified')
  await expect(page.getByTestId('resend-verification')).toHaveCount(0)

  // The link works once.
  await page.goto(path)
  await expect(page.getByTestId('verify-already')).toBeVisible()
  console.expectClean()
})

test('a customer who forgot the password gets a link by mail, sets a new one and logs in with it; the old one and the link are refused after', async ({ page, request }) => {
  const console = watchConsole(page)
  const customer = await newCustomer(request)
  await page.goto('/login')
  await page.getByTestId('forgot-password-link').click()
  await expect(page).toHaveURL(/\/forgot-password$/)
  await field(page, 'forgot-email').fill(customer.email)
  await page.getByTestId('forgot-submit').click()
  await expect(page.getByTestId('forgot-sent')).toContainText(customer.email)
  await expectAccessible(page, 'forgot-password')
  await screenshot(page, 'account-forgot-password')

  // An address without an account gets the same answer.
  const nobody = newAddress('nobody')
  await page.goto('/forgot-password')
  await field(page, 'forgot-email').fill(nobody)
  await page.getByTestId('forgot-submit').click()
  await expect(page.getByTestId('forgot-sent')).toContainText(`如果 ${nobody} 有对应的账户`)

  const { path } = await linkInMail(request, customer.email, '/reset-password')
  await page.goto(path)
  await field(page, 'reset-password').fill(NEW_PASSWORD)
  await field(page, 'reset-repeat').fill(`${NEW_PASSWORD}x`)
  await page.getByTestId('reset-submit').click()
  await expect(page.getByText('两次输入的密码不一致。')).toBeVisible()
  await field(page, 'reset-repeat').fill(NEW_PASSWORD)
  await expectAccessible(page, 'reset-password')
  await screenshot(page, 'account-reset-password')
  await page.getByTestId('reset-submit').click()
  await expect(page).toHaveURL(/\/login$/)

  await logIn(page, { email: customer.email, password: NEW_PASSWORD }, customer.name)
  await page.getByTestId('log-out').click()
  await expect(page.getByTestId('log-in-link')).toBeVisible()
  await expectLoginRefused(page, customer)
  await expect(page.getByTestId('problem')).toContainText('邮箱或密码不正确。')

  // The token was used: the same link now says so, and where to ask again.
  await page.goto(path)
  await field(page, 'reset-password').fill(`${NEW_PASSWORD}-2`)
  await field(page, 'reset-repeat').fill(`${NEW_PASSWORD}-2`)
  await page.getByTestId('reset-submit').click()
  await expect(page.getByTestId('reset-invalid')).toBeVisible()
  await expect(page.getByTestId('reset-ask-again')).toHaveAttribute('href', '/forgot-password')
  console.expectClean()
})

test('a customer changes the language, the e-mail address and the password on the account page', async ({ page, request }) => {
  const console = watchConsole(page)
  const customer = await newCustomer(request)
  await logIn(page, customer, customer.name)
  await page.goto('/account')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的账户')
  await expect(page.getByTestId('account-language-zh-CN').locator('input')).toBeChecked()
  await expectAccessible(page, 'account')
  await screenshot(page, 'account')

  // The language: saved with the profile, and the pages switch to it (and stay so after a reload).
  await page.getByTestId('account-language-en').click()
  await page.getByTestId('account-profile-save').click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account')
  await page.reload()
  await expect(page.getByTestId('account-language-en').locator('input')).toBeChecked()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My account')

  // The address: the link goes to the new one, which holds only once it is opened.
  const moved = newAddress('moved')
  await page.getByTestId('email-change-open').click()
  await field(page, 'email-new').fill(moved)
  await field(page, 'email-password').fill(customer.password)
  await page.getByTestId('email-change-submit').click()
  await expect(page.getByTestId('email-change-sent')).toContainText(`We sent a link to ${moved}.`)
  await expect(page.getByTestId('email-pending')).toContainText(moved)
  await expect(page.getByTestId('account-email')).toHaveText(customer.email)
  await expectAccessible(page, 'account with a pending address')
  await screenshot(page, 'account')
  const { path } = await linkInMail(request, moved, '/verify-email')
  await page.goto(path)
  await expect(page.getByTestId('verify-done')).toContainText(moved)
  await page.goto('/account')
  await expect(page.getByTestId('account-email')).toHaveText(moved)
  await expect(page.getByTestId('email-verified')).toBeVisible()
  await expect(page.getByTestId('email-pending')).toHaveCount(0)

  // The password: a wrong current one is refused in words; the new one works, and this browser stays signed in.
  await field(page, 'password-current').fill('Not-The-Password-1')
  await field(page, 'password-new').fill(NEW_PASSWORD)
  await field(page, 'password-repeat').fill(NEW_PASSWORD)
  await page.getByTestId('password-submit').click()
  await expect(page.getByTestId('problem')).toHaveText('The current password is not right.')
  await field(page, 'password-current').fill(customer.password)
  await page.getByTestId('password-submit').click()
  await expect(page.getByText('Your password is changed. Other devices were signed out.')).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('account-link')).toHaveText(customer.name)

  await page.getByTestId('log-out').click()
  await expectLoginRefused(page, { email: moved, password: customer.password })
  await logIn(page, { email: moved, password: NEW_PASSWORD }, customer.name)
  console.expectClean()
})

test('a customer closes the account and cannot log in again', async ({ page, request }) => {
  const console = watchConsole(page)
  const customer = await newCustomer(request)
  await logIn(page, customer, customer.name)
  await page.goto('/account')
  await useLanguage(page, 'en')
  const danger = page.getByRole('region', { name: 'Close account' })
  await expect(danger.getByTestId('close-erased')).toContainText('Your saved addresses and phone numbers')
  await expect(danger.getByTestId('close-kept')).toContainText('the amounts, books and dates of your orders')
  await field(page, 'close-password').fill(customer.password)
  await danger.scrollIntoViewIfNeeded()
  await screenshot(page, 'account-close')
  await page.getByTestId('close-account').click()
  await confirmDialog(page, 'Close my account')

  await expect(page).toHaveURL(/\/$/)
  await expect(page.getByText('Your account is closed and your personal data erased.')).toBeVisible()
  await expect(page.getByTestId('log-in-link')).toBeVisible()
  await expectLoginRefused(page, customer)
  const token = await request.post('/api/auth/token', { data: { email: customer.email, password: customer.password } })
  expect(token.status()).toBe(401)
  console.expectClean()
})

test('an admin disables a customer, who can no longer log in, enables them again, and closes the account', async ({ page, request }) => {
  const console = watchConsole(page)
  const customer = await newCustomer(request, '被停用的读者')
  const credentials = { data: { email: customer.email, password: customer.password } }
  await logIn(page, admin())
  await page.goto(`/admin/customers?q=${encodeURIComponent(customer.email)}`)
  const row = page.getByTestId('customer-row').filter({ hasText: customer.email })
  await expect(row.getByTestId('customer-status')).toHaveText('正常')
  await expect(row.getByTestId('customer-unverified')).toHaveText('未验证')
  await row.getByTestId('customer-row-link').click()

  await page.getByTestId('customer-disable').click()
  await confirmDialog(page, '停用账户')
  await expect(page.getByTestId('customer-status')).toHaveText('已停用')
  await expectAccessible(page, 'admin customer')
  await screenshot(page, 'account-admin-customer')
  expect((await request.post('/api/auth/token', credentials)).status()).not.toBe(200)

  await page.getByTestId('customer-enable').click()
  await confirmDialog(page, '启用账户')
  await expect(page.getByTestId('customer-status')).toHaveText('正常')
  expect((await request.post('/api/auth/token', credentials)).status()).toBe(200)

  // Closing asks for the account's address to be typed first.
  await page.getByTestId('customer-close').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByTestId('close-customer-submit')).toBeDisabled()
  await field(page, 'close-customer-email').fill(customer.email)
  await dialog.getByTestId('close-customer-submit').click()
  await expect(page).toHaveURL(/\/admin\/customers$/)
  await page.goto(`/admin/customers?q=${encodeURIComponent(customer.email)}`)
  await expect(page.getByTestId('customer-row')).toHaveCount(0)
  expect((await request.post('/api/auth/token', credentials)).status()).toBe(401)
  console.expectClean()
})

test('an admin cannot disable or close their own account from the console', async ({ page, request }) => {
  const me = admin()
  await logIn(page, me)
  const token = await tokenOf(request, me)
  const profile = await request.get('/api/users/me', { headers: { Authorization: `Bearer ${token}` } })
  const id = ((await profile.json()) as { id: string }).id
  await page.goto(`/admin/customers/${id}`)
  await expect(page.getByTestId('access-self')).toBeVisible()
  await expect(page.getByTestId('customer-disable')).toBeDisabled()
  await expect(page.getByTestId('customer-close')).toBeDisabled()
  await useLanguage(page, 'en')
  await screenshot(page, 'account-admin-self')
})
