import { checkContract } from "./contract.mjs";
import { checkSchemas } from "./schema.mjs";

// All checks for one rendered overlay; returns the problems found.
export async function validate(docs, overlay, readme) {
  const problems = [];
  const report = { error: (where, message) => problems.push(`${where}: ${message}`) };
  await checkSchemas(docs, report);
  try {
    checkContract(docs, overlay, report, { readme });
  } catch (e) {
    // A manifest malformed enough to break a check is still a finding.
    problems.push(`contract checks stopped: ${e.message}`);
  }
  return [...new Set(problems)];
}
