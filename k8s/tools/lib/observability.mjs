// The dashboards and alert rules of a rendered overlay: valid JSON and PromQL, naming only series
// the services or the exporters export (tools/exported-metrics.txt, itself held to docs/metrics.md
// here and to a real scrape by system-tests' ExportedMetricsSystemTests), every alert with a
// runbook, and the alerts issue 21 asks for all there.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parser } from "@prometheus-io/lezer-promql";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const EXPORTED = join(ROOT, "k8s", "tools", "exported-metrics.txt");
export const METRICS_DOC = join(ROOT, "docs", "metrics.md");
const SEVERITIES = ["critical", "warning", "info"];
const WHEN = ["always", "load", "rare", "k8s", "exporter"];
const EXPORTERS = ["strimzi-kafka", "kafka-exporter", "cnpg", "prometheus"];

// What the shop's operators must be told about, and a series that tells it (issue 21).
const REQUIRED_ALERTS = [
  ["orders stuck in the saga", /bookstore_orders_(saga_step_seconds|overdue)/],
  ["dead letters", /bookstore_messaging_dead_letters_total/],
  ["the outbox's oldest event", /bookstore_outbox_oldest_age_seconds/],
  ["consumer lag", /kafka_consumergroup_lag|records_lag/],
  ["the 5xx error rate", /http_server_requests_seconds_count\{[^}]*status=~"5/],
  ["p99 latency", /histogram_quantile\(0\.99[\s\S]*http_server_requests_seconds_bucket/],
  ["payment provider errors", /bookstore_payments_provider_calls_seconds_count\{[^}]*outcome/],
  ["notification failures", /bookstore_notifications_failed_total/],
  ["reconciliation mismatches", /bookstore_payments_reconciliation_mismatches_total/],
];

// series -> { sources: [...], when }
export function parseExported(text) {
  const series = new Map();
  const problems = [];
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.replace(/#.*/, "").trim();
    if (!line) continue;
    const [name, sources, when, ...rest] = line.split(/\s+/);
    if (!sources || !WHEN.includes(when) || rest.length || !/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(name)) {
      problems.push(`exported-metrics.txt line ${i + 1}: expected "<series> <source,...> <${WHEN.join("|")}>", got "${raw.trim()}"`);
      continue;
    }
    if (series.has(name)) problems.push(`exported-metrics.txt line ${i + 1}: ${name} listed twice`);
    series.set(name, { sources: sources.split(","), when });
  }
  return { series, problems };
}

// The Prometheus series docs/metrics.md documents (second column of its tables), histogram and
// timer suffixes expanded; wildcard rows (every metric of the Kafka clients) are left out.
export function documentedSeries(markdown) {
  const names = new Set();
  for (const line of markdown.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 4 || !cells[1].startsWith("`") || cells[2].includes("*")) continue;
    const listed = [...cells[2].matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    if (!listed.length) continue;
    const base = listed[0];
    names.add(base);
    const stem = base.replace(/_(bucket|count|sum|max)$/, "");
    for (const suffix of listed.slice(1)) if (suffix.startsWith("_")) names.add(stem + suffix);
  }
  return names;
}

// Parses one PromQL expression: { errors: [positions], metrics: [names] }.
export function promql(expr) {
  const tree = parser.parse(expr);
  const errors = [];
  const metrics = [];
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(node.from);
      if (node.name === "VectorSelector") {
        const id = node.node.getChild("Identifier");
        if (id) metrics.push(expr.slice(id.from, id.to));
      }
    },
  });
  return { errors, metrics };
}

// Grafana's variables ($__rate_interval, ${datasource}, $application) stand for durations or
// strings; a duration keeps the expression parseable wherever they stand.
const ungrafana = (expr) => expr.replace(/\$\{?[A-Za-z_]\w*\}?/g, "5m");

