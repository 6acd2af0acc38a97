// Usage: node selftest.mjs <rendered-dev.yaml> <rendered-prod.yaml>
// Proves the checks can fail: each case breaks one thing in a rendered
// overlay (or in the README it is checked against) and expects the validator
// to name it. The untouched renders must pass. Prints one line per case and a
// closing "N passed, N failed".
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadDocuments } from "./lib/documents.mjs";
import { loadTopicCatalogue } from "./lib/topics.mjs";
import { validate } from "./lib/validate.mjs";
import { kafkaSelftests } from "./lib/kafka-access-selftest.mjs";
import { EXPORTED, METRICS_DOC } from "./lib/observability.mjs";

const [devFile, prodFile] = process.argv.slice(2);
const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "README.md"), "utf8");
const rendered = {
  dev: loadDocuments(readFileSync(devFile, "utf8")),
  prod: loadDocuments(readFileSync(prodFile, "utf8")),
};

const find = (docs, kind, name) => docs.find((d) => d.kind === kind && (!name || d.metadata.name === name));
// The app's Deployment, or its StatefulSet (analytics-service).
const workload = (docs, app) => find(docs, "Deployment", app) ?? find(docs, "StatefulSet", app);
const container = (docs, app) => workload(docs, app).spec.template.spec.containers[0];
const envVar = (docs, app, name) => container(docs, app).env.find((e) => e.name === name);
const configMap = (docs) => find(docs, "ConfigMap");
const podSpec = (docs, app) => workload(docs, app).spec.template.spec;
const volume = (docs, app, name) => podSpec(docs, app).volumes.find((v) => v.name === name);
const mount = (docs, app, name) => container(docs, app).volumeMounts.find((m) => m.name === name);
const dropEnv = (docs, app, name) => {
  const c = container(docs, app);
  c.env = c.env.filter((e) => e.name !== name);
};
const remove = (docs, doc) => docs.splice(docs.indexOf(doc), 1);
const ANALYTICS = "analytics-service";
const kafkaUser = (docs, name) => find(docs, "KafkaUser", name);
const acl = (docs, user, topic) => kafkaUser(docs, user).spec.authorization.acls.find((a) => a.resource.type === "topic" && a.resource.name === topic);
const NOTIFICATION = "notification-service";
const topics = loadTopicCatalogue();
const exportedText = readFileSync(EXPORTED, "utf8");
const metricsDoc = readFileSync(METRICS_DOC, "utf8");
const alertRule = (docs, alert) => find(docs, "PrometheusRule").spec.groups.flatMap((g) => g.rules).find((r) => r.alert === alert);
const dashboards = (docs) => find(docs, "ConfigMap", "bookstore-dashboards");
const editBoard = (docs, file, edit) => {
  const board = JSON.parse(dashboards(docs).data[file]);
  edit(board);
  dashboards(docs).data[file] = JSON.stringify(board);
};

// Each case: name, overlay, a text the reported problem must contain, and a
// mutation of the rendered documents; a mutation may also rewrite page.readme
// or page.topics (shared-events' topic catalogue).

