// The project's own rules for a rendered overlay: the runtime contract the
// services share with the launcher (ports, env vars and what they point at),
// the hardening every pod gets, the references between objects, the sizing of
// each overlay and the network flows the NetworkPolicies must allow or deny.
import { checkKafkaAccess, checkKafkaClient, checkPostgresRoles, checkBackups, checkProviderGuard, KAFKA_CLIENT_ENV, PROVIDER_GUARD_ENV } from "./access.mjs";
import { External, NetworkModel, Pod, selectorMatches } from "./network.mjs";

const BACKEND = "backend";
// Strimzi's JMX exporter and Kafka Exporter port (tcp-prometheus); CloudNativePG's exporter port.
const KAFKA_METRICS_PORT = 9404;
const POSTGRES_METRICS_PORT = 9187;
const HEALTH_LIVENESS = "/actuator/health/liveness";
const HEALTH_READINESS = "/actuator/health/readiness";
const METRICS_PATH = "/actuator/prometheus";
const SENSITIVE = /PASSWORD|SECRET|TOKEN|KEY$|JAAS|^MONGODB_URI$/;
// The kinds an application runs as; APPS[app].kind names which (Deployment unless said).
const WORKLOAD_KINDS = ["Deployment", "StatefulSet"];

// Ports and databases of the runtime contract the services share with the local launcher.
// signingKeys: reads its RSA keys from a folder (BOOKSTORE_KEYS_DIR) that is a mounted Secret.
// requiredSecrets: variables the service refuses to start without, each from a Secret key
// (insecureDefault: it would start, with a development key anyone can read in the source).
// optionalSecretEnv: variables a service may take from its optional envFrom Secret; the README
// must name each, since nothing else tells an operator what to put in that Secret.
// streams: a Kafka Streams service without a database (analytics-service): a StatefulSet whose
// instances advertise a stable name to each other (interactive queries, `peers`), keep RocksDB
// stores on a volume of their own, and scale by replica count rather than an autoscaler.
// mail: sends e-mail through the SMTP relay of SPRING_MAIL_HOST/PORT with the account in the
// Secret it names (the only egress out of the cluster any service has).
export const APPS = {
  gateway: { port: 8080, managementPort: 9080, gateway: true },
  "catalog-service": { port: 8081, store: "mongodb", mongoDatabase: "catalog", requiredSecrets: ["CUSTOMER_PSEUDONYM_KEY"] },
  "user-service": { port: 8082, store: "postgres", database: "users", adminBootstrap: true, signingKeys: true },
  "order-service": { port: 8083, store: "postgres", database: "orders", requiredSecrets: ["CUSTOMER_PSEUDONYM_KEY"] },
  "inventory-service": { port: 8084, store: "postgres", database: "inventory" },
  "payment-service": {
    port: 8085,
    store: "postgres",
    database: "payments",
    // Calls Stripe, Alipay and WeChat Pay over HTTPS (the one service with egress on 443), and
    // refuses the sandboxes where the overlay requires real providers.
    providers: true,
    optionalEnv: PROVIDER_GUARD_ENV,
    optionalSecretEnv: [
      "STRIPE_API_KEY",
      "STRIPE_WEBHOOK_SECRET",
      "SANDBOX_WEBHOOK_SECRET",
      "SANDBOX_PUBLIC_URL",
      "ALIPAY_APP_ID",
      "ALIPAY_PRIVATE_KEY",
      "ALIPAY_PUBLIC_KEY",
      "ALIPAY_GATEWAY",
      "ALIPAY_NOTIFY_URL",
      "WECHATPAY_APP_ID",
      "WECHATPAY_MERCHANT_ID",
      "WECHATPAY_MERCHANT_SERIAL_NUMBER",
      "WECHATPAY_PRIVATE_KEY",
      "WECHATPAY_API_V3_KEY",
      "WECHATPAY_PUBLIC_KEY",
      "WECHATPAY_PUBLIC_KEY_ID",
      "WECHATPAY_NOTIFY_URL",
    ],
  },
  "analytics-service": {
    port: 8086,
    kind: "StatefulSet",
    streams: true,
    peers: true,
    requiredSecrets: ["BOOKSTORE_ANALYTICS_IMPORTPSEUDONYMKEY"],
    insecureDefault: true,
    optionalEnv: ["ANALYTICS_STREAM_THREADS", "ANALYTICS_ZONE"],
  },
  "notification-service": {
    port: 8087,
    store: "postgres",
    database: "notifications",
    requiredSecrets: ["CUSTOMER_PSEUDONYM_KEY"],
    mail: { secret: "notification-smtp" },
    // For a relay that speaks TLS from the first byte (port 465) instead of STARTTLS.
    optionalEnv: ["SPRING_MAIL_PROPERTIES_MAIL_SMTP_SSL_ENABLE"],
  },
};

const kindOf = (app) => APPS[app].kind ?? "Deployment";
const refOf = (app) => `${kindOf(app)}/${app}`;

// user-service issues the tokens; everyone verifies them against the keys it publishes here.
const IDENTITY = "user-service";
const JWKS_URI = `http://${IDENTITY}:${APPS[IDENTITY].port}/api/auth/jwks`;

const SERVICE_URL_VARS = {
  CATALOG_SERVICE_URL: "catalog-service",
  USER_SERVICE_URL: "user-service",
  ORDER_SERVICE_URL: "order-service",
  INVENTORY_SERVICE_URL: "inventory-service",
  PAYMENT_SERVICE_URL: "payment-service",
  ANALYTICS_SERVICE_URL: "analytics-service",
  NOTIFICATION_SERVICE_URL: "notification-service",
};

// A Kafka Streams instance's settings: its pod name (downward API) makes the name it advertises
// through the headless Service; its state directory is a volume of its own.
const STREAMS_ENV = ["POD_NAME", "ANALYTICS_ADVERTISED_HOST", "ANALYTICS_STATE_DIR", "ANALYTICS_STANDBY_REPLICAS"];

// A mail sender's settings: the relay, its account (from the Secret), STARTTLS switched on and
// required (the password never crosses the network in clear), the staff's address and the shop's
// public address that links in mails start with.
const MAIL_ENV = [
  "SPRING_MAIL_HOST",
  "SPRING_MAIL_PORT",
  "SPRING_MAIL_USERNAME",
  "SPRING_MAIL_PASSWORD",
  "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE",
  "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED",
  "NOTIFICATION_STAFF_ADDRESS",
  "NOTIFICATION_SHOP_URL",
];
// The ports an SMTP relay listens on: plain SMTP, implicit TLS, submission with STARTTLS.
const SMTP_PORTS = [25, 465, 587];

// Request timings as a histogram: the dashboards' and alerts' p99 read its buckets.
const HTTP_HISTOGRAM = "MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_HTTP_SERVER_REQUESTS";

// Where spans go over OTLP/HTTP: every pod reads it from bookstore-config as an optional key, so an
// operator names a collector in one place (k8s/README.md, "Traces") and, unset, spans stay in the pod.
const OTLP_ENDPOINT = "OTEL_EXPORTER_OTLP_ENDPOINT";

