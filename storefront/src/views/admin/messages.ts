// The console's strings travel in its own chunk, so customers never download them. Added when this
// module loads, which the layout (loaded by the router before any console page) makes happen.
import { addMessages } from '@/i18n'
import enAdmin from '@/i18n/locales/en/admin'
import enAnalytics from '@/i18n/locales/en/analytics'
import zhAdmin from '@/i18n/locales/zh-CN/admin'
import zhAnalytics from '@/i18n/locales/zh-CN/analytics'

addMessages({ 'zh-CN': { ...zhAdmin, ...zhAnalytics }, en: { ...enAdmin, ...enAnalytics } })
