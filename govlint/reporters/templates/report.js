// Severity filters and paragraph expansion; the page works without this script too.
document.querySelectorAll("input[data-filter]").forEach(function (box) {
  box.addEventListener("change", function () {
    document.body.classList.toggle("hide-" + box.dataset.filter, !box.checked);
  });
});
document.querySelectorAll("p.para.plain").forEach(function (para) {
  para.addEventListener("click", function () { para.classList.toggle("expanded"); });
});
// Following a link to a finding opens its report first.
function openTarget() {
  var target = location.hash && document.getElementById(location.hash.slice(1));
  var report = target && target.closest("details.report");
  if (report) { report.open = true; target.scrollIntoView({block: "center"}); }
}
window.addEventListener("hashchange", openTarget);
openTarget();