function expectedEnv(app) {
  const spec = APPS[app];
  if (spec.gateway) return ["JAVA_TOOL_OPTIONS", HTTP_HISTOGRAM, OTLP_ENDPOINT, "JWKS_URI", ...Object.keys(SERVICE_URL_VARS)];
  const env = ["JAVA_TOOL_OPTIONS", HTTP_HISTOGRAM, OTLP_ENDPOINT, "JWKS_URI", "KAFKA_BOOTSTRAP_SERVERS", ...KAFKA_CLIENT_ENV];
  if (spec.streams) env.push(...STREAMS_ENV);
  if (spec.store === "mongodb") env.push("MONGODB_URI");
  if (spec.store === "postgres") env.push("POSTGRES_URL", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD");
  if (spec.adminBootstrap) env.push("BOOKSTORE_ADMIN_EMAIL", "BOOKSTORE_ADMIN_PASSWORD");
  if (spec.signingKeys) env.push("BOOKSTORE_KEYS_DIR", "BOOKSTORE_GENERATE_KEYS");
  if (spec.mail) env.push(...MAIL_ENV);
  env.push(...(spec.requiredSecrets ?? []));
  return env;
}

// topics: shared-events' catalogue ({ name, retention, config }, see topics.mjs).
export function checkContract(docs, overlay, report, { readme, topics }) {
  const ctx = new Context(docs, report);
  ctx.overlay = overlay;
  ctx.topics = topics;
  checkObjects(ctx);
  const infra = checkInfrastructure(ctx);
  for (const app of Object.keys(APPS)) {
    checkApp(ctx, app, infra);
  }
  checkKafkaAccess(ctx, infra, APPS);
  checkPostgresRoles(ctx, infra, APPS);
  checkBackups(ctx, overlay, infra);
  checkProviderGuard(ctx, overlay, APPS);
  checkSharedSecrets(ctx);
  checkSeparateSecrets(ctx);
  checkExposure(ctx);
  checkRetentionDocumented(ctx, readme, topics);
  checkUserSecretsDocumented(ctx, infra, readme);
  checkOverlay(ctx, overlay, infra);
  checkNetwork(ctx, infra);
}

class Context {
  constructor(docs, report) {
    this.docs = docs;
    this.report = report;
    this.namespace = docs.find((d) => d.kind === "Namespace")?.metadata?.name;
  }
  all(kind) {
    return this.docs.filter((d) => d.kind === kind);
  }
  // Deployments and StatefulSets: whatever runs an application's pods.
  workloads() {
    return this.docs.filter((d) => WORKLOAD_KINDS.includes(d.kind));
  }
  get(kind, name) {
    return this.docs.find((d) => d.kind === kind && d.metadata?.name === name);
  }
  error(where, message) {
    this.report.error(where, message);
  }
}

function checkObjects(ctx) {
  if (!ctx.namespace) ctx.error("Namespace/?", "the overlay must create its Namespace");
  for (const doc of ctx.docs) {
    const ref = `${doc.kind}/${doc.metadata?.name}`;
    if (doc.kind !== "Namespace" && doc.metadata?.namespace !== ctx.namespace) {
      ctx.error(ref, `must live in namespace ${ctx.namespace}, not ${doc.metadata?.namespace}`);
    }
    if (doc.metadata?.labels?.["app.kubernetes.io/part-of"] !== "bookstore") {
      ctx.error(ref, "lacks label app.kubernetes.io/part-of=bookstore");
    }
    if (doc.kind === "Secret") {
      ctx.error(ref, "Secrets are created in the cluster, never committed (see k8s/README.md)");
    }
    if (doc.kind === "KafkaTopic") {
      ctx.error(ref, "topics are created by the services from shared-events, not by KafkaTopic resources");
    }
  }
  for (const workload of ctx.workloads()) {
    const app = workload.metadata.name;
    const ref = `${workload.kind}/${app}`;
    if (!APPS[app]) ctx.error(ref, "is not one of the eight bookstore applications");
    else if (workload.kind !== kindOf(app)) {
      ctx.error(ref, APPS[app].streams
        ? "must be a StatefulSet: each instance needs a stable name the others reach its stores at, and a volume of its own"
        : `must be a ${kindOf(app)}`);
    }
  }
}

// What the operators will create from the custom resources: Service names,
// generated Secrets and the labels of their pods.
function checkInfrastructure(ctx) {
  const infra = { generatedSecrets: new Map(), pods: [] };
  const one = (kind) => {
    const found = ctx.all(kind);
    if (found.length !== 1) ctx.error(`${kind}/*`, `expected exactly one ${kind}, found ${found.length}`);
    return found[0];
  };

  const kafka = one("Kafka");
  if (kafka) {
    const name = kafka.metadata.name;
    const ref = `Kafka/${name}`;
    // The services' listener: internal, TLS, every client signed in with SCRAM-SHA-512.
    const listener = kafka.spec.kafka.listeners.find((l) => l.type === "internal" && l.tls === true && l.authentication?.type === "scram-sha-512");
    if (!listener) ctx.error(ref, "needs an internal TLS listener with SCRAM-SHA-512 authentication for KAFKA_BOOTSTRAP_SERVERS");
    for (const l of kafka.spec.kafka.listeners) {
      if (!l.authentication) ctx.error(ref, `listener ${l.name} lets clients in without authentication`);
    }
    if (kafka.spec.kafka.authorization?.type !== "simple") {
      ctx.error(ref, "needs authorization type simple: without it any signed-in client may read and write every topic");
    }
    infra.kafka = { name, listener, bootstrap: listener && `${name}-kafka-bootstrap:${listener.port}`, caSecret: `${name}-cluster-ca-cert` };
    infra.generatedSecrets.set(`${name}-cluster-ca-cert`, ["ca.crt", "ca.p12", "ca.password"]);
    for (const user of ctx.all("KafkaUser")) {
      if (user.spec.authentication?.type === "scram-sha-512") infra.generatedSecrets.set(user.metadata.name, ["password", "sasl.jaas.config"]);
    }
    if (!kafka.spec.entityOperator) ctx.error(ref, "runs no entity operator");
    if (kafka.spec.kafka.config?.["auto.create.topics.enable"] !== false) {
      ctx.error(ref, "must set auto.create.topics.enable: false; topics exist only because a service declared them");
    }
    const pools = ctx.all("KafkaNodePool").filter((p) => p.metadata.labels?.["strimzi.io/cluster"] === name);
    const count = (role) => pools.filter((p) => p.spec.roles.includes(role)).reduce((n, p) => n + p.spec.replicas, 0);
    infra.kafka.brokers = count("broker");
    infra.kafka.controllers = count("controller");
    if (infra.kafka.brokers < 1) ctx.error(ref, "has no broker nodes (KafkaNodePool with role broker)");
    if (infra.kafka.controllers % 2 !== 1) {
      ctx.error(ref, `KRaft needs an odd number of controllers, has ${infra.kafka.controllers}`);
    }
    checkReplication(ctx, ref, kafka.spec.kafka.config ?? {}, infra.kafka.brokers);
    // Each topic carries its own retention from shared-events; the broker's defaults must not
    // undercut it. log.retention.bytes reaches even the topics kept for good (they set only
    // retention.ms), and a shorter default quietly ages out a topic created before its setting.
    for (const key of Object.keys(kafka.spec.kafka.config ?? {})) {
      if (/^log\.(retention\.(ms|minutes|hours|bytes)|cleanup\.policy)$/.test(key)) {
        const forever = (ctx.topics ?? []).filter((t) => t.retention === "FOREVER").map((t) => t.name);
        ctx.error(ref, `must not set ${key}: topics take their retention from shared-events (${forever.join(", ")} kept for good); see k8s/README.md for topics that predate it`);
      }
    }
    // Compaction is how an erased contact leaves users.contacts.v1 (Retention.PERSONAL); without
    // the cleaner its personal data would stay on the brokers for good.
    if (String(kafka.spec.kafka.config?.["log.cleaner.enable"]) === "false") {
      ctx.error(ref, "must not set log.cleaner.enable: false; compaction erases the personal data of closed accounts from users.contacts.v1");
    }
    for (const pool of pools) {
      infra.pods.push(
        new Pod({
          name: `${name}-${pool.metadata.name}`,
          namespace: ctx.namespace,
          labels: {
            "strimzi.io/cluster": name,
            "strimzi.io/kind": "Kafka",
            "strimzi.io/name": `${name}-kafka`,
            "strimzi.io/pool-name": pool.metadata.name,
            ...(pool.spec.roles.includes("broker") ? { "strimzi.io/broker-role": "true" } : {}),
          },
          ports: {},
        }),
      );
    }
    if (kafka.spec.kafkaExporter) {
      infra.pods.push(
        new Pod({
          name: `${name}-kafka-exporter`,
          namespace: ctx.namespace,
          labels: { "strimzi.io/cluster": name, "strimzi.io/kind": "Kafka", "strimzi.io/name": `${name}-kafka-exporter` },
          ports: { "tcp-prometheus": KAFKA_METRICS_PORT },
        }),
      );
    }
    // Strimzi writes these policies itself from the listener definitions.
    infra.generatedPolicies = [
      {
        metadata: { name: `${name}-network-policy-kafka`, namespace: ctx.namespace },
        spec: {
          podSelector: { matchLabels: { "strimzi.io/cluster": name, "strimzi.io/kind": "Kafka", "strimzi.io/name": `${name}-kafka` } },
          policyTypes: ["Ingress"],
          ingress: [
            ...kafka.spec.kafka.listeners.map((l) => ({
              from: l.networkPolicyPeers?.length ? l.networkPolicyPeers : undefined,
              ports: [{ protocol: "TCP", port: l.port }],
            })),
            // With metrics on, Strimzi opens the exporter's port to any scraper.
            ...(kafka.spec.kafka.metricsConfig ? [{ ports: [{ protocol: "TCP", port: KAFKA_METRICS_PORT }] }] : []),
          ],
        },
      },
    ];
    for (const pool of ctx.all("KafkaNodePool")) {
      if (pool.metadata.labels?.["strimzi.io/cluster"] !== name) {
        ctx.error(`KafkaNodePool/${pool.metadata.name}`, `belongs to no Kafka cluster in this overlay`);
      }
    }
  }

  const pg = one("Cluster");
  if (pg) {
    const name = pg.metadata.name;
    const initdb = pg.spec.bootstrap?.initdb ?? {};
    const owner = initdb.owner ?? "app";
    const databases = new Map([[initdb.database ?? "app", owner]]);
    for (const db of ctx.all("Database")) {
      const ref = `Database/${db.metadata.name}`;
      if (db.spec.cluster.name !== name) ctx.error(ref, `points at cluster ${db.spec.cluster.name}, which is not here`);
      else if (db.spec.ensure !== "absent") databases.set(db.spec.name, db.spec.owner);
    }
    const roles = new Map((pg.spec.managed?.roles ?? []).filter((r) => r.ensure !== "absent").map((r) => [r.name, r]));
    infra.postgres = { name, owner, databases, roles, url: `postgresql://${name}-rw:5432`, appSecret: `${name}-app` };
    infra.generatedSecrets.set(`${name}-app`, ["username", "password", "dbname", "host", "port", "uri", "jdbc-uri"]);
    infra.pods.push(
      new Pod({
        name: `${name}-1`,
        namespace: ctx.namespace,
        labels: { "cnpg.io/cluster": name, "cnpg.io/podRole": "instance", role: "primary" },
        ports: { postgresql: 5432, status: 8000, metrics: POSTGRES_METRICS_PORT },
      }),
    );
  }

  const mongo = one("MongoDBCommunity");
  if (mongo) {
    const name = mongo.metadata.name;
    infra.mongo = { name, users: new Map(), passwordSecrets: new Map() };
    for (const user of mongo.spec.users) {
      const db = user.db ?? "admin";
      const secret = user.connectionStringSecretName ?? `${name}-${db}-${user.name}`.toLowerCase();
      infra.mongo.users.set(secret, { ...user, db });
      infra.generatedSecrets.set(secret, ["connectionString.standard", "connectionString.standardSrv", "username", "password"]);
      if (user.passwordSecretRef) {
        infra.mongo.passwordSecrets.set(user.passwordSecretRef.name, [user.passwordSecretRef.key ?? "password"]);
      }
    }
    infra.pods.push(
      new Pod({ name: `${name}-0`, namespace: ctx.namespace, labels: { app: `${name}-svc` }, ports: { mongodb: 27017 } }),
    );
  }
  return infra;
}

function checkReplication(ctx, ref, config, brokers) {
  const rf = config["default.replication.factor"] ?? 1;
  const isr = config["min.insync.replicas"] ?? 1;
  const offsets = config["offsets.topic.replication.factor"] ?? 3;
  const txn = config["transaction.state.log.replication.factor"] ?? 3;
  const txnIsr = config["transaction.state.log.min.isr"] ?? 2;
  for (const [key, value] of Object.entries({ rf, offsets, txn })) {
    if (value > brokers) ctx.error(ref, `replication factor ${key}=${value} exceeds the ${brokers} broker(s)`);
  }
  if (isr > rf || txnIsr > txn) ctx.error(ref, "a min ISR exceeds its replication factor");
  if (rf > 1 && isr >= rf) ctx.error(ref, "min.insync.replicas must stay below the replication factor, or one broker down stops all writes");
}

function checkApp(ctx, app, infra) {
  const spec = APPS[app];
  const ref = refOf(app);
  const workload = ctx.get(kindOf(app), app);
  if (!workload) {
    // Running as the wrong kind is reported by checkObjects.
    if (!ctx.workloads().some((w) => w.metadata.name === app)) ctx.error(ref, "is missing");
    return;
  }
  const pod = workload.spec.template;
  const podLabels = pod.metadata?.labels ?? {};
  if (!selectorMatches(workload.spec.selector, podLabels)) ctx.error(ref, "selector does not match its own pods");
  if (podLabels["app.kubernetes.io/name"] !== app) ctx.error(ref, `pods must carry app.kubernetes.io/name=${app}`);
  const component = spec.gateway ? "gateway" : BACKEND;
  if (podLabels["app.kubernetes.io/component"] !== component) {
    ctx.error(ref, `pods must carry app.kubernetes.io/component=${component}`);
  }

  const podSpec = pod.spec;
  const containers = podSpec.containers ?? [];
  if (containers.length !== 1) ctx.error(ref, "must run exactly one container");
  const c = containers[0];
  if (!c) return;
  // A registry prefix (kustomize `images:`) or a digest pin is fine; the name is not negotiable.
  if (!new RegExp(`(^|/)bookstore/${app}(:0\\.1\\.0|@sha256:[0-9a-f]{64})$`).test(c.image)) {
    ctx.error(ref, `image must be [registry/]bookstore/${app}:0.1.0, is ${c.image}`);
  }

  // Ports of the contract.
  const ports = Object.fromEntries((c.ports ?? []).map((p) => [p.name, p.containerPort]));
  const wantedPorts = spec.managementPort ? { http: spec.port, management: spec.managementPort } : { http: spec.port };
  if (JSON.stringify(ports) !== JSON.stringify(wantedPorts)) {
    ctx.error(ref, `container ports must be ${JSON.stringify(wantedPorts)}, are ${JSON.stringify(ports)}`);
  }

  // Probes: actuator health groups, on the management port where there is one.
  const probePort = spec.managementPort ? "management" : "http";
  const probe = (kind, path) => {
    const p = c[kind];
    if (!p?.httpGet) return ctx.error(ref, `needs an HTTP ${kind}`);
    if (p.httpGet.path !== path) ctx.error(ref, `${kind} must GET ${path}, GETs ${p.httpGet.path}`);
    const port = typeof p.httpGet.port === "string" ? ports[p.httpGet.port] : p.httpGet.port;
    if (port !== (spec.managementPort ?? spec.port)) ctx.error(ref, `${kind} must target port ${probePort}`);
  };
  probe("startupProbe", HEALTH_LIVENESS);
  probe("livenessProbe", HEALTH_LIVENESS);
  probe("readinessProbe", HEALTH_READINESS);

  // Graceful termination.
  const preStop = c.lifecycle?.preStop;
  const sleep = preStop?.sleep?.seconds ?? sleepFromExec(preStop?.exec?.command);
  if (!sleep) ctx.error(ref, "needs a preStop sleep so endpoints drain before shutdown");
  else if ((podSpec.terminationGracePeriodSeconds ?? 30) < sleep + 30) {
    ctx.error(ref, "terminationGracePeriodSeconds must cover the preStop sleep plus Spring's 30 s shutdown phase");
  }

  // Hardening.
  const psc = podSpec.securityContext ?? {};
  const csc = c.securityContext ?? {};
  if (psc.runAsNonRoot !== true && csc.runAsNonRoot !== true) ctx.error(ref, "must set runAsNonRoot");
  if (psc.runAsUser === 0 || csc.runAsUser === 0) ctx.error(ref, "must not run as UID 0");
  if ((csc.seccompProfile ?? psc.seccompProfile)?.type !== "RuntimeDefault") ctx.error(ref, "needs seccompProfile RuntimeDefault");
  if (csc.allowPrivilegeEscalation !== false) ctx.error(ref, "must set allowPrivilegeEscalation: false");
  if (csc.readOnlyRootFilesystem !== true) ctx.error(ref, "must set readOnlyRootFilesystem: true");
  if (!(csc.capabilities?.drop ?? []).includes("ALL")) ctx.error(ref, "must drop ALL capabilities");
  if (csc.privileged) ctx.error(ref, "must not be privileged");
  const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
  const tmpVolume = tmp && (podSpec.volumes ?? []).find((v) => v.name === tmp.name);
  if (!tmpVolume?.emptyDir) ctx.error(ref, "needs an emptyDir mounted at /tmp (the root filesystem is read-only)");

  // Resources.
  const r = c.resources ?? {};
  if (!r.requests?.cpu || !r.requests?.memory) ctx.error(ref, "needs CPU and memory requests");
  if (!r.limits?.memory) ctx.error(ref, "needs a memory limit");
  else if (r.requests?.memory && bytes(r.limits.memory) < bytes(r.requests.memory)) {
    ctx.error(ref, "memory limit is below the request");
  }

  // Identity.
  const saName = podSpec.serviceAccountName;
  const sa = saName && ctx.get("ServiceAccount", saName);
  if (saName !== app || !sa) ctx.error(ref, `must run as its own ServiceAccount ${app}`);
  if (sa && sa.automountServiceAccountToken !== false) ctx.error(`ServiceAccount/${app}`, "must set automountServiceAccountToken: false");
  if (podSpec.automountServiceAccountToken !== false) ctx.error(ref, "pods must set automountServiceAccountToken: false");
  if (podSpec.hostNetwork || podSpec.hostPID || podSpec.hostIPC) ctx.error(ref, "must not share host namespaces");

  const env = checkEnv(ctx, app, c, podSpec, infra);
  checkService(ctx, app, podLabels, ports);
  checkMonitoring(ctx, app, podLabels);
  if (spec.streams) checkStreamsInstance(ctx, app, workload, c, env, ports);
}

function checkEnv(ctx, app, c, podSpec, infra) {
  const ref = refOf(app);
  const env = new Map();
  for (const e of c.env ?? []) {
    if (env.has(e.name)) ctx.error(ref, `sets ${e.name} twice`);
    env.set(e.name, resolveEnv(ctx, ref, e));
  }
  for (const from of c.envFrom ?? []) {
    if (from.configMapRef) ctx.error(ref, "takes a whole ConfigMap through envFrom; name each contract variable instead");
    if (from.secretRef && from.secretRef.optional !== true) {
      ctx.error(ref, `envFrom secret ${from.secretRef.name} must be optional: it carries service-defined keys`);
    }
  }
  const wanted = expectedEnv(app);
  const missing = wanted.filter((n) => !env.has(n));
  if (env.has("KAFKA_REPLICATION_FACTOR")) {
    ctx.error(ref, "leave KAFKA_REPLICATION_FACTOR unset: topics take the broker's default.replication.factor, which each overlay sizes");
  }
  const seeding = [...env.keys()].filter((n) => /SEED/.test(n));
  if (seeding.length) ctx.error(ref, `must not seed sample data (${seeding.join(", ")}): that is for the local launcher's demo shop`);
  const optional = APPS[app].optionalEnv ?? [];
  const extra = [...env.keys()].filter(
    (n) => !wanted.includes(n) && !optional.includes(n) && n !== "KAFKA_REPLICATION_FACTOR" && !seeding.includes(n),
  );
  if (missing.length) ctx.error(ref, `misses contract env ${missing.join(", ")}`);
  if (extra.length) ctx.error(ref, `sets env outside the contract: ${extra.join(", ")}`);

  for (const [name, v] of env) {
    if (SENSITIVE.test(name) && v && v.secret === undefined) ctx.error(ref, `${name} must come from a Secret`);
  }
  const literal = (name) => env.get(name)?.value;
  const secretRef = (name) => env.get(name)?.secret && env.get(name);

  const otlp = env.get(OTLP_ENDPOINT);
  // Kustomize names the generated ConfigMap bookstore-config-<hash of its data>.
  if (otlp && !(/^bookstore-config(-[a-z0-9]+)?$/.test(otlp.configMap ?? "") && otlp.optional === true)) {
    ctx.error(ref, `${OTLP_ENDPOINT} must be read from bookstore-config, optionally: one place names the collector`);
  }
  if (otlp?.value && !/^https?:\/\/[^/\s]+/.test(otlp.value)) {
    ctx.error(ref, `${OTLP_ENDPOINT} must be the collector's http(s) address, e.g. http://otel-collector.observability:4318`);
  }
  if (env.has(HTTP_HISTOGRAM) && literal(HTTP_HISTOGRAM) !== "true") {
    ctx.error(ref, `${HTTP_HISTOGRAM} must be true: the p99 latency of the dashboards and alerts reads http_server_requests_seconds_bucket`);
  }
  if (env.has("JWKS_URI")) {
    if (literal("JWKS_URI") !== JWKS_URI) ctx.error(ref, `JWKS_URI must be ${JWKS_URI}, is ${literal("JWKS_URI")}`);
    else if (!env.get("JWKS_URI").configMap) {
      ctx.error(ref, "JWKS_URI must come from the shared ConfigMap, so every service verifies against the same keys");
    }
  }
  if (env.has("KAFKA_BOOTSTRAP_SERVERS") && infra.kafka?.bootstrap && literal("KAFKA_BOOTSTRAP_SERVERS") !== infra.kafka.bootstrap) {
    ctx.error(ref, `KAFKA_BOOTSTRAP_SERVERS must be ${infra.kafka.bootstrap}, is ${literal("KAFKA_BOOTSTRAP_SERVERS")}`);
  }
  const spec = APPS[app];
  if (spec.store === "postgres" && infra.postgres) {
    const pg = infra.postgres;
    if (literal("POSTGRES_URL") !== pg.url) ctx.error(ref, `POSTGRES_URL must be ${pg.url}, is ${literal("POSTGRES_URL")}`);
    const db = literal("POSTGRES_DB");
    if (db !== spec.database) ctx.error(ref, `POSTGRES_DB must be ${spec.database}, is ${db}`);
    else if (!pg.databases.has(db)) ctx.error(ref, `database ${db} is created by neither initdb nor a Database resource`);
    // Who the service signs in as is checked with the roles (access.mjs, checkPostgresRoles).
  }
  if (spec.store === "mongodb" && infra.mongo) {
    const s = secretRef("MONGODB_URI");
    const user = s && infra.mongo.users.get(s.secret);
    if (!user) {
      ctx.error(ref, "MONGODB_URI must come from a connection Secret the MongoDB operator writes for a user");
    } else {
      if (!["connectionString.standard", "connectionString.standardSrv"].includes(s.key)) {
        ctx.error(ref, `MONGODB_URI must read a connectionString.* key, reads ${s.key}`);
      }
      if (user.db !== spec.mongoDatabase) {
        ctx.error(ref, `the URI's database is the user's db ${user.db}; the contract expects /${spec.mongoDatabase}`);
      }
      if (!user.roles.some((r) => r.db === spec.mongoDatabase)) ctx.error(ref, `user ${user.name} has no role on ${spec.mongoDatabase}`);
    }
  }
  for (const [name, target] of Object.entries(SERVICE_URL_VARS)) {
    if (!env.has(name)) continue;
    const url = `http://${target}:${APPS[target].port}`;
    if (literal(name) !== url) ctx.error(ref, `${name} must be ${url}, is ${literal(name)}`);
  }
  if (spec.adminBootstrap) {
    for (const name of ["BOOKSTORE_ADMIN_EMAIL", "BOOKSTORE_ADMIN_PASSWORD"]) {
      if (!secretRef(name)) ctx.error(ref, `${name} must come from a Secret`);
    }
  }
  for (const name of spec.requiredSecrets ?? []) {
    const s = secretRef(name);
    if (!s) ctx.error(ref, `${name} must come from a Secret`);
    else if (s.optional) {
      ctx.error(ref, `${name} must not be optional: ${spec.insecureDefault ? "without it the service falls back to a development key anyone can read" : "the service refuses to start without it"}`);
    }
  }
  if (!spec.gateway) checkKafkaClient(ctx, app, ref, env, infra);
  if (spec.signingKeys) checkSigningKeys(ctx, ref, c, podSpec, literal("BOOKSTORE_KEYS_DIR"), literal("BOOKSTORE_GENERATE_KEYS"));
  if (spec.mail) checkMail(ctx, ref, spec.mail, literal, secretRef);
  if (spec.optionalSecretEnv && !(c.envFrom ?? []).some((f) => f.secretRef)) {
    ctx.error(ref, `needs an optional envFrom Secret for ${spec.optionalSecretEnv.join(", ")}`);
  }
  return env;
}

// The SMTP settings of a mail sender: a relay that is not the pod itself, on an SMTP port, its
// account from one Secret that is not optional (a pod without it would wait in
// CreateContainerConfigError rather than send unauthenticated), STARTTLS on and required, a staff
// address, and a public shop address for links, in prod the Ingress's host over https.
function checkMail(ctx, ref, mail, literal, secretRef) {
  const host = literal("SPRING_MAIL_HOST");
  if (host !== undefined && (!host.trim() || /^(localhost|127\.|::1$)/.test(host))) {
    ctx.error(ref, `SPRING_MAIL_HOST must name the SMTP relay; ${JSON.stringify(host)} is no relay a pod can reach`);
  }
  const port = literal("SPRING_MAIL_PORT");
  if (port !== undefined && !SMTP_PORTS.includes(Number(port))) {
    ctx.error(ref, `SPRING_MAIL_PORT must be an SMTP port (${SMTP_PORTS.join(", ")}), is ${port}`);
  }
  for (const [name, key] of [["SPRING_MAIL_USERNAME", "username"], ["SPRING_MAIL_PASSWORD", "password"]]) {
    const s = secretRef(name);
    if (!s || s.secret !== mail.secret || s.key !== key) ctx.error(ref, `${name} must come from Secret ${mail.secret} key ${key}`);
    else if (s.optional) ctx.error(ref, `${name} must not be optional: without the relay's account no mail would leave`);
  }
  for (const name of ["SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE", "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED"]) {
    const v = literal(name);
    if (v !== undefined && v !== "true") ctx.error(ref, `${name} must be "true": the relay's password must never cross the network in clear, is ${v}`);
  }
  const staff = literal("NOTIFICATION_STAFF_ADDRESS");
  if (staff !== undefined && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(staff)) {
    ctx.error(ref, `NOTIFICATION_STAFF_ADDRESS must be an e-mail address, is ${staff}`);
  }
  const shop = literal("NOTIFICATION_SHOP_URL");
  if (shop === undefined) return;
  let url;
  try {
    url = new URL(shop);
  } catch {
    return ctx.error(ref, `NOTIFICATION_SHOP_URL must be an absolute URL, is ${shop}`);
  }
  if (!["http:", "https:"].includes(url.protocol) || url.pathname !== "/" || shop.endsWith("/")) {
    ctx.error(ref, `NOTIFICATION_SHOP_URL must be the shop's http(s) address without a path or trailing slash (links append /verify-email, /orders/...), is ${shop}`);
  }
  if (ctx.overlay === "prod") {
    const hosts = [...new Set(ctx.all("Ingress").flatMap((i) => [...(i.spec.rules ?? []).map((r) => r.host), ...(i.spec.tls ?? []).flatMap((t) => t.hosts ?? [])]).filter(Boolean))];
    if (url.protocol !== "https:" || !hosts.includes(url.hostname)) {
      ctx.error(ref, `NOTIFICATION_SHOP_URL must be https://<the Ingress host> in prod (${hosts.join(", ") || "no host"}), so links in mails reach the shop; is ${shop}`);
    }
  }
}

// A Kafka Streams instance (analytics-service): the StatefulSet's headless Service gives each pod
// the stable name it advertises to the others, its stores live on a claim of its own, and
// rollouts go one pod at a time.
function checkStreamsInstance(ctx, app, sts, c, env, ports) {
  const spec = APPS[app];
  const ref = refOf(app);
  const podLabels = sts.spec.template.metadata?.labels ?? {};

  // The headless Service behind the pods' DNS names.
  const peersName = sts.spec.serviceName;
  const peers = peersName && ctx.get("Service", peersName);
  if (!peers || peers.spec.clusterIP !== "None") {
    ctx.error(ref, `needs the headless Service its serviceName names (clusterIP: None), which gives each pod a stable DNS name; ${peersName ? `Service/${peersName} is ${peers ? "not headless" : "missing"}` : "serviceName is unset"}`);
  } else {
    const pref = `Service/${peersName}`;
    if (peersName === app) ctx.error(pref, `must not be the Service ${app}: the gateway's needs a cluster IP`);
    if (!selectorMatches({ matchLabels: peers.spec.selector }, podLabels)) ctx.error(pref, `selects no ${app} pods`);
    checkServicePorts(ctx, pref, peers, { http: spec.port }, ports);
    if (peers.spec.publishNotReadyAddresses !== true) {
      ctx.error(pref, "must set publishNotReadyAddresses: Kafka Streams may hand a starting instance partitions before it is Ready, and the others must reach it");
    }
  }

  // The advertised name: $(POD_NAME).<headless Service>, POD_NAME from the downward API and
  // defined first (Kubernetes expands $(VAR) only from variables listed before).
  const names = (c.env ?? []).map((e) => e.name);
  const podName = env.get("POD_NAME");
  if (env.has("POD_NAME") && podName?.field !== "metadata.name") ctx.error(ref, "POD_NAME must come from the downward API (fieldRef metadata.name)");
  const host = env.get("ANALYTICS_ADVERTISED_HOST")?.value;
  const wantedHost = `$(POD_NAME).${peersName}`;
  if (env.has("ANALYTICS_ADVERTISED_HOST")) {
    if (host !== wantedHost) ctx.error(ref, `ANALYTICS_ADVERTISED_HOST must be ${wantedHost}, the pod's own name under the headless Service, is ${host}`);
    else if (names.indexOf("POD_NAME") > names.indexOf("ANALYTICS_ADVERTISED_HOST")) {
      ctx.error(ref, "POD_NAME must be defined before ANALYTICS_ADVERTISED_HOST, or $(POD_NAME) stays unexpanded");
    }
  }

  // The state directory: a writable mount of a volumeClaimTemplate, one volume per pod.
  const dir = env.get("ANALYTICS_STATE_DIR")?.value;
  if (dir) {
    const mount = (c.volumeMounts ?? []).find((m) => m.mountPath === dir);
    const claim = mount && (sts.spec.volumeClaimTemplates ?? []).find((t) => t.metadata?.name === mount.name);
    if (!claim) {
      ctx.error(ref, `ANALYTICS_STATE_DIR ${dir} must be a mount of a volumeClaimTemplate, so a restarted pod resumes instead of restoring every store`);
    } else {
      if (mount.readOnly) ctx.error(ref, `the state at ${dir} must be writable`);
      if ((sts.spec.template.spec.volumes ?? []).some((v) => v.name === mount.name)) {
        ctx.error(ref, `volume ${mount.name} is both a pod volume and a claim template; the pod volume wins and the state is lost on restart`);
      }
      const modes = claim.spec?.accessModes ?? [];
      if (!modes.length || modes.some((m) => m !== "ReadWriteOnce" && m !== "ReadWriteOncePod")) {
        ctx.error(ref, `claim template ${claim.metadata.name} must be ReadWriteOnce: each pod's stores are its own`);
      }
      if (!claim.spec?.resources?.requests?.storage) ctx.error(ref, `claim template ${claim.metadata.name} needs a storage request`);
    }
  }
  const standby = env.get("ANALYTICS_STANDBY_REPLICAS")?.value;
  if (env.has("ANALYTICS_STANDBY_REPLICAS") && !/^\d+$/.test(standby ?? "")) {
    ctx.error(ref, `ANALYTICS_STANDBY_REPLICAS must be a whole number, is ${standby}`);
  }

  // Rollouts one pod at a time, each waiting for the one before.
  const update = sts.spec.updateStrategy ?? {};
  if ((update.type ?? "RollingUpdate") !== "RollingUpdate") ctx.error(ref, "must roll its pods (updateStrategy RollingUpdate); with OnDelete a new image never arrives");
  if ((update.rollingUpdate?.partition ?? 0) !== 0) ctx.error(ref, "a rollingUpdate partition would leave pods on the old revision");
  if (update.rollingUpdate?.maxUnavailable !== undefined && update.rollingUpdate.maxUnavailable !== 1) {
    ctx.error(ref, "rolls one pod at a time (rollingUpdate.maxUnavailable 1)");
  }
  const pdb = ctx.all("PodDisruptionBudget").find((p) => selectorMatches(p.spec.selector, podLabels));
  if (!pdb) ctx.error(ref, "needs a PodDisruptionBudget: a drain takes one instance at a time");
  else if (pdb.spec.maxUnavailable !== 1) ctx.error(`PodDisruptionBudget/${pdb.metadata.name}`, "must allow exactly one instance away (maxUnavailable: 1)");
}

// Secrets several services must hold alike: the customer pseudonym key is one key, order-service's,
// by which the catalogue recognises the buyers order events name (docs/adr/0013). Two Secrets
// would drift apart, and no buyer would be recognised.
const SHARED_SECRETS = ["CUSTOMER_PSEUDONYM_KEY"];

function checkSharedSecrets(ctx) {
  for (const name of SHARED_SECRETS) {
    const refs = Object.keys(APPS)
      .filter((app) => (APPS[app].requiredSecrets ?? []).includes(name))
      .map((app) => {
        const s = secretOf(ctx, app, name);
        return { app, at: s ? `${s.name}/${s.key}` : null };
      })
      .filter((r) => r.at);
    const distinct = new Set(refs.map((r) => r.at));
    if (distinct.size > 1) {
      ctx.error(refOf(refs[0].app), `${name} must come from one Secret key for every service: ${refs.map((r) => `${r.app} reads ${r.at}`).join(", ")}`);
    }
  }
}

// Secrets that must stay apart: analytics pseudonymises imported customers under a key of its own
// and never holds order-service's customer key (ADR 13: whoever holds it links pseudonyms to
// accounts). Reading that Secret at all, under any variable, would hand it over.
const SEPARATE_SECRETS = [{ app: "analytics-service", from: "CUSTOMER_PSEUDONYM_KEY" }];

function checkSeparateSecrets(ctx) {
  for (const { app, from } of SEPARATE_SECRETS) {
    const held = new Set(
      Object.keys(APPS)
        .filter((other) => other !== app)
        .map((other) => secretOf(ctx, other, from)?.name)
        .filter(Boolean),
    );
    const w = ctx.get(kindOf(app), app);
    if (!w) continue;
    const read = new Set(secretsRead(w.spec.template.spec).map((r) => r.name));
    for (const name of read) {
      if (held.has(name)) ctx.error(refOf(app), `must not read Secret ${name}: it holds ${from}, which ${app} must never have`);
    }
  }
}

// Every Secret a pod reads: { name, key } for an env var or a mounted item, { name, envFrom }
// for a Secret read whole into the environment, { name } for a mounted Secret.
function secretsRead(podSpec) {
  const refs = [];
  for (const c of podSpec.containers ?? []) {
    for (const e of c.env ?? []) if (e.valueFrom?.secretKeyRef) refs.push({ name: e.valueFrom.secretKeyRef.name, key: e.valueFrom.secretKeyRef.key });
    for (const f of c.envFrom ?? []) if (f.secretRef) refs.push({ name: f.secretRef.name, envFrom: true });
  }
  for (const v of podSpec.volumes ?? []) {
    if (!v.secret) continue;
    refs.push({ name: v.secret.secretName });
    for (const item of v.secret.items ?? []) refs.push({ name: v.secret.secretName, key: item.key });
  }
  return refs;
}

// The secretKeyRef an application's variable comes from, if it comes from one.
function secretOf(ctx, app, variable) {
  const c = ctx.get(kindOf(app), app)?.spec?.template?.spec?.containers?.[0];
  return (c?.env ?? []).find((e) => e.name === variable)?.valueFrom?.secretKeyRef;
}

// Creating a topic never changes an existing one, so a cluster whose topics predate their
// retention settings needs a one-off change, which the README must show for each topic that
// shared-events gives settings of its own (Topic.Retention.topicConfig()), with exactly those.
function checkRetentionDocumented(ctx, readme, topics) {
  if (!topics?.length) return ctx.error("README", "no topic catalogue from shared-events to check the retention step against");
  // The fenced shell blocks that alter topic configs: their `for topic in ...; do alter "$topic" "k=v,..."`
  // loops and single `alter <topic> "k=v,..."` lines.
  const blocks = readme
    .split("```")
    .filter((b, i) => i % 2 === 1 && /kafka-configs(\.sh)?\b/.test(b) && b.includes("--alter"))
    .map((b) => b.replace(/\\\n\s*/g, " "));
  const documented = new Map(); // topic -> { key: value }
  const parse = (text) => Object.fromEntries(text.split(",").map((kv) => kv.trim().split("=")).filter((kv) => kv.length === 2));
  for (const b of blocks) {
    for (const m of b.matchAll(/for\s+topic\s+in\s+([^;]+);\s*do\s+alter\s+"\$topic"\s+"([^"]*)"/g)) {
      for (const t of m[1].trim().split(/\s+/)) documented.set(t, { ...documented.get(t), ...parse(m[2]) });
    }
    for (const m of b.matchAll(/^\s*alter\s+"?([\w.-]+)"?\s+"([^"]*)"/gm)) documented.set(m[1], { ...documented.get(m[1]), ...parse(m[2]) });
  }
  const missing = [];
  for (const t of topics) {
    const wanted = Object.entries(t.config);
    if (wanted.length === 0) continue;
    const has = documented.get(t.name) ?? {};
    const off = wanted.filter(([k, v]) => has[k] !== v).map(([k, v]) => `${k}=${v}`);
    if (off.length) missing.push(`${t.name} (${off.join(",")})`);
  }
  if (missing.length) {
    ctx.error("README", `k8s/README.md must show the kafka-configs.sh --alter step for topics that predate their retention: ${missing.join(", ")}`);
  }
}

