// The console's strings travel in its own chunk, so customers never download them. Added when this
// module loads, which the layout (loaded by the router before any console page) makes happen.
import { addMessages } from '@/i18n'
import enAdmin from '@/i18n/locales/en/admin'
import zhAdmin from '@/i18n/locales/zh-CN/admin'

addMessages({ 'zh-CN': zhAdmin, en: enAdmin })
