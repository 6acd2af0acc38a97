// Usage: node validate.mjs <dev|prod> <rendered.yaml>
// Checks one overlay rendered by `kubectl kustomize`; exits 1 on any problem.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadDocuments } from "./lib/documents.mjs";
import { validate } from "./lib/validate.mjs";

const [overlay, file] = process.argv.slice(2);
if (!["dev", "prod"].includes(overlay) || !file) {
  console.error("usage: node validate.mjs <dev|prod> <rendered.yaml>");
  process.exit(2);
}
const readme = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "README.md"), "utf8");
const docs = loadDocuments(readFileSync(file, "utf8"));
const problems = await validate(docs, overlay, readme);
for (const p of problems) console.error(`  ${overlay}: ${p}`);
console.log(`overlay ${overlay}: ${docs.length} objects, ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
