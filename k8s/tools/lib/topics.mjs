// The topic catalogue as shared-events declares it: each topic's name and the Kafka settings its
// Topic.Retention gives it (Topic.Retention.topicConfig()). Read from the Java sources, so that a
// topic added there, or a retention changed, reaches the checks of k8s/README.md without a second
// list to keep in step.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const EVENTS = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared-events", "src", "main", "java", "bookstore", "events");

// [{ name, retention, config: { key: value } }] for every topic of Topics.java.
export function loadTopicCatalogue(dir = EVENTS) {
  const topics = readFileSync(join(dir, "Topics.java"), "utf8");
  const topic = readFileSync(join(dir, "Topic.java"), "utf8");
  const configs = new Map();
  for (const m of topic.matchAll(/case\s+([A-Z_]+)\s*->\s*Map\.of\(([^)]*)\)/g)) {
    const literals = [...m[2].matchAll(/"([^"]*)"/g)].map((l) => l[1]);
    const config = {};
    for (let i = 0; i + 1 < literals.length; i += 2) config[literals[i]] = literals[i + 1];
    configs.set(m[1], config);
  }
  if (!configs.has("BROKER_DEFAULT")) throw new Error(`no Retention.topicConfig() cases found in ${join(dir, "Topic.java")}`);
  const catalogue = [];
  for (const m of topics.matchAll(/static\s+final\s+Topic<[^>]*>\s+\w+\s*=\s*new\s+Topic<>\(([^;]*)\);/g)) {
    const name = /"([^"]+)"/.exec(m[1])?.[1];
    const retention = /Retention\.([A-Z_]+)/.exec(m[1])?.[1] ?? "BROKER_DEFAULT";
    if (!configs.has(retention)) throw new Error(`topic ${name}: Retention.${retention} has no topicConfig() case`);
    catalogue.push({ name, retention, config: configs.get(retention) });
  }
  if (catalogue.length === 0) throw new Error(`no topics found in ${join(dir, "Topics.java")}`);
  return catalogue;
}
