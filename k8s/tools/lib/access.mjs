// Least privilege in the rendered overlay: who signs in to Kafka and PostgreSQL as whom, and may
// do what there; the backups; payment-service's refusal of the sandboxes in prod.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expectedKafkaUsers, kafkaUserOf, normalise, READER, readerAcls, ruleKey } from "./kafka-acls.mjs";

// What every Kafka client of a service is given: Spring Boot's spring.kafka.properties.*, which it
// hands to every producer, consumer, admin and Kafka Streams client it builds (the platform's
// factories copy Boot's configuration).
export const KAFKA_CLIENT_ENV = [
  "SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL",
  "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
  "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
  "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE",
  "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_CERTIFICATES",
];

// payment-service's guard (RealProvidersRequired.java), as Spring reads it from the environment.
const GUARD_SOURCE = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "payment-service", "src", "main", "java",
  "bookstore", "payment", "provider", "RealProvidersRequired.java");
const envName = (property) => property.toUpperCase().replace(/[.-]/g, "_");
const guardSettings = () => {
  const source = readFileSync(GUARD_SOURCE, "utf8");
  const constant = (name) => new RegExp(`${name}\\s*=\\s*"([^"]+)"`).exec(source)?.[1];
  const require = constant("REQUIRE");
  const allow = constant("ALLOW_SANDBOX");
  if (!require || !allow) throw new Error(`${GUARD_SOURCE} no longer declares REQUIRE and ALLOW_SANDBOX`);
  return { require: envName(require), allow: envName(allow) };
};
export const PROVIDER_GUARD_ENV = Object.values(guardSettings());

