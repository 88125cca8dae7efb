#!/usr/bin/env node
// Synthetic benchmark corpus (issue 9): N Chinese policy documents in the
// manner of the bundled content, seeded and deterministic.
//
//   node bench/corpus.mjs --n N [--seed S] --out DIR [--content content]
//
// writes
//   DIR/content/        a policysite content folder: site.yaml, departments.yaml
//                       (a few hundred units over 20 regions), policies/*.md,
//                       indicators/*.yaml + *.csv for a tenth of the documents
//   DIR/hugo/content/   the same documents for Hugo: front matter title, date
//                       and description, the same Markdown body
//   DIR/manifest.json   what was generated, from what
//
// Document i depends only on the seed and documents 0 … i−1, so the corpus of
// 1,000 documents is the first 1,000 documents of the corpus of 10,000. The
// vocabulary comes from the bundled content (--content, default content/ of
// the repository); the same seed and content give byte-identical files.

import { mkdirSync, writeFileSync, rmSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadVocab } from './lib/vocab.mjs';
import { makeRegistry, registryYaml } from './lib/regions.mjs';
import { DocumentMaker } from './lib/documents.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

function usage(msg) {
	if (msg)
		process.stderr.write(`corpus.mjs: ${msg}\n`);
	process.stderr.write('usage: node bench/corpus.mjs --n N [--seed S] --out DIR [--content DIR]\n');
	process.exit(2);
}

function parseArgs(argv) {
	const opt = { n: null, seed: '9', out: null, content: join(HERE, '..', 'content') };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i], v = argv[i + 1];
		if (a === '--n' && v) {
			opt.n = Number(v);
			i++;
		} else if (a === '--seed' && v) {
			opt.seed = v;
			i++;
		} else if (a === '--out' && v) {
			opt.out = v;
			i++;
		} else if (a === '--content' && v) {
			opt.content = v;
			i++;
		} else {
			usage(`unknown argument "${a}"`);
		}
	}
	if (!Number.isInteger(opt.n) || opt.n < 1)
		usage('--n must be a positive whole number');
	if (!opt.out)
		usage('--out is required');
	return opt;
}

// Only ever delete a folder this program made (it has a manifest) or an
// empty one.
function prepareOut(out) {
	if (existsSync(out)) {
		const entries = readdirSync(out);
		if (entries.length && !entries.includes('manifest.json'))
			usage(`${out} exists and is not a corpus folder; choose another --out`);
		for (const sub of ['content', 'hugo', 'manifest.json'])
			rmSync(join(out, sub), { recursive: true, force: true });
	}
	for (const sub of ['content/policies', 'content/indicators', 'hugo/content/policies'])
		mkdirSync(join(out, sub), { recursive: true });
}

function hugoFrontMatter(doc) {
	const summary = doc.markdown.match(/\nsummary: >-\n {2}(.*)\n/)[1];
	return ['---', `title: ${JSON.stringify(doc.title)}`, `date: ${doc.date.iso}`,
		`description: ${JSON.stringify(summary)}`, '---', ''].join('\n');
}

function main() {
	const opt = parseArgs(process.argv.slice(2));
	const vocab = loadVocab(opt.content);
	if (!vocab.sentences.length || !vocab.indicators.length)
		usage(`no vocabulary in ${opt.content}: it needs policies/*.md and indicators/*.yaml`);
	const registry = makeRegistry(opt.seed);
	prepareOut(opt.out);

	const site = readFileSync(join(opt.content, 'site.yaml'), 'utf8')
		.replace(/^title:.*$/m, 'title: 卫生健康政策公开平台（基准测试语料）')
		.replace(/^description:.*$/m, `description: 基准测试用合成语料，共${opt.n}份文件。`);
	writeFileSync(join(opt.out, 'content', 'site.yaml'), site);
	writeFileSync(join(opt.out, 'content', 'departments.yaml'), registryYaml(registry));

	const maker = new DocumentMaker({ seed: opt.seed, vocab, registry });
	const stats = { documents: 0, interpretations: 0, indicator_sets: 0, indicators: 0,
		markdown_bytes: 0, min_bytes: Infinity, max_bytes: 0, genres: {} };
	for (let i = 0; i < opt.n; i++) {
		const doc = maker.make(i);
		writeFileSync(join(opt.out, 'content', 'policies', `${doc.slug}.md`), doc.markdown);
		writeFileSync(join(opt.out, 'hugo', 'content', 'policies', `${doc.slug}.md`),
			hugoFrontMatter(doc) + doc.body);
		const size = Buffer.byteLength(doc.markdown);
		stats.documents++;
		stats.markdown_bytes += size;
		stats.min_bytes = Math.min(stats.min_bytes, size);
		stats.max_bytes = Math.max(stats.max_bytes, size);
		const genre = doc.markdown.match(/\ngenre: (.*)\n/)[1];
		stats.genres[genre] = (stats.genres[genre] || 0) + 1;
		if (doc.kind === 'interpretation')
			stats.interpretations++;
		if (doc.indicator) {
			writeFileSync(join(opt.out, 'content', 'indicators', `${doc.indicator.id}.yaml`), doc.indicator.yaml);
			writeFileSync(join(opt.out, 'content', 'indicators', `${doc.indicator.id}.csv`), doc.indicator.csv);
			stats.indicator_sets++;
			stats.indicators += doc.indicator.count;
		}
	}
	let departments = 0;
	for (const units of registry.values())
		departments += units.length;
	const manifest = {
		generator: 'bench/corpus.mjs', n: opt.n, seed: opt.seed, vocabulary: vocab.hash,
		departments, ...stats,
	};
	writeFileSync(join(opt.out, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
	process.stdout.write(`corpus: ${opt.n} documents (${(stats.markdown_bytes / opt.n / 1024).toFixed(1)} KB on ` +
		`average, ${(stats.min_bytes / 1024).toFixed(1)}–${(stats.max_bytes / 1024).toFixed(1)} KB), ` +
		`${departments} departments, ${stats.indicator_sets} indicator sets in ${opt.out}\n`);
}

main();
