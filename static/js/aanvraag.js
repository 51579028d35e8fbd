/* Progressive enhancement for the application form: autosave the draft while typing and
   refresh the rule check. Without JavaScript the form still saves on every submit. */
(function () {
  "use strict";
  var form = document.getElementById("aanvraagformulier");
  if (!form) { return; }
  var status = document.getElementById("autosave-status");
  var container = document.getElementById("regeltoets-container");
  var timer = null;

  function post(url, extraHeaders) {
    var headers = { "X-Requested-With": "fetch" };
    for (var k in extraHeaders) { headers[k] = extraHeaders[k]; }
    var data = new FormData(form);
    data.delete("bestand");  // attachments are uploaded with their own button, not autosaved
    return fetch(url, { method: "POST", body: data, headers: headers,
                        credentials: "same-origin" });
  }

  function bewaar() {
    post(form.dataset.autosaveUrl, { "X-Autosave": "1" }).then(function (r) {
      return r.json().then(function (data) { return { ok: r.ok, data: data }; });
    }).then(function (res) {
      if (res.ok) {
        form.querySelector("input[name=versie]").value = res.data.versie;
        status.textContent = "Concept bewaard om " + new Date().toLocaleTimeString("nl-NL");
      } else {
        status.textContent = res.data.fout;
      }
    }).catch(function () { status.textContent = "Bewaren lukte niet; uw invoer staat nog in het formulier."; });
    post(form.dataset.regeltoetsUrl, {}).then(function (r) { return r.text(); })
      .then(function (html) { container.innerHTML = html; });
  }

  form.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(bewaar, 800);
  });
  form.addEventListener("change", function () {
    clearTimeout(timer);
    timer = setTimeout(bewaar, 300);
  });
})();
