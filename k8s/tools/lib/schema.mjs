// Schema checks for every rendered object, without a cluster.
//
// Built-in kinds: the Kubernetes OpenAPI validators shipped by kubernetes-models
// (types, required fields, formats) plus a strict walk over the field maps of
// @kubernetes/client-node, because the OpenAPI schemas accept unknown fields
// and an API server would silently drop a misspelt one.
//
// Custom resources: the trimmed CRD schemas in ../schemas, strict at every
// level they describe, with x-k8s-type delegating embedded core types (pod
// affinity, resources, ...) to the same strict walk.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv from "ajv";
import YAML from "yaml";
import * as models from "@kubernetes/client-node/dist/gen/models/all.js";

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), "..", "schemas");

const BUILT_IN_GROUPS = new Set([
  "v1",
  "apps/v1",
  "autoscaling/v2",
  "policy/v1",
  "networking.k8s.io/v1",
  "rbac.authorization.k8s.io/v1",
  "batch/v1",
]);

// Kubernetes models for custom resources that have a published OpenAPI model
// besides our trimmed schema: their validator adds type checks on every field.
const MODEL_PACKAGES = {
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

let crdSchemas;

export async function checkSchemas(docs, report) {
  crdSchemas ??= loadCrdSchemas();
  for (const doc of docs) {
    const ref = refOf(doc);
    if (typeof doc.apiVersion !== "string" || typeof doc.kind !== "string") {
      report.error(ref, "has no apiVersion/kind");
      continue;
    }
    const key = `${doc.apiVersion} ${doc.kind}`;
    if (BUILT_IN_GROUPS.has(doc.apiVersion)) {
      await checkBuiltIn(doc, ref, report);
    } else if (crdSchemas.has(key)) {
      if (MODEL_PACKAGES[doc.apiVersion]) {
        await checkWithModel(`${MODEL_PACKAGES[doc.apiVersion]}/${doc.kind}`, doc, ref, report);
      }
      const validate = crdSchemas.get(key);
      if (!validate(doc)) {
        for (const e of validate.errors) {
          const where = e.keyword === "x-k8s-type" ? "" : `${e.instancePath || "/"} `;
          report.error(ref, `schema: ${where}${e.message}${describeParams(e)}`);
        }
      }
    } else {
      report.error(ref, `no schema for ${key}: add one to k8s/tools/schemas before using this kind`);
    }
  }
}

async function checkBuiltIn(doc, ref, report) {
  const [group, version] = doc.apiVersion.includes("/") ? doc.apiVersion.split("/") : [null, doc.apiVersion];
  const modulePath = group ? `kubernetes-models/${group}/${version}/${doc.kind}` : `kubernetes-models/v1/${doc.kind}`;
  if (!(await checkWithModel(modulePath, doc, ref, report))) {
    return;
  }
  const typeName = `${version[0].toUpperCase()}${version.slice(1)}${doc.kind}`;
  if (!models[typeName]) {
    report.error(ref, `no field map for ${typeName}`);
    return;
  }
  for (const problem of strictWalk(doc, typeName, "")) {
    report.error(ref, `schema: ${problem}`);
  }
}

async function checkWithModel(modulePath, doc, ref, report) {
  let Model;
  try {
    Model = (await import(modulePath))[doc.kind];
  } catch {
    Model = undefined;
  }
  if (!Model) {
    report.error(ref, `unknown kind ${doc.apiVersion} ${doc.kind}`);
    return false;
  }
  try {
    new Model(structuredClone(doc)).validate();
  } catch (e) {
    report.error(ref, `schema: ${e.message}`);
  }
  return true;
}

// Walks a value against a client-node type: every field must be declared by
// the type, and primitives must have the declared JSON type.
export function strictWalk(value, type, path) {
  const problems = [];
  walk(value, type, path || "/", problems);
  return problems;
}

function walk(value, type, path, problems) {
  if (value === null || value === undefined) {
    return;
  }
  const array = /^Array<(.+)>$/.exec(type);
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) {
      problems.push(`${path} must be an array`);
      return;
    }
    value.forEach((item, i) => walk(item, array[1], `${path}/${i}`, problems));
  } else if (map) {
    if (!isObject(value)) {
      problems.push(`${path} must be an object`);
      return;
    }
    for (const [k, v] of Object.entries(value)) {
      walk(v, map[1], `${path}/${k}`, problems);
    }
  } else if (type === "string" || type === "Date") {
    if (typeof value !== "string") problems.push(`${path} must be a string`);
  } else if (type === "number") {
    if (typeof value !== "number") problems.push(`${path} must be a number`);
  } else if (type === "boolean") {
    if (typeof value !== "boolean") problems.push(`${path} must be a boolean`);
  } else if (type === "IntOrString") {
    if (typeof value !== "string" && !Number.isInteger(value)) problems.push(`${path} must be an integer or a string`);
  } else if (type === "any" || type === "object") {
    // free-form by definition
  } else if (models[type]?.attributeTypeMap) {
    if (!isObject(value)) {
      problems.push(`${path} must be an object (${type})`);
      return;
    }
    const fields = new Map(models[type].attributeTypeMap.map((a) => [a.baseName, a.type]));
    for (const [k, v] of Object.entries(value)) {
      const childPath = path === "/" ? `/${k}` : `${path}/${k}`;
      if (!fields.has(k)) {
        problems.push(`${childPath} is not a field of ${type}`);
      } else {
        walk(v, fields.get(k), childPath, problems);
      }
    }
  } else {
    problems.push(`${path} has unknown type ${type}`);
  }
}

function loadCrdSchemas() {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  ajv.addKeyword({
    keyword: "x-k8s-type",
    schemaType: "string",
    errors: true,
    validate: function k8sType(typeName, data, _schema, ctx) {
      const problems = strictWalk(data, typeName, ctx?.instancePath || "/");
      k8sType.errors = problems.map((message) => ({
        keyword: "x-k8s-type",
        instancePath: ctx?.instancePath || "",
        message,
        params: {},
      }));
      return problems.length === 0;
    },
  });
  const byKind = new Map();
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".yaml"))) {
    const schema = YAML.parse(readFileSync(join(schemaDir, file), "utf8"));
    const { apiVersion, kind } = schema["x-kubernetes-kind"];
    delete schema["x-kubernetes-kind"];
    byKind.set(`${apiVersion} ${kind}`, ajv.compile(schema));
  }
  return byKind;
}

function describeParams(e) {
  if (e.keyword === "additionalProperties") return ` (${e.params.additionalProperty})`;
  if (e.keyword === "enum") return ` (${e.params.allowedValues.join(", ")})`;
  return "";
}

function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function refOf(doc) {
  return `${doc?.kind ?? "?"}/${doc?.metadata?.name ?? "?"}`;
}