// The signing keys are a Secret mounted as a folder. Every replica must sign with
// keys the others publish, so no pod may generate its own, and the folder must
// stay live so that adding or removing a key file rotates keys without a restart.
function checkSigningKeys(ctx, ref, c, podSpec, dir, generate) {
  if (generate !== "false") ctx.error(ref, `BOOKSTORE_GENERATE_KEYS must be "false": a pod must never invent a signing key`);
  const mount = (c.volumeMounts ?? []).find((m) => m.mountPath === dir);
  if (!mount) return ctx.error(ref, `BOOKSTORE_KEYS_DIR ${dir} is not a mounted volume`);
  const volume = (podSpec.volumes ?? []).find((v) => v.name === mount.name);
  const secret = volume?.secret;
  if (!secret) return ctx.error(ref, `the signing keys at ${dir} must be a Secret volume`);
  if (mount.readOnly !== true) ctx.error(ref, `the signing keys at ${dir} must be mounted readOnly`);
  if (mount.subPath || mount.subPathExpr) ctx.error(ref, "the signing keys must not be a subPath mount: the kubelet never updates those, so rotation would need a restart");
  if (secret.items) ctx.error(ref, `Secret ${secret.secretName} must be mounted whole: with items, a key added for rotation never appears`);
  if (secret.optional === true) ctx.error(ref, `Secret ${secret.secretName} must not be optional: without keys the service cannot sign`);
  if (((secret.defaultMode ?? 0o644) & 0o007) !== 0) ctx.error(ref, `the private keys in ${secret.secretName} must not be world-readable (defaultMode)`);
}

