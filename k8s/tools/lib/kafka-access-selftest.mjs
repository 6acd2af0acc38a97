// Cases for kafka-access.mjs on made-up service sources (with the real Topics.java): what it must
// derive, and the code it must refuse to guess about. Returns [name, ok, detail] per case.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { kafkaAccess } from "./kafka-access.mjs";
import { expectedAcls } from "./kafka-acls.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const EVENTS = join("shared-events", "src", "main", "java", "bookstore", "events");

const DEAD_LETTERS = join("platform", "src", "main", "java", "bookstore", "platform", "deadletters");

function withService(java, run, yaml = "spring:\n  application:\n    name: fake-service\n", redriveLog) {
  const root = mkdtempSync(join(tmpdir(), "kafka-access-"));
  try {
    mkdirSync(join(root, EVENTS), { recursive: true });
    cpSync(join(ROOT, EVENTS, "Topics.java"), join(root, EVENTS, "Topics.java"));
    if (redriveLog) {
      mkdirSync(join(root, DEAD_LETTERS), { recursive: true });
      writeFileSync(join(root, DEAD_LETTERS, "RedriveLog.java"), redriveLog);
    }
    const main = join(root, "fake-service", "src", "main");
    mkdirSync(join(main, "resources"), { recursive: true });
    mkdirSync(join(main, "java", "fake"), { recursive: true });
    writeFileSync(join(main, "resources", "application.yaml"), yaml);
    writeFileSync(join(main, "java", "fake", "Fake.java"), `package fake;\nclass Fake {\n${java}\n}\n`);
    return run(kafkaAccess(["fake-service"], root)["fake-service"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const has = (set, value) => (set instanceof Map ? set.has(value) : set.has(value));

export function kafkaSelftests() {
  const cases = [];
  const check = (name, java, verdict, yaml, redriveLog) => {
    // A string verdict: the reading must stop with an error saying so.
    try {
      const [ok, detail] = withService(java, typeof verdict === "string" ? () => [false, "no error"] : verdict, yaml, redriveLog);
      cases.push([name, ok, detail]);
    } catch (e) {
      cases.push([name, typeof verdict === "string" && e.message.includes(verdict), e.stack]);
    }
  };
  check("a subscription is read in its group and dead-letters to its .dlt",
    `EventSubscription<?> s() { return EventSubscription.onBatch(\n Topics.PAYMENT_COMMANDS, "payment-commands", batch -> null); }`,
    (a) => {
      const acls = expectedAcls(a).map((r) => `${r.resource.type} ${r.resource.patternType} ${r.resource.name} ${r.operations}`);
      const ok = has(a.groups, "fake-service.payment-commands") && a.consumes.has("payments.commands.v1") &&
        acls.includes("topic literal payments.commands.v1.dlt Describe,Read,Write") && acls.includes("group prefix fake-service. Read");
      return [ok, JSON.stringify({ groups: [...a.groups], acls })];
    });
  check("an outbox append is a write",
    `Mono<Void> m() { return outbox.append(Topics.ORDER_EVENTS, event); }`,
    (a) => [a.produces.has("orders.events.v1") && a.consumes.size === 0 && a.unclassified.length === 0, JSON.stringify([...a.produces, ...a.unclassified])]);
  check("a topic sent to another way is reported, not guessed",
    `void m() { template.send(Topics.ORDER_EVENTS.name(), key, bytes); }`,
    (a) => [a.unclassified.some((u) => u.includes("Fake.java:3") && u.includes("Topics.ORDER_EVENTS")), JSON.stringify(a.unclassified)]);
  check("a subscription whose name is not a literal is reported",
    `EventSubscription<?> s() { return EventSubscription.on(Topics.USER_EVENTS, NAME, handler); }`,
    (a) => [a.unclassified.some((u) => u.includes("whose name is not a literal")), JSON.stringify(a.unclassified)]);
  check("a topic named only in a comment grants nothing",
    `// publishes Topics.PAYMENT_EVENTS one day\n/* and Topics.ORDER_EVENTS */ int partitions = Topics.SALES_EVENTS.partitions();`,
    (a) => [a.produces.size === 0 && a.consumes.size === 0 && a.unclassified.length === 0, JSON.stringify(a)]);
  check("a Kafka Streams source and sink need streams code to be a streams application",
    `void t(StreamsBuilder builder) { builder.stream(Topics.SALES_EVENTS.name(), consumed).to(Topics.RECOMMENDATIONS.name(), produced); }`,
    (a) => {
      const acls = expectedAcls(a).map((r) => `${r.resource.type} ${r.resource.patternType} ${r.resource.name} ${r.operations}`);
      const ok = a.streams?.reads.has("sales.events.v1") && a.streams?.writes.has("analytics.recommendations.v1") &&
        acls.includes("transactionalId prefix fake-streams Describe,Write") && acls.includes("group literal fake-streams Read");
      return [ok, JSON.stringify(acls)];
    },
    "spring:\n  application:\n    name: fake-service\n  kafka:\n    streams:\n      application-id: ${FAKE_ID:fake-streams}\n");
  check("the platform's re-drive log is read and written by every consuming service",
    `EventSubscription<?> s() { return EventSubscription.on(Topics.USER_EVENTS, "closed-accounts", handler); }`,
    (a) => {
      const acls = expectedAcls(a).map((r) => `${r.resource.type} ${r.resource.patternType} ${r.resource.name} ${r.operations}`);
      return [acls.includes("topic literal fake-service.redrive-log Describe,Read,Write"), JSON.stringify(acls)];
    },
    undefined,
    `final class RedriveLog {\n    static String topicOf(String applicationName) {\n        return applicationName + ".redrive-log";\n    }\n}\n`);
  check("a re-drive log named another way is reported, not guessed",
    `int n = 1;`,
    "RedriveLog.topicOf is no longer <application> + \"<suffix>\"; teach kafka-access.mjs",
    undefined,
    `final class RedriveLog {\n    static String topicOf(String applicationName) {\n        return "redrives-" + applicationName;\n    }\n}\n`);
  return cases;
}
