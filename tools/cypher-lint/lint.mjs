#!/usr/bin/env node
// Lints Cypher statements with Neo4j's official linter, `lintCypherQuery` from
// @neo4j-cypher/language-support (version pinned in package-lock.json).
//
// Install once:  npm ci --prefix tools/cypher-lint
// Usage:         node tools/cypher-lint/lint.mjs < input.json > output.json
//
// Input (stdin, JSON):
//   {
//     "statements": [{"name": str, "query": str, "params": {name: example_value}}],
//     "schema": {
//       "labels": [str], "relationshipTypes": [str], "propertyKeys": [str],
//       "parameters": {name: value},   // optional, declared for every statement
//       "procedures": [str],           // optional, extra plugin procedures (e.g. "apoc.x")
//       "functions": [str],            // optional, extra plugin functions
//       "cypherVersion": "5"           // optional, "5" (default) or "25"
//     }
//   }
// Each statement is linted on its own, with only schema.parameters plus its
// own params declared, so one statement's params cannot hide another's typo.
//
// Output (stdout, JSON):
//   {"package": "<linter version>", "results": [{"name": str, "diagnostics": [
//     {"severity": 1..4, "severityName": "error"|"warning"|"information"|"hint",
//      "message": str, "offsets": {"start": int, "end": int},
//      "range": {"start": {"line", "character"}, "end": {...}},   // 0-based
//      "tags"?: [2]}]}]}                                          // 2 = deprecated
// Severities are the LSP DiagnosticSeverity values: 1 error (syntax/semantic
// errors, undeclared parameters, unknown procedures/functions), 2 warning
// (unknown labels/relationship types, deprecations, Neo4j notifications).
//
// Exit codes: 0 ok (whatever the diagnostics), 2 bad input, 3 linter not installed.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const PACKAGE = '@neo4j-cypher/language-support';
const SEVERITY_NAMES = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
// Procedures/functions of these namespaces come from plugins (APOC, GDS), not
// from Neo4j itself: they are only declared when listed in schema.procedures /
// schema.functions.
const PLUGIN_NAMESPACE = /^(apoc|gds)\./;

function fail(code, message) {
  process.stderr.write(`cypher-lint: ${message}\n`);
  process.exit(code);
}

function loadLinter() {
  // The package's ESM entry uses extension-less imports that Node cannot
  // resolve in 2.0.0-next.20, so load its CommonJS bundle.
  const require = createRequire(import.meta.url);
  let entry;
  try {
    entry = require.resolve(PACKAGE);
  } catch {
    fail(3, `${PACKAGE} is not installed; run: npm ci --prefix tools/cypher-lint`);
  }
  const pkgJson = join(dirname(entry), '..', '..', 'package.json');
  const version = JSON.parse(readFileSync(pkgJson, 'utf8')).version;
  return { lib: require(entry), version };
}

function readInput() {
  let input;
  try {
    input = JSON.parse(readFileSync(0, 'utf8'));
  } catch (e) {
    fail(2, `stdin is not valid JSON: ${e.message}`);
  }
  if (!input || !Array.isArray(input.statements)) {
    fail(2, 'input must be an object with a "statements" array');
  }
  input.statements.forEach((s, i) => {
    if (!s || typeof s.query !== 'string') {
      fail(2, `statements[${i}] must have a string "query"`);
    }
    if (s.params != null && (typeof s.params !== 'object' || Array.isArray(s.params))) {
      fail(2, `statements[${i}].params must be an object`);
    }
  });
  return { statements: input.statements, schema: input.schema ?? {} };
}

// Built-in procedures/functions from the catalogue the package ships (a dump of
// a Neo4j 5 server's SHOW PROCEDURES / SHOW FUNCTIONS, exported as
// testData.mockSchema), plus the plugin ones the caller asked for.
function catalogue(full, extraNames, kind) {
  const extra = new Set(extraNames ?? []);
  const out = {};
  for (const [version, registry] of Object.entries(full)) {
    out[version] = Object.fromEntries(
      Object.entries(registry).filter(([name]) => !PLUGIN_NAMESPACE.test(name) || extra.has(name)),
    );
  }
  for (const name of extra) {
    if (!Object.values(full).some((registry) => registry[name])) {
      fail(2, `schema.${kind} names ${name}, which is not in the linter's catalogue`);
    }
  }
  return out;
}

function buildBaseSchema(schema, lib) {
  const mock = lib.testData.mockSchema;
  const cypherVersion = String(schema.cypherVersion ?? '5').replace(/^CYPHER\s*/i, '');
  if (!['5', '25'].includes(cypherVersion)) {
    fail(2, `schema.cypherVersion must be "5" or "25", got ${schema.cypherVersion}`);
  }
  const base = {
    procedures: catalogue(mock.procedures, schema.procedures, 'procedures'),
    functions: catalogue(mock.functions, schema.functions, 'functions'),
    defaultLanguage: `CYPHER ${cypherVersion}`,
  };
  // Unknown labels / relationship types are warned about only when the linter
  // gets both lists: give it both as soon as the caller names either.
  if (schema.labels || schema.relationshipTypes) {
    base.labels = schema.labels ?? [];
    base.relationshipTypes = schema.relationshipTypes ?? [];
  }
  // Only used for completion in 2.0.0-next.20; 2.0.0-next.36+ warn on unknown keys.
  if (schema.propertyKeys) base.propertyKeys = schema.propertyKeys;
  return base;
}

function toDiagnostic(d) {
  const out = {
    severity: d.severity,
    severityName: SEVERITY_NAMES[d.severity] ?? 'unknown',
    message: d.message,
    offsets: d.offsets,
    range: d.range,
  };
  if (d.tags?.length) out.tags = d.tags;
  return out;
}

function main() {
  const { lib, version } = loadLinter();
  const { statements, schema } = readInput();
  const base = buildBaseSchema(schema, lib);
  // 2.0.0-next.36+ take an options object and return {diagnostics, symbolTables};
  // older releases take a boolean and return the diagnostics array.
  const modernApi = Number(/next\.(\d+)/.exec(version)?.[1] ?? 0) >= 36;
  const options = modernApi ? { consoleCommandsEnabled: false } : false;

  // Keep stdout for the JSON result only.
  console.log = console.info = console.warn = console.debug = (...args) =>
    process.stderr.write(args.join(' ') + '\n');

  const results = statements.map((s, i) => {
    const dbSchema = { ...base, parameters: { ...(schema.parameters ?? {}), ...(s.params ?? {}) } };
    const raw = lib.lintCypherQuery(s.query, dbSchema, options);
    const diagnostics = Array.isArray(raw) ? raw : raw.diagnostics;
    return { name: s.name ?? `statement_${i}`, diagnostics: diagnostics.map(toDiagnostic) };
  });
  process.stdout.write(JSON.stringify({ package: `${PACKAGE}@${version}`, results }) + '\n');
}

main();
