#!/usr/bin/env node
// Extracts the request constraints of AWS's STS service model (the Smithy-derived JSON that the
// AWS SDKs are generated from) into tests/fixtures/sts-model.json, which
// tests/lib/sts/apiModel.test.ts reads. Test data only: nothing under app/ or lib/ reads it.
// Usage: node scripts/sts-model.mjs PATH/TO/sts/2011-06-15/service-2.json[.gz]
// (for example the copy in the AWS SDK for Python's data directory).
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const src = process.argv[2];
if (!src) {
  console.error('usage: node scripts/sts-model.mjs service-2.json[.gz]');
  process.exit(2);
}
const raw = readFileSync(src);
const model = JSON.parse((src.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'));
const keep = ['type', 'min', 'max', 'pattern', 'sensitive'];

function shape(name) {
  const s = model.shapes[name];
  const out = { shape: name };
  for (const k of keep) if (s[k] !== undefined) out[k] = s[k];
  if (s.type === 'list') out.member = shape(s.member.shape);
  if (s.type === 'structure') {
    out.required = s.required ?? [];
    out.members = Object.fromEntries(Object.entries(s.members).map(([m, v]) => [m, shape(v.shape)]));
  }
  return out;
}

const operations = {};
for (const [op, o] of Object.entries(model.operations)) operations[op] = o.input ? shape(o.input.shape) : { required: [], members: {} };
const out = { source: 'AWS STS service model (2011-06-15), request shapes', apiVersion: model.metadata.apiVersion, operations };
writeFileSync(new URL('../tests/fixtures/sts-model.json', import.meta.url), JSON.stringify(out, null, 1) + '\n');
console.log(`wrote ${Object.keys(operations).length} operations`);
