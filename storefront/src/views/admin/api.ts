// The staff console's calls to the shop's API. Every one needs an ADMIN access token, which `http` adds.
import { http, type Query } from '@/api/http'
import { refundsPath, returnPath } from '@/api/returns'
import type {
  AccountStatus,
  Book,
  BookFormat,
  BookStatus,
  Money,
  Movement,
  Order,
  OrderStatus,
  Page,
  Profile,
  Stock,
} from '@/api/types'

/** The largest page any listing answers. */
export const MAX_PAGE_SIZE = 100
export const PAGE_SIZES = [10, 20, 50, 100] as const

const path = (id: string) => encodeURIComponent(id)
/** A book's version as the entity tag its ETag header carries, for If-Match. */
const ifMatch = (version: number) => ({ 'If-Match': `"${version}"` })

/** A book as an admin sends it: POST takes initialStock too, PUT never. */
export interface BookRequest {
  isbn: string
  title: string
  subtitle?: string
  authors: string[]
  translators?: string[]
  publisher?: string
  publicationDate?: string
  language: string
  categories?: string[]
  pageCount?: number
  format?: BookFormat
  edition?: string
  description?: string
  coverImage?: string
  price: Money
  initialStock?: number
}

export interface CatalogueQuery {
  q?: string
  status?: BookStatus
  page: number
  size: number
}

export const books = {
  catalogue: (query: CatalogueQuery) => http.get<Page<Book>>('/api/books/catalogue', { query: { ...query } }),
  get: (id: string) => http.get<Book>(`/api/books/${path(id)}`),
  add: (book: BookRequest) => http.post<Book>('/api/books', book),
  replace: (id: string, version: number, book: BookRequest) =>
    http.put<Book>(`/api/books/${path(id)}`, book, { headers: ifMatch(version) }),
  /** Takes the book out of search and ordering; it stays readable by id. */
  discontinue: (id: string, version: number) =>
    http.delete<void>(`/api/books/${path(id)}`, { headers: ifMatch(version) }),
}

/** The reasons inventory accepts for an adjustment, and which way each may move the stock. */
export const ADJUSTMENT_REASONS = {
  DAMAGED: 'decrease',
  LOST: 'decrease',
  RETURNED_TO_SUPPLIER: 'decrease',
  FOUND: 'increase',
  CORRECTION: 'either',
} as const
export type AdjustmentReason = keyof typeof ADJUSTMENT_REASONS

export const MOVEMENT_KINDS = [
  'OPENING',
  'RECEIPT',
  'RESERVATION',
  'RELEASE',
  'SALE',
  'RETURN',
  'DAMAGED',
  'ADJUSTMENT',
  'STOCKTAKE',
] as const

/** Inventory's limits, as its request validation has them. */
export const STOCK_LIMITS = { maxCopies: 100_000, maxNote: 500, maxThreshold: 100_000 } as const

export interface StockQuery {
  lowStock?: boolean
  bookId?: string[]
  sort?: 'bookId' | 'available'
  page: number
  size: number
}

export const inventory = {
  list: (query: StockQuery) => http.get<Page<Stock>>('/api/inventory', { query: { ...query } }),
  /** The stock of the given books (at most 100), by book id. */
  async of(bookIds: string[]): Promise<Map<string, Stock>> {
    if (bookIds.length === 0) return new Map()
    const page = await inventory.list({ bookId: bookIds, page: 0, size: Math.min(bookIds.length, MAX_PAGE_SIZE) })
    return new Map(page.items.map((stock) => [stock.bookId, stock]))
  },
  get: (bookId: string) => http.get<Stock>(`/api/inventory/${path(bookId)}`),
  receive: (bookId: string, body: { quantity: number; note?: string }) =>
    http.post<Movement>(`/api/inventory/${path(bookId)}/receipts`, body),
  adjust: (bookId: string, body: { change: number; reason: AdjustmentReason; note?: string }) =>
    http.post<Movement>(`/api/inventory/${path(bookId)}/adjustments`, body),
  count: (bookId: string, body: { counted: number; note?: string }) =>
    http.post<Movement>(`/api/inventory/${path(bookId)}/stocktakes`, body),
  setThreshold: (bookId: string, threshold: number) =>
    http.put<Stock>(`/api/inventory/${path(bookId)}/low-stock-threshold`, { threshold }),
  movements: (bookId: string, page: number, size: number) =>
    http.get<Page<Movement>>(`/api/inventory/${path(bookId)}/movements`, { query: { page, size } }),
}