const cases = [
  ["a misspelt container field", "prod", "readinesProbe is not a field of V1Container", (d) => {
    const c = container(d, "order-service");
    c.readinesProbe = c.readinessProbe;
    delete c.readinessProbe;
  }],
  ["a port given as a string", "dev", "containerPort must be integer", (d) => {
    container(d, "user-service").ports[0].containerPort = "8082";
  }],
  ["a misspelt field in the Kafka resource", "prod", "(listner)", (d) => {
    find(d, "Kafka").spec.kafka.listner = [];
  }],
  ["a string where CNPG wants a number", "prod", "/spec/instances must be integer", (d) => {
    find(d, "Cluster").spec.instances = "3";
  }],
  ["a misspelt field in MongoDB's StatefulSet override", "dev", "volumeClaimTemplate is not a field of V1StatefulSetSpec", (d) => {
    const spec = find(d, "MongoDBCommunity").spec.statefulSet.spec;
    spec.volumeClaimTemplate = spec.volumeClaimTemplates;
  }],
  ["a kind nobody wrote a schema for", "dev", "no schema for kafka.strimzi.io/v1 KafkaTopic", (d) => {
    d.push({ apiVersion: "kafka.strimzi.io/v1", kind: "KafkaTopic", metadata: { name: "orders.events.v1", namespace: "bookstore", labels: { "app.kubernetes.io/part-of": "bookstore" } }, spec: {} });
  }],
  ["a committed Secret", "dev", "never committed", (d) => {
    d.push({ apiVersion: "v1", kind: "Secret", metadata: { name: "bookstore-admin", namespace: "bookstore", labels: { "app.kubernetes.io/part-of": "bookstore" } }, stringData: { password: "x" } });
  }],
  ["another service's image", "prod", "image must be [registry/]bookstore/order-service:0.1.0", (d) => {
    container(d, "order-service").image = "bookstore/payment-service:0.1.0";
  }],
  ["a readiness probe on the wrong path", "dev", "readinessProbe must GET /actuator/health/readiness", (d) => {
    container(d, "inventory-service").readinessProbe.httpGet.path = "/actuator/health";
  }],
  ["gateway probes on the routed port", "prod", "livenessProbe must target port management", (d) => {
    container(d, "gateway").livenessProbe.httpGet.port = "http";
  }],
  ["a writable root filesystem", "prod", "readOnlyRootFilesystem", (d) => {
    container(d, "payment-service").securityContext.readOnlyRootFilesystem = false;
  }],
  ["no preStop sleep", "dev", "preStop sleep", (d) => {
    delete container(d, "catalog-service").lifecycle;
  }],
  ["a mounted service account token", "dev", "automountServiceAccountToken", (d) => {
    find(d, "ServiceAccount", "order-service").automountServiceAccountToken = true;
  }],
  ["the wrong database for a service", "prod", "POSTGRES_DB must be orders", (d) => {
    envVar(d, "order-service", "POSTGRES_DB").value = "order";
  }],
  ["a database nobody creates", "dev", "database payments is created by neither", (d) => {
    d.splice(d.indexOf(find(d, "Database", "bookstore-postgres-payments")), 1);
  }],
  ["a Secret name typo", "prod", "POSTGRES_USER and POSTGRES_PASSWORD must come from keys username and password of the Secret of its own managed role", (d) => {
    envVar(d, "user-service", "POSTGRES_PASSWORD").valueFrom.secretKeyRef.name = "bookstore-postgres-ap";
  }],
  ["a renamed contract variable", "dev", "misses contract env KAFKA_BOOTSTRAP_SERVERS", (d) => {
    envVar(d, "payment-service", "KAFKA_BOOTSTRAP_SERVERS").name = "KAFKA_BOOTSTRAP_SERVER";
  }],
  ["a bootstrap address that is not Strimzi's", "prod", "KAFKA_BOOTSTRAP_SERVERS must be bookstore-kafka-kafka-bootstrap:9093", (d) => {
    configMap(d).data.KAFKA_BOOTSTRAP_SERVERS = "kafka:9092";
  }],
  ["a wrong service URL for the gateway", "dev", "INVENTORY_SERVICE_URL must be http://inventory-service:8084", (d) => {
    configMap(d).data.INVENTORY_SERVICE_URL = "http://inventory-service:8083";
  }],
  ["a MongoDB user outside the catalogue database", "dev", "expects /catalog", (d) => {
    find(d, "MongoDBCommunity").spec.users[0].db = "admin";
  }],
  ["a Service that selects nothing", "prod", "selects no catalog-service pods", (d) => {
    find(d, "Service", "catalog-service").spec.selector = { "app.kubernetes.io/name": "catalogue-service" };
  }],
  ["a ServiceMonitor on the wrong port", "prod", "no ServiceMonitor/PodMonitor scrapes /actuator/prometheus on port management", (d) => {
    find(d, "ServiceMonitor", "gateway").spec.endpoints[0].port = "http";
  }],
  ["no default deny", "prod", "needs a default deny", (d) => {
    d.splice(d.indexOf(find(d, "NetworkPolicy", "default-deny-all")), 1);
  }],
  ["services open to every pod", "dev", "a stray pod -> order-service:8083/TCP should be denied", (d) => {
    delete find(d, "NetworkPolicy", "backend-ingress").spec.ingress[0].from;
  }],
  ["no way from the services to PostgreSQL", "prod", "order-service -> bookstore-postgres-1:5432/TCP should be allowed", (d) => {
    d.splice(d.indexOf(find(d, "NetworkPolicy", "backend-egress-postgres")), 1);
  }],
  ["a Kafka listener open to every pod", "dev", "a stray pod -> bookstore-kafka-dual-role:9093/TCP should be denied", (d) => {
    delete find(d, "Kafka").spec.kafka.listeners[0].networkPolicyPeers;
  }],
  ["a second replica in dev", "dev", "dev runs exactly one replica", (d) => {
    find(d, "Deployment", "gateway").spec.replicas = 2;
  }],
  ["a prod service without autoscaler", "prod", "prod needs a HorizontalPodAutoscaler", (d) => {
    d.splice(d.indexOf(find(d, "HorizontalPodAutoscaler", "order-service")), 1);
  }],
  ["a prod service without disruption budget", "prod", "prod needs a PodDisruptionBudget", (d) => {
    d.splice(d.indexOf(find(d, "PodDisruptionBudget", "user-service")), 1);
  }],
  ["min ISR equal to the replication factor", "prod", "min.insync.replicas must stay below", (d) => {
    find(d, "Kafka").spec.kafka.config["min.insync.replicas"] = 3;
  }],
  ["a single Kafka node in prod", "prod", "prod runs 3 Kafka node(s)", (d) => {
    find(d, "KafkaNodePool").spec.replicas = 1;
  }],
  ["a secret the README does not explain", "dev", "Secret/stripe-keys: is referenced but k8s/README.md", (d) => {
    container(d, "payment-service").envFrom[0].secretRef.name = "stripe-keys";
  }],
  ["a second way in from outside", "prod", "must not be exposed outside the cluster", (d) => {
    find(d, "Service", "order-service").spec.type = "LoadBalancer";
  }],
  ["a service that cannot find the token keys", "dev", "Deployment/catalog-service: misses contract env JWKS_URI", (d) => {
    dropEnv(d, "catalog-service", "JWKS_URI");
  }],
  ["a JWKS URI that is not user-service's endpoint", "prod", "JWKS_URI must be http://user-service:8082/api/auth/jwks", (d) => {
    configMap(d).data.JWKS_URI = "http://user-service:8082/.well-known/jwks.json";
  }],
  ["a JWKS URI written into one Deployment", "dev", "Deployment/gateway: JWKS_URI must come from the shared ConfigMap", (d) => {
    const e = envVar(d, "gateway", "JWKS_URI");
    delete e.valueFrom;
    e.value = "http://user-service:8082/api/auth/jwks";
  }],
  ["a pod that generates its own signing key", "prod", 'BOOKSTORE_GENERATE_KEYS must be "false"', (d) => {
    envVar(d, "user-service", "BOOKSTORE_GENERATE_KEYS").value = "true";
  }],
  ["signing keys in a folder nothing mounts", "dev", "BOOKSTORE_KEYS_DIR /tmp/keys is not a mounted volume", (d) => {
    envVar(d, "user-service", "BOOKSTORE_KEYS_DIR").value = "/tmp/keys";
  }],
  ["signing keys in an emptyDir", "prod", "must be a Secret volume", (d) => {
    const v = volume(d, "user-service", "signing-keys");
    delete v.secret;
    v.emptyDir = {};
  }],
  ["a writable signing-key mount", "dev", "must be mounted readOnly", (d) => {
    delete mount(d, "user-service", "signing-keys").readOnly;
  }],
  ["signing keys mounted through subPath", "prod", "must not be a subPath mount", (d) => {
    mount(d, "user-service", "signing-keys").subPath = "keys";
  }],
  ["a signing-key Secret mounted by items", "dev", "must be mounted whole", (d) => {
    volume(d, "user-service", "signing-keys").secret.items = [{ key: "current.pem", path: "current.pem" }];
  }],
  ["an optional signing-key Secret", "prod", "must not be optional: without keys the service cannot sign", (d) => {
    volume(d, "user-service", "signing-keys").secret.optional = true;
  }],
  ["world-readable private keys", "dev", "must not be world-readable", (d) => {
    delete volume(d, "user-service", "signing-keys").secret.defaultMode;
  }],
  ["a signing-key Secret the README does not explain", "prod", "Secret/jwt-keys: is referenced but k8s/README.md", (d) => {
    volume(d, "user-service", "signing-keys").secret.secretName = "jwt-keys";
  }],
  ["order-service without its pseudonym key", "dev", "Deployment/order-service: misses contract env CUSTOMER_PSEUDONYM_KEY", (d) => {
    dropEnv(d, "order-service", "CUSTOMER_PSEUDONYM_KEY");
  }],
  ["a pseudonym key written into the Deployment", "prod", "CUSTOMER_PSEUDONYM_KEY must come from a Secret", (d) => {
    const e = envVar(d, "order-service", "CUSTOMER_PSEUDONYM_KEY");
    delete e.valueFrom;
    e.value = "not-so-secret-pseudonym-key";
  }],
  ["an optional pseudonym key", "dev", "CUSTOMER_PSEUDONYM_KEY must not be optional", (d) => {
    envVar(d, "order-service", "CUSTOMER_PSEUDONYM_KEY").valueFrom.secretKeyRef.optional = true;
  }],
  ["catalog-service without the pseudonym key", "prod", "Deployment/catalog-service: misses contract env CUSTOMER_PSEUDONYM_KEY", (d) => {
    dropEnv(d, "catalog-service", "CUSTOMER_PSEUDONYM_KEY");
  }],
  ["an optional pseudonym key in the catalogue", "dev", "Deployment/catalog-service: CUSTOMER_PSEUDONYM_KEY must not be optional", (d) => {
    envVar(d, "catalog-service", "CUSTOMER_PSEUDONYM_KEY").valueFrom.secretKeyRef.optional = true;
  }],
  ["a pseudonym key of the catalogue's own", "dev", "CUSTOMER_PSEUDONYM_KEY must come from one Secret key for every service", (d) => {
    envVar(d, "catalog-service", "CUSTOMER_PSEUDONYM_KEY").valueFrom.secretKeyRef.name = "catalog-service-keys";
  }],
  ["a README that creates the pseudonym Secret without its key", "prod", "Secret/order-service-keys: k8s/README.md creates it without key pseudonym-key", (d, page) => {
    page.readme = page.readme.replace("--from-literal=pseudonym-key=", "--from-literal=key=");
  }],
  ["a README silent on a payment variable", "dev", "does not name the variables it may carry: SANDBOX_WEBHOOK_SECRET", (d, page) => {
    page.readme = page.readme.replaceAll("SANDBOX_WEBHOOK_SECRET", "the sandbox secret");
  }],
  ["payment-service without its optional Secret", "prod", "needs an optional envFrom Secret for STRIPE_API_KEY, STRIPE_WEBHOOK_SECRET, SANDBOX_WEBHOOK_SECRET", (d) => {
    delete container(d, "payment-service").envFrom;
  }],
  ["services cut off from the token keys", "prod", "order-service -> user-service:8082/TCP should be allowed", (d) => {
    d.splice(d.indexOf(find(d, "NetworkPolicy", "backend-egress-jwks")), 1);
  }],
  ["key fetches opened to every service", "dev", "catalog-service -> order-service:8083/TCP should be denied", (d) => {
    find(d, "NetworkPolicy", "user-service-ingress-jwks").spec.podSelector = { matchLabels: { "app.kubernetes.io/component": "backend" } };
    find(d, "NetworkPolicy", "backend-egress-jwks").spec.egress[0].to[0].podSelector = { matchLabels: { "app.kubernetes.io/component": "backend" } };
  }],
  ["a replication factor forced on the services", "dev", "leave KAFKA_REPLICATION_FACTOR unset", (d) => {
    container(d, "inventory-service").env.push({ name: "KAFKA_REPLICATION_FACTOR", value: "1" });
  }],
  ["prod acknowledging writes held by one broker", "prod", "min.insync.replicas: 2", (d) => {
    find(d, "Kafka").spec.kafka.config["min.insync.replicas"] = 1;
  }],

  // analytics-service: a Kafka Streams StatefulSet.
  ["analytics without its advertised host", "dev", "StatefulSet/analytics-service: misses contract env ANALYTICS_ADVERTISED_HOST", (d) => {
    dropEnv(d, ANALYTICS, "ANALYTICS_ADVERTISED_HOST");
  }],
  ["a StatefulSet without its headless Service", "prod", "needs the headless Service its serviceName names (clusterIP: None), which gives each pod a stable DNS name; Service/analytics-service-peers is missing", (d) => {
    remove(d, find(d, "Service", "analytics-service-peers"));
  }],
  ["a peers Service with a cluster IP", "dev", "Service/analytics-service-peers is not headless", (d) => {
    delete find(d, "Service", "analytics-service-peers").spec.clusterIP;
  }],
  ["a peers Service that hides starting pods", "prod", "must set publishNotReadyAddresses", (d) => {
    delete find(d, "Service", "analytics-service-peers").spec.publishNotReadyAddresses;
  }],
  ["a gateway Service without a cluster IP", "dev", "Service/analytics-service: must have a cluster IP", (d) => {
    find(d, "Service", ANALYTICS).spec.clusterIP = "None";
  }],
  ["analytics as a Deployment", "dev", "Deployment/analytics-service: must be a StatefulSet", (d) => {
    const sts = find(d, "StatefulSet", ANALYTICS);
    remove(d, sts);
    d.push({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: sts.metadata,
      spec: { replicas: 1, selector: sts.spec.selector, template: sts.spec.template },
    });
  }],
  ["an advertised host every pod shares", "prod", "ANALYTICS_ADVERTISED_HOST must be $(POD_NAME).analytics-service-peers", (d) => {
    envVar(d, ANALYTICS, "ANALYTICS_ADVERTISED_HOST").value = "analytics-service";
  }],
  ["POD_NAME defined after the host made from it", "dev", "POD_NAME must be defined before ANALYTICS_ADVERTISED_HOST", (d) => {
    const c = container(d, ANALYTICS);
    const pod = envVar(d, ANALYTICS, "POD_NAME");
    c.env = [...c.env.filter((e) => e !== pod), pod];
  }],
  ["POD_NAME that is not the pod's name", "prod", "POD_NAME must come from the downward API", (d) => {
    envVar(d, ANALYTICS, "POD_NAME").valueFrom.fieldRef.fieldPath = "spec.nodeName";
  }],
  ["state in an emptyDir", "dev", "ANALYTICS_STATE_DIR /var/lib/analytics must be a mount of a volumeClaimTemplate", (d) => {
    find(d, "StatefulSet", ANALYTICS).spec.volumeClaimTemplates = [];
    podSpec(d, ANALYTICS).volumes.push({ name: "state", emptyDir: {} });
  }],
  ["a state directory nothing mounts", "prod", "ANALYTICS_STATE_DIR /tmp/analytics must be a mount of a volumeClaimTemplate", (d) => {
    envVar(d, ANALYTICS, "ANALYTICS_STATE_DIR").value = "/tmp/analytics";
  }],
  ["a shared state volume", "prod", "claim template state must be ReadWriteOnce", (d) => {
    find(d, "StatefulSet", ANALYTICS).spec.volumeClaimTemplates[0].spec.accessModes = ["ReadWriteMany"];
  }],
  ["pods that never get a new image", "dev", "updateStrategy RollingUpdate", (d) => {
    find(d, "StatefulSet", ANALYTICS).spec.updateStrategy = { type: "OnDelete" };
  }],
  ["analytics without a disruption budget", "dev", "StatefulSet/analytics-service: needs a PodDisruptionBudget", (d) => {
    remove(d, find(d, "PodDisruptionBudget", ANALYTICS));
  }],
  ["a budget that lets a drain take every instance", "prod", "PodDisruptionBudget/analytics-service: must allow exactly one instance away", (d) => {
    find(d, "PodDisruptionBudget", ANALYTICS).spec.maxUnavailable = 3;
  }],
  ["sample history seeded in a cluster", "prod", "must not seed sample data (BOOKSTORE_ANALYTICS_SEEDHISTORY)", (d) => {
    container(d, ANALYTICS).env.push({ name: "BOOKSTORE_ANALYTICS_SEEDHISTORY", value: "true" });
  }],
  ["analytics without its import key", "dev", "misses contract env BOOKSTORE_ANALYTICS_IMPORTPSEUDONYMKEY", (d) => {
    dropEnv(d, ANALYTICS, "BOOKSTORE_ANALYTICS_IMPORTPSEUDONYMKEY");
  }],
  ["an optional import key", "prod", "BOOKSTORE_ANALYTICS_IMPORTPSEUDONYMKEY must not be optional", (d) => {
    envVar(d, ANALYTICS, "BOOKSTORE_ANALYTICS_IMPORTPSEUDONYMKEY").valueFrom.secretKeyRef.optional = true;
  }],
  ["an import key written into the StatefulSet", "dev", "BOOKSTORE_ANALYTICS_IMPORTPSEUDONYMKEY must come from a Secret", (d) => {
    const e = envVar(d, ANALYTICS, "BOOKSTORE_ANALYTICS_IMPORTPSEUDONYMKEY");
    delete e.valueFrom;
    e.value = "not-so-secret-import-key";
  }],
  ["analytics given order-service's pseudonym key", "prod", "must not read Secret order-service-keys", (d) => {
    envVar(d, ANALYTICS, "BOOKSTORE_ANALYTICS_IMPORTPSEUDONYMKEY").valueFrom.secretKeyRef = { name: "order-service-keys", key: "pseudonym-key" };
  }],
  ["a standby in dev's one instance", "dev", "ANALYTICS_STANDBY_REPLICAS must be 0", (d) => {
    envVar(d, ANALYTICS, "ANALYTICS_STANDBY_REPLICAS").value = "1";
  }],
  ["prod without standby copies", "prod", "prod keeps a warm standby of every store", (d) => {
    envVar(d, ANALYTICS, "ANALYTICS_STANDBY_REPLICAS").value = "0";
  }],
  ["a single analytics instance in prod", "prod", "StatefulSet/analytics-service: prod runs at least two replicas", (d) => {
    find(d, "StatefulSet", ANALYTICS).spec.replicas = 1;
  }],
  ["more standbys than other instances", "prod", "ANALYTICS_STANDBY_REPLICAS 3 needs more than 3 replicas", (d) => {
    envVar(d, ANALYTICS, "ANALYTICS_STANDBY_REPLICAS").value = "3";
  }],
  ["an autoscaler on analytics", "prod", "analytics-service scales by replicas", (d) => {
    const hpa = structuredClone(find(d, "HorizontalPodAutoscaler", "order-service"));
    hpa.metadata.name = ANALYTICS;
    hpa.spec.scaleTargetRef = { apiVersion: "apps/v1", kind: "StatefulSet", name: ANALYTICS };
    d.push(hpa);
  }],
  ["analytics instances piled on one node", "prod", "StatefulSet/analytics-service: prod spreads replicas over nodes", (d) => {
    delete podSpec(d, ANALYTICS).topologySpreadConstraints;
  }],
  ["a ServiceMonitor that also scrapes the peers Service", "dev", "scrapes every analytics-service pod twice", (d) => {
    delete find(d, "ServiceMonitor", ANALYTICS).spec.selector.matchLabels["app.kubernetes.io/component"];
  }],
  ["a gateway that cannot find analytics", "prod", "Deployment/gateway: misses contract env ANALYTICS_SERVICE_URL", (d) => {
    dropEnv(d, "gateway", "ANALYTICS_SERVICE_URL");
  }],
  ["the gateway sent to the peers Service", "dev", "ANALYTICS_SERVICE_URL must be http://analytics-service:8086", (d) => {
    configMap(d).data.ANALYTICS_SERVICE_URL = "http://analytics-service-peers:8086";
  }],
  ["analytics instances cut off from each other", "prod", "analytics-service -> analytics-service:8086/TCP should be allowed", (d) => {
    remove(d, find(d, "NetworkPolicy", "analytics-service-peers"));
  }],
  ["analytics open to the other services", "dev", "order-service -> analytics-service:8086/TCP should be denied", (d) => {
    find(d, "NetworkPolicy", "analytics-service-peers").spec.ingress[0].from[0].podSelector = { matchLabels: { "app.kubernetes.io/component": "backend" } };
    d.push({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "backend-egress-analytics", namespace: "bookstore", labels: { "app.kubernetes.io/part-of": "bookstore" } },
      spec: {
        podSelector: { matchLabels: { "app.kubernetes.io/component": "backend" } },
        policyTypes: ["Egress"],
        egress: [{ to: [{ podSelector: { matchLabels: { "app.kubernetes.io/name": ANALYTICS } } }], ports: [{ protocol: "TCP", port: 8086 }] }],
      },
    });
  }],
  ["the gateway kept from analytics", "prod", "gateway -> analytics-service:8086/TCP should be allowed", (d) => {
    find(d, "NetworkPolicy", "backend-ingress").spec.podSelector.matchExpressions = [
      { key: "app.kubernetes.io/name", operator: "NotIn", values: [ANALYTICS] },
    ];
  }],
  ["a broker-wide size limit on retention", "prod", "must not set log.retention.bytes", (d) => {
    find(d, "Kafka").spec.kafka.config["log.retention.bytes"] = 107374182400;
  }],
  ["a broker-wide retention time", "dev", "must not set log.retention.hours", (d) => {
    find(d, "Kafka").spec.kafka.config["log.retention.hours"] = 168;
  }],
  ["a README without the retention step for a topic", "prod", "kafka-configs.sh --alter step for topics that predate their retention: sales.imports.v1 (cleanup.policy=delete,retention.ms=-1)", (d, page) => {
    page.readme = page.readme.replaceAll("sales.imports.v1", "sales.imported.v1");
  }],
  ["a README whose retention step keeps seven days", "dev", "orders.events.v1 (retention.ms=-1)", (d, page) => {
    page.readme = page.readme.replaceAll("retention.ms=-1", "retention.ms=604800000");
  }],
  ["a README that does not create the import key's Secret", "prod", "Secret/analytics-service-keys: is referenced but k8s/README.md", (d, page) => {
    page.readme = page.readme.replace("create secret generic analytics-service-keys", "create secret generic analytics-keys");
  }],

  // notification-service: mail through an SMTP relay.
  ["notification-service without the relay's password", "dev", "Deployment/notification-service: misses contract env SPRING_MAIL_PASSWORD", (d) => {
    dropEnv(d, NOTIFICATION, "SPRING_MAIL_PASSWORD");
  }],
  ["an SMTP password written into the Deployment", "prod", "SPRING_MAIL_PASSWORD must come from a Secret", (d) => {
    const e = envVar(d, NOTIFICATION, "SPRING_MAIL_PASSWORD");
    delete e.valueFrom;
    e.value = "hunter2";
  }],
  ["the relay's account from another Secret", "dev", "SPRING_MAIL_USERNAME must come from Secret notification-smtp key username", (d) => {
    envVar(d, NOTIFICATION, "SPRING_MAIL_USERNAME").valueFrom.secretKeyRef = { name: "order-service-keys", key: "pseudonym-key" };
  }],
  ["an optional SMTP account", "prod", "SPRING_MAIL_PASSWORD must not be optional", (d) => {
    envVar(d, NOTIFICATION, "SPRING_MAIL_PASSWORD").valueFrom.secretKeyRef.optional = true;
  }],
  ["STARTTLS that may be skipped", "dev", 'SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED must be "true"', (d) => {
    envVar(d, NOTIFICATION, "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_REQUIRED").value = "false";
  }],
  ["mail without STARTTLS", "prod", "Deployment/notification-service: misses contract env SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE", (d) => {
    dropEnv(d, NOTIFICATION, "SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE");
  }],
  ["a relay port that is no SMTP port", "dev", "SPRING_MAIL_PORT must be an SMTP port (25, 465, 587), is 8025", (d) => {
    configMap(d).data.SPRING_MAIL_PORT = "8025";
  }],
  ["a relay on the pod itself", "prod", "SPRING_MAIL_HOST must name the SMTP relay", (d) => {
    configMap(d).data.SPRING_MAIL_HOST = "localhost";
  }],
  ["a staff address that is no address", "dev", "NOTIFICATION_STAFF_ADDRESS must be an e-mail address", (d) => {
    configMap(d).data.NOTIFICATION_STAFF_ADDRESS = "staff";
  }],
  ["a shop address links would double a slash on", "dev", "NOTIFICATION_SHOP_URL must be the shop's http(s) address without a path or trailing slash", (d) => {
    configMap(d).data.NOTIFICATION_SHOP_URL = "http://localhost:8080/";
  }],
  ["prod mail linking to the port-forwarded gateway", "prod", "NOTIFICATION_SHOP_URL must be https://<the Ingress host> in prod", (d) => {
    configMap(d).data.NOTIFICATION_SHOP_URL = "http://localhost:8080";
  }],
  ["prod mail linking to another host than the Ingress's", "prod", "NOTIFICATION_SHOP_URL must be https://<the Ingress host> in prod (shop.example.com)", (d) => {
    configMap(d).data.NOTIFICATION_SHOP_URL = "https://books.example.org";
  }],
  ["no way out to the SMTP relay", "dev", "notification-service -> its SMTP relay :587/TCP should be allowed", (d) => {
    remove(d, find(d, "NetworkPolicy", "notification-service-egress-smtp"));
  }],
  ["a relay port the policy does not open", "prod", "notification-service -> its SMTP relay :465/TCP should be allowed", (d) => {
    configMap(d).data.SPRING_MAIL_PORT = "465";
    find(d, "NetworkPolicy", "notification-service-egress-smtp").spec.egress[0].ports = [{ protocol: "TCP", port: 587 }];
  }],
  ["a relay address the policy does not open", "dev", "notification-service -> its SMTP relay :587/TCP should be allowed", (d) => {
    configMap(d).data.SPRING_MAIL_HOST = "192.0.2.10";
    find(d, "NetworkPolicy", "notification-service-egress-smtp").spec.egress[0].to = [{ ipBlock: { cidr: "198.51.100.0/24" } }];
  }],
  ["SMTP opened to every service", "prod", "order-service -> ip 198.51.100.25:587/TCP should be denied", (d) => {
    find(d, "NetworkPolicy", "notification-service-egress-smtp").spec.podSelector = { matchLabels: { "app.kubernetes.io/component": "backend" } };
  }],
  ["notification-service open to the whole internet", "dev", "notification-service -> ip 203.0.113.7:443/TCP should be denied", (d) => {
    delete find(d, "NetworkPolicy", "notification-service-egress-smtp").spec.egress[0].ports;
  }],
  ["notification-service kept from its database", "prod", "notification-service -> bookstore-postgres-1:5432/TCP should be allowed", (d) => {
    const rule = find(d, "NetworkPolicy", "postgres-ingress").spec.ingress[0].from[0].podSelector.matchExpressions[0];
    rule.values = rule.values.filter((v) => v !== NOTIFICATION);
  }],
  ["no notifications database", "dev", "database notifications is created by neither", (d) => {
    remove(d, find(d, "Database", "bookstore-postgres-notifications"));
  }],
  ["a pseudonym key of notification-service's own", "prod", "CUSTOMER_PSEUDONYM_KEY must come from one Secret key for every service", (d) => {
    envVar(d, NOTIFICATION, "CUSTOMER_PSEUDONYM_KEY").valueFrom.secretKeyRef.name = "notification-service-keys";
  }],
  ["a gateway that cannot route to notifications", "dev", "Deployment/gateway: misses contract env NOTIFICATION_SERVICE_URL", (d) => {
    dropEnv(d, "gateway", "NOTIFICATION_SERVICE_URL");
  }],
  ["the gateway sent to the wrong port for notifications", "prod", "NOTIFICATION_SERVICE_URL must be http://notification-service:8087", (d) => {
    configMap(d).data.NOTIFICATION_SERVICE_URL = "http://notification-service:8086";
  }],
  ["notification-service without autoscaler in prod", "prod", "Deployment/notification-service: prod needs a HorizontalPodAutoscaler", (d) => {
    remove(d, find(d, "HorizontalPodAutoscaler", NOTIFICATION));
  }],
  ["notification-service without disruption budget in prod", "prod", "Deployment/notification-service: prod needs a PodDisruptionBudget", (d) => {
    remove(d, find(d, "PodDisruptionBudget", NOTIFICATION));
  }],
  ["a README that does not create the SMTP Secret", "dev", "Secret/notification-smtp: is referenced but k8s/README.md", (d, page) => {
    page.readme = page.readme.replace("create secret generic notification-smtp", "create secret generic smtp");
  }],
  ["a README that creates the SMTP Secret without its password", "prod", "Secret/notification-smtp: k8s/README.md creates it without key password", (d, page) => {
    page.readme = page.readme.replace('--from-literal=password="$SMTP_PASSWORD"', "");
  }],
  ["a README whose contacts keep their history", "dev", "users.contacts.v1 (max.compaction.lag.ms=86400000)", (d, page) => {
    page.readme = page.readme.replace(",max.compaction.lag.ms=86400000\"", "\"");
  }],
  ["a README that keeps one-time links a week", "prod", "users.mail.v1 (retention.ms=86400000)", (d, page) => {
    page.readme = page.readme.replace("cleanup.policy=delete,retention.ms=86400000", "cleanup.policy=delete,retention.ms=604800000");
  }],
  ["a topic shared-events added that the README does not cover", "dev", "orders.notes.v1 (cleanup.policy=compact)", (d, page) => {
    page.topics.push({ name: "orders.notes.v1", retention: "COMPACTED", config: { "cleanup.policy": "compact" } });
  }],
  ["a log cleaner switched off", "prod", "must not set log.cleaner.enable: false", (d) => {
    find(d, "Kafka").spec.kafka.config["log.cleaner.enable"] = false;
  }],
  // Least privilege: Kafka.
  ["a plain-text Kafka listener", "prod", "needs an internal TLS listener with SCRAM-SHA-512", (d) => {
    find(d, "Kafka").spec.kafka.listeners[0].tls = false;
  }],
  ["a Kafka listener without authentication", "dev", "listener tls lets clients in without authentication", (d) => {
    delete find(d, "Kafka").spec.kafka.listeners[0].authentication;
  }],
  ["a Kafka cluster without ACLs", "prod", "needs authorization type simple", (d) => {
    delete find(d, "Kafka").spec.kafka.authorization;
  }],
  ["payment-service allowed to publish order events", "prod", "KafkaUser/payment-service-kafka: grants Write on topic literal orders.events.v1", (d) => {
    kafkaUser(d, "payment-service-kafka").spec.authorization.acls.push({
      resource: { type: "topic", name: "orders.events.v1", patternType: "literal" }, operations: ["Write"] });
  }],
  ["any service allowed to publish PaymentSucceeded", "dev", "KafkaUser/inventory-service-kafka: grants Describe,Write on topic literal payments.events.v1", (d) => {
    acl(d, "inventory-service-kafka", "inventory.stock.v1").resource.name = "payments.events.v1";
  }],
  ["order-service unable to send its payment commands", "dev", "KafkaUser/order-service-kafka: lacks Write on topic literal payments.commands.v1", (d) => {
    acl(d, "order-service-kafka", "payments.commands.v1").operations = ["Describe"];
  }],
  ["notification-service unable to read its contacts", "prod", "lacks Describe,Read on topic literal users.contacts.v1", (d) => {
    const user = kafkaUser(d, "notification-service-kafka");
    user.spec.authorization.acls = user.spec.authorization.acls.filter((a) => a.resource.name !== "users.contacts.v1");
  }],
  ["a consumer group outside the service's prefix", "dev", "lacks Read on group prefix order-service.", (d) => {
    kafkaUser(d, "order-service-kafka").spec.authorization.acls.find((a) => a.resource.type === "group").resource.name = "order";
  }],
  ["analytics without its Kafka Streams topics", "prod", "lacks Create,Delete,Describe,DescribeConfigs,Read,Write on topic prefix bookstore-analytics-", (d) => {
    const user = kafkaUser(d, "analytics-service-kafka");
    user.spec.authorization.acls = user.spec.authorization.acls.filter((a) => a.resource.patternType !== "prefix" || a.resource.type !== "topic");
  }],
  ["a read-only analyst allowed to write", "dev", "KafkaUser/analytics-reader: grants Write on topic literal orders.events.v1", (d) => {
    acl(d, "analytics-reader", "orders.events.v1").operations.push("Write");
  }],
  ["a user with rights over the cluster", "prod", "no service needs the cluster or All", (d) => {
    kafkaUser(d, "analytics-reader").spec.authorization.acls.push({ resource: { type: "cluster" }, operations: ["All"] });
  }],
  ["a service's Kafka user missing", "dev", "KafkaUser/inventory-service-kafka: is missing", (d) => {
    remove(d, kafkaUser(d, "inventory-service-kafka"));
  }],
  ["a Kafka user nobody's code explains", "prod", "KafkaUser/superuser: is no service's user", (d) => {
    const stray = structuredClone(kafkaUser(d, "analytics-reader"));
    stray.metadata.name = "superuser";
    d.push(stray);
  }],
  ["a service signing in as another's Kafka user", "dev", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG must come from Secret order-service-kafka", (d) => {
    envVar(d, "order-service", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").valueFrom.secretKeyRef.name = "payment-service-kafka";
  }],
  ["Kafka clients without TLS", "prod", "SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL must be SASL_SSL", (d) => {
    configMap(d).data.SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL = "SASL_PLAINTEXT";
  }],
  ["Kafka clients trusting another CA", "dev", "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_CERTIFICATES must come from Secret bookstore-kafka-cluster-ca-cert key ca.crt", (d) => {
    envVar(d, "catalog-service", "SPRING_KAFKA_PROPERTIES_SSL_TRUSTSTORE_CERTIFICATES").valueFrom.secretKeyRef.name = "bookstore-kafka-clients-ca-cert";
  }],
  // Least privilege: PostgreSQL.
  ["two services sharing a database role", "prod", "signs in as user_service, but database orders is owned by order_service", (d) => {
    for (const name of ["POSTGRES_USER", "POSTGRES_PASSWORD"]) envVar(d, "order-service", name).valueFrom.secretKeyRef.name = "user-service-postgres";
  }],
  ["a service role that is a superuser", "dev", "role payment_service: must not have superuser", (d) => {
    find(d, "Cluster").spec.managed.roles.find((r) => r.name === "payment_service").superuser = true;
  }],
  ["a role owning two databases", "prod", "role user_service: owns orders, users: one database per role", (d) => {
    find(d, "Database", "bookstore-postgres-orders").spec.owner = "user_service";
  }],
  ["a role inheriting another's rights", "dev", "role inventory_service: must not be a member of order_service", (d) => {
    find(d, "Cluster").spec.managed.roles.find((r) => r.name === "inventory_service").inRoles = ["order_service"];
  }],
  ["a service signing in as initdb's owner", "prod", "must not sign in as initdb's owner", (d) => {
    find(d, "Cluster").spec.managed.roles.find((r) => r.name === "notification_service").passwordSecret.name = "bookstore-postgres-app";
    for (const name of ["POSTGRES_USER", "POSTGRES_PASSWORD"]) envVar(d, NOTIFICATION, name).valueFrom.secretKeyRef.name = "bookstore-postgres-app";
  }],
  ["PostgreSQL without its PodMonitor", "dev", "needs monitoring.enablePodMonitor: true", (d) => {
    delete find(d, "Cluster").spec.monitoring;
  }],
  ["prod without WAL archiving", "prod", "prod archives its WAL to an object store", (d) => {
    delete find(d, "Cluster").spec.plugins;
  }],
  ["prod without scheduled base backups", "prod", "prod takes base backups on a schedule", (d) => {
    remove(d, find(d, "ScheduledBackup"));
  }],
  ["a backup plugin naming no object store", "prod", "names ObjectStore bookstore-backup, which is not here", (d) => {
    find(d, "Cluster").spec.plugins[0].parameters.barmanObjectName = "bookstore-backup";
  }],
  ["backups kept for ever", "prod", "needs a retentionPolicy", (d) => {
    delete find(d, "ObjectStore").spec.retentionPolicy;
  }],
  ["a README that does not create the backup credentials", "prod", "Secret/postgres-backup-s3: is referenced but k8s/README.md shows no", (d, page) => {
    page.readme = page.readme.replace("create secret generic postgres-backup-s3", "create secret generic s3");
  }],
  ["a README that does not create a service's database password", "dev", "Secret/order-service-postgres: is referenced but k8s/README.md shows no", (d, page) => {
    page.readme = page.readme.replace("create secret generic order-service-postgres", "create secret generic orders-postgres");
  }],
  // Payment providers.
  ["prod taking orders through the sandboxes", "prod", "prod must set BOOKSTORE_PAYMENT_REQUIRE_REAL_PROVIDER=true", (d) => {
    dropEnv(d, "payment-service", "BOOKSTORE_PAYMENT_REQUIRE_REAL_PROVIDER");
  }],
  ["prod allowing the sandboxes", "prod", "prod must not set BOOKSTORE_PAYMENT_ALLOW_SANDBOX=true", (d) => {
    container(d, "payment-service").env.push({ name: "BOOKSTORE_PAYMENT_ALLOW_SANDBOX", value: "true" });
  }],
  ["payment-service cut off from its providers", "dev", "payment-service -> ip 203.0.113.7:443/TCP should be allowed", (d) => {
    remove(d, find(d, "NetworkPolicy", "payment-service-egress-providers"));
  }],
  ["HTTPS out of the cluster opened to every service", "prod", "order-service -> ip 203.0.113.7:443/TCP should be denied", (d) => {
    find(d, "NetworkPolicy", "payment-service-egress-providers").spec.podSelector = {};
  }],
  ["payment-service's 443 reaching into the cluster's private range", "dev", "payment-service -> ip 10.1.2.3:443/TCP should be denied", (d) => {
    delete find(d, "NetworkPolicy", "payment-service-egress-providers").spec.egress[0].to[0].ipBlock.except;
  }],
  // Metrics of the data services reach Prometheus.
  ["Prometheus kept from PostgreSQL's metrics", "prod", "prometheus -> bookstore-postgres-1:9187/TCP should be allowed", (d) => {
    const policy = find(d, "NetworkPolicy", "postgres-ingress");
    policy.spec.ingress = policy.spec.ingress.filter((r) => !r.ports?.some((p) => p.port === 9187));
  }],
  ["Prometheus kept from the Kafka Exporter", "dev", "prometheus -> bookstore-kafka-kafka-exporter:9404/TCP should be allowed", (d) => {
    remove(d, find(d, "NetworkPolicy", "kafka-exporter-ingress-prometheus"));
  }],
  // Dashboards and alert rules.
  ["a dashboard that is not JSON", "dev", "ConfigMap/bookstore-dashboards saga.json: is not valid JSON", (d) => {
    dashboards(d).data["saga.json"] = dashboards(d).data["saga.json"].replace("{", "{,");
  }],
  ["a dashboard querying a metric nobody exports", "prod", "names bookstore_orders_paid_total, which no service or exporter exports", (d) => {
    editBoard(d, "shop-overview.json", (b) => { b.panels[1].targets[0].expr = "sum(increase(bookstore_orders_paid_total[1h]))"; });
  }],
  ["a dashboard query that is not PromQL", "dev", "is not valid PromQL", (d) => {
    editBoard(d, "services.json", (b) => { b.panels[1].targets[0].expr = "sum by (application) (rate(http_server_requests_seconds_count[5m])"; });
  }],
  ["a dashboard variable over an unknown metric", "prod", "variable application: names http_requests_total", (d) => {
    editBoard(d, "services.json", (b) => { b.templating.list[1].query.query = "label_values(http_requests_total, application)"; });
  }],
  ["two dashboards with one uid", "dev", "uses uid bookstore-saga", (d) => {
    editBoard(d, "kafka.json", (b) => { b.uid = "bookstore-saga"; });
  }],
  ["no dashboards for Grafana's sidecar", "prod", "no Grafana dashboards", (d) => {
    delete dashboards(d).metadata.labels.grafana_dashboard;
  }],
  ["an alert that is not PromQL", "prod", "alert OutboxStuck: is not valid PromQL", (d) => {
    alertRule(d, "OutboxStuck").expr = "max by (application) bookstore_outbox_oldest_age_seconds > 300";
  }],
  ["an alert on a metric nobody exports", "dev", "alert HighErrorRate: names http_server_errors_total", (d) => {
    alertRule(d, "HighErrorRate").expr = "sum(rate(http_server_errors_total[5m])) > 1";
  }],
  ["an alert without its runbook", "prod", "alert ConsumerLagHigh: runbook_url must be docs/runbooks/consumer-lag-high.md", (d) => {
    delete alertRule(d, "ConsumerLagHigh").annotations.runbook_url;
  }],
  ["an alert whose runbook is not written", "dev", "its runbook docs/runbooks/outbox-stalled.md does not exist", (d) => {
    const rule = alertRule(d, "OutboxStuck");
    rule.alert = "OutboxStalled";
    rule.annotations.runbook_url = "docs/runbooks/outbox-stalled.md";
  }],
  ["an alert without severity", "prod", "alert HighLatency: needs a severity label", (d) => {
    delete alertRule(d, "HighLatency").labels;
  }],
  ["no alert on dead letters", "dev", "no alert on dead letters", (d) => {
    for (const g of find(d, "PrometheusRule").spec.groups) g.rules = g.rules.filter((r) => r.alert !== "DeadLetters");
  }],
  ["no alert on the p99 latency", "prod", "no alert on p99 latency", (d) => {
    for (const g of find(d, "PrometheusRule").spec.groups) g.rules = g.rules.filter((r) => r.alert !== "HighLatency");
  }],
  ["a consumer lag alert without Kafka Exporter", "dev", "names kafka_consumergroup_lag, but kafka-exporter is not switched on", (d) => {
    delete find(d, "Kafka").spec.kafkaExporter;
  }],
  ["a documented metric missing from the exported list", "prod", "docs/metrics.md documents bookstore_notifications_pending, which tools/exported-metrics.txt does not list", (d, page) => {
    page.exportedText = page.exportedText.replace(/^bookstore_notifications_pending .*$/m, "");
  }],
  ["an exported-metrics line without its source", "dev", "exported-metrics.txt line", (d, page) => {
    page.exportedText += "\nbookstore_orders_lost_total\n";
  }],
  ["request timings without their histogram", "prod", "MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_HTTP_SERVER_REQUESTS must be true", (d) => {
    configMap(d).data.MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_HTTP_SERVER_REQUESTS = "false";
  }],
];

