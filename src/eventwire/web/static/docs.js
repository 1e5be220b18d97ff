/* Offline API reference: renders /openapi.json with DOM calls only (no CDN, no innerHTML). */
(function () {
  "use strict";
  function el(tag, text, cls) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);
    if (cls) n.className = cls;
    return n;
  }
  function schemaText(s) {
    if (!s) return "";
    if (s.$ref) return s.$ref.split("/").pop();
    if (s.anyOf) return s.anyOf.map(schemaText).join(" | ");
    if (s.enum) return s.enum.join(" | ");
    if (s.type === "array") return "array of " + schemaText(s.items);
    return s.type || "object";
  }
  var root = document.getElementById("api-docs");
  fetch("/openapi.json").then(function (r) { return r.json(); }).then(function (spec) {
    while (root.firstChild) root.removeChild(root.firstChild);
    root.appendChild(el("p", (spec.info && spec.info.description) || ""));
    var intro = el("p");
    intro.appendChild(el("span", "The machine-readable description is "));
    var a = el("a", "/openapi.json");
    a.setAttribute("href", "/openapi.json");
    intro.appendChild(a);
    intro.appendChild(el("span", " (OpenAPI " + spec.openapi + ", version " + ((spec.info && spec.info.version) || "") + ")."));
    root.appendChild(intro);
    Object.keys(spec.paths || {}).forEach(function (path) {
      var item = spec.paths[path];
      Object.keys(item).forEach(function (method) {
        var op = item[method];
        var box = el("section", null, "op");
        var h = el("h2");
        h.appendChild(el("span", method.toUpperCase(), "method"));
        h.appendChild(el("code", path));
        box.appendChild(h);
        if (op.summary) box.appendChild(el("p", op.summary));
        if (op.description) box.appendChild(el("p", op.description));
        var params = op.parameters || [];
        if (params.length) {
          var t = el("table");
          var head = el("tr");
          ["parameter", "in", "type", "description"].forEach(function (c) { head.appendChild(el("th", c)); });
          t.appendChild(head);
          params.forEach(function (p) {
            var tr = el("tr");
            tr.appendChild(el("td", p.name + (p.required ? " *" : "")));
            tr.appendChild(el("td", p.in));
            tr.appendChild(el("td", schemaText(p.schema)));
            tr.appendChild(el("td", p.description || (p.schema && p.schema.description) || ""));
            t.appendChild(tr);
          });
          box.appendChild(t);
        }
        if (op.requestBody) {
          var c = op.requestBody.content || {};
          Object.keys(c).forEach(function (ct) {
            box.appendChild(el("p", "Request body (" + ct + "): " + schemaText(c[ct].schema)));
          });
        }
        var codes = Object.keys(op.responses || {});
        if (codes.length) box.appendChild(el("p", "Responses: " + codes.join(", "), "muted"));
        root.appendChild(box);
      });
    });
    var schemas = (spec.components && spec.components.schemas) || {};
    if (Object.keys(schemas).length) {
      root.appendChild(el("h2", "Schemas"));
      Object.keys(schemas).forEach(function (name) {
        var s = schemas[name];
        var box = el("section", null, "op");
        box.appendChild(el("h3", name));
        var t = el("table");
        Object.keys(s.properties || {}).forEach(function (k) {
          var tr = el("tr");
          tr.appendChild(el("td", k + ((s.required || []).indexOf(k) >= 0 ? " *" : "")));
          tr.appendChild(el("td", schemaText(s.properties[k])));
          tr.appendChild(el("td", s.properties[k].description || ""));
          t.appendChild(tr);
        });
        box.appendChild(t);
        root.appendChild(box);
      });
    }
  }).catch(function (err) {
    root.textContent = "could not load /openapi.json: " + err;
  });
})();