/** The statuses the order list filters by, as order-service takes them (it refuses AWAITING_PAYMENT as a filter). */
export const ORDER_STATUSES: OrderStatus[] = [
  'PENDING',
  'CONFIRMED',
  'REJECTED',
  'CANCELLED',
  'SHIPPED',
  'IN_TRANSIT',
  'DELIVERED',
  'RECEIVED',
]
/** An order can still be cancelled (and compensated) until it is shipped. */
export const CANCELLABLE: OrderStatus[] = ['PENDING', 'CONFIRMED']

export const orders = {
  list: (query: Query) => http.get<Page<Order>>('/api/orders', { query }),
  get: (id: string) => http.get<Order>(`/api/orders/${path(id)}`),
  ship: (id: string, shipment: { carrier: string; trackingNumber: string }) =>
    http.post<Order>(`/api/orders/${path(id)}/ship`, shipment),
  deliver: (id: string) => http.post<Order>(`/api/orders/${path(id)}/deliver`),
  cancel: (id: string) => http.post<Order>(`/api/orders/${path(id)}/cancel`),
  approveReturn: (id: string, returnId: string) => http.post<Order>(`${returnPath(id, returnId)}/approve`),
  rejectReturn: (id: string, returnId: string, reason: string) =>
    http.post<Order>(`${returnPath(id, returnId)}/reject`, { reason }),
  /** One entry per book of the return: how many copies can be sold again and how many are damaged. */
  receiveReturn: (id: string, returnId: string, copies: ReceivedCopies[]) =>
    http.post<Order>(`${returnPath(id, returnId)}/receive`, { copies }),
  /** A refund without a return; the amount in minor units. */
  refund: (id: string, amount: number, reason: string) => http.post<Order>(refundsPath(id), { amount, reason }),
}

export interface ReceivedCopies {
  bookId: string
  resalable: number
  damaged: number
}

export const ROLES = ['CUSTOMER', 'ADMIN'] as const
export type Role = (typeof ROLES)[number]

export const ACCOUNT_STATUSES: AccountStatus[] = ['ACTIVE', 'DISABLED']

export const users = {
  find: (query: { q?: string; role?: Role; status?: AccountStatus; page: number; size: number }) =>
    http.get<Page<Profile>>('/api/users', { query: { ...query } }),
  get: (id: string) => http.get<Profile>(`/api/users/${path(id)}`),
  assignRoles: (id: string, roles: Role[]) => http.put<Profile>(`/api/users/${path(id)}/roles`, { roles }),
  /** The account can no longer log in, and its sessions end; nothing of it is erased. */
  disable: (id: string) => http.post<Profile>(`/api/users/${path(id)}/disable`),
  enable: (id: string) => http.post<Profile>(`/api/users/${path(id)}/enable`),
  /** Closes the account and erases the person, as the customer's own closing does. */
  close: (id: string) => http.delete<void>(`/api/users/${path(id)}`),
}

/**
 * Book titles by id, for pages that list stock or order lines by book id only. Titles are kept for
 * the session (they rarely change), fetched a few at a time; a book that cannot be read gets none.
 */
const titles = new Map<string, string>()

export async function titlesOf(bookIds: string[]): Promise<Map<string, string>> {
  const missing = [...new Set(bookIds)].filter((id) => !titles.has(id))
  const queue = [...missing]
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        titles.set(id, (await books.get(id)).title)
      } catch {
        // Shown by id instead; the page stays usable.
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(4, queue.length) }, worker))
  return new Map(bookIds.flatMap((id) => (titles.has(id) ? [[id, titles.get(id)!] as const] : [])))
}

/** Remembers a title the page already has (a book just read or saved). */
export function rememberTitle(book: Pick<Book, 'id' | 'title'>) {
  titles.set(book.id, book.title)
}
