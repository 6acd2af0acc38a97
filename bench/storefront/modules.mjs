// What the storefront's JavaScript is made of: builds storefront/ once more with source maps into
// OUT/build (the storefront's own folders are not touched) and attributes every byte of each
// minified chunk to the module it came from, through the source map's mappings (no dependency: a
// base64 VLQ decoder is below). Writes OUT/modules.md: the entry chunk's largest packages and
// modules, and what each other chunk mostly holds (Vite names Element Plus's chunks "css-…" after
// the style import that pulls them in, which hides what they are).
//   node bench/storefront/modules.mjs          (OUT, TOP override; run.sh runs it unless MODULES=0)
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(HERE, '../..')
const STOREFRONT = path.join(ROOT, 'storefront')
const OUT = path.resolve(process.env.OUT ?? path.join(HERE, 'out'))
const TOP = Number(process.env.TOP ?? 25)
const BUILD = path.join(OUT, 'build')

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const DIGIT = Object.fromEntries([...BASE64].map((c, i) => [c, i]))

function decodeSegment(text) {
  const values = []
  let value = 0
  let shift = 0
  for (const c of text) {
    const digit = DIGIT[c]
    value += (digit & 31) << shift
    if (digit & 32) {
      shift += 5
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return values
}

/** Bytes of the generated file per source, from the map's mappings (unmapped spans counted apart). */
function attribute(code, map) {
  const lines = code.split('\n')
  const bytes = new Map()
  const add = (key, n) => bytes.set(key, (bytes.get(key) ?? 0) + n)
  let source = 0
  map.mappings.split(';').forEach((lineMappings, lineIndex) => {
    const line = lines[lineIndex] ?? ''
    const segments = []
    let column = 0
    for (const text of lineMappings.split(',')) {
      if (!text) continue
      const values = decodeSegment(text)
      column += values[0]
      if (values.length >= 4) {
        source += values[1]
        segments.push({ column, source })
      } else {
        segments.push({ column, source: null })
      }
    }
    if (segments.length === 0) {
      add(null, Buffer.byteLength(line) + 1)
      return
    }
    add(null, Buffer.byteLength(line.slice(0, segments[0].column)))
    segments.forEach((segment, i) => {
      const end = i + 1 < segments.length ? segments[i + 1].column : line.length
      add(segment.source, Buffer.byteLength(line.slice(segment.column, end)) + (i + 1 === segments.length ? 1 : 0))
    })
  })
  const result = new Map()
  for (const [index, n] of bytes) {
    const name = index === null ? '(no source: glue of the bundler)' : normalise(map.sources[index])
    result.set(name, (result.get(name) ?? 0) + n)
  }
  return result
}

function normalise(source) {
  const clean = source.replace(/^(\.\.\/)+/, '').replace(/\?.*$/, '')
  const at = clean.lastIndexOf('node_modules/')
  if (at >= 0) return clean.slice(at)
  const own = clean.lastIndexOf('storefront/src/')
  return own >= 0 ? clean.slice(own + 'storefront/'.length) : clean
}

/** The package a module belongs to; Element Plus by component, since it is split that way. */
function packageOf(module) {
  const m = module.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/)
  if (!m) return module.startsWith('(') ? module : 'storefront (src/)'
  const [, name, rest] = m
  if (name === 'element-plus') {
    const part = rest.match(/^es\/(components|locale|hooks|utils|directives|constants)\/([^/.]+)/)
    if (part) return part[1] === 'components' ? `element-plus: ${part[2]}` : `element-plus: ${part[1]}${part[1] === 'locale' ? '/' + part[2] : ''}`
  }
  return name
}

function table(title, rows, total) {
  const lines = [`### ${title}`, '', '| | kB minified | share |', '| --- | --- | --- |']
  for (const [name, n] of rows) lines.push(`| ${name} | ${(n / 1000).toFixed(1)} | ${((100 * n) / total).toFixed(1)} % |`)
  return lines.concat('').join('\n')
}

console.log(`== building the storefront with source maps into ${path.relative(ROOT, BUILD)}`)
fs.rmSync(BUILD, { recursive: true, force: true })
// The module runner loads vite.config.ts without writing a bundled copy of it beside the config.
execFileSync(
  process.execPath,
  [path.join(STOREFRONT, 'node_modules/vite/bin/vite.js'), 'build', '--sourcemap', '--outDir', BUILD, '--emptyOutDir', '--logLevel', 'warn', '--configLoader', 'runner'],
  { cwd: STOREFRONT, stdio: 'inherit', env: { ...process.env, STOREFRONT_OUT_DIR: BUILD } },
)

const assets = path.join(BUILD, 'assets')
const html = fs.readFileSync(path.join(BUILD, 'index.html'), 'utf8')
const entryName = path.basename(html.match(/<script[^>]*type="module"[^>]*src="([^"]+)"/)[1])
const chunks = fs.readdirSync(assets).filter((f) => f.endsWith('.js'))
const out = [`# What the storefront's JavaScript is made of, ${new Date().toISOString()}`, '']
out.push(
  'From a build of storefront/ as its sources are now, with source maps (file hashes differ from a build without them). ' +
    'Bytes of minified code per source module, read from the source maps; gzip shares are not separable per module, so this ranks raw bytes.',
  '',
)
const perChunk = []
for (const chunk of chunks) {
  const code = fs.readFileSync(path.join(assets, chunk), 'utf8')
  const map = JSON.parse(fs.readFileSync(path.join(assets, chunk + '.map'), 'utf8'))
  const modules = attribute(code.replace(/\n\/\/# sourceMappingURL=.*\s*$/, ''), map)
  const packages = new Map()
  for (const [module, n] of modules) packages.set(packageOf(module), (packages.get(packageOf(module)) ?? 0) + n)
  perChunk.push({ chunk, bytes: Buffer.byteLength(code), gzip: zlib.gzipSync(code, { level: 9 }).length, modules, packages })
}
const entry = perChunk.find((c) => c.chunk === entryName)
const sorted = (m) => [...m].sort((a, b) => b[1] - a[1])
const entryTotal = [...entry.modules.values()].reduce((a, b) => a + b, 0)
out.push(`## The entry chunk ${entryName}: ${(entry.bytes / 1000).toFixed(1)} kB minified, ${(entry.gzip / 1000).toFixed(1)} kB gzip -9`, '')
// The measured shop's entry (storefront.json of measure.mjs): the same code when the sizes agree.
try {
  const measured = JSON.parse(fs.readFileSync(path.join(OUT, 'storefront.json'), 'utf8'))
  const served = measured.inventories.home.files.find((f) => f.file === measured.build.entry)
  const own = Buffer.byteLength(fs.readFileSync(path.join(assets, entryName), 'utf8').replace(/\n\/\/# sourceMappingURL=.*\s*$/, ''))
  if (served) {
    out.push(
      served.raw === own
        ? `The entry the benchmark's shop served (${served.file}) has the same size: the same code.`
        : `**The entry the benchmark's shop served (${served.file}, ${served.raw} bytes) differs from this build's (${own} bytes): the sources changed since that shop's build.**`,
      '',
    )
  }
} catch {
  // no measurement in OUT: nothing to compare with
}
out.push(table('By package (Element Plus by component)', sorted(entry.packages).slice(0, TOP), entryTotal))
out.push(table(`Largest ${TOP} modules`, sorted(entry.modules).slice(0, TOP), entryTotal))
const elementPlus = [...entry.packages].filter(([name]) => name.startsWith('element-plus')).reduce((a, [, n]) => a + n, 0)
out.push(`Element Plus in all: ${(elementPlus / 1000).toFixed(1)} kB (${((100 * elementPlus) / entryTotal).toFixed(1)} %) of the entry chunk.`, '')
out.push('## The other chunks: what each mostly holds', '', '| chunk | kB minified | gzip -9 | largest packages |', '| --- | --- | --- | --- |')
for (const c of perChunk.filter((x) => x !== entry).sort((a, b) => b.bytes - a.bytes)) {
  const total = [...c.packages.values()].reduce((a, b) => a + b, 0)
  const top = sorted(c.packages)
    .slice(0, 3)
    .map(([name, n]) => `${name} ${((100 * n) / total).toFixed(0)} %`)
    .join(', ')
  out.push(`| ${c.chunk.replace(/-[\w-]{8}\.js$/, '-….js')} | ${(c.bytes / 1000).toFixed(1)} | ${(c.gzip / 1000).toFixed(1)} | ${top} |`)
}
out.push('')
fs.writeFileSync(path.join(OUT, 'modules.md'), out.join('\n'))
console.log(out.join('\n'))