export function checkObservability(ctx, { exportedText, metricsDoc, kebab = toKebab } = {}) {
  exportedText ??= readFileSync(EXPORTED, "utf8");
  metricsDoc ??= readFileSync(METRICS_DOC, "utf8");
  const { series, problems } = parseExported(exportedText);
  for (const p of problems) ctx.error("exported-metrics", p);
  for (const name of documentedSeries(metricsDoc)) {
    if (!series.has(name)) ctx.error("exported-metrics", `docs/metrics.md documents ${name}, which tools/exported-metrics.txt does not list`);
  }
  const exporters = exportersOn(ctx);
  const named = (where, expr) => {
    const { errors, metrics } = promql(expr);
    if (errors.length) ctx.error(where, `is not valid PromQL (at ${errors[0]}): ${expr.replace(/\s+/g, " ").trim()}`);
    for (const m of metrics) {
      const known = series.get(m);
      if (!known) ctx.error(where, `names ${m}, which no service or exporter exports (tools/exported-metrics.txt)`);
      else for (const source of known.sources) {
        if (EXPORTERS.includes(source) && exporters[source] === false) ctx.error(where, `names ${m}, but ${source} is not switched on in this overlay`);
      }
    }
    return metrics;
  };

  // Dashboards: ConfigMaps for Grafana's sidecar.
  const uids = new Map();
  const dashboards = ctx.all("ConfigMap").filter((c) => c.metadata?.labels?.grafana_dashboard === "1");
  if (dashboards.length === 0) ctx.error("ConfigMap/*", "no Grafana dashboards (a ConfigMap labelled grafana_dashboard: \"1\")");
  for (const cm of dashboards) {
    for (const [file, text] of Object.entries(cm.data ?? {})) {
      const where = `ConfigMap/${cm.metadata.name} ${file}`;
      let board;
      try {
        board = JSON.parse(text);
      } catch (e) {
        ctx.error(where, `is not valid JSON: ${e.message}`);
        continue;
      }
      if (!board.uid || !board.title || !Array.isArray(board.panels)) {
        ctx.error(where, "is not a Grafana dashboard (uid, title and panels)");
        continue;
      }
      if (uids.has(board.uid)) ctx.error(where, `uses uid ${board.uid} of ${uids.get(board.uid)} too`);
      uids.set(board.uid, where);
      for (const v of board.templating?.list ?? []) {
        const q = typeof v.query === "string" ? v.query : v.query?.query;
        const m = /^label_values\(\s*([a-zA-Z_:][\w:]*)\s*,/.exec(q ?? "");
        if (m && !series.has(m[1])) ctx.error(`${where} variable ${v.name}`, `names ${m[1]}, which no service or exporter exports`);
      }
      const panels = board.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
      let queries = 0;
      for (const p of panels) {
        for (const t of p.targets ?? []) {
          if (typeof t.expr !== "string") continue;
          queries++;
          named(`${where} panel "${p.title}"`, ungrafana(t.expr));
        }
      }
      if (queries === 0) ctx.error(where, "queries nothing");
    }
  }

  // Alert rules.
  const alerts = [];
  for (const rule of ctx.all("PrometheusRule")) {
    for (const group of rule.spec.groups ?? []) {
      for (const r of group.rules ?? []) {
        const name = r.alert ?? r.record;
        const where = `PrometheusRule/${rule.metadata.name} ${r.alert ? "alert" : "record"} ${name}`;
        named(where, r.expr);
        if (!r.alert) continue;
        alerts.push(r);
        if (!SEVERITIES.includes(r.labels?.severity)) ctx.error(where, `needs a severity label (${SEVERITIES.join(", ")})`);
        if (!r.annotations?.summary) ctx.error(where, "needs a summary annotation");
        const runbook = `docs/runbooks/${kebab(r.alert)}.md`;
        if (r.annotations?.runbook_url !== runbook) ctx.error(where, `runbook_url must be ${runbook}, is ${r.annotations?.runbook_url}`);
        else if (!existsSync(join(ROOT, runbook))) ctx.error(where, `its runbook ${runbook} does not exist`);
      }
    }
  }
  for (const [concern, pattern] of REQUIRED_ALERTS) {
    if (!alerts.some((a) => pattern.test(a.expr))) ctx.error("PrometheusRule/*", `no alert on ${concern}`);
  }
}

// Which exporters this overlay switches on (the series they export exist only then).
function exportersOn(ctx) {
  const kafka = ctx.all("Kafka")[0]?.spec;
  const pg = ctx.all("Cluster")[0]?.spec;
  return {
    "strimzi-kafka": Boolean(kafka?.kafka?.metricsConfig),
    "kafka-exporter": Boolean(kafka?.kafkaExporter),
    cnpg: pg?.monitoring?.enablePodMonitor === true,
    prometheus: true,
  };
}

export const toKebab = (name) => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
