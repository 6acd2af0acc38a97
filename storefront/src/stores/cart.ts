import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { http } from '@/api/http'
import type { Cart } from '@/api/types'

/** The signed-in customer's cart, kept by order-service; this store mirrors its last answer. */
export const useCart = defineStore('cart', () => {
  const cart = ref<Cart | null>(null)

  const count = computed(() => cart.value?.items.reduce((sum, item) => sum + item.quantity, 0) ?? 0)
  const orderable = computed(() => cart.value?.items.filter((item) => item.orderable) ?? [])
  const blocked = computed(() => cart.value?.items.filter((item) => !item.orderable) ?? [])

  async function load() {
    cart.value = await http.get<Cart>('/api/cart')
  }

  async function setQuantity(bookId: string, quantity: number) {
    cart.value = await http.put<Cart>(`/api/cart/items/${encodeURIComponent(bookId)}`, { quantity })
  }

  async function add(bookId: string, quantity = 1) {
    if (!cart.value) await load()
    const current = cart.value?.items.find((item) => item.bookId === bookId)?.quantity ?? 0
    await setQuantity(bookId, current + quantity)
  }

  async function remove(bookId: string) {
    cart.value = await http.delete<Cart>(`/api/cart/items/${encodeURIComponent(bookId)}`)
  }

  function clear() {
    cart.value = null
  }

  return { cart, count, orderable, blocked, load, setQuantity, add, remove, clear }
})
