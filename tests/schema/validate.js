// SPDX-License-Identifier: MIT
// tests/schema/validate.js - checks JSON documents against a JSON Schema (2020-12, or draft-07
// for the JSON Resume schema) with ajv, for tests/schema/schema.t and tests/cli/import.t.
// Reads one case per line on standard input, as
//   NAME<TAB>JSON TEXT
// and prints, per case,
//   NAME<TAB>valid | invalid | unparseable<TAB>the first error
// usage: node validate.js SCHEMA [--closed]
//   --closed  treat every object the schema describes as closed (additionalProperties false
//             where unset): a member the schema does not document is then an error, which is
//             how the tests find report members that docs/report.schema.json lacks.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv2020 = require("ajv/dist/2020");
const Ajv07 = require("ajv"); // draft-07: the JSON Resume schema (tests/cli/import.t)

const [schemaFile, flag] = process.argv.slice(2);
if (!schemaFile) {
  process.stderr.write("usage: node validate.js SCHEMA [--closed]\n");
  process.exit(2);
}
const schema = JSON.parse(fs.readFileSync(schemaFile, "utf8"));

// Conditions ("if", "not") only test members; closing them would change what they test.
function close(s) {
  if (Array.isArray(s)) return s.forEach(close);
  if (s === null || typeof s !== "object") return;
  if (s.properties && s.additionalProperties === undefined) s.additionalProperties = false;
  for (const [key, sub] of Object.entries(s)) if (key !== "if" && key !== "not") close(sub);
}
if (flag === "--closed") close(schema);

// strict: true makes ajv refuse a schema with unknown keywords or contradictions, so a typo in
// the schema fails the test instead of silently checking nothing.
// A draft-07 schema is someone else's (JSON Resume's): checked as published, its string
// formats (uri, email) not enforced, as ajv needs a plugin for them.
const draft07 = /draft-07/.test(schema.$schema || "");
const ajv = draft07 ? new Ajv07({ allErrors: false, strict: false, validateFormats: false })
                    : new Ajv2020({ allErrors: false, strict: true, strictRequired: false,
                                    strictTypes: false });
const check = ajv.compile(schema);

const lines = fs.readFileSync(0, "utf8").split("\n");
for (const line of lines) {
  if (line === "") continue;
  const tab = line.indexOf("\t");
  const name = line.slice(0, tab), text = line.slice(tab + 1);
  let doc;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    process.stdout.write(`${name}\tunparseable\t${e.message}\n`);
    continue;
  }
  if (check(doc)) {
    process.stdout.write(`${name}\tvalid\t\n`);
  } else {
    const e = check.errors[0];
    process.stdout.write(`${name}\tinvalid\t${e.instancePath || "/"} ${e.message}\n`);
  }
}
