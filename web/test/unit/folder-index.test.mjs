import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

// The CloudFront Function of template.yaml that serves a folder's index.html in AWS, as the local stack does; run
// here as CloudFront runs it, on a viewer request. TemplateWebHostingTest checks where it is attached.
const template = readFileSync(new URL('../../../template.yaml', import.meta.url), 'utf8');
const block = template.match(/\n  WebFolderIndexFunction:\n[\s\S]*?\n      FunctionCode: \|\n((?: {8}.*\n)+)/);
assert.ok(block, 'template.yaml has WebFolderIndexFunction with its code');
const handler = new Function(`${block[1].replace(/^ {8}/gm, '')}\nreturn handler;`)();

const uriAfter = (uri) => handler({ request: { method: 'GET', uri, headers: {} } }).uri;

test('the app root and the results folder serve their index.html', () => {
  assert.equal(uriAfter('/'), '/index.html');
  assert.equal(uriAfter('/results/'), '/results/index.html');
});

test('a file address is left as it is', () => {
  assert.equal(uriAfter('/index.html'), '/index.html');
  assert.equal(uriAfter('/results/index.html'), '/results/index.html');
  assert.equal(uriAfter('/results/js/results.js'), '/results/js/results.js');
  assert.equal(uriAfter('/css/app.css'), '/css/app.css');
});