function resolveEnv(ctx, ref, e) {
  if (e.value !== undefined) return { value: e.value };
  const field = e.valueFrom?.fieldRef;
  if (field) return { field: field.fieldPath };
  const cm = e.valueFrom?.configMapKeyRef;
  if (cm) {
    const map = ctx.get("ConfigMap", cm.name);
    if (!map) return ctx.error(ref, `${e.name} reads ConfigMap ${cm.name}, which is not in the overlay`);
    if (!Object.hasOwn(map.data ?? {}, cm.key)) {
      if (cm.optional === true) return { value: undefined, configMap: cm.name, optional: true };
      return ctx.error(ref, `${e.name} reads ${cm.name}.${cm.key}, which is not set`);
    }
    return { value: map.data[cm.key], configMap: cm.name, optional: cm.optional === true };
  }
  const s = e.valueFrom?.secretKeyRef;
  if (s) return { secret: s.name, key: s.key, optional: s.optional === true };
  ctx.error(ref, `${e.name} has an unsupported source`);
  return undefined;
}

function checkService(ctx, app, podLabels, ports) {
  const spec = APPS[app];
  const ref = `Service/${app}`;
  const svc = ctx.get("Service", app);
  if (!svc) return ctx.error(ref, "is missing");
  if (!selectorMatches({ matchLabels: svc.spec.selector }, podLabels)) ctx.error(ref, `selects no ${app} pods`);
  if (svc.spec.type && svc.spec.type !== "ClusterIP") ctx.error(ref, "must be ClusterIP: only the Ingress reaches in from outside");
  if (svc.spec.clusterIP === "None") ctx.error(ref, "must have a cluster IP, balancing over ready pods; a headless Service is for instances finding each other");
  const wanted = spec.managementPort ? { http: spec.port, management: spec.managementPort } : { http: spec.port };
  checkServicePorts(ctx, ref, svc, wanted, ports);
}

