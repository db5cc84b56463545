/// The form's own script, inline under the page's nonce: when a fact or an answer changes, it sends
/// the form to `/applicability` and shows, hides and explains the questions as the server says. It
/// decides nothing itself. Without it (scripts off, or a failed request) the Update button does the
/// same by reloading the page.
enum FormScript {
    static let source = """
    (function () {
      "use strict";
      var form = document.getElementById("case-form");
      if (!form || !window.fetch || !window.URLSearchParams) return;
      var update = form.querySelector("button.update");
      if (update) update.hidden = true;
      var running = false, again = false;
      function apply(data) {
        data.questions.forEach(function (q) {
          var el = document.getElementById(q.dom);
          if (!el) return;
          el.dataset.state = q.state;
          el.hidden = q.state === "not_applicable";
          var notice = el.querySelector(".notice");
          if (notice) notice.textContent = q.state === "not_applicable" ? "" : q.notice;
          var why = document.getElementById("why-" + q.dom);
          if (why) {
            why.hidden = q.state !== "not_applicable";
            why.querySelector(".reasons").textContent = q.state === "not_applicable" ? q.notice : "";
          }
          el.querySelectorAll("tr[data-element]").forEach(function (row) {
            row.hidden = q.elements.indexOf(row.dataset.element) < 0;
          });
          var computed = el.querySelector(".computed");
          if (computed && q.computed) computed.textContent = q.computed;
        });
        data.criteria.forEach(function (c) {
          var details = document.getElementById(c.dom);
          if (!details) return;
          details.hidden = c.count === 0;
          details.querySelector("summary").textContent = c.summary;
        });
        var progress = document.getElementById("progress");
        if (progress) progress.textContent = data.progress;
      }
      function refresh() {
        if (running) { again = true; return; }
        running = true;
        fetch("/applicability", {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams(new FormData(form)).toString()
        }).then(function (response) {
          if (!response.ok) throw new Error("status " + response.status);
          return response.json();
        }).then(apply).catch(function () {
          if (update) update.hidden = false;
        }).then(function () {
          running = false;
          if (again) { again = false; refresh(); }
        });
      }
      form.addEventListener("change", function (event) {
        var name = event.target.name || "";
        if (name.indexOf("fact:") === 0 || name.indexOf("answer:") === 0) refresh();
      });
    })();
    """
}
