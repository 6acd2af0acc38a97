// What each service does with Kafka, read from its Java sources, so that the KafkaUsers' ACLs are
// checked against the code rather than against a second list kept by hand.
//
// Every reference to a catalogue topic (`Topics.X`) in a service's main sources is classified by
// the code around it:
//   - `EventSubscription.on(Topics.X, "name", ...)` / `onBatch(...)`: the platform runs consumer
//     group `<spring.application.name>.<name>` on the topic, and dead-letters to `<topic>.dlt`;
//   - `outbox.append(Topics.X, ...)`, `message(Topics.X, ...)`, `OutgoingEvent.of(Topics.X, ...)`,
//     `new OutgoingEvent(..., Topics.X.name(), ...)`: the service produces to the topic;
//   - Kafka Streams: `builder.stream(Topics.X.name(), ...)`, a global store or table whose source is
//     `Topics.X.name(), Consumed.with(...)`: read by the streams application; `.to(Topics.X.name(), ...)`:
//     written by it;
//   - a consumer without a group that assigns itself the partitions of `Stream.of(Topics.A, ...)`
//     (`partitionsFor`): read without a group;
//   - decoding a record of a topic, comparing a topic's name, a topic's partition count, logging it:
//     no access of its own.
// What the platform does for every consuming service (dead letters to <topic>.dlt, the re-drive log)
// is read from the platform's sources (platformAccess).
// A reference that fits none of these is reported, so new code that reaches Kafka another way makes
// the checks fail until this file learns it, instead of slipping past them.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import YAML from "yaml";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

// The constant names of Topics.java mapped to topic names.
export function topicConstants(root = ROOT) {
  const source = readFileSync(join(root, "shared-events", "src", "main", "java", "bookstore", "events", "Topics.java"), "utf8");
  const constants = new Map();
  for (const m of source.matchAll(/static\s+final\s+Topic<[^>]*>\s+(\w+)\s*=\s*new\s+Topic<>\(\s*"([^"]+)"/g)) {
    constants.set(m[1], m[2]);
  }
  if (constants.size === 0) throw new Error("no topics found in Topics.java");
  return constants;
}

