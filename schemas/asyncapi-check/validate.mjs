// Parses an AsyncAPI document with @asyncapi/parser and its Avro schema parser, prints every diagnostic and
// exits 1 when any is an error (severity 0) or the document names fewer channels than expected.
import { readFile } from 'node:fs/promises';
import { Parser, DiagnosticSeverity } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';

const file = process.argv[2];
const parser = new Parser();
parser.registerSchemaParser(AvroSchemaParser());
const { document, diagnostics } = await parser.parse(await readFile(file, 'utf8'), { source: file });
const errors = diagnostics.filter(d => d.severity === DiagnosticSeverity.Error);
for (const d of diagnostics) {
  console.log(`${['error', 'warning', 'info', 'hint'][d.severity]} ${d.code} ${d.path.join('.')}: ${d.message}`);
}
if (!document || errors.length > 0) {
  console.error(`${file}: ${errors.length} error(s)`);
  process.exit(1);
}
const channels = document.channels().all().map(c => c.address());
const messages = document.allMessages().all().map(m => m.name());
console.log(`${file}: valid AsyncAPI ${document.version()}, channels ${channels.join(', ')}; messages ${messages.join(', ')}`);
