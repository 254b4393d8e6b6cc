// Writes the JSON Schemas of rule and record files to schemas/, from the built sources.
import { writeFileSync } from 'node:fs';
import { recordFileSchema, ruleFileSchema } from '../dist/validate/schemas.js';

const out = (name, schema) => writeFileSync(new URL(`../schemas/${name}`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
out('rule-file.schema.json', ruleFileSchema());
out('record-file.schema.json', recordFileSchema());
console.log('wrote schemas/rule-file.schema.json and schemas/record-file.schema.json');
