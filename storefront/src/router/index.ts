import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { i18n } from '@/i18n'
import { useSession } from '@/stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** The page needs a signed-in customer; others are sent to log in first. */
    requiresAuth?: boolean
    /** Staff only: others see the "not allowed" page. */
    requiresAdmin?: boolean
    /** The message key of the page's title (a page with data of its own sets the title itself). */
    title?: string
  }
}

const store: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: () => import('@/views/store/HomeView.vue'), meta: { title: 'nav.home' } },
  {
    path: '/search',
    name: 'search',
    component: () => import('@/views/store/SearchView.vue'),
    meta: { title: 'search.title' },
  },
  { path: '/books/:id', name: 'book', component: () => import('@/views/store/BookView.vue'), props: true },
  {
    path: '/cart',
    name: 'cart',
    component: () => import('@/views/store/CartView.vue'),
    meta: { requiresAuth: true, title: 'cart.title' },
  },
  {
    path: '/checkout',
    name: 'checkout',
    component: () => import('@/views/store/CheckoutView.vue'),
    meta: { requiresAuth: true, title: 'checkout.title' },
  },
  {
    path: '/orders',
    name: 'orders',
    component: () => import('@/views/store/OrdersView.vue'),
    meta: { requiresAuth: true, title: 'orders.title' },
  },
  {
    path: '/orders/:id',
    name: 'order',
    component: () => import('@/views/store/OrderView.vue'),
    props: true,
    meta: { requiresAuth: true, title: 'order.title' },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/store/LoginView.vue'),
    meta: { title: 'auth.logIn' },
  },
  {
    path: '/register',
    name: 'register',
    component: () => import('@/views/store/RegisterView.vue'),
    meta: { title: 'auth.register' },
  },
  {
    path: '/forgot-password',
    name: 'forgot-password',
    component: () => import('@/views/store/ForgotPasswordView.vue'),
    meta: { title: 'forgot.title' },
  },
  // The links in the shop's mails (notification-service writes them as {shop-url}/reset-password?token=…).
  {
    path: '/reset-password',
    name: 'reset-password',
    component: () => import('@/views/store/ResetPasswordView.vue'),
    meta: { title: 'reset.title' },
  },
  {
    path: '/verify-email',
    name: 'verify-email',
    component: () => import('@/views/store/VerifyEmailView.vue'),
    meta: { title: 'verify.title' },
  },
  {
    path: '/account',
    name: 'account',
    component: () => import('@/views/store/AccountView.vue'),
    meta: { requiresAuth: true, title: 'account.title' },
  },
]

const admin: RouteRecordRaw = {
  path: '/admin',
  component: () => import('@/views/admin/AdminLayout.vue'),
  meta: { requiresAuth: true, requiresAdmin: true },
  children: [
    { path: '', redirect: { name: 'admin-books' } },
    { path: 'books', name: 'admin-books', component: () => import('@/views/admin/BooksView.vue') },
    { path: 'books/new', name: 'admin-book-new', component: () => import('@/views/admin/BookEditView.vue') },
    {
      path: 'books/:id',
      name: 'admin-book',
      component: () => import('@/views/admin/BookEditView.vue'),
      props: true,
    },
    { path: 'inventory', name: 'admin-inventory', component: () => import('@/views/admin/InventoryView.vue') },
    {
      path: 'inventory/:bookId',
      name: 'admin-stock',
      component: () => import('@/views/admin/StockView.vue'),
      props: true,
    },
    { path: 'orders', name: 'admin-orders', component: () => import('@/views/admin/OrdersView.vue') },
    {
      path: 'orders/:id',
      name: 'admin-order',
      component: () => import('@/views/admin/OrderView.vue'),
      props: true,
    },
    { path: 'returns', name: 'admin-returns', component: () => import('@/views/admin/ReturnsQueueView.vue') },
    { path: 'analytics', name: 'admin-analytics', component: () => import('@/views/admin/AnalyticsView.vue') },
    { path: 'customers', name: 'admin-customers', component: () => import('@/views/admin/CustomersView.vue') },
    {
      path: 'customers/:id',
      name: 'admin-customer',
      component: () => import('@/views/admin/CustomerView.vue'),
      props: true,
    },
  ],
}

export const routes: RouteRecordRaw[] = [
  ...store,
  admin,
  {
    path: '/forbidden',
    name: 'forbidden',
    component: () => import('@/views/store/ForbiddenView.vue'),
    meta: { title: 'forbidden.title' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/store/NotFoundView.vue'),
    meta: { title: 'notFound.title' },
  },
]

export const router = createRouter({
  history: createWebHistory(),
  routes,
  scrollBehavior: (to, from, saved) => saved ?? (to.path !== from.path ? { top: 0 } : undefined),
})

router.beforeEach(async (to) => {
  const session = useSession()
  if (!session.restored) await session.restore()
  if (to.matched.some((route) => route.meta.requiresAuth) && !session.signedIn) {
    return { name: 'login', query: { redirect: to.fullPath } }
  }
  if (to.matched.some((route) => route.meta.requiresAdmin) && !session.isAdmin) {
    return { name: 'forbidden', query: { from: to.fullPath } }
  }
  return true
})

/** Where to go after logging in: the page that asked for it, if it is one of the shop's own. */
export function returnPath(redirect: unknown): string {
  return typeof redirect === 'string' && redirect.startsWith('/') && !redirect.startsWith('//') ? redirect : '/'
}

/** Sets the document's title from the route's message key; pages with data of their own call it too. */
export function setTitle(title?: string) {
  const shop = i18n.global.t('brand')
  document.title = title ? `${title} · ${shop}` : shop
}

router.afterEach((to) => {
  if (to.meta.title) setTitle(i18n.global.t(to.meta.title))
})
