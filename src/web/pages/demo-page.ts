import { escapeHtml } from '../../text/escape-html.js';

/** What the demo page puts on the widget's one <script> tag. */
export interface DemoWidgetAttributes {
  title: string;
  greeting?: string;
  suggestions?: string[];
  position?: 'left' | 'right';
  primaryColor?: string;
}

/** The one tag a government page adds to embed the widget. */
export function widgetTag(attrs: DemoWidgetAttributes, src = '/widget.js'): string {
  const data: [string, string | undefined][] = [
    ['data-title', attrs.title],
    ['data-greeting', attrs.greeting],
    ['data-position', attrs.position],
    ['data-primary-color', attrs.primaryColor],
    ['data-suggestions', attrs.suggestions?.join('|')],
  ];
  const rendered = data
    .filter((d): d is [string, string] => Boolean(d[1]))
    .map(([k, v]) => ` ${k}="${escapeHtml(v)}"`)
    .join('');
  return `<script src="${escapeHtml(src)}"${rendered} defer></script>`;
}

const NEWS = [
  ['2025-05-16', '《数字青岛2025年行动方案》政策解读'],
  ['2025-05-12', '我市深化“高效办成一件事”改革 新增一批集成办事场景'],
  ['2025-05-08', '“无证明城市”建设持续推进 30个以上“无证明机关”基本建成'],
  ['2025-04-28', '12345政务服务便民热线一季度办理情况通报'],
];

/** `/`: a demo government portal that embeds the widget with one tag, as a real site would. */
export function demoPage(attrs: DemoWidgetAttributes): string {
  const news = NEWS.map(([d, t]) => `<li><a href="#">${escapeHtml(t)}</a><time>${d}</time></li>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>青岛市人民政府 · 政务服务（演示页）</title>
<link rel="stylesheet" href="/demo.css">
</head>
<body>
<header class="gov"><div class="wrap"><div class="emblem" aria-hidden="true">★</div><div><strong>青岛市人民政府</strong><small>Qingdao Municipal People's Government · 演示页面</small></div></div>
<nav class="wrap" aria-label="栏目"><a href="#">首页</a><a href="#">政务公开</a><a href="#" aria-current="page">政务服务</a><a href="#">互动交流</a><a href="/staff">工作人员检索台</a></nav></header>
<main class="wrap">
<section class="banner"><h1>高效办成一件事</h1><p>政策有疑问？点击右下角“${escapeHtml(attrs.title)}”，答案附原文出处。</p></section>
<div class="cols">
<section><h2>政策解读</h2><ul class="news">${news}</ul></section>
<section><h2>便民服务</h2><ul class="svc"><li>社保医保</li><li>户籍办理</li><li>公积金</li><li>不动产登记</li><li>企业开办</li><li>12345热线</li></ul></section>
</div>
<section class="embed"><h2>嵌入方式</h2><p>任何政府网站只需加入一行代码：</p><pre><code>${escapeHtml(widgetTag(attrs, 'https://本服务地址/widget.js'))}</code></pre></section>
</main>
<footer class="wrap">主办：青岛市人民政府办公厅（演示） · 本页面仅用于展示智能助手嵌入效果</footer>
${widgetTag(attrs)}
</body>
</html>`;
}

export const DEMO_CSS = `
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.7 system-ui, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #222; background: #f4f5f7; }
.wrap { max-width: 1080px; margin: 0 auto; padding: 0 16px; }
.gov { background: linear-gradient(#b2191e, #8e1418); color: #fff; }
.gov > .wrap { display: flex; gap: 12px; align-items: center; padding-top: 14px; padding-bottom: 10px; }
.emblem { width: 44px; height: 44px; border-radius: 50%; background: #f6d36b; color: #b2191e; display: grid; place-items: center; font-size: 24px; }
.gov strong { display: block; font-size: 1.5em; letter-spacing: 2px; } .gov small { opacity: .8; }
.gov nav { display: flex; gap: 2px; flex-wrap: wrap; }
.gov nav a { color: #fff; text-decoration: none; padding: 8px 14px; }
.gov nav a[aria-current="page"] { background: rgba(255,255,255,.18); }
.banner { margin: 18px 0; padding: 28px; border-radius: 10px; color: #fff; background: linear-gradient(120deg, #0b5cad, #2f86d6); }
.banner h1 { margin: 0 0 6px; }
.cols { display: grid; grid-template-columns: 2fr 1fr; gap: 16px; }
section { background: #fff; border-radius: 10px; padding: 14px 18px; margin-bottom: 16px; }
.banner { margin-bottom: 16px; }
h2 { margin: 0 0 8px; font-size: 1.1em; border-left: 4px solid #b2191e; padding-left: 8px; }
.news { list-style: none; margin: 0; padding: 0; }
.news li { display: flex; justify-content: space-between; gap: 12px; padding: 6px 0; border-bottom: 1px dashed #ddd; }
.news a { color: #222; text-decoration: none; } .news time { color: #888; white-space: nowrap; }
.svc { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.svc li { background: #f4f7fb; border-radius: 6px; padding: 8px; text-align: center; }
pre { background: #1f2329; color: #e6e6e6; padding: 12px; border-radius: 8px; overflow-x: auto; font-size: .85em; white-space: pre-wrap; word-break: break-all; }
footer { color: #777; font-size: .85em; padding: 16px; text-align: center; }
@media (max-width: 720px) { .cols { grid-template-columns: 1fr; } .news li { flex-direction: column; gap: 0; } }
`;