let passed = 0;
let failed = 0;
const result = (ok, name, detail = "") => {
  ok ? passed++ : failed++;
  console.log(`${ok ? "PASS" : "FAIL"} ${name}${detail}`);
};

for (const overlay of ["dev", "prod"]) {
  const problems = await validate(structuredClone(rendered[overlay]), overlay, readme, topics, { exportedText, metricsDoc });
  result(problems.length === 0, `the ${overlay} overlay as committed passes`, problems.length ? `\n  ${problems.join("\n  ")}` : "");
}
for (const [name, overlay, expected, mutate] of cases) {
  const docs = structuredClone(rendered[overlay]);
  const page = { readme, topics: structuredClone(topics), exportedText, metricsDoc };
  mutate(docs, page);
  const problems = await validate(docs, overlay, page.readme, page.topics, { exportedText: page.exportedText, metricsDoc: page.metricsDoc });
  const caught = problems.some((p) => p.includes(expected));
  result(caught, `${overlay}: rejects ${name}`, caught ? "" : `\n  expected a problem containing "${expected}", got:\n  ${problems.join("\n  ") || "(none)"}`);
}
// The reading of the services' code the ACLs come from, on made-up sources.
for (const [name, ok, detail] of kafkaSelftests()) result(ok, `kafka-access: ${name}`, ok ? "" : `\n  ${detail}`);
console.log(`k8s: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