// wanted: port name -> number, exposed under that name and targeting the container port of that number.
function checkServicePorts(ctx, ref, svc, wanted, ports) {
  for (const [name, number] of Object.entries(wanted)) {
    const p = (svc.spec.ports ?? []).find((x) => x.name === name);
    if (!p || p.port !== number) ctx.error(ref, `must expose ${name} on ${number}`);
    else {
      const target = typeof p.targetPort === "string" ? ports[p.targetPort] : (p.targetPort ?? p.port);
      if (target !== number) ctx.error(ref, `port ${name} targets ${p.targetPort}, which is not container port ${number}`);
    }
  }
}

function checkMonitoring(ctx, app, podLabels) {
  const spec = APPS[app];
  const metricsPort = spec.managementPort ? "management" : "http";
  const svc = ctx.get("Service", app);
  const monitors = ctx
    .all("ServiceMonitor")
    .filter((m) => svc && selectorMatches(m.spec.selector, svc.metadata.labels ?? {}));
  const pods = ctx.all("PodMonitor").filter((m) => selectorMatches(m.spec.selector, podLabels));
  const scraped =
    monitors.some((m) => m.spec.endpoints.some((e) => e.port === metricsPort && e.path === METRICS_PATH)) ||
    pods.some((m) => m.spec.podMetricsEndpoints?.some((e) => e.port === metricsPort && e.path === METRICS_PATH));
  if (!scraped) ctx.error(refOf(app), `no ServiceMonitor/PodMonitor scrapes ${METRICS_PATH} on port ${metricsPort}`);
  // A monitor that selects two Services of the same pods (the ClusterIP one and a headless
  // one) scrapes every pod twice, doubling every counter summed over targets.
  for (const m of ctx.all("ServiceMonitor")) {
    const selected = ctx
      .all("Service")
      .filter((s) => selectorMatches(m.spec.selector, s.metadata.labels ?? {}) && selectorMatches({ matchLabels: s.spec.selector }, podLabels));
    if (selected.length > 1) {
      ctx.error(`ServiceMonitor/${m.metadata.name}`, `selects ${selected.map((s) => `Service/${s.metadata.name}`).join(" and ")}, so it scrapes every ${app} pod twice`);
    }
  }
}

