// The Kafka ACLs each service needs, computed from what its code does with Kafka (kafka-access.mjs),
// and the KafkaUser resources that grant exactly them. tools/kafka-users.mjs writes
// infrastructure/kafka-users.yaml from here; the checks compare the rendered KafkaUsers with it.
import { kafkaAccess } from "./kafka-access.mjs";

// The Strimzi KafkaUser (and so the Secret with its credentials) of each service.
export const kafkaUserOf = (app) => `${app}-kafka`;
// Analysts' consumers: read the order and sales topics, nothing else; groups `<user>.<anything>`.
export const READER = { name: "analytics-reader", topics: ["orders.events.v1", "sales.events.v1", "sales.imports.v1"] };

// [{ resource: { type, name, patternType }, operations: [...] }], one rule per resource, sorted.
export function expectedAcls(access) {
  const rules = new Map();
  const grant = (type, name, patternType, ...operations) => {
    const key = `${type} ${patternType} ${name}`;
    const rule = rules.get(key) ?? { resource: { type, name, patternType }, operations: new Set() };
    operations.forEach((o) => rule.operations.add(o));
    rules.set(key, rule);
  };
  // The platform declares the whole topic catalogue and its dead-letter topics at start-up
  // (KafkaAdmin creates what is missing), whichever service starts first: Create and Describe on
  // every topic, which read and write nothing.
  grant("topic", "*", "literal", "Create", "Describe");
  for (const topic of access.produces) grant("topic", topic, "literal", "Describe", "Write");
  for (const topic of [...access.consumes, ...access.assigned]) grant("topic", topic, "literal", "Describe", "Read");
  // A subscription dead-letters what it gives up on to <topic>.dlt, and lists and re-reads its own
  // dead letters there.
  for (const topic of access.groups.values()) grant("topic", `${topic}.dlt`, "literal", "Describe", "Read", "Write");
  if (access.groups.size > 0) grant("group", `${access.applicationName}.`, "prefix", "Read");
  // The platform logs the service's dead-letter re-drives in a compacted topic of its own, which every
  // replica reads back (without a group).
  if (access.redriveLog) grant("topic", access.redriveLog, "literal", "Describe", "Read", "Write");
  if (access.streams) {
    const id = access.streams.applicationId;
    for (const topic of access.streams.reads) grant("topic", topic, "literal", "Describe", "Read");
    for (const topic of access.streams.writes) grant("topic", topic, "literal", "Describe", "Write");
    // Kafka Streams' own topics (changelogs, repartitions), its consumer group and, with
    // exactly_once_v2, its producers' transactional ids all start with the application id.
    grant("topic", `${id}-`, "prefix", "Create", "Delete", "Describe", "DescribeConfigs", "Read", "Write");
    grant("group", id, "literal", "Read");
    grant("transactionalId", id, "prefix", "Describe", "Write");
  }
  return normalise([...rules.values()]);
}

export function readerAcls() {
  return normalise([
    ...READER.topics.map((name) => ({ resource: { type: "topic", name, patternType: "literal" }, operations: ["Describe", "Read"] })),
    { resource: { type: "group", name: `${READER.name}.`, patternType: "prefix" }, operations: ["Read"] },
  ]);
}

// Rules in a canonical form (operations sorted, rules sorted), for comparison and for writing.
export function normalise(rules) {
  return rules
    .map((r) => ({
      resource: { type: r.resource?.type, name: r.resource?.name, patternType: r.resource?.patternType ?? "literal" },
      operations: [...new Set(r.operations ?? [])].sort(),
    }))
    .sort((a, b) => ruleKey(a).localeCompare(ruleKey(b)));
}

export const ruleKey = (r) => `${r.resource.type} ${r.resource.patternType} ${r.resource.name}`;

// Every service with Kafka: { app -> acls }, plus the problems found while reading the code.
export function expectedKafkaUsers(apps) {
  const access = kafkaAccess(apps);
  const users = new Map();
  const problems = [];
  for (const [app, a] of Object.entries(access)) {
    problems.push(...a.unclassified.map((where) => `${app}: cannot tell what ${where} does with Kafka; teach k8s/tools/lib/kafka-access.mjs`));
    const usesKafka = a.groups.size || a.produces.size || a.consumes.size || a.assigned.size || a.streams;
    if (usesKafka) users.set(app, expectedAcls(a));
  }
  return { users, problems, access };
}
