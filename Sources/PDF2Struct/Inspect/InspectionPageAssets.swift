/// The inline style sheet and script of the inspect page. Kept apart from the HTML assembly so
/// each can be read on its own; both are plain text with no outside references (system fonts
/// only), so the page works offline and from `file://`.
enum InspectionPageAssets {
    /// The style sheet, with one colour class `k-<kind>` per overlay kind.
    static func css(kinds: [OverlayKind]) -> String {
        let colours = kinds.map { ".k-\($0.rawValue){--c:\($0.color.cssHex)}" }.joined(separator: "\n")
        return colours + "\n" + layout
    }

    private static let layout = """
        *{box-sizing:border-box}
        html,body{margin:0;height:100%}
        body{display:flex;flex-direction:column;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:#1d1d1f;background:#eceff1}
        header{flex:none;padding:8px 14px 6px;background:#fff;border-bottom:1px solid #cfd8dc;box-shadow:0 1px 3px rgba(0,0,0,.06)}
        .summary{font-size:15px}
        .summary a{color:inherit}
        .legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin:6px 0 4px;padding:0;list-style:none;font-size:12.5px;color:#37474f}
        .legend li{display:flex;align-items:center;gap:5px}
        .swatch{display:inline-block;width:18px;height:12px;border:2px solid var(--c);background:color-mix(in srgb,var(--c) 18%,white)}
        .swatch.k-recommendation{border-style:dashed;background:none}
        .swatch.line{border:none;height:2px;background:#ef6c00;width:22px}
        .dot{display:inline-block;width:8px;height:8px;border-radius:50%;background:#212121}
        .tagsample{font:bold 11px system-ui,sans-serif;background:#1565c0;color:#fff;padding:0 4px}
        #details{min-height:2.9em;margin-top:4px;padding:4px 8px;background:#fffde7;border:1px solid #fff59d;font-size:13px}
        #details .excerpt{color:#455a64;margin-top:2px;max-height:4.4em;overflow:auto}
        #details a{color:#0d47a1;cursor:pointer}
        main{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,11fr) minmax(0,9fr)}
        .pane{overflow:auto;padding:12px 16px 40vh}
        #pages{border-right:1px solid #cfd8dc}
        #text{background:#fff}
        .page h2{font-size:13px;font-weight:600;margin:14px 0 4px;color:#546e7a}
        .page:first-child h2{margin-top:0}
        .pagelabel{font-weight:normal}
        .zoom{float:right;font-size:12.5px;color:#546e7a}
        .zoom input{vertical-align:middle;width:9em}
        .sheet{position:relative;width:calc(var(--zoom,100) * 1%);box-shadow:0 1px 4px rgba(0,0,0,.25);background:#fff}
        .sheet img{display:block;width:100%;height:auto}
        .box{position:absolute;display:block;outline-offset:0}
        .box:hover{outline:2px solid var(--c);background:color-mix(in srgb,var(--c) 12%,transparent)}
        .box.hover{outline:2px solid var(--c)}
        .box.active{outline:3px solid #ffab00;background:rgba(255,214,0,.28);z-index:2}
        .box:focus-visible{outline:3px solid #000}
        .markdown{max-width:46em}
        .markdown [data-id]{cursor:pointer;border-left:3px solid transparent;padding-left:6px;margin-left:-9px;border-radius:2px}
        .markdown [data-id]:hover{background:#f5f5f5}
        .markdown [data-id].hover{background:#eef3fb}
        .markdown .active,.furniture .active{background:#fff59d !important;border-left-color:#ffab00}
        .markdown h1,.markdown h2,.markdown h3,.markdown h4,.markdown h5,.markdown h6{line-height:1.25;margin:1.1em 0 .4em}
        .markdown h1{font-size:1.6em}.markdown h2{font-size:1.35em}.markdown h3{font-size:1.17em}.markdown h4{font-size:1.05em}
        .markdown p,.markdown li{margin:.45em 0}
        .markdown blockquote{margin:.6em 0;padding:.1em .9em;border-left:4px solid #d50000;background:#fff5f5}
        .markdown ul,.markdown ol{padding-left:1.6em}
        sup.fnref a{color:#e65100;text-decoration:none;font-weight:600;padding:0 1px}
        sup.unlinked{color:#b71c1c;background:#ffebee;padding:0 2px}
        .footnotes{margin-top:2em;border-top:1px solid #cfd8dc;font-size:13px}
        .footnote{margin:.4em 0}
        .fnlabel{display:inline-block;min-width:1.6em;font-weight:600;color:#e65100}
        .furniture,.diagnostics{margin-top:2em;border-top:1px solid #cfd8dc;font-size:13px;color:#455a64}
        .furniture h3,.diagnostics h3{font-size:13px;margin:.8em 0 .3em}
        .furniture ul,.diagnostics ul{margin:0;padding-left:1.2em}
        .furniture li{cursor:pointer}
        .warning{color:#b71c1c;background:#ffebee;padding:4px 8px}
        """

