// Recommendations (`/api/books/{id}/recommendations`, `/api/recommendations/me`, see catalog-service/README.md):
// analytics' records served by the catalogue with the books as search shows them, in stock only.
import { http } from './http'
import type { BookHit } from './types'

/** What a book's page recommends with it; a signed-in customer's token leaves out what they bought. */
export interface BookRecommendations {
  bookId: string
  boughtTogether: BookHit[]
  similar: BookHit[]
}

/** Books picked for the signed-in customer, from their purchases, or the shop's bestsellers for a new customer. */
export interface Picks {
  picks: BookHit[]
  basedOn: 'PURCHASES' | 'BESTSELLERS'
}

export const recommendations = {
  forBook: (bookId: string, limit: number) =>
    http.get<BookRecommendations>(`/api/books/${encodeURIComponent(bookId)}/recommendations`, { query: { limit } }),
  mine: (limit: number) => http.get<Picks>('/api/recommendations/me', { query: { limit } }),
}