function checkExposure(ctx) {
  const ingresses = ctx.all("Ingress");
  if (ingresses.length !== 1) ctx.error("Ingress/*", `exactly one Ingress (for the gateway) expected, found ${ingresses.length}`);
  for (const ing of ingresses) {
    const backends = [ing.spec.defaultBackend, ...(ing.spec.rules ?? []).flatMap((r) => (r.http?.paths ?? []).map((p) => p.backend))].filter(Boolean);
    if (backends.length === 0) ctx.error(`Ingress/${ing.metadata.name}`, "routes nowhere");
    for (const b of backends) {
      const port = b.service?.port?.name ?? b.service?.port?.number;
      if (b.service?.name !== "gateway" || (port !== "http" && port !== APPS.gateway.port)) {
        ctx.error(`Ingress/${ing.metadata.name}`, "may route only to the gateway's http port");
      }
    }
  }
  for (const svc of ctx.all("Service")) {
    if (svc.spec.type === "LoadBalancer" || svc.spec.type === "NodePort") {
      ctx.error(`Service/${svc.metadata.name}`, "must not be exposed outside the cluster; the Ingress is the way in");
    }
  }
}

// Secrets nobody generates must be created by hand, so the README must say how.
function checkUserSecretsDocumented(ctx, infra, readme) {
  const wanted = new Map(); // name -> set of keys
  const want = (name, key) => {
    if (infra.generatedSecrets.has(name)) {
      if (key && !infra.generatedSecrets.get(name).includes(key)) {
        ctx.error(`Secret/${name}`, `is generated by an operator without key ${key}`);
      }
      return;
    }
    if (!wanted.has(name)) wanted.set(name, new Set());
    if (key) wanted.get(name).add(key);
  };
  const variables = new Map(); // secret name -> variables the README must name
  for (const d of ctx.workloads()) {
    for (const r of secretsRead(d.spec.template.spec)) {
      want(r.name, r.key);
      if (r.envFrom) variables.set(r.name, APPS[d.metadata.name]?.optionalSecretEnv ?? []);
    }
  }
  for (const ing of ctx.all("Ingress")) for (const t of ing.spec.tls ?? []) want(t.secretName);
  for (const [name, keys] of infra.mongo?.passwordSecrets ?? []) for (const k of keys) want(name, k);
  // CNPG sets each managed role's password from a basic-auth Secret made by hand.
  for (const role of infra.postgres?.roles?.values() ?? []) {
    if (role.passwordSecret) for (const k of ["username", "password"]) want(role.passwordSecret.name, k);
  }
  // The object store's credentials for the backups.
  for (const store of ctx.all("ObjectStore")) {
    for (const ref of Object.values(store.spec.configuration.s3Credentials ?? {})) if (ref?.name) want(ref.name, ref.key);
  }

  const commands = secretCommands(readme);
  for (const [name, keys] of wanted) {
    const command = commands.find((c) => c.split(/\s+/).includes(name));
    if (!command) {
      ctx.error(`Secret/${name}`, "is referenced but k8s/README.md shows no `kubectl create secret` for it");
      continue;
    }
    for (const key of keys) {
      if (!command.includes(` ${key}=`) && !command.includes(`=${key}=`)) {
        ctx.error(`Secret/${name}`, `k8s/README.md creates it without key ${key}`);
      }
    }
    const unnamed = (variables.get(name) ?? []).filter((v) => !new RegExp(`\\b${v}\\b`).test(readme));
    if (unnamed.length) ctx.error(`Secret/${name}`, `k8s/README.md does not name the variables it may carry: ${unnamed.join(", ")}`);
  }
}