// The patterns, tried in order on the code before (`before`) and after (`after`) a reference.
const RULES = [
  { kind: "none", before: /\blog\s*\.\s*\w+\s*\([^;]*$/ },
  { kind: "subscribe", before: /EventSubscription\s*\.\s*(?:on|onBatch)\s*\(\s*$/ },
  { kind: "produce", before: /(?:\.append|\bmessage|OutgoingEvent\s*\.\s*of)\s*\(\s*$/ },
  { kind: "produce", before: /new\s+OutgoingEvent\s*\([^;]*$/, after: /^\s*\.name\(\)/ },
  { kind: "streams-read", before: /\.stream\s*\(\s*$/, after: /^\s*\.name\(\)/ },
  { kind: "streams-read", before: /,\s*$/, after: /^\s*\.name\(\)\s*,\s*Consumed\s*\.\s*with/ },
  { kind: "streams-write", before: /\.to\s*\(\s*$/, after: /^\s*\.name\(\)/ },
  { kind: "assigned-read", before: /Stream\s*\.\s*of\s*\([\sA-Za-z_.,]*$/, after: /^[\sA-Za-z_.,]*\)[\s\S]{0,200}partitionsFor\s*\(/ },
  // No access of their own:
  { kind: "none", before: /(?:Decoding\s*\.\s*event|\bdecode)\s*\(\s*$/ },
  { kind: "none", after: /^\s*\.partitions\(\)/ },
  { kind: "none", after: /^\s*\.name\(\)\s*(?:\.equals\s*\(|\)|;)/ },
  { kind: "none", before: /\.equals\s*\(\s*$/, after: /^\s*\.name\(\)\s*\)/ },
];

// What the platform itself does with Kafka for every service that consumes (has subscriptions),
// read from its sources: the topic its dead-letter re-drives are logged in (RedriveLog.topicOf),
// which the service both writes and reads. Null when the platform has no such log.
export function platformAccess(root = ROOT) {
  const file = join(root, "platform", "src", "main", "java", "bookstore", "platform", "deadletters", "RedriveLog.java");
  let source;
  try {
    source = stripComments(readFileSync(file, "utf8"));
  } catch {
    return { redriveLog: null };
  }
  const m = /static\s+String\s+topicOf\s*\(\s*String\s+(\w+)\s*\)\s*\{\s*return\s+\1\s*\+\s*"([^"]+)"\s*;/.exec(source);
  if (!m) throw new Error(`${relative(root, file)}: RedriveLog.topicOf is no longer <application> + "<suffix>"; teach kafka-access.mjs`);
  return { redriveLog: (application) => application + m[2] };
}

// { app: { applicationName, groups: Map(group -> topic), produces: Set, consumes: Set,
//   streams?: { applicationId, reads: Set, writes: Set }, unclassified: [where] } }
export function kafkaAccess(apps, root = ROOT) {
  const constants = topicConstants(root);
  const platform = platformAccess(root);
  const result = {};
  for (const app of apps) {
    const moduleDir = join(root, app);
    const main = join(moduleDir, "src", "main");
    let config;
    try {
      config = YAML.parse(readFileSync(join(main, "resources", "application.yaml"), "utf8"));
    } catch {
      continue;
    }
    const access = {
      applicationName: config?.spring?.application?.name ?? app,
      groups: new Map(),
      produces: new Set(),
      consumes: new Set(),
      assigned: new Set(),
      unclassified: [],
    };
    const streamsId = config?.spring?.kafka?.streams?.["application-id"];
    if (streamsId) {
      // ${VARIABLE:default}: the default is what the manifests run with (they do not set it).
      access.streams = { applicationId: /\$\{[^:}]+:([^}]+)\}/.exec(streamsId)?.[1] ?? streamsId, reads: new Set(), writes: new Set() };
    }
    for (const file of javaFiles(join(main, "java"))) {
      const source = stripComments(readFileSync(file, "utf8"));
      for (const m of source.matchAll(/\bTopics\.([A-Z_]+)\b/g)) {
        const topic = constants.get(m[1]);
        const where = `${relative(root, file)}:${source.slice(0, m.index).split("\n").length}`;
        if (!topic) {
          if (m[1] !== "all") access.unclassified.push(`${where} (Topics.${m[1]} is no topic)`);
          continue;
        }
        const before = source.slice(Math.max(0, m.index - 400), m.index);
        const after = source.slice(m.index + m[0].length, m.index + m[0].length + 400);
        const rule = RULES.find((r) => (!r.before || r.before.test(before)) && (!r.after || r.after.test(after)));
        switch (rule?.kind) {
          case "subscribe": {
            const name = /^\s*,\s*"([a-z0-9-]+)"/.exec(after)?.[1];
            if (!name) {
              access.unclassified.push(`${where} (a subscription to ${topic} whose name is not a literal)`);
              break;
            }
            access.groups.set(`${access.applicationName}.${name}`, topic);
            access.consumes.add(topic);
            break;
          }
          case "produce":
            access.produces.add(topic);
            break;
          case "streams-read":
          case "streams-write":
            if (!access.streams) access.unclassified.push(`${where} (Kafka Streams code without spring.kafka.streams.application-id)`);
            else access.streams[rule.kind === "streams-read" ? "reads" : "writes"].add(topic);
            break;
          case "assigned-read":
            access.assigned.add(topic);
            break;
          case "none":
            break;
          default:
            access.unclassified.push(`${where} (Topics.${m[1]}: neither a subscription, an outbox append, a streams source or sink, nor a read without access)`);
        }
      }
    }
    if (access.groups.size > 0 && platform.redriveLog) access.redriveLog = platform.redriveLog(access.applicationName);
    result[app] = access;
  }
  return result;
}

function javaFiles(dir) {
  let files = [];
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return files;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files = files.concat(javaFiles(path));
    else if (entry.endsWith(".java")) files.push(path);
  }
  return files;
}

// Comments name topics too ({@link Topics#X}, prose); only code grants access. Line count kept.
function stripComments(source) {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, " "))
    .replace(/\/\/[^\n]*/g, (c) => " ".repeat(c.length));
}
