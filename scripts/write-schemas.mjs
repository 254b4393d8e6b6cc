// Writes the JSON Schemas of rule, record and dispositions files to schemas/, from the built sources.
import { writeFileSync } from 'node:fs';
import { dispositionsFileSchema } from '../dist/accountability/dispositions-schema.js';
import { recordFileSchema, ruleFileSchema } from '../dist/validate/schemas.js';

const out = (name, schema) => writeFileSync(new URL(`../schemas/${name}`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
out('rule-file.schema.json', ruleFileSchema());
out('record-file.schema.json', recordFileSchema());
out('dispositions.schema.json', dispositionsFileSchema());
console.log('wrote schemas/rule-file.schema.json, schemas/record-file.schema.json and schemas/dispositions.schema.json');
