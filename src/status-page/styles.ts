/** The page's only stylesheet, inline: the page loads nothing from anywhere else. */
export const STYLES = `
:root{color-scheme:light;--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:#fff}
header,main,footer{max-width:1280px;margin:0 auto;padding:0 16px}
header{padding-top:12px}
h1{font-size:1.5rem;margin:.4em 0 .1em}
h2{font-size:1.2rem;margin:1.4em 0 .4em;border-bottom:1px solid var(--line);padding-bottom:.2em}
p.meta,footer{color:var(--muted);font-size:.9rem}
.levels{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:16px;align-items:start}
@media (max-width:1100px){.levels{grid-template-columns:1fr}}
#authorities{font-size:.85rem}
figure{margin:0}
.map{display:block;width:100%;height:auto;background:#f2f7fb;border:1px solid var(--line);border-radius:6px}
.map-europe{max-width:420px;margin-top:8px}
.map .tracked{stroke:#333;stroke-width:.6}
.map .tracked:hover{stroke-width:1.6}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;list-style:none;padding:0;margin:8px 0 0;font-size:.85rem}
.swatch{display:inline-block;width:.95em;height:.95em;border:1px solid #555;border-radius:2px;vertical-align:-.1em;margin-right:4px}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
caption{text-align:left;font-weight:600;padding:4px 0}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line);overflow-wrap:break-word}
thead th{background:var(--bg);position:sticky;top:0}
.sev{white-space:nowrap;font-weight:600;text-transform:uppercase;font-size:.8rem;padding:1px 6px;border-radius:3px;border:1px solid}
.sev-critical{background:#d73027;color:#fff;border-color:#a50f15}
.sev-high{background:#fc8d59;color:#111;border-color:#d94801}
.sev-medium{background:#fee08b;color:#111;border-color:#b8860b}
.sev-low{background:#e8f5e9;color:#111;border-color:#1a9850}
.health-failing,.health-disabled{color:#a50f15;font-weight:600}
.empty{color:var(--muted);font-style:italic}
a{color:#0b57d0}
ul.links{margin:0;padding-left:1.1em}
@media (max-width:640px){
  body{font-size:14px}
  table.stack thead{position:absolute;left:-9999px}
  table.stack tr{display:block;border-bottom:2px solid var(--line);padding:6px 0}
  table.stack td{display:block;border:0;padding:2px 4px;overflow-wrap:anywhere}
  table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600;color:var(--muted)}
}
`;