// The README's `kubectl create secret` commands, continuation lines joined.
function secretCommands(readme) {
  return readme
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .filter((line) => /\bkubectl\b.*\bcreate secret\b/.test(line));
}

function checkOverlay(ctx, overlay, infra) {
  const hpas = ctx.all("HorizontalPodAutoscaler");
  const pdbs = ctx.all("PodDisruptionBudget");
  const mongo = ctx.all("MongoDBCommunity")[0];
  const pg = ctx.all("Cluster")[0];
  for (const app of Object.keys(APPS)) {
    const d = ctx.get(kindOf(app), app);
    if (!d) continue;
    const ref = refOf(app);
    const labels = d.spec.template.metadata.labels;
    const hpa = hpas.find((h) => h.spec.scaleTargetRef.name === app && WORKLOAD_KINDS.includes(h.spec.scaleTargetRef.kind));
    const pdb = pdbs.find((p) => selectorMatches(p.spec.selector, labels));
    if (APPS[app].streams) {
      checkStreamsSizing(ctx, overlay, app, d, hpa);
    } else if (overlay === "dev") {
      if (d.spec.replicas !== 1) ctx.error(ref, `dev runs exactly one replica, not ${d.spec.replicas}`);
      if (hpa) ctx.error(`HorizontalPodAutoscaler/${hpa.metadata.name}`, "dev pins one replica; no autoscaling");
    } else {
      if (!hpa) ctx.error(ref, "prod needs a HorizontalPodAutoscaler");
      else if ((hpa.spec.minReplicas ?? 1) < 2 || hpa.spec.maxReplicas < hpa.spec.minReplicas) {
        ctx.error(`HorizontalPodAutoscaler/${app}`, "prod keeps at least two replicas and a max above the min");
      }
      if (d.spec.replicas !== undefined && d.spec.replicas < 2) ctx.error(ref, "prod runs at least two replicas");
      if (hpa && d.spec.replicas !== undefined) ctx.error(ref, "leave replicas to the autoscaler; a re-apply would reset them");
      if (!pdb) ctx.error(ref, "prod needs a PodDisruptionBudget");
      else if (pdb.spec.minAvailable !== undefined && pdb.spec.minAvailable >= (hpa?.spec.minReplicas ?? 2)) {
        ctx.error(`PodDisruptionBudget/${pdb.metadata.name}`, "would block every voluntary eviction");
      }
    }
    if (overlay === "prod") {
      const spread = (d.spec.template.spec.topologySpreadConstraints ?? []).some((t) => t.topologyKey === "kubernetes.io/hostname");
      const anti = d.spec.template.spec.affinity?.podAntiAffinity;
      if (!spread && !anti) ctx.error(ref, "prod spreads replicas over nodes (topologySpreadConstraints or podAntiAffinity)");
    }
  }
  if (infra.kafka) {
    const ref = `Kafka/${infra.kafka.name}`;
    const want = overlay === "dev" ? 1 : 3;
    if (infra.kafka.brokers !== want || infra.kafka.controllers !== want) {
      ctx.error(ref, `${overlay} runs ${want} Kafka node(s), has ${infra.kafka.brokers} broker(s) / ${infra.kafka.controllers} controller(s)`);
    }
    // The services create their topics with the broker's defaults (KAFKA_REPLICATION_FACTOR stays unset).
    const config = ctx.all("Kafka")[0].spec.kafka.config ?? {};
    if (overlay === "prod" && config["default.replication.factor"] !== 3) ctx.error(ref, "prod replicates every partition three times");
    if (overlay === "prod" && config["min.insync.replicas"] !== 2) {
      ctx.error(ref, "prod acknowledges a write once two replicas hold it (min.insync.replicas: 2)");
    }
  }
  if (pg) {
    const want = overlay === "dev" ? (n) => n === 1 : (n) => n >= 3;
    if (!want(pg.spec.instances)) ctx.error(`Cluster/${pg.metadata.name}`, `${overlay} instance count ${pg.spec.instances} is off`);
  }
  if (mongo) {
    const want = overlay === "dev" ? 1 : 3;
    if ((mongo.spec.members ?? 3) !== want) ctx.error(`MongoDBCommunity/${mongo.metadata.name}`, `${overlay} runs ${want} member(s)`);
  }
  if (overlay === "prod") {
    for (const ing of ctx.all("Ingress")) if (!ing.spec.tls?.length) ctx.error(`Ingress/${ing.metadata.name}`, "prod serves TLS");
  }
}