// A service's Kafka client: TLS to the SCRAM listener, its own user's JAAS line, the cluster CA.
export function checkKafkaClient(ctx, app, ref, env, infra) {
  const value = (name) => env.get(name)?.value;
  const secret = (name) => env.get(name)?.secret !== undefined && env.get(name);
  if (value("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL") !== "SASL_SSL") {
    ctx.error(ref, `SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL must be SASL_SSL (TLS with SCRAM), is ${value("SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL")}`);
  }
  if (value("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM") !== "SCRAM-SHA-512") {
    ctx.error(ref, `SPRING_KAFKA_PROPERTIES_SASL_MECHANISM must be SCRAM-SHA-512, is ${value("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM")}`);
  }
  const jaas = secret("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
  if (!jaas || jaas.secret !== kafkaUserOf(app) || jaas.key !== "sasl.jaas.config") {
    ctx.error(ref, `SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG must come from Secret ${kafkaUserOf(app)} key sasl.jaas.config (its own KafkaUser's)`);
  } else if (jaas.optional) {
    ctx.error(ref, "its Kafka credentials must not be optional");
  }
  if (value("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE") !== "PEM") ctx.error(ref, "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_TYPE must be PEM");
  const ca = secret("SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_CERTIFICATES");
  if (infra.kafka && (!ca || ca.secret !== infra.kafka.caSecret || ca.key !== "ca.crt")) {
    ctx.error(ref, `SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_CERTIFICATES must come from Secret ${infra.kafka.caSecret} key ca.crt`);
  }
}

let expected;

// One SCRAM KafkaUser per service with exactly the ACLs its code needs, the analysts' read-only
// user, and nothing else.
export function checkKafkaAccess(ctx, infra, apps) {
  if (!infra.kafka) return;
  expected ??= expectedKafkaUsers(Object.keys(apps));
  for (const problem of expected.problems) ctx.error("KafkaUser/*", problem);
  const wanted = new Map([...expected.users].map(([app, acls]) => [kafkaUserOf(app), acls]));
  wanted.set(READER.name, readerAcls());
  for (const user of ctx.all("KafkaUser")) {
    const ref = `KafkaUser/${user.metadata.name}`;
    if (user.metadata.labels?.["strimzi.io/cluster"] !== infra.kafka.name) {
      ctx.error(ref, `must carry strimzi.io/cluster=${infra.kafka.name}, or the User Operator ignores it`);
    }
    if (user.spec.authentication?.type !== "scram-sha-512") ctx.error(ref, "must authenticate with scram-sha-512, as the listener does");
    const acls = wanted.get(user.metadata.name);
    if (!acls) {
      ctx.error(ref, "is no service's user nor the analysts' reader; every user's rights come from code (tools/kafka-users.mjs)");
      continue;
    }
    if (user.spec.authorization?.type !== "simple") {
      ctx.error(ref, "needs authorization type simple with its ACLs");
      continue;
    }
    const granted = normalise(user.spec.authorization.acls ?? []);
    for (const rule of granted) {
      if (rule.resource.type === "cluster" || rule.operations.includes("All")) {
        ctx.error(ref, `grants ${rule.operations.join(", ")} on ${ruleKey(rule)}: no service needs the cluster or All`);
      }
      if (rule.operations.some((o) => o === "Write" || o === "Read") && rule.resource.name === "*") {
        ctx.error(ref, `grants ${rule.operations.join(", ")} on every topic`);
      }
    }
    const show = (r) => `${r.operations.join(",")} on ${ruleKey(r)}`;
    const has = new Map(granted.map((r) => [ruleKey(r), r]));
    const needs = new Map(acls.map((r) => [ruleKey(r), r]));
    for (const [key, rule] of needs) {
      const got = has.get(key);
      const missing = rule.operations.filter((o) => !got?.operations.includes(o));
      if (missing.length) ctx.error(ref, `lacks ${missing.join(",")} on ${key}, which its code needs (regenerate with node k8s/tools/kafka-users.mjs)`);
    }
    for (const [key, rule] of has) {
      const extra = rule.operations.filter((o) => !needs.get(key)?.operations.includes(o));
      if (extra.length) ctx.error(ref, `grants ${extra.join(",")} on ${key}, which its code does not use (${show(rule)})`);
    }
    wanted.delete(user.metadata.name);
  }
  for (const name of wanted.keys()) ctx.error(`KafkaUser/${name}`, "is missing");
}

// One login role per PostgreSQL service, owning its database and nothing else.
export function checkPostgresRoles(ctx, infra, apps) {
  const pg = infra.postgres;
  if (!pg) return;
  const cluster = `Cluster/${pg.name}`;
  if (ctx.all("Cluster")[0]?.spec.monitoring?.enablePodMonitor !== true) {
    ctx.error(cluster, "needs monitoring.enablePodMonitor: true, so Prometheus scrapes the cnpg_* metrics");
  }
  const roleOf = new Map(); // app -> role
  for (const [app, spec] of Object.entries(apps)) {
    if (spec.store !== "postgres") continue;
    const ref = `${spec.kind ?? "Deployment"}/${app}`;
    const workload = ctx.get(spec.kind ?? "Deployment", app);
    const env = workload?.spec.template.spec.containers?.[0]?.env ?? [];
    const from = (name) => env.find((e) => e.name === name)?.valueFrom?.secretKeyRef;
    const user = from("POSTGRES_USER");
    const password = from("POSTGRES_PASSWORD");
    const role = [...pg.roles.values()].find((r) => r.passwordSecret?.name === user?.name);
    if (!user || !role || user.key !== "username" || password?.name !== user.name || password?.key !== "password") {
      ctx.error(ref, `POSTGRES_USER and POSTGRES_PASSWORD must come from keys username and password of the Secret of its own managed role (${cluster} spec.managed.roles[].passwordSecret)`);
      continue;
    }
    if (user.name === pg.appSecret) ctx.error(ref, `must not sign in as initdb's owner (${pg.appSecret})`);
    const owner = pg.databases.get(spec.database);
    if (owner !== role.name) ctx.error(ref, `signs in as ${role.name}, but database ${spec.database} is owned by ${owner}`);
    for (const [app2, other] of roleOf) if (other === role.name) ctx.error(ref, `shares role ${role.name} with ${app2}`);
    roleOf.set(app, role.name);
  }
  for (const role of pg.roles.values()) {
    const ref = `${cluster} role ${role.name}`;
    const powers = ["superuser", "createdb", "createrole", "replication", "bypassrls"].filter((p) => role[p]);
    if (powers.length) ctx.error(ref, `must not have ${powers.join(", ")}`);
    if (role.inRoles?.length) ctx.error(ref, `must not be a member of ${role.inRoles.join(", ")}`);
    if (role.login !== true) ctx.error(ref, "a service's role needs login: true");
    const owned = [...pg.databases].filter(([, owner]) => owner === role.name).map(([db]) => db);
    if (owned.length > 1) ctx.error(ref, `owns ${owned.join(", ")}: one database per role`);
    if (![...roleOf.values()].includes(role.name)) ctx.error(ref, "is no service's role");
  }
  for (const [db, owner] of pg.databases) {
    if (owner === pg.owner && [...Object.values(apps)].some((s) => s.database === db)) {
      ctx.error(`Database ${db}`, `is owned by initdb's owner ${pg.owner}, whose credentials are not its service's own`);
    }
  }
}

// Prod archives WAL and takes base backups to an object store (Barman Cloud plugin).
export function checkBackups(ctx, overlay, infra) {
  const pg = ctx.all("Cluster")[0];
  if (!pg) return;
  const ref = `Cluster/${pg.metadata.name}`;
  const plugin = (pg.spec.plugins ?? []).find((p) => p.name === "barman-cloud.cloudnative-pg.io" && p.enabled !== false);
  const stores = ctx.all("ObjectStore");
  const scheduled = ctx.all("ScheduledBackup").filter((b) => b.spec.cluster.name === pg.metadata.name);
  for (const b of ctx.all("ScheduledBackup")) {
    if (b.spec.cluster.name !== pg.metadata.name) ctx.error(`ScheduledBackup/${b.metadata.name}`, `points at cluster ${b.spec.cluster.name}, which is not here`);
  }
  if (overlay !== "prod" && !plugin) return;
  if (!plugin?.isWALArchiver) {
    ctx.error(ref, "prod archives its WAL to an object store: a barman-cloud.cloudnative-pg.io plugin with isWALArchiver: true");
    return;
  }
  const store = stores.find((s) => s.metadata.name === plugin.parameters?.barmanObjectName);
  if (!store) ctx.error(ref, `its backup plugin names ObjectStore ${plugin.parameters?.barmanObjectName}, which is not here`);
  else {
    const creds = store.spec.configuration.s3Credentials ?? {};
    if (!creds.inheritFromIAMRole && !(creds.accessKeyId && creds.secretAccessKey) && !store.spec.configuration.azureCredentials && !store.spec.configuration.googleCredentials) {
      ctx.error(`ObjectStore/${store.metadata.name}`, "needs credentials from a Secret (or inheritFromIAMRole)");
    }
    if (!store.spec.retentionPolicy) ctx.error(`ObjectStore/${store.metadata.name}`, "needs a retentionPolicy, or the bucket grows for ever");
  }
  if (!scheduled.some((b) => b.spec.method === "plugin" && b.spec.pluginConfiguration?.name === plugin.name && !b.spec.suspend)) {
    ctx.error(ref, `prod takes base backups on a schedule: a ScheduledBackup with method plugin and pluginConfiguration.name ${plugin.name}`);
  }
}

// The prod overlay requires real payment providers; only a staging copy may allow the sandboxes.
export function checkProviderGuard(ctx, overlay, apps) {
  const { require, allow } = guardSettings();
  for (const [app, spec] of Object.entries(apps)) {
    if (!spec.providers) continue;
    const workload = ctx.get(spec.kind ?? "Deployment", app);
    const env = workload?.spec.template.spec.containers?.[0]?.env ?? [];
    const literal = (name) => env.find((e) => e.name === name)?.value;
    const ref = `${spec.kind ?? "Deployment"}/${app}`;
    if (overlay === "prod") {
      if (literal(require) !== "true") ctx.error(ref, `prod must set ${require}=true, so a missing provider key stops the pod instead of taking orders through a sandbox`);
      if (String(literal(allow)).toLowerCase() === "true") ctx.error(ref, `prod must not set ${allow}=true (that is for staging)`);
    }
    for (const name of [require, allow]) {
      const e = env.find((x) => x.name === name);
      if (e && e.value === undefined) ctx.error(ref, `${name} must be a literal in the overlay, where the checks can read it`);
    }
  }
}
