#!/usr/bin/env node
// Lists every regular expression literal in src/ and times each on repeated input at two lengths,
// to find the ones whose time grows faster than their input (backtracking). Prints a Markdown
// table: where, pattern, growth (time at 4,000 characters over time at 2,000; about 2 is linear).
//   node scripts/review-regexes.mjs > docs/regex-review-measured.md
// A growth above 3 is marked: such a pattern must only ever be given short input (see
// docs/regex-review.md for the judgement of each).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.ts')) files.push(path);
  }
})(join(root, 'src'));

const units = [' ', '\t', 'a', '.', '`', '--', 'Mr ', '](', '\n', ', ', 'ab ', '\r\n', '*', '-', '_ ', 'Qin Gang, ', '2019 ', "'s ", '(', 'a.'];
const literals = [];
for (const file of files.sort()) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      literals.push({ where: `${relative(root, file)}:${line + 1}`, literal: node.getText() });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

function time(regex, input) {
  const started = process.hrtime.bigint();
  for (let run = 0; run < 3; run++) {
    regex.lastIndex = 0;
    regex.test(input);
  }
  return Number(process.hrtime.bigint() - started) / 3e6;
}

console.log('| where | pattern | worst growth (2x input) | on |');
console.log('| --- | --- | --- | --- |');
for (const { where, literal } of literals) {
  const body = literal.slice(1, literal.lastIndexOf('/'));
  const flags = literal.slice(literal.lastIndexOf('/') + 1);
  let regex;
  try {
    regex = new RegExp(body, flags);
  } catch {
    continue;
  }
  let worst = { growth: 0, unit: '' };
  for (const unit of units) {
    const short = unit.repeat(Math.ceil(2000 / unit.length));
    const long = unit.repeat(Math.ceil(4000 / unit.length));
    const a = time(regex, short);
    const b = time(regex, long);
    // Times under 0.05 ms are noise: treat them as linear.
    const growth = b < 0.05 ? 1 : b / Math.max(a, 0.01);
    if (growth > worst.growth) worst = { growth, unit };
  }
  const shown = literal.length > 70 ? `${literal.slice(0, 67)}...` : literal;
  const mark = worst.growth > 3 ? ' **!**' : '';
  console.log(`| \`${where}\` | \`${shown.replace(/\|/g, '\\|').replace(/`/g, "'")}\` | ${worst.growth.toFixed(1)}${mark} | ${JSON.stringify(worst.unit)} |`);
}