    /// Selecting an element (click on a box, a block of text, a footnote reference or a link in
    /// the details) highlights it on both sides, scrolls the other side to it and shows its
    /// details; hovering a block outlines its boxes. `#b12` in the address selects on load.
    /// The range control sets the pages' width as a share of their pane.
    /// Details are inserted as text nodes only.
    static let script = """
        (function () {
          'use strict';
          var details = JSON.parse(document.getElementById('elements').textContent);
          var panel = document.getElementById('details');
          function withId(id, scope) {
            return (scope || document).querySelectorAll('[data-id="' + CSS.escape(id) + '"]');
          }
          function add(parent, tag, text, className) {
            var element = document.createElement(tag);
            if (text) element.textContent = text;
            if (className) element.className = className;
            parent.appendChild(element);
            return element;
          }
          function link(parent, id) {
            var a = add(parent, 'a', id);
            a.setAttribute('data-go', id);
            a.href = '#' + id;
          }
          function links(parent, label, ids) {
            if (!ids || !ids.length) return;
            add(parent, 'span', ' · ' + label + ' ');
            ids.forEach(function (id, i) { if (i) add(parent, 'span', ', '); link(parent, id); });
          }
          function show(id, shown) {
            var d = details[id];
            panel.textContent = '';
            var line = add(panel, 'div');
            add(line, 'strong', id + ' · ' + (d ? d.what : 'unknown element'));
            if (!d) return;
            add(line, 'span', ' · ' + d.pieces.join(' + '));
            if (d.style) add(line, 'span', ' · ' + d.style);
            if (d.references) {
              add(line, 'span', ' · markers ');
              d.references.forEach(function (r, i) {
                if (i) add(line, 'span', ', ');
                add(line, 'span', r.label + ' → ');
                if (r.note) link(line, r.note); else add(line, 'em', 'no note');
              });
            }
            links(line, 'cited by', d.citedBy);
            if (d.block) links(line, 'in', [d.block]);
            links(line, 'recommendations', d.recommendations);
            if (!shown) add(line, 'em', ' · its page is not rendered (see --pages)');
            add(panel, 'div', '“' + d.text + '”', 'excerpt');
          }
          function select(id, from) {
            document.querySelectorAll('.active').forEach(function (e) { e.classList.remove('active'); });
            withId(id).forEach(function (e) { e.classList.add('active'); });
            var box = withId(id, document.getElementById('pages'))[0];
            var text = withId(id, document.getElementById('text'))[0];
            if (box && from !== 'pages') box.scrollIntoView({block: 'center'});
            if (text && from !== 'text') text.scrollIntoView({block: 'nearest'});
            show(id, !!box);
            try { history.replaceState(null, '', '#' + id); } catch (ignored) {}
          }
          document.addEventListener('click', function (event) {
            var ref = event.target.closest('sup.fnref a');
            if (ref) {
              var label = document.getElementById(decodeURIComponent(ref.getAttribute('href').slice(1)));
              var note = label && label.closest('[data-id]');
              if (note) { event.preventDefault(); select(note.getAttribute('data-id'), null); }
              return;
            }
            var go = event.target.closest('[data-go]');
            if (go) { event.preventDefault(); select(go.getAttribute('data-go'), null); return; }
            var element = event.target.closest('[data-id]');
            if (!element) return;
            event.preventDefault();
            select(element.getAttribute('data-id'), element.closest('#pages') ? 'pages' : 'text');
          });
          document.getElementById('text').addEventListener('mouseover', function (event) {
            document.querySelectorAll('.hover').forEach(function (e) { e.classList.remove('hover'); });
            var element = event.target.closest('[data-id]');
            if (element) withId(element.getAttribute('data-id')).forEach(function (e) { e.classList.add('hover'); });
          });
          var zoom = document.getElementById('zoom');
          zoom.addEventListener('input', function () {
            document.getElementById('pages').style.setProperty('--zoom', zoom.value);
            document.getElementById('zoomvalue').textContent = zoom.value + '%';
          });
          var start = decodeURIComponent(location.hash.slice(1));
          if (start && details[start]) select(start, null);
        })();
        """
}
