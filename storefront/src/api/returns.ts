// Returns (退货) and refunds of an order (`/api/orders/{id}/returns…`, see order-service/README.md). Every
// step answers the order as it now is. The console's own steps (approve, reject, receive, refund) are in
// views/admin/api.ts, on the same paths.
import { http } from './http'
import type { Order } from './types'

export interface ReturnRequestBody {
  items: { bookId: string; quantity: number }[]
  reason: string
}

export interface SendBackBody {
  carrier: string | null
  trackingNumber: string | null
}

const orderPath = (orderId: string) => `/api/orders/${encodeURIComponent(orderId)}`
export const returnsPath = (orderId: string) => `${orderPath(orderId)}/returns`
export const returnPath = (orderId: string, returnId: string) => `${returnsPath(orderId)}/${encodeURIComponent(returnId)}`
export const refundsPath = (orderId: string) => `${orderPath(orderId)}/refunds`

export const returns = {
  request: (orderId: string, body: ReturnRequestBody) => http.post<Order>(returnsPath(orderId), body),
  withdraw: (orderId: string, returnId: string) => http.post<Order>(`${returnPath(orderId, returnId)}/withdraw`),
  sendBack: (orderId: string, returnId: string, body: SendBackBody) =>
    http.post<Order>(`${returnPath(orderId, returnId)}/send-back`, body),
}
