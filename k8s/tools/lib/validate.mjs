import { checkContract } from "./contract.mjs";
import { checkObservability } from "./observability.mjs";
import { checkSchemas } from "./schema.mjs";
import { loadTopicCatalogue } from "./topics.mjs";

let catalogue;

// All checks for one rendered overlay; returns the problems found. topics: shared-events' topic
// catalogue, read from its sources unless given; observability: { exportedText, metricsDoc }, the
// exported-metrics list and docs/metrics.md, read from their files unless given.
export async function validate(docs, overlay, readme, topics, observability = {}) {
  const problems = [];
  const report = { error: (where, message) => problems.push(`${where}: ${message}`) };
  await checkSchemas(docs, report);
  try {
    topics ??= catalogue ??= loadTopicCatalogue();
    checkContract(docs, overlay, report, { readme, topics });
  } catch (e) {
    // A manifest malformed enough to break a check is still a finding.
    problems.push(`contract checks stopped: ${e.message}`);
  }
  try {
    const ctx = { all: (kind) => docs.filter((d) => d.kind === kind), error: report.error };
    checkObservability(ctx, observability);
  } catch (e) {
    problems.push(`dashboard and alert checks stopped: ${e.message}`);
  }
  return [...new Set(problems)];
}
