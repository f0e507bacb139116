/** CSS of the staff console, served as /staff.css (a file, so `style-src 'self'` suffices). */
export const STAFF_CSS = `
:root { --primary: #0b5cad; --fg: #1f2329; --muted: #5c6470; --line: #dfe3e8; --soft: #f5f7fa; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 15px/1.65 system-ui, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: var(--fg); background: var(--soft); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 9; }
:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
.top { display: flex; align-items: center; justify-content: space-between; gap: 12px; padding: 10px 20px; background: var(--primary); color: #fff; flex-wrap: wrap; }
.brand { font-weight: 700; font-size: 1.1em; } .brand span { font-weight: 400; margin-left: 10px; opacity: .85; font-size: .9em; }
.top nav { display: flex; gap: 4px; }
.top nav a { color: #fff; text-decoration: none; padding: 6px 12px; border-radius: 6px; }
.top nav a[aria-current="page"] { background: rgba(255,255,255,.2); font-weight: 600; }
main { max-width: 1180px; margin: 0 auto; padding: 16px; }
.btn { border: 1px solid var(--line); background: #fff; border-radius: 8px; padding: 6px 14px; font: inherit; cursor: pointer; }
.btn.primary { background: var(--primary); color: #fff; border-color: var(--primary); }
.btn.danger { color: #b3261e; border-color: #e8b4b0; }
.link { border: 0; background: none; padding: 0; font: inherit; color: var(--primary); cursor: pointer; text-align: left; }
.link:hover { text-decoration: underline; }
.searchbar { display: flex; gap: 8px; }
.searchbar input { flex: 1; font: inherit; font-size: 1.05em; padding: 10px 12px; border: 1px solid #b9c0c8; border-radius: 8px; min-width: 0; }
.filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 8px 12px; margin-top: 10px; }
.filters label, .token label, .text-form label { display: flex; flex-direction: column; font-size: .85em; color: var(--muted); gap: 2px; }
.filters input, .filters select, .token input, .text-form input, .text-form textarea { font: inherit; color: var(--fg); padding: 6px 8px; border: 1px solid #b9c0c8; border-radius: 6px; background: #fff; }
.status { color: var(--muted); min-height: 1.5em; margin: 10px 0; }
.results { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: 10px; }
.result { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; }
.result-head { display: flex; gap: 8px; align-items: baseline; font-weight: 600; font-size: 1.02em; }
.rank { color: #fff; background: var(--primary); border-radius: 10px; min-width: 22px; text-align: center; font-size: .8em; }
.meta { display: flex; flex-wrap: wrap; gap: 4px 12px; font-size: .85em; color: var(--muted); margin-top: 2px; }
.tag { background: #e8f0fb; color: var(--primary); padding: 0 6px; border-radius: 4px; }
.path { font-size: .85em; color: #3d4650; margin-top: 2px; }
.passage { margin: 6px 0; white-space: pre-wrap; }
mark.term { background: #ffe58a; color: inherit; padding: 0 1px; border-radius: 2px; }
.why { font-size: .78em; color: var(--muted); }
.flag { font-size: .75em; margin-left: .6em; padding: 0 .4em; border: 1px solid #b45309; border-radius: 3px; color: #92400e; background: #fffbeb; }
.copies { font-size: .82em; color: var(--muted); margin: .2em 0; }
.copies .link { margin-right: .6em; }
.doc-bar { display: flex; gap: 12px; align-items: center; }
.doc-head { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; margin-bottom: 12px; }
.doc-head h2 { margin: 0 0 6px; font-size: 1.2em; }
.facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0 0 8px; font-size: .88em; }
.facts div { display: flex; gap: 6px; } .facts dt { color: var(--muted); } .facts dd { margin: 0; }
.doc-body { display: grid; grid-template-columns: 240px 1fr; gap: 12px; align-items: start; }
.outline { position: sticky; top: 8px; max-height: calc(100vh - 16px); overflow: auto; background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 8px; font-size: .88em; }
.outline ol { list-style: none; margin: 0; padding: 0; }
.outline a { display: block; padding: 3px 6px; color: var(--fg); text-decoration: none; border-radius: 4px; }
.outline a:hover { background: var(--soft); color: var(--primary); }
.outline a[aria-current="location"] { background: var(--soft); color: var(--primary); font-weight: 700; box-shadow: inset 3px 0 0 var(--primary); }
.doc-text .chrome { color: #8a9099; background: repeating-linear-gradient(135deg, transparent 0 6px, #f3f4f6 6px 12px); }
.result.weak { opacity: .72; border-style: dashed; }
.result .weak-tag { font-size: .8em; color: var(--muted, #5c6470); margin-left: 8px; font-weight: 400; }
#show-weak { margin: 0 0 10px; }
.outline .depth-2 { padding-left: 16px; } .outline .depth-3 { padding-left: 26px; }
.doc-text { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 16px 20px; white-space: pre-wrap; word-break: break-word; line-height: 1.9; }
.anchor { scroll-margin-top: 12px; }
mark.hit { background: #ffe58a; color: inherit; box-shadow: 0 0 0 2px #f5b400; border-radius: 2px; scroll-margin: 80px; }
.token { display: flex; gap: 8px; align-items: end; flex-wrap: wrap; }
.admin { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; margin: 10px 0; display: flex; flex-direction: column; gap: 12px; }
.text-form { display: grid; grid-template-columns: 1fr 2fr; gap: 8px; align-items: end; } .text-form .wide { grid-column: 1 / -1; }
.table-wrap { overflow-x: auto; }
table.docs { width: 100%; border-collapse: collapse; background: #fff; border: 1px solid var(--line); font-size: .9em; }
.docs caption { text-align: left; color: var(--muted); padding: 6px 0; }
.docs th, .docs td { text-align: left; padding: 8px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
.docs th { background: var(--soft); font-weight: 600; white-space: nowrap; }
@media (max-width: 720px) {
  .doc-body { grid-template-columns: 1fr; } .outline { position: static; max-height: 200px; }
  main { padding: 10px; } .text-form { grid-template-columns: 1fr; }
}
`;
