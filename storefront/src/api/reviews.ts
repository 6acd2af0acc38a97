// A book's reviews (`/api/books/{id}/reviews…`, see catalog-service/README.md), for the book page and the console.
import { http } from './http'
import type { Review, ReviewPage, ReviewStanding } from './types'

export type ReviewSort = 'newest' | 'helpful'

export interface ReviewBody {
  rating: number
  text: string | null
}

const base = (bookId: string) => `/api/books/${encodeURIComponent(bookId)}/reviews`
const one = (bookId: string, reviewId: string) => `${base(bookId)}/${encodeURIComponent(reviewId)}`

export const reviews = {
  page: (bookId: string, query: { sort: ReviewSort; page: number; size: number }) => http.get<ReviewPage>(base(bookId), { query }),
  mine: (bookId: string) => http.get<ReviewStanding>(`${base(bookId)}/mine`),
  write: (bookId: string, body: ReviewBody) => http.post<Review>(base(bookId), body),
  edit: (bookId: string, reviewId: string, body: ReviewBody) => http.put<Review>(one(bookId, reviewId), body),
  delete: (bookId: string, reviewId: string) => http.delete<void>(one(bookId, reviewId)),
  helpful: (bookId: string, reviewId: string) => http.post<Review>(`${one(bookId, reviewId)}/helpful`),
  hide: (bookId: string, reviewId: string, reason: string) => http.post<Review>(`${one(bookId, reviewId)}/hide`, { reason }),
  unhide: (bookId: string, reviewId: string) => http.post<Review>(`${one(bookId, reviewId)}/unhide`),
}