// A Kafka Streams service scales by its replica count: an autoscaler would move partitions and
// their stores on every swing of CPU. Standby copies need another instance to live on.
function checkStreamsSizing(ctx, overlay, app, sts, hpa) {
  const ref = refOf(app);
  if (hpa) ctx.error(`HorizontalPodAutoscaler/${hpa.metadata.name}`, `${app} scales by replicas; an autoscaler would move its partitions and stores on every swing of CPU`);
  const replicas = sts.spec.replicas;
  const standbyVar = (sts.spec.template.spec.containers?.[0]?.env ?? []).find((e) => e.name === "ANALYTICS_STANDBY_REPLICAS");
  const standby = Number(standbyVar && resolveEnv(ctx, ref, standbyVar)?.value);
  if (overlay === "dev") {
    if (replicas !== 1) ctx.error(ref, `dev runs exactly one replica, not ${replicas}`);
    if (standby !== 0) ctx.error(ref, "dev runs one instance: ANALYTICS_STANDBY_REPLICAS must be 0, there is no other to keep a standby on");
  } else {
    if (replicas === undefined || replicas < 2) ctx.error(ref, `prod runs at least two replicas (set in the overlay), not ${replicas}`);
    if (!(standby >= 1)) ctx.error(ref, "prod keeps a warm standby of every store (ANALYTICS_STANDBY_REPLICAS at least 1)");
    else if (replicas !== undefined && standby >= replicas) {
      ctx.error(ref, `ANALYTICS_STANDBY_REPLICAS ${standby} needs more than ${replicas} replicas to place them`);
    }
  }
}

function checkNetwork(ctx, infra) {
  const ns = ctx.namespace;
  const policies = ctx.all("NetworkPolicy");
  const denyAll = policies.find(
    (p) => Object.keys(p.spec.podSelector ?? {}).length === 0 && !p.spec.ingress?.length && !p.spec.egress?.length &&
      ["Ingress", "Egress"].every((t) => (p.spec.policyTypes ?? []).includes(t)),
  );
  if (!denyAll) ctx.error("NetworkPolicy/*", "needs a default deny for ingress and egress");
  const net = new NetworkModel([...policies, ...(infra.generatedPolicies ?? [])]);

  const apps = {};
  for (const d of ctx.workloads()) {
    const c = d.spec.template.spec.containers[0];
    apps[d.metadata.name] = new Pod({
      name: d.metadata.name,
      namespace: ns,
      labels: d.spec.template.metadata.labels,
      ports: Object.fromEntries((c.ports ?? []).map((p) => [p.name, p.containerPort])),
    });
  }
  const outside = new External("203.0.113.7");
  const prometheus = new Pod({ name: "prometheus", namespace: "monitoring", labels: { "app.kubernetes.io/name": "prometheus" } });
  const dns = new Pod({ name: "coredns", namespace: "kube-system", labels: { "k8s-app": "kube-dns" } });
  // Outside the namespace, so the namespace's own default deny does not hold it back.
  const intruder = new Pod({ name: "a stray pod", namespace: "elsewhere", labels: { app: "stray" } });
  const cnpgOperator = new Pod({ name: "cnpg operator", namespace: "cnpg-system", labels: { "app.kubernetes.io/name": "cloudnative-pg" } });
  const kafkaPod = infra.pods.find((p) => p.labels["strimzi.io/broker-role"] === "true");
  const pgPod = infra.pods.find((p) => p.labels["cnpg.io/cluster"]);
  const mongoPod = infra.pods.find((p) => p.labels.app?.endsWith("-svc"));
  // An SMTP relay outside the cluster: the one SPRING_MAIL_HOST names when it is an address,
  // else any the policies open (a name may resolve to addresses that change).
  const relays = (app) => {
    const host = resolvedLiteral(ctx, app, "SPRING_MAIL_HOST");
    if (/^\d+\.\d+\.\d+\.\d+$/.test(host ?? "")) return [new External(host)];
    const blocks = policies.flatMap((p) => (p.spec.egress ?? []).flatMap((r) => (r.to ?? []).map((t) => t.ipBlock?.cidr)));
    return [...new Set(blocks.filter((c) => c && !c.includes(":")).map((c) => c.split("/")[0]))].map((ip) => new External(ip));
  };
  const someRelay = new External("198.51.100.25");

  const expect = (allowed, from, to, port, protocol = "TCP") => {
    if (!from || !to) return;
    if (net.allows(from, to, port, protocol) !== allowed) {
      ctx.error("NetworkPolicy/*", `${from.name} -> ${to.name}:${port}/${protocol} should be ${allowed ? "allowed" : "denied"}`);
    }
  };

  const gateway = apps.gateway;
  expect(true, outside, gateway, APPS.gateway.port);
  expect(false, outside, gateway, APPS.gateway.managementPort);
  expect(true, prometheus, gateway, APPS.gateway.managementPort);
  expect(false, gateway, kafkaPod, infra.kafka?.listener?.port ?? 9093);
  expect(false, gateway, outside, 443);
  for (const port of SMTP_PORTS) expect(false, gateway, someRelay, port);
  for (const [name, spec] of Object.entries(APPS)) {
    const pod = apps[name];
    expect(true, pod, dns, 53, "UDP");
    if (spec.gateway) continue;
    expect(true, gateway, pod, spec.port);
    expect(true, prometheus, pod, spec.port);
    expect(false, outside, pod, spec.port);
    expect(false, intruder, pod, spec.port);
    expect(spec.providers === true, pod, outside, 443);
    if (spec.providers) expect(false, pod, new External("10.1.2.3"), 443);
    if (spec.mail && pod) {
      // Its relay on the port it is set to, and nothing else outside the cluster.
      const port = Number(resolvedLiteral(ctx, name, "SPRING_MAIL_PORT"));
      const open = relays(name).filter((r) => net.allows(pod, r, port));
      if (open.length === 0) ctx.error("NetworkPolicy/*", `${name} -> its SMTP relay :${port}/TCP should be allowed (egress to the relay's address on SPRING_MAIL_PORT)`);
      expect(false, pod, outside, 80);
    } else {
      for (const port of SMTP_PORTS) expect(false, pod, someRelay, port);
    }
    expect(true, pod, kafkaPod, infra.kafka?.listener?.port ?? 9093);
    expect(spec.store === "postgres", pod, pgPod, 5432);
    expect(spec.store === "mongodb", pod, mongoPod, 27017);
    // The services call no other service, except user-service for its public keys (JWKS_URI);
    // the instances of a Kafka Streams service (peers) call each other for their stores' parts.
    for (const [other, otherSpec] of Object.entries(APPS)) {
      if (other !== name && !otherSpec.gateway) expect(other === IDENTITY, pod, apps[other], otherSpec.port);
    }
    expect(spec.peers === true, pod, pod, spec.port);
  }
  expect(false, intruder, kafkaPod, infra.kafka?.listener?.port ?? 9093);
  expect(false, intruder, pgPod, 5432);
  expect(false, intruder, mongoPod, 27017);
  expect(true, pgPod, pgPod, 5432);
  expect(true, prometheus, pgPod, POSTGRES_METRICS_PORT);
  expect(false, intruder, pgPod, POSTGRES_METRICS_PORT);
  expect(true, prometheus, kafkaPod, KAFKA_METRICS_PORT);
  const exporter = infra.pods.find((p) => p.labels["strimzi.io/name"]?.endsWith("-kafka-exporter"));
  expect(true, prometheus, exporter, KAFKA_METRICS_PORT);
  expect(false, intruder, exporter, KAFKA_METRICS_PORT);
  expect(true, cnpgOperator, pgPod, 8000);
  expect(true, mongoPod, mongoPod, 27017);
}

// A variable's value as the pod would see it (literal or from the ConfigMap), for checks outside checkEnv.
function resolvedLiteral(ctx, app, name) {
  const c = ctx.get(kindOf(app), app)?.spec?.template?.spec?.containers?.[0];
  const e = (c?.env ?? []).find((x) => x.name === name);
  if (!e) return undefined;
  if (e.value !== undefined) return e.value;
  const cm = e.valueFrom?.configMapKeyRef;
  return cm ? ctx.get("ConfigMap", cm.name)?.data?.[cm.key] : undefined;
}

function sleepFromExec(command) {
  const text = (command ?? []).join(" ");
  const m = /sleep\s+(\d+)/.exec(text);
  return m ? Number(m[1]) : undefined;
}

function bytes(quantity) {
  const m = /^([0-9.]+)([KMGTE]i?)?$/.exec(String(quantity));
  if (!m) return NaN;
  const unit = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, K: 1e3, M: 1e6, G: 1e9, T: 1e12 }[m[2]] ?? 1;
  return Number(m[1]) * unit;
}
