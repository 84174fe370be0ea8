/**
 * The `google.script.run` stand-in the preview injects into `Sidebar.html`:
 * each call POSTs `{fn, args}` to `/rpc` and calls the success or failure
 * handler with the answer, as Apps Script would. Plain ES5 text so it runs
 * before the sidebar's own script.
 */

/** JSON that is safe inside a `<script>` element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

export function previewShimScript(functionNames: readonly string[], bannerText: string): string {
  return `(function () {
  var names = ${scriptJson(functionNames)};
  // As google.script.run: only primitives, null, and plain arrays and objects
  // of them cross; a Date, a function, a DOM node or a cycle fails at the call.
  function illegalPath(value, path, seen) {
    if (value === null || value === undefined) return null;
    var type = typeof value;
    if (type === "string" || type === "number" || type === "boolean") return null;
    if (type !== "object") return path;
    var tag = Object.prototype.toString.call(value);
    if (tag !== "[object Array]" && tag !== "[object Object]") return path;
    if (seen.indexOf(value) >= 0) return path;
    seen.push(value);
    var keys = Object.keys(value);
    for (var i = 0; i < keys.length; i++) {
      var found = illegalPath(value[keys[i]], path + "." + keys[i], seen);
      if (found !== null) return found;
    }
    seen.pop();
    return null;
  }
  function runner(onSuccess, onFailure) {
    var run = {
      withSuccessHandler: function (fn) { return runner(fn, onFailure); },
      withFailureHandler: function (fn) { return runner(onSuccess, fn); }
    };
    names.forEach(function (name) {
      run[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        for (var a = 0; a < args.length; a++) {
          var bad = illegalPath(args[a], String(a), []);
          if (bad !== null) throw new Error("Failed due to illegal value in property: " + bad);
        }
        fetch("/rpc", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ fn: name, args: args })
        })
          .then(function (response) { return response.json(); })
          .then(function (reply) {
            if (reply && reply.ok) { if (onSuccess) onSuccess(reply.result); }
            else if (onFailure) onFailure(new Error(reply && reply.error ? reply.error : "Server error"));
          }, function (error) {
            if (onFailure) onFailure(new Error("The preview server is not reachable: " + error.message));
          });
      };
    });
    return run;
  }
  window.google = { script: { run: runner(null, null) } };
  document.addEventListener("DOMContentLoaded", function () {
    var banner = document.createElement("div");
    banner.className = "preview-banner";
    banner.setAttribute("role", "note");
    banner.textContent = ${scriptJson(bannerText)};
    banner.style.cssText = "margin:0 0 8px;padding:4px 6px;font-size:12px;background:#e8f0fe;color:#1b2a4a;border-radius:4px";
    document.body.insertBefore(banner, document.body.firstChild);
  });
})();`;
}

/** The page with the stand-in placed before every other script. */
export function injectShim(html: string, shim: string): string {
  const tag = `<script>${shim}</script>`;
  const head = /<head[^>]*>/i.exec(html);
  if (head)
    return (
      html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length)
    );
  return tag + html;
}
