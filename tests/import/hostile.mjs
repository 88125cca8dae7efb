// Write the hostile inputs for `policysite import` into the folder given:
// huge lines, thousands of headings and table rows, page furniture in bulk,
// Markdown and HTML specials, impossible dates and random text. The same
// bytes every run (a fixed-seed generator), so a failure can be replayed.
//
//   node tests/import/hostile.mjs FOLDER
import { mkdirSync, writeFileSync } from 'node:fs';

const dir = process.argv[2];
mkdirSync(dir, { recursive: true });
let seed = 12345;
function random(n) {
	seed = (seed * 1103515245 + 12345) % 2147483648;
	return seed % n;
}
function pick(list) {
	return list[random(list.length)];
}
const han = '医疗卫生服务体系建设健康发展改革推进完善加强机制管理公共人才基层县市区省';
function words(n) {
	let s = '';
	for (let i = 0; i < n; i++)
		s += han[random(han.length)];
	return s;
}
function repeat(n, f) {
	const out = [];
	for (let i = 0; i < n; i++)
		out.push(f(i));
	return out.join('\n');
}
const write = (name, text) => writeFileSync(`${dir}/${name}.txt`, text);

// One paragraph of 3 MB, without a full stop, and one line of 200,000 tabs.
write('long-line', words(1000000) + '\n');
write('tabs', '领域' + '\t主要指标'.repeat(200000) + '\n');

// Numbering of every style, deeper than Markdown's six levels, out of sequence.
const styles = ['第一章 ', '第一节 ', '第一部分 ', '第一条 ', '一、', '（一）', '1. ', '（1）', '①'];
write('headings', repeat(60000, (i) => styles[i % styles.length] + words(1 + random(12)) +
	(random(3) ? '' : '。' + words(30) + '。')));
write('numbers', repeat(50000, (i) => `（${'九十'.repeat(1 + (i % 40))}）${words(6)}。${words(20)}。\n${i}`));

// Tables: a header over rows of every width, one cell a line, a task table.
write('tab-table', '领域\t序号\t主要指标\t单位\n' + repeat(50000, () =>
	repeat(1 + random(6), () => (random(4) ? words(random(5)) : '')).split('\n').join('\t')));
write('cell-table', '\t序号\n\t主要指标\n\t单位\n\t指标性质\n' + repeat(100000, (i) =>
	(i % 7 ? '\t' : '') + (random(3) ? words(random(8)) : '')));
write('task-table', '工作\n任务\n主要目标\n要求\n细化措施 责任单位 工作进展 备注\n' + repeat(30000, (i) =>
	pick(['一 、 坚 持', `${(i >> 3) + 1}.加 强 工 作 。`, '① 推 动 工 作 ，', '市 卫 健 委 、',
		'工作', '任务', words(random(20)), '— 3 —', `${i}.`])));

// Page furniture in bulk: page numbers, running heads, a long table of contents.
write('furniture', '目 录\n' + repeat(20000, (i) => `${i + 1}. ${words(8)}\t${i}`) + '\n' +
	repeat(30000, (i) => ['\f' + '某某市人民政府公报', words(40) + '，', '— ' + i + ' —', '第 ' + i + ' 页', String(i % 999)][i % 5]));

// Markdown and HTML that must stay text.
const specials = ['# 标题', '## 二级', '1. 列表', '2) 列表', '- 项目', '+ 项目', '* 项目', '> 引用',
	'<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[链接](javascript:alert(1))',
	'![图](http://example.org/x.png)', '| 甲 | 乙 |', '|---|---|', '---', '***', '===', '~~删除~~',
	'`代码`', '&amp; &#x3C;', '\\*转义\\*', '**粗体', '__下划线__', '[x]: http://example.org',
	'<http://example.org>', '    缩进四格', '```', '~~~', '<!-- 注释 -->', '{{模板}}', '$$x$$'];
write('specials', repeat(400, (i) => specials[i % specials.length] + (i % 3 ? '。' : '')));

// Covers with impossible dates, unbalanced brackets and spam of 文号.
write('covers', ['某市府办〔2024〕1 号', '某市人民政府办公室关于印发', '某某方案的通知',
	'各县：', '现印发给你们。', '某市人民政府办公室', '二〇二四年十三月四十日', '(2023年2月30日',
	'（征求意见稿', '9999年99月', ''].join('\n') + '\n根据' +
	repeat(20000, (i) => `《文件》（粤府办〔2023〕${i}号）`).split('\n').join('、') + '，制定本方案。\n');

// Random text over the characters the importer looks at.
const alphabet = [...han, ...'一二三四五六七八九十〇（）()、，。；：！？“”《》〔〕①②③第章节条附件目录年月日号',
	...'0123456789.-—|*_#<>&[]\\ \t', '\n', '\n', '\n', '\f', '　'];
let text = '';
for (let i = 0; i < 2000000; i++)
	text += alphabet[random(alphabet.length)];
write('random', text);
