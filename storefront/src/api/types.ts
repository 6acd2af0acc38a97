// The shapes of the shop's API (see the README's API table and DESIGN.md), as the UI reads them.

export interface Money {
  amount: number
  currency: string
}

export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

export interface Availability {
  inStock: boolean
  available: number
}

export interface BookHit {
  id: string
  isbn: string
  title: string
  subtitle?: string | null
  authors: string[]
  publisher?: string | null
  publicationDate?: string | null
  language?: string | null
  categories: string[]
  price: Money
  coverImage?: string | null
  availability: Availability
  rating?: RatingSummary | null
}

/** A book's rating: the average of its visible reviews (one decimal, null before the first) and their count. */
export interface RatingSummary {
  average: number | null
  count: number
}

export interface Review {
  id: string
  bookId: string
  rating: number
  text?: string | null
  /** accountClosed: the reviewer closed their account; the stars stay, the name and words are gone. */
  author: { name?: string | null; verifiedBuyer: boolean; accountClosed?: boolean }
  createdAt: string
  updatedAt: string
  edited: boolean
  helpfulCount: number
  mine: boolean
  votedHelpful: boolean
  hidden?: { reason: string; hiddenAt: string } | null
}

export interface ReviewPage extends Page<Review> {
  rating: RatingSummary
}

/** `GET /api/books/{id}/reviews/mine`: may the caller review the book, and their review. */
export interface ReviewStanding {
  verifiedBuyer: boolean
  review: Review | null
}

export type BookStatus = 'ACTIVE' | 'DISCONTINUED'
export type BookFormat = 'HARDCOVER' | 'PAPERBACK' | 'EBOOK' | 'AUDIOBOOK'

export interface Book extends BookHit {
  isbn10?: string | null
  translators: string[]
  pageCount?: number | null
  format?: BookFormat | null
  edition?: string | null
  description?: string | null
  status: BookStatus
  version: number
  createdAt: string
  updatedAt: string
}

export interface FacetValue {
  value: string
  count: number
  from?: number
  to?: number
}

export interface SearchPage extends Page<BookHit> {
  facets: Record<string, FacetValue[]>
}

export interface Suggestion {
  text: string
  bookId: string
  authors: string[]
}

export interface CartItem {
  bookId: string
  title: string
  quantity: number
  unitPrice: Money
  lineTotal: Money
  orderable: boolean
}

export interface Cart {
  items: CartItem[]
  total: Money
}

export interface Address {
  recipient: string
  phone?: string
  line1: string
  line2?: string | null
  city: string
  region?: string | null
  postalCode: string
  country: string
}

export type AccountStatus = 'ACTIVE' | 'DISABLED'

export interface Profile {
  id: string
  email: string
  displayName: string
  roles: string[]
  addresses: Address[]
  createdAt: string
  /** Whether the owner has proved they read mail at `email` (a link in a mail, or a password reset). */
  emailVerified: boolean
  /** An address the owner asked to change to, waiting for its link to be opened; `email` holds until then. */
  pendingEmail?: string | null
  /** The language the shop's mail (and, once chosen, the pages) speak to the owner. */
  language: 'zh-CN' | 'en'
  /** A DISABLED account cannot log in; an admin can enable it again. */
  status: AccountStatus
}

export type OrderStatus =
  | 'PENDING'
  | 'AWAITING_PAYMENT'
  | 'CONFIRMED'
  | 'REJECTED'
  | 'CANCELLED'
  | 'SHIPPED'
  | 'IN_TRANSIT'
  | 'DELIVERED'
  | 'RECEIVED'

export interface OrderItem {
  bookId: string
  title: string
  quantity: number
  unitPrice: Money
  lineTotal: Money
}

export interface StatusChange {
  status: OrderStatus
  at: string
  reason?: string | null
}

export interface Shipment {
  carrier: string
  trackingNumber: string
}

export type TrackingStatus =
  | 'COLLECTED'
  | 'IN_TRANSIT'
  | 'OUT_FOR_DELIVERY'
  | 'DELIVERED'
  | 'PROBLEM'
  | 'CUSTOMS'
  | 'RETURNED'
  | 'OTHER'

