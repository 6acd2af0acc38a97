import { expect, type Page, test } from '@playwright/test'
import { screenshot, watchConsole } from './support'

// The API's documentation at /api/docs, as an integrator opens it: Swagger UI over every service's OpenAPI
// document, one at a time through its selector, with an operation each service is known by.
const services: [string, string, string][] = [
  ['catalog-service', 'GET', '/api/books'],
  ['user-service', 'POST', '/api/auth/token'],
  ['order-service', 'POST', '/api/orders'],
  ['inventory-service', 'GET', '/api/inventory/{bookId}'],
  ['payment-service', 'GET', '/api/payments'],
  ['analytics-service', 'GET', '/api/analytics/customers'],
  ['notification-service', 'GET', '/api/notifications'],
]

/** An operation as Swagger UI lists it: its method and path, in the block it can be opened from. */
function operation(page: Page, method: string, path: string) {
  return page.locator(`.opblock-${method.toLowerCase()}`).filter({
    has: page.locator(`.opblock-summary-path[data-path="${path}"]`),
  })
}

test('the API documentation shows every service’s operations, and tries one through the gateway', async ({ page }) => {
  const console = watchConsole(page)
  await page.goto('/api/docs')
  await expect(page).toHaveURL(/\/api\/docs\/swagger-ui\/index\.html/)

  const definition = page.getByLabel('Select a definition')
  // Springdoc lists the documents by name.
  await expect(definition.locator('option')).toHaveText(services.map(([name]) => name).sort())
  for (const [service, method, path] of services) {
    await definition.selectOption(service)
    await expect(operation(page, method, path).first()).toBeVisible()
    // The document came through the gateway's route for that service.
    await expect(page.locator('.info .link, .info a').filter({ hasText: `/api/docs/${service}` }).first()).toBeVisible()
  }

  // "Try it out" calls the API through the gateway (the documents' server is "/"): the catalogue's search answers.
  await definition.selectOption('catalog-service')
  const search = operation(page, 'GET', '/api/books').first()
  await search.locator('.opblock-summary-control').click()
  await search.getByRole('button', { name: 'Try it out' }).click()
  await search.getByRole('button', { name: 'Execute' }).click()
  await expect(search.locator('.live-responses-table tr.response .response-col_status')).toHaveText('200')
  await expect(search.locator('.request-url pre')).toContainText('/api/books')

  // Back to the top, closed, for the picture the README shows.
  await search.locator('.opblock-summary-control').click()
  await screenshot(page, 'api-docs')
  console.expectClean()
})
