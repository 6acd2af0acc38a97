import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import Components from 'unplugin-vue-components/vite'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import { defineConfig } from 'vitest/config'
import { compression, defineAlgorithm } from 'vite-plugin-compression2'

// The Maven build writes the files where the gateway's jar picks them up (classpath:/storefront/);
// `npm run build` on its own writes them to dist/.
const outDir = process.env.STOREFRONT_OUT_DIR ?? 'dist'

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus components and their styles are imported where a template uses them, so each page
    // loads only what it shows (the admin console's tables and date pickers stay in its own chunks).
    Components({
      resolvers: [ElementPlusResolver({ importStyle: 'css' })],
      dts: false,
    }),
    // The gateway serves these .br/.gz siblings as they are: no compression per request.
    compression({
      algorithms: [defineAlgorithm('brotliCompress'), defineAlgorithm('gzip')],
      include: /\.(js|css|html|svg|json|txt)$/,
      threshold: 0,
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir,
    emptyOutDir: true,
    // The shop supports current browsers only; no legacy transforms.
    target: 'es2022',
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev` against a shop started with ./shop
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    // Element Plus's components import their CSS; bundled through Vite (not Node) those imports just load.
    server: { deps: { inline: ['element-plus'] } },
  },
})