export interface TrackingEvent {
  status: TrackingStatus
  description?: string | null
  place?: string | null
  at: string
}

/** `GET /api/orders/{id}/tracking`: the carrier's timeline, newest first. */
export interface Tracking {
  orderId: string
  carrier?: string | null
  trackingNumber?: string | null
  status?: TrackingStatus | null
  orderStatus: OrderStatus
  events: TrackingEvent[]
}

/** Where a return (退货) stands; COMPLETED, REJECTED and CANCELLED are terminal. */
export type ReturnStatus = 'REQUESTED' | 'APPROVED' | 'SENT_BACK' | 'RECEIVED' | 'COMPLETED' | 'REJECTED' | 'CANCELLED'

export interface ReturnItem {
  bookId: string
  title: string
  quantity: number
  unitPrice: Money
  /** What inspection found, once the return is received. */
  resalable?: number | null
  damaged?: number | null
}

export interface ReturnChange {
  status: ReturnStatus
  at: string
  reason?: string | null
}

/** A return of some copies of an order, with the refund it gives once the copies are back. */
export interface OrderReturn {
  id: string
  status: ReturnStatus
  items: ReturnItem[]
  /** The customer's own words. */
  reason: string
  refundAmount: Money
  carrier?: string | null
  trackingNumber?: string | null
  /** Why it was rejected or cancelled. */
  outcomeReason?: string | null
  requestedAt: string
  /** When the current step times out, if it can. */
  deadline?: string | null
  history: ReturnChange[]
}

export type RefundStatus = 'PENDING' | 'REFUNDED' | 'REFUSED'

/** Money given back on part of an order: for a return, or on its own. */
export interface Refund {
  id: string
  returnId?: string | null
  amount: Money
  reason: string
  status: RefundStatus
  refusal?: string | null
  requestedAt: string
  settledAt?: string | null
}

/**
 * What the customer does for the provider to take the payment of an order AWAITING_PAYMENT: scan a QR
 * code (its content is `value`) or go to the provider's page (`value` is the URL).
 */
export interface PaymentAction {
  /** The provider the order is paid with, e.g. alipay, wechatpay. */
  provider: string
  kind: 'QR_CODE' | 'REDIRECT'
  value: string
  /** When the provider stops taking this QR code or link; null if it did not say. */
  expiresAt?: string | null
}

export interface Order {
  id: string
  status: OrderStatus
  /** While the order is AWAITING_PAYMENT: how to pay; null otherwise. */
  paymentAction?: PaymentAction | null
  /** While the order is AWAITING_PAYMENT: when it stops waiting and is cancelled. */
  payBy?: string | null
  items: OrderItem[]
  total: Money
  statusHistory: StatusChange[]
  failureReason?: string | null
  placedAt: string
  /** null once the customer closed their account: the address was erased (customerErased). */
  shippingAddress: Address | null
  customerErased?: boolean
  paymentMethod: string
  shipment?: Shipment | null
  /** Everything given back so far, returns and partial refunds included. */
  refunded?: Money | null
  customerId: string
  /** Until when the customer may ask to return copies; null when they may not. */
  returnableUntil?: string | null
  returns?: OrderReturn[]
  refunds?: Refund[]
}

export interface Tokens {
  accessToken: string
  tokenType: string
  expiresIn: number
}

export interface Stock {
  bookId: string
  onHand: number
  reserved: number
  available: number
  lowStockThreshold: number
}

export interface Movement {
  id: number
  bookId: string
  kind: string
  onHandChange: number
  reservedChange: number
  onHand: number
  reserved: number
  available: number
  version: number
  orderId?: string | null
  /** The customer's return a RETURN or DAMAGED movement took in. */
  returnId?: string | null
  /** Copies of a return written off as damaged (DAMAGED only). */
  writtenOff?: number
  reason?: string | null
  note?: string | null
  occurredAt: string
}
