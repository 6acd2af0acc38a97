import YAML from "yaml";

// Parses a multi-document YAML stream; a syntax error is fatal, as it would be for kubectl.
export function loadDocuments(text) {
  const docs = YAML.parseAllDocuments(text);
  for (const d of docs) {
    if (d.errors.length) throw new Error(`YAML: ${d.errors[0].message}`);
  }
  return docs.map((d) => d.toJS()).filter((d) => d !== null && d !== undefined);
}
