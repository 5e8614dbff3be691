// Annotation toggles on the article page: a checkbox per kind of mark.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  var boxes = document.querySelectorAll("#legend input[data-mark]");
  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      text.classList.toggle("hide-" + box.dataset.mark, !box.checked);
    });
  });
})();
